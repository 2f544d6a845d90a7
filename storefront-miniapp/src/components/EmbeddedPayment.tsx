import { useEffect, useRef, useState } from "react"
import { getStorefrontConfig } from "../api/config"
import { t } from "../i18n"

/**
 * Yookassa's checkout widget (YOOKASSA_CONFIRMATION_TYPE=embedded): the payment form inside the
 * Mini App. Its script comes from the store's config: Yookassa's own, or in development the
 * Yookassa sandbox's stand-in (YOOKASSA_WIDGET_URL, refused in production).
 */

type Widget = { render(containerId: string): Promise<void> | void; destroy(): void }
declare global {
  interface Window {
    YooMoneyCheckoutWidget?: new (options: {
      confirmation_token: string
      return_url: string
      error_callback: (error: unknown) => void
    }) => Widget
  }
}

let script: Promise<void> | undefined
function loadWidgetScript(): Promise<void> {
  script ??= getStorefrontConfig().then((config) => appendScript(config.payment.widget_url))
  script.catch(() => (script = undefined))
  return script
}

function appendScript(src: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const element = document.createElement("script")
    element.src = src
    element.onload = () => resolve()
    element.onerror = () => reject(new Error("widget script"))
    document.head.append(element)
  })
}

export function EmbeddedPayment({ token, cartId }: { token: string; cartId: string }) {
  const container = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let widget: Widget | undefined
    let cancelled = false
    // After paying, the widget returns here, to this order's status page.
    const returnUrl = `${window.location.origin}${window.location.pathname}?startapp=order_${cartId}`
    loadWidgetScript().then(
      () => {
        if (cancelled || !window.YooMoneyCheckoutWidget || !container.current) return
        widget = new window.YooMoneyCheckoutWidget({
          confirmation_token: token,
          return_url: returnUrl,
          error_callback: () => setFailed(true),
        })
        void widget.render(container.current.id)
      },
      () => setFailed(true)
    )
    return () => {
      cancelled = true
      widget?.destroy()
    }
  }, [token, cartId])

  if (failed)
    return (
      <p className="form-error" role="alert">
        {t("offline")}
      </p>
    )
  return <div id="yookassa-widget" ref={container} className="card" data-testid="embedded-payment" />
}
