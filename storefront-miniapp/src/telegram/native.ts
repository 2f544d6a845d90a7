import {
  closingBehavior,
  hapticFeedback,
  openLink as sdkOpenLink,
  openTelegramLink as sdkOpenTelegramLink,
  requestWriteAccess as sdkRequestWriteAccess,
} from "@telegram-apps/sdk-react"

/** Telegram features with a graceful fallback when the client lacks them. */

export function hapticSelection(): void {
  if (hapticFeedback.selectionChanged.isAvailable()) hapticFeedback.selectionChanged()
}

export function hapticNotify(type: "success" | "error" | "warning"): void {
  if (hapticFeedback.notificationOccurred.isAvailable()) hapticFeedback.notificationOccurred(type)
}

export function openLink(url: string): void {
  if (sdkOpenLink.isAvailable()) sdkOpenLink(url)
  else window.open(url, "_blank", "noopener")
}

export function openTelegramLink(url: string): void {
  if (sdkOpenTelegramLink.isAvailable()) sdkOpenTelegramLink(url)
  else window.open(url, "_blank", "noopener")
}

/** A payment is under way: closing the Mini App asks first. */
export function setClosingConfirmation(enabled: boolean): void {
  try {
    if (enabled) closingBehavior.enableConfirmation()
    else closingBehavior.disableConfirmation()
  } catch {
    // not supported
  }
}

/** Asks the shopper to let the bot write to them (the course arrives as a message). Never blocks paying. */
export async function requestWriteAccess(): Promise<void> {
  if (!sdkRequestWriteAccess.isAvailable()) return
  try {
    await sdkRequestWriteAccess()
  } catch {
    // declined or unsupported: the course is still in My courses
  }
}
