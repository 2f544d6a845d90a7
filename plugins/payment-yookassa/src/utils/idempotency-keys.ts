/**
 * Deterministic Idempotence-Keys for calls Medusa gives no key for: a retry of the same
 * operation must repeat the same key, so Yookassa performs it once. Yookassa allows 64 characters.
 */
export const idempotencyKeys = {
  cancelForDeletedSession: (paymentId: string) => `${paymentId}:cancel-deleted`,
  staleCancel: (paymentId: string) => `${paymentId}:stale-cancel`,
  staleRefund: (paymentId: string) => `${paymentId}:stale-refund`,
  capture: (paymentId: string) => `${paymentId}:capture`,
  cancel: (paymentId: string) => `${paymentId}:cancel`,
}
