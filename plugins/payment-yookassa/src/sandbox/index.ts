/**
 * `@aistore/medusa-payment-yookassa/sandbox`: a Yookassa API v3 sandbox for tests and local mode.
 *
 * ```ts
 * const sandbox = await startYookassaSandbox({ shopId: "123456", secretKey: "test_key", webhookUrl })
 * // YOOKASSA_API_URL = sandbox.apiUrl
 * await sandbox.pay(paymentId)          // the shopper clicks Pay on confirmation_url
 * await sandbox.flushNotifications()    // payment.succeeded reached the webhook (or gave up)
 * await sandbox.stop()
 * ```
 */
export { SANDBOX_SHOP_ID } from "./credentials"
export { startYookassaSandbox } from "./server"
export type {
  Amount,
  NotificationBody,
  NotificationEvent,
  NotificationRecord,
  PaymentStatus,
  Receipt,
  ReceiptItem,
  RequestMatch,
  RequestRecord,
  SandboxFaults,
  SandboxLogger,
  SandboxPayment,
  SandboxRefund,
  YookassaSandbox,
  YookassaSandboxOptions,
} from "./types"
