import { spawn, type ChildProcess } from "node:child_process"
import { join } from "node:path"
import { chromium, type Browser } from "playwright-core"

const ROOT = join(__dirname, "..", "..")
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

async function waitFor(url: string, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false
      )
    ) {
      return
    }
    await new Promise((wake) => setTimeout(wake, 250))
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms`)
}

/**
 * The built Mini App served as `npm start` serves it (vite preview proxying the backend, and the
 * Bot API double's shopper routes for Stars invoices), and Chromium.
 */
export async function startStorefront(
  port: number,
  backendUrl: string,
  botApiUrl?: string
): Promise<{ browser: Browser; stop: () => Promise<void> }> {
  const preview: ChildProcess = spawn(
    join(ROOT, "node_modules", ".bin", "vite"),
    ["preview", "--port", String(port), "--strictPort"],
    {
      cwd: join(ROOT, "storefront-miniapp"),
      env: {
        ...process.env,
        MEDUSA_BACKEND_PROXY: backendUrl,
        ...(botApiUrl ? { TELEGRAM_DOUBLE_PROXY: botApiUrl } : {}),
      },
      stdio: "ignore",
    }
  )
  await waitFor(`http://localhost:${port}`, 30_000)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
  })
  return {
    browser,
    stop: async () => {
      await browser.close()
      preview.kill("SIGTERM")
    },
  }
}
