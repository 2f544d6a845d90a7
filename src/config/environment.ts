/**
 * The store's configuration, read once from the environment and validated.
 *
 * Local mode (no NODE_ENV=production) works with nothing set: every value has an
 * embedded default. In production nothing secret or deployment-specific has a
 * default: every missing or invalid variable is reported in one message and the
 * start stops. Each concern reads its own variables (server.ts, telegram.ts, ...).
 */
import type { CourseAccessOptionsInput } from "@aistore/medusa-course-access/types"
import { createEnvReader, type Env } from "./env-reader"
import { readPaymentMethods, type PaymentMethod } from "./payment-methods"
import { readServer, type ServerEnvironment } from "./server"
import { readStoreFeatures, type StoreFeatures } from "./store-features"
import { readTelegram, type TelegramEnvironment } from "./telegram"
import { readYookassa, type YookassaEnvironment } from "./yookassa"

export { PAYMENT_METHODS, PAYMENT_PROVIDER_IDS, type PaymentMethod } from "./payment-methods"
export { LOCAL_DATABASE_PORT, LOCAL_DATABASE_URL, LOCAL_STOREFRONT_URL, type WorkerMode } from "./server"
export { LOCAL_BOT_TOKEN, TELEGRAM_API_ROOT, type TelegramEnvironment } from "./telegram"
export {
  SANDBOX_SECRET_KEY,
  SANDBOX_SHOP_ID,
  YOOKASSA_API_URL,
  YOOKASSA_WIDGET_URL,
  type YookassaEnvironment,
} from "./yookassa"

export interface StoreEnvironment extends ServerEnvironment, StoreFeatures {
  isProduction: boolean
  telegram: TelegramEnvironment
  yookassa: YookassaEnvironment
  /** The payment methods the region offers, in the Mini App's order. */
  paymentMethods: PaymentMethod[]
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `AI Store cannot start, the environment is incomplete:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n") +
        `\nSee .env.example for what each variable means.`
    )
    this.name = "EnvironmentError"
  }
}

export function readEnvironment(env: Env = process.env): StoreEnvironment {
  const reader = createEnvReader(env)
  const server = readServer(reader)
  const features = readStoreFeatures(reader)
  const telegram = readTelegram(reader)
  const paymentMethods = readPaymentMethods(reader)
  const yookassa = readYookassa(reader, { miniAppUrl: telegram.miniAppUrl, ...server })
  if (reader.problems.length || !yookassa) {
    throw new EnvironmentError(reader.problems)
  }
  return { isProduction: reader.isProduction, ...server, ...features, telegram, yookassa, paymentMethods }
}

/** The course-access plugin's options (the plugin validates them): the store bot that works the course chats. */
export function courseAccessOptions(env: StoreEnvironment): CourseAccessOptionsInput {
  return { botToken: env.telegram.botToken, apiRoot: env.telegram.apiRoot }
}
