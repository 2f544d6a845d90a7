import { sign } from "@telegram-apps/init-data-node"

/** A Telegram user that exists only in local mode. */
const TEST_SHOPPER = {
  id: 100000001,
  first_name: "Тест",
  last_name: "Покупатель",
  username: "aistore_test_shopper",
  language_code: "ru",
  allows_write_to_pm: true,
}

/** Telegram's light theme, as a desktop client passes it. */
const THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#999999",
  link_color: "#2481cc",
  button_color: "#2481cc",
  button_text_color: "#ffffff",
  secondary_bg_color: "#efeff3",
}

/**
 * The Mini App URL as Telegram would open it for the test shopper: launch
 * parameters in the hash, initData signed with the local bot token, so the whole
 * purchase can be clicked through in a desktop browser.
 */
export function testShopperLaunchUrl(storefrontUrl, botToken) {
  const initData = sign(
    { user: TEST_SHOPPER, chat_type: "sender", chat_instance: "-4000000000000000001" },
    botToken,
    new Date()
  )
  const launchParams = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "tdesktop",
    tgWebAppThemeParams: JSON.stringify(THEME),
  })
  return `${storefrontUrl}/#${launchParams}`
}
