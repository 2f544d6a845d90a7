// From source: CI type-checks before the plugins are built.
import { SANDBOX_SHOP_ID, startYookassaSandbox, type YookassaSandbox } from "../../plugins/payment-yookassa/src/sandbox"
import { useEnvironment, workerPort } from "./test-environment"

export { SANDBOX_SHOP_ID }
export const SANDBOX_SECRET_KEY = "test_integration-sandbox-key"
export const RETURN_URL = "https://t.me/aistore_bot/shop"

/** Points the app at a Yookassa sandbox for one test file (on a port fixed per jest worker). */
export function useYookassaSandbox(
  basePort: number,
  extra: Record<string, string> = {}
): { sandbox: () => YookassaSandbox } {
  const port = workerPort(basePort)
  useEnvironment({
    YOOKASSA_API_URL: `http://127.0.0.1:${port}/v3`,
    YOOKASSA_WIDGET_URL: `http://127.0.0.1:${port}/checkout-widget/v1/checkout-widget.js`,
    YOOKASSA_SHOP_ID: SANDBOX_SHOP_ID,
    YOOKASSA_SECRET_KEY: SANDBOX_SECRET_KEY,
    YOOKASSA_RETURN_URL: RETURN_URL,
    YOOKASSA_WEBHOOK_DELAY_MS: "100",
    ...extra,
  })

  let sandbox: YookassaSandbox | undefined
  beforeAll(async () => {
    sandbox = await startYookassaSandbox({ port, shopId: SANDBOX_SHOP_ID, secretKey: SANDBOX_SECRET_KEY })
  })
  afterAll(async () => {
    await sandbox?.stop()
  })
  return {
    sandbox: () => {
      if (!sandbox) {
        throw new Error("The Yookassa sandbox is not running yet")
      }
      return sandbox
    },
  }
}
