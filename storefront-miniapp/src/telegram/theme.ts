/**
 * Paints the first frame in the shopper's Telegram theme before the SDK has loaded: the launch's
 * theme colours go to the same CSS variables the SDK binds later (`--tg-theme-bg-color`, ...).
 */
const COLOR = /^#[0-9a-f]{3,8}$/i

export function isDarkColor(hex: string): boolean {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex)
  if (!rgb) return false
  const [r = 255, g = 255, b = 255] = rgb.slice(1, 4).map((h) => parseInt(h, 16))
  // Rec. 601 luma, good enough to pick a colour scheme.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128
}

export function setColorScheme(dark: boolean): void {
  document.documentElement.style.colorScheme = dark ? "dark" : "light"
  document.documentElement.dataset.theme = dark ? "dark" : "light"
}

export function applyLaunchTheme(themeParams: Record<string, string>): void {
  const style = document.documentElement.style
  for (const [key, value] of Object.entries(themeParams)) {
    if (COLOR.test(value)) style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value)
  }
  const bg = themeParams.bg_color
  setColorScheme(Boolean(bg && COLOR.test(bg) && isDarkColor(bg)))
}
