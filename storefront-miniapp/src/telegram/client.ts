import {
  backButton,
  closingBehavior,
  hapticFeedback,
  init,
  invoice,
  mainButton,
  miniApp,
  openLink as sdkOpenLink,
  openTelegramLink as sdkOpenTelegramLink,
  requestWriteAccess as sdkRequestWriteAccess,
  themeParams,
  viewport,
} from "@telegram-apps/sdk-react"
import type { TelegramEnvironment } from "./environment"
import { installMockTelegramClient } from "./mock-client"
import { setColorScheme } from "./theme"

/**
 * Everything that talks to Telegram, through @telegram-apps/sdk-react. A chunk of its own,
 * loaded beside the first screen (see bridge.ts): the catalogue never waits for it.
 */

function attempt(step: () => unknown): void {
  try {
    step()
  } catch {
    // An older client without this feature: the app works without it.
  }
}

/** Starts the SDK (and the stand-in client outside Telegram), binds the live theme, mounts the buttons. */
export function startTelegram(environment: Exclude<TelegramEnvironment, "outside">): void {
  if (environment === "mock") installMockTelegramClient()
  init()
  attempt(() => themeParams.mountSync())
  attempt(() => themeParams.bindCssVars())
  attempt(() => miniApp.mountSync())
  attempt(() => backButton.mount())
  attempt(() => mainButton.mount())
  attempt(() => closingBehavior.mount())
  // The user may switch between light and dark while the app is open.
  attempt(() => themeParams.isDark.sub(() => setColorScheme(themeParams.isDark())))
  attempt(() => {
    void viewport
      .mount()
      .then(() => {
        viewport.bindCssVars()
        if (!viewport.isExpanded()) viewport.expand()
      })
      .catch(() => undefined)
  })
  attempt(() => miniApp.setHeaderColor("secondary_bg_color"))
  attempt(() => miniApp.setBackgroundColor("secondary_bg_color"))
  attempt(() => miniApp.ready())
}

export interface MainButtonState {
  text: string
  visible: boolean
  enabled: boolean
  loading: boolean
}

export function setMainButton({ text, visible, enabled, loading }: MainButtonState): void {
  // Hidden: leave the text alone (Telegram refuses an empty one).
  if (!visible || !text) attempt(() => mainButton.setParams({ isVisible: false, isLoaderVisible: false }))
  else
    attempt(() =>
      mainButton.setParams({ text, isVisible: true, isEnabled: enabled && !loading, isLoaderVisible: loading })
    )
}

export function onMainButtonClick(listener: () => void): VoidFunction {
  try {
    return mainButton.onClick(listener)
  } catch {
    return () => undefined
  }
}

export function setBackButton(visible: boolean): void {
  attempt(() => (visible ? backButton.show() : backButton.hide()))
}

export function onBackButtonClick(listener: () => void): VoidFunction {
  try {
    return backButton.onClick(listener)
  } catch {
    return () => undefined
  }
}

export function haptic(kind: "selection" | "success" | "error" | "warning"): void {
  if (kind === "selection") {
    if (hapticFeedback.selectionChanged.isAvailable()) hapticFeedback.selectionChanged()
  } else if (hapticFeedback.notificationOccurred.isAvailable()) {
    hapticFeedback.notificationOccurred(kind)
  }
}

export function openLink(url: string): void {
  if (sdkOpenLink.isAvailable()) sdkOpenLink(url)
  else window.open(url, "_blank", "noopener")
}

export function openTelegramLink(url: string): void {
  if (sdkOpenTelegramLink.isAvailable()) sdkOpenTelegramLink(url)
  else window.open(url, "_blank", "noopener")
}

export type InvoiceStatus = "paid" | "cancelled" | "failed" | "pending"
const INVOICE_STATUSES: readonly string[] = ["paid", "cancelled", "failed", "pending"]

/** Opens a Telegram Stars invoice and answers how the shopper closed it. */
export async function openInvoice(link: string): Promise<InvoiceStatus> {
  if (!invoice.open.isAvailable()) return "failed"
  try {
    const status = await invoice.open(link, "url")
    // A status newer clients may add is not a payment we know of: the status page follows the cart.
    return INVOICE_STATUSES.includes(status) ? (status as InvoiceStatus) : "pending"
  } catch {
    return "failed"
  }
}

export function setClosingConfirmation(enabled: boolean): void {
  attempt(() => (enabled ? closingBehavior.enableConfirmation() : closingBehavior.disableConfirmation()))
}

/** Asks the shopper to let the bot write to them. Never blocks paying. */
export async function requestWriteAccess(): Promise<void> {
  if (!sdkRequestWriteAccess.isAvailable()) return
  try {
    await sdkRequestWriteAccess()
  } catch {
    // declined or unsupported: the course is still in My courses
  }
}
