import {
  backButton,
  closingBehavior,
  init,
  mainButton,
  miniApp,
  retrieveLaunchParams,
  retrieveRawInitData,
  themeParams,
  viewport,
} from "@telegram-apps/sdk-react"
import { installMockTelegramClient } from "./mock-client"
import type { TelegramEnvironment } from "./environment"

/** What the app needs from the launch: who the shopper is and where the launch points. */
export interface Launch {
  initDataRaw: string
  userId: string
  languageCode?: string
  allowsWriteToPm: boolean
  startParam?: string
  platform: string
}

function readLaunch(): Launch {
  const params = retrieveLaunchParams()
  const user = params.tgWebAppData?.user
  return {
    // Raw, exactly as signed: the backend checks its hash. The SDK keeps it for reloads without the hash.
    initDataRaw: retrieveRawInitData() ?? "",
    userId: user ? String(user.id) : "anonymous",
    languageCode: user?.language_code,
    allowsWriteToPm: Boolean(user?.allows_write_to_pm),
    startParam: params.tgWebAppStartParam ?? params.tgWebAppData?.start_param,
    platform: params.tgWebAppPlatform,
  }
}

function attempt(step: () => unknown): void {
  try {
    step()
  } catch {
    // An older client without this feature: the app works without it.
  }
}

/** Starts the SDK (and the stand-in client outside Telegram), themes the first frame, mounts the buttons. */
export function initTelegram(environment: Exclude<TelegramEnvironment, "outside">): Launch {
  if (environment === "mock") installMockTelegramClient()
  init()
  attempt(() => themeParams.mountSync())
  attempt(() => themeParams.bindCssVars())
  attempt(() => miniApp.mountSync())
  attempt(() => backButton.mount())
  attempt(() => mainButton.mount())
  attempt(() => closingBehavior.mount())
  const applyScheme = () => {
    document.documentElement.style.colorScheme = themeParams.isDark() ? "dark" : "light"
    document.documentElement.dataset.theme = themeParams.isDark() ? "dark" : "light"
  }
  applyScheme()
  themeParams.isDark.sub(applyScheme)
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
  return readLaunch()
}
