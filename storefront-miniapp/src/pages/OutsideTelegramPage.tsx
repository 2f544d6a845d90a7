import { useEffect, useState } from "react"
import { getStorefrontConfig } from "../api/config"
import { t } from "../i18n"

/** Opened in a plain browser without launch parameters: how to reach the store in Telegram. */
export default function OutsideTelegramPage() {
  const [appLink, setAppLink] = useState<string | null>(null)
  useEffect(() => {
    getStorefrontConfig().then(
      (config) => setAppLink(config.telegram.app_link),
      () => undefined
    )
  }, [])
  return (
    <main className="screen outside" data-testid="outside-telegram">
      <div className="status-view">
        <span className="status-view__icon" aria-hidden="true">
          ✈
        </span>
        <h1 className="status-view__title">{t("outsideTitle")}</h1>
        <p className="status-view__message">{t("outsideMessage")}</p>
        {appLink ? (
          <a className="button" href={appLink} data-testid="open-in-telegram">
            {t("openInTelegram")}
          </a>
        ) : null}
      </div>
    </main>
  )
}
