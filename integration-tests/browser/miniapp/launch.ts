import type { Page } from "playwright-core"
import { signInitData } from "../../helpers/telegram-init-data"

/** The token the app was configured with (the local default unless TELEGRAM_BOT_TOKEN is set). */
const BOT_TOKEN = process.env.TELEGRAM_BOT_TOKEN || "1000000001:local-development-bot-token"

export const LIGHT_THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#999999",
  link_color: "#2481cc",
  button_color: "#2481cc",
  button_text_color: "#ffffff",
  secondary_bg_color: "#efeff3",
}

/** Telegram's dark theme (Android night), as a client passes it. */
export const DARK_THEME = {
  bg_color: "#212d3b",
  text_color: "#ffffff",
  hint_color: "#7d8b99",
  link_color: "#5eabe1",
  button_color: "#5288c1",
  button_text_color: "#ffffff",
  secondary_bg_color: "#151e27",
  section_bg_color: "#1d2733",
  accent_text_color: "#64b5ef",
  destructive_text_color: "#ee686f",
  section_separator_color: "#0d1218",
}

export type Shopper = { id: number; first_name: string; language_code: "ru" | "en"; allows_write_to_pm?: boolean }

/** The Mini App URL as Telegram opens it: signed initData and the theme in the hash. */
export function launchUrl(
  storefrontUrl: string,
  shopper: Shopper,
  { theme = LIGHT_THEME, startParam }: { theme?: Record<string, string>; startParam?: string } = {}
): string {
  const initData = signInitData(
    {
      user: { allows_write_to_pm: true, ...shopper },
      chat_type: "sender",
      chat_instance: "-4000000000000000001",
      ...(startParam ? { start_param: startParam } : {}),
    },
    BOT_TOKEN,
    new Date()
  )
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "tdesktop",
    tgWebAppThemeParams: JSON.stringify(theme),
    ...(startParam ? { tgWebAppStartParam: startParam } : {}),
  })
  return `${storefrontUrl}/#${params}`
}

export const MAIN_BUTTON = '[data-testid="main-button"]'

/** Waits until Telegram's MainButton (drawn by the stand-in client) shows `text` and takes taps. */
export async function mainButton(page: Page, text: RegExp) {
  await page.waitForFunction(
    ([selector, source]) => {
      const button = document.querySelector<HTMLButtonElement>(selector!)
      return Boolean(button && !button.hidden && !button.disabled && new RegExp(source!).test(button.textContent ?? ""))
    },
    [MAIN_BUTTON, text.source],
    { timeout: 30_000 }
  )
  return page.locator(MAIN_BUTTON)
}
