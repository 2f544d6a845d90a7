import { emitEvent, mockTelegramEnv, retrieveLaunchParams } from "@telegram-apps/sdk-react"
import { playInvoice } from "./mock-invoice"

/**
 * Plays the Telegram client in a plain browser (local mode, tests, benchmarks): answers the
 * Mini App methods the SDK calls, and draws the MainButton and BackButton as page elements that
 * send the same `main_button_pressed` / `back_button_pressed` events a client sends. Links open
 * in this tab, so the payment page returns here; a Stars invoice is paid through the Bot API double
 * (mock-invoice.ts). The last haptic and the closing confirmation are
 * exposed as data attributes on <html>, as a tester would watch them.
 */
type MainButtonParams = {
  is_visible?: boolean
  is_active?: boolean
  is_progress_visible?: boolean
  text?: string
  color?: string
  text_color?: string
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  testId: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  node.dataset.testid = testId
  return node
}

function createMainButton() {
  const button = element("button", "mock-main-button", "main-button")
  button.type = "button"
  button.hidden = true
  button.addEventListener("click", () => {
    if (!button.disabled) emitEvent("main_button_pressed")
  })
  document.body.append(button)
  return (params: MainButtonParams) => {
    const visible = Boolean(params.is_visible && params.text)
    button.hidden = !visible
    document.documentElement.classList.toggle("mock-main-button-shown", visible)
    button.disabled = !params.is_active || Boolean(params.is_progress_visible)
    button.textContent = params.text ?? ""
    button.setAttribute("aria-busy", String(Boolean(params.is_progress_visible)))
    if (params.color) button.style.background = params.color
    if (params.text_color) button.style.color = params.text_color
  }
}

function createBackButton() {
  const button = element("button", "mock-back-button", "back-button")
  button.type = "button"
  button.hidden = true
  button.textContent = "‹"
  button.setAttribute("aria-label", document.documentElement.lang === "en" ? "Back" : "Назад")
  button.addEventListener("click", () => emitEvent("back_button_pressed"))
  document.body.append(button)
  return (visible: boolean) => {
    button.hidden = !visible
    document.documentElement.classList.toggle("mock-back-button-shown", visible)
  }
}

export function installMockTelegramClient(): void {
  const themeParams = retrieveLaunchParams().tgWebAppThemeParams ?? {}
  const setMainButton = createMainButton()
  const setBackButton = createBackButton()
  const root = document.documentElement.dataset
  const viewport = () => ({
    height: window.innerHeight,
    width: window.innerWidth,
    is_expanded: true,
    is_state_stable: true,
  })
  window.addEventListener("resize", () => emitEvent("viewport_changed", viewport()))

  mockTelegramEnv({
    onEvent: ([method, params]) => {
      const payload = (params ?? {}) as Record<string, unknown>
      switch (method) {
        case "web_app_request_theme":
          return emitEvent("theme_changed", { theme_params: themeParams })
        case "web_app_request_viewport":
          return emitEvent("viewport_changed", viewport())
        case "web_app_request_safe_area":
          return emitEvent("safe_area_changed", { top: 0, bottom: 0, left: 0, right: 0 })
        case "web_app_request_content_safe_area":
          return emitEvent("content_safe_area_changed", { top: 0, bottom: 0, left: 0, right: 0 })
        case "web_app_setup_main_button":
          return setMainButton(payload as MainButtonParams)
        case "web_app_setup_back_button":
          return setBackButton(Boolean(payload.is_visible))
        case "web_app_open_link":
          return window.location.assign(String(payload.url))
        case "web_app_open_tg_link":
          return void window.open(`https://t.me${String(payload.path_full)}`, "_blank", "noopener")
        case "web_app_open_invoice":
          return playInvoice(String(payload.slug))
        case "web_app_request_write_access":
          return emitEvent("write_access_requested", { status: "allowed" })
        case "web_app_trigger_haptic_feedback":
          root.lastHaptic = String(payload.notification_type ?? payload.impact_style ?? payload.type)
          return
        case "web_app_setup_closing_behavior":
          root.closingConfirmation = String(Boolean(payload.need_confirmation))
          return
        default:
          return
      }
    },
  })
}
