/**
 * The launch parameters Telegram puts in the URL hash (`tgWebAppData`, `tgWebAppThemeParams`,
 * `tgWebAppStartParam`, ...), read without the Telegram SDK so the first screen does not wait for
 * it. A reload without the hash (back from the payment page) finds them where the SDK keeps them
 * for the session (`tapps/launchParams`), written here too.
 */
export interface Launch {
  /** initData exactly as signed: the backend checks its hash. */
  initDataRaw: string
  userId: string
  languageCode?: string
  allowsWriteToPm: boolean
  startParam?: string
  themeParams: Record<string, string>
}

export const LAUNCH_STORAGE_KEY = "tapps/launchParams"

function json<T>(text: string | null | undefined, fallback: T): T {
  try {
    const value: unknown = text ? JSON.parse(text) : null
    return value && typeof value === "object" ? (value as T) : fallback
  } catch {
    return fallback
  }
}

/** Parses a launch query (`tgWebAppData=...&tgWebAppThemeParams=...`); undefined without initData. */
export function parseLaunchQuery(query: string): Launch | undefined {
  const params = new URLSearchParams(query)
  const initDataRaw = params.get("tgWebAppData")
  if (!initDataRaw) return undefined
  const initData = new URLSearchParams(initDataRaw)
  const user = json<{ id?: unknown; language_code?: unknown; allows_write_to_pm?: unknown }>(initData.get("user"), {})
  const theme = json<Record<string, unknown>>(params.get("tgWebAppThemeParams"), {})
  return {
    initDataRaw,
    userId: typeof user.id === "number" || typeof user.id === "string" ? String(user.id) : "anonymous",
    languageCode: typeof user.language_code === "string" ? user.language_code : undefined,
    allowsWriteToPm: user.allows_write_to_pm === true,
    startParam: params.get("tgWebAppStartParam") ?? initData.get("start_param") ?? undefined,
    themeParams: Object.fromEntries(
      Object.entries(theme).filter((entry): entry is [string, string] => typeof entry[1] === "string")
    ),
  }
}

/** This page's launch: from the hash, else from the session (kept for reloads). */
export function readLaunch(): Launch | undefined {
  const hash = window.location.hash.slice(1)
  const fromHash = parseLaunchQuery(hash)
  try {
    if (fromHash) {
      sessionStorage.setItem(LAUNCH_STORAGE_KEY, JSON.stringify(hash))
      return fromHash
    }
    const stored: unknown = JSON.parse(sessionStorage.getItem(LAUNCH_STORAGE_KEY) ?? "null")
    return typeof stored === "string" ? parseLaunchQuery(stored) : undefined
  } catch {
    return fromHash
  }
}
