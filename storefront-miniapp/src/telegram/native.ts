import { telegram, withTelegram } from "./bridge"
import type { InvoiceStatus } from "./client"

export type { InvoiceStatus } from "./client"

/** Telegram features for the screens, through the client chunk (see bridge.ts). */

export const hapticSelection = (): void => withTelegram((client) => client.haptic("selection"))
export const hapticNotify = (type: "success" | "error" | "warning"): void =>
  withTelegram((client) => client.haptic(type))
export const setClosingConfirmation = (enabled: boolean): void =>
  withTelegram((client) => client.setClosingConfirmation(enabled))

export function openLink(url: string): void {
  telegram().then(
    (client) => client.openLink(url),
    () => window.open(url, "_blank", "noopener")
  )
}

export function openTelegramLink(url: string): void {
  telegram().then(
    (client) => client.openTelegramLink(url),
    () => window.open(url, "_blank", "noopener")
  )
}

/** Asks the shopper to let the bot write to them (the course arrives as a message). Never blocks paying. */
export async function requestWriteAccess(): Promise<void> {
  await telegram().then(
    (client) => client.requestWriteAccess(),
    () => undefined
  )
}

/** Opens a Telegram Stars invoice; without a Telegram client nothing was paid ("failed"). */
export function openInvoice(link: string): Promise<InvoiceStatus> {
  return telegram().then(
    (client) => client.openInvoice(link),
    (): InvoiceStatus => "failed"
  )
}
