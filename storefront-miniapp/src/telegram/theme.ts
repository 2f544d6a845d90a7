/**
 * Paints the first frame in the user's Telegram theme without loading any SDK.
 *
 * Telegram opens a Mini App with its launch parameters in the URL hash, among them
 * `tgWebAppThemeParams` (JSON: `{ "bg_color": "#17212b", "text_color": "#f5f5f5", ... }`).
 * We copy them to the same CSS variables the Telegram SDK binds later
 * (`--tg-theme-bg-color`, ...), so the styles never have to change.
 */
const STORAGE_KEY = "aistore:tg-theme"
const COLOR = /^#[0-9a-f]{3,8}$/i

function readThemeParams(): Record<string, unknown> | null {
  let raw: string | null = null
  try {
    raw = new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppThemeParams")
    // The hash is gone after in-app navigation or a reload on some clients: keep the last one.
    if (raw) sessionStorage.setItem(STORAGE_KEY, raw)
    else raw = sessionStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : null
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function isDark(hex: string): boolean {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex)
  if (!rgb) return false
  const [r = 255, g = 255, b = 255] = rgb.slice(1, 4).map((h) => parseInt(h, 16))
  // Rec. 601 luma, good enough to pick a colour scheme.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128
}

export function applyLaunchTheme(): void {
  const params = readThemeParams()
  if (!params) return
  const style = document.documentElement.style
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && COLOR.test(value)) {
      style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value)
    }
  }
  const bg = params.bg_color
  if (typeof bg === "string" && COLOR.test(bg)) {
    style.colorScheme = isDark(bg) ? "dark" : "light"
  }
}
