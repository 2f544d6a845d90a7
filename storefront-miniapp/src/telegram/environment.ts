/**
 * - `telegram`: inside a Telegram client (its webview bridge, or web Telegram's iframe);
 * - `mock`: a browser holding signed launch parameters (the link `npm start` prints, the tests,
 *   the benchmark, or a reload after the payment page): the app plays Telegram's part itself;
 * - `outside`: a browser with nothing to sign in with: the page that says how to open the store.
 */
export type TelegramEnvironment = "telegram" | "mock" | "outside"

function insideFrame(): boolean {
  try {
    return window.self !== window.top
  } catch {
    return true
  }
}

export function detectEnvironment(hasLaunch: boolean): TelegramEnvironment {
  // Mobile and desktop clients inject TelegramWebviewProxy; web Telegram embeds the app in an iframe.
  if ("TelegramWebviewProxy" in window || insideFrame()) return "telegram"
  return hasLaunch ? "mock" : "outside"
}
