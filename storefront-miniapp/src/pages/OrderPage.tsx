import { useCallback, useEffect, useRef, useState } from "react"
import { storeErrorStatus, type Order } from "../api/store"
import { useNavigation } from "../app/navigation"
import { useOwned, useServices } from "../app/services"
import { paymentState, type DeclineReason } from "../cart/payment-state"
import { Button } from "../components/Button"
import { EmbeddedPayment } from "../components/EmbeddedPayment"
import { ErrorView } from "../components/ErrorView"
import { StatusView } from "../components/StatusView"
import { t, type MessageKey } from "../i18n"
import { formatPrice } from "../lib/format"
import { useMainButton } from "../telegram/buttons"
import { hapticNotify, openInvoice, openLink, setClosingConfirmation, type InvoiceStatus } from "../telegram/native"

type Declined = DeclineReason | "unpaid" | "stars_cancelled" | "stars_failed"

type View =
  | { kind: "checking" }
  | {
      kind: "waiting"
      confirmationUrl?: string
      confirmationToken?: string
      stars?: { invoiceLink?: string; closed?: "paid" | "pending" }
    }
  | { kind: "success"; order: Order }
  | { kind: "declined"; reason: Declined }
  | { kind: "not-found" }
  | { kind: "error"; error: unknown }

const POLL_MS = 2_000
/** Every so many polls the cart is completed too, in case the gateway's webhook was lost. */
const COMPLETE_EVERY = 5
const POLL_FOR_MS = 15 * 60_000

/**
 * The order's status page (`startapp=order_<cart id>`, where the payment page returns to, and
 * where the checkout lands when Telegram's Stars invoice closes). It settles the order by
 * completing the cart (Medusa re-reads the payment), then follows the cart while the payment is
 * pending. A Stars invoice closed unpaid is a decline with Pay again; paid or pending, it waits
 * for Telegram's update and offers no new payment meanwhile.
 */
export default function OrderPage({ cartId, invoice }: { cartId: string; invoice?: InvoiceStatus }) {
  const services = useServices()
  const owned = useOwned()
  const [view, setView] = useState<View>({ kind: "checking" })
  const [attempt, setAttempt] = useState(0)
  const [invoiceStatus, setInvoiceStatus] = useState(invoice)
  const settledRef = useRef(false)

  const settle = useCallback(
    async (complete: boolean): Promise<View> => {
      const store = await services.store()
      if (complete) {
        try {
          const result = await store.complete(cartId)
          if (result.type === "order") return { kind: "success", order: result.order }
        } catch (error) {
          if (storeErrorStatus(error) === 404) return { kind: "not-found" }
          // Declined or not paid yet: the cart tells which.
        }
      }
      const cart = await store.retrieveCart(cartId).catch((error: unknown) => {
        if (storeErrorStatus(error) === 404) return undefined
        throw error
      })
      if (!cart) return { kind: "not-found" }
      const state = paymentState(cart)
      if ((state.kind === "completed" || state.kind === "paid") && !complete) return settle(true)
      if (state.kind === "declined") return { kind: "declined", reason: state.reason }
      if (state.kind === "unpaid") return { kind: "declined", reason: "unpaid" }
      if (state.kind === "pending" && state.invoiceLink) return starsView(state.invoiceLink, invoiceStatus)
      return state.kind === "pending"
        ? { kind: "waiting", confirmationUrl: state.confirmationUrl, confirmationToken: state.confirmationToken }
        : { kind: "waiting" }
    },
    [cartId, services, invoiceStatus]
  )

  const reopenInvoice = useCallback(async (link: string) => {
    setInvoiceStatus(await openInvoice(link))
  }, [])

  useEffect(() => {
    let stopped = false
    let polls = 0
    const startedAt = Date.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const run = async (complete: boolean) => {
      if (stopped) return
      clearTimeout(timer)
      let next: View
      try {
        next = await settle(complete)
      } catch (error) {
        next = { kind: "error", error }
      }
      if (stopped) return
      setView(next)
      if (next.kind === "waiting" && Date.now() - startedAt < POLL_FOR_MS) {
        polls += 1
        timer = setTimeout(() => void run(polls % COMPLETE_EVERY === 0), POLL_MS)
      }
    }
    // Back from the payment page (another app): check at once, completing.
    const onVisible = () => document.visibilityState === "visible" && void run(true)
    document.addEventListener("visibilitychange", onVisible)
    void run(true)
    return () => {
      stopped = true
      clearTimeout(timer)
      document.removeEventListener("visibilitychange", onVisible)
    }
  }, [settle, attempt])

  // While the payment is pending, closing the app asks first; outcomes release it and are felt.
  useEffect(() => {
    if (view.kind === "waiting") setClosingConfirmation(true)
    if (view.kind !== "success" && view.kind !== "declined") return
    setClosingConfirmation(false)
    if (view.kind === "success") {
      services.cartStorage.settled(cartId)
      if (!settledRef.current) hapticNotify("success")
      void owned.refresh().catch(() => undefined)
    } else {
      services.cartStorage.setPayingCartId(undefined)
      services.cartStorage.setCartId(cartId)
      if (!settledRef.current) hapticNotify("error")
    }
    settledRef.current = true
    // owned.refresh changes identity when the list arrives; run once per outcome.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.kind, cartId, services])

  return (
    <OrderView view={view} cartId={cartId} onRetry={() => setAttempt((n) => n + 1)} onReopenInvoice={reopenInvoice} />
  )
}

/** A Stars session not yet paid on our side, by how its invoice was closed (unknown after a reload). */
function starsView(invoiceLink: string, invoice: InvoiceStatus | undefined): View {
  if (invoice === "cancelled") return { kind: "declined", reason: "stars_cancelled" }
  if (invoice === "failed") return { kind: "declined", reason: "stars_failed" }
  // Paid or pending: Telegram's update is on its way; no new payment may replace this one.
  return { kind: "waiting", stars: { invoiceLink, closed: invoice } }
}

const STARS_WAITING = { open: "starsWaitingMessage", paid: "starsPaidMessage", pending: "starsPendingMessage" } as const

function OrderView({
  view,
  cartId,
  onRetry,
  onReopenInvoice,
}: {
  view: View
  cartId: string
  onRetry: () => void
  onReopenInvoice: (link: string) => Promise<void>
}) {
  const navigation = useNavigation()
  // One invoice at a time: a second tap while it is open (even before a redraw) does nothing.
  const [invoiceOpen, setInvoiceOpen] = useState(false)
  const invoiceOpenRef = useRef(false)
  const reopen = (link: string) => {
    if (invoiceOpenRef.current) return
    invoiceOpenRef.current = true
    setInvoiceOpen(true)
    void onReopenInvoice(link).finally(() => {
      invoiceOpenRef.current = false
      setInvoiceOpen(false)
    })
  }
  const stars = view.kind === "waiting" ? view.stars : undefined
  const mainButton =
    view.kind === "success"
      ? { text: t("openCourse"), onClick: () => navigation.reset({ name: "my-courses" }) }
      : view.kind === "declined"
        ? { text: t("payAgain"), onClick: () => navigation.replace({ name: "checkout" }) }
        : view.kind === "waiting" && view.confirmationUrl
          ? { text: t("reopenPayment"), onClick: () => openLink(view.confirmationUrl!) }
          : stars?.invoiceLink && !stars.closed
            ? { text: t("reopenInvoice"), onClick: () => reopen(stars.invoiceLink!) }
            : { text: "", onClick: () => undefined }
  useMainButton({
    text: mainButton.text,
    visible: Boolean(mainButton.text),
    loading: invoiceOpen,
    onClick: mainButton.onClick,
  })

  return (
    <main className="screen order" data-testid="order-page" data-state={view.kind}>
      {view.kind === "checking" ? (
        <StatusView icon="⏳" title={t("checking")} testId="order-checking" />
      ) : view.kind === "waiting" ? (
        <>
          <StatusView
            icon="⏳"
            title={t("waitingTitle")}
            message={t(view.stars ? STARS_WAITING[view.stars.closed ?? "open"] : "waitingMessage")}
            testId="order-waiting"
          />
          {view.confirmationToken && !view.confirmationUrl ? (
            <EmbeddedPayment token={view.confirmationToken} cartId={cartId} />
          ) : null}
        </>
      ) : view.kind === "success" ? (
        <StatusView
          tone="success"
          icon="✓"
          testId="order-success"
          title={t("successTitle")}
          message={t("successMessage")}
          action={
            <div className="order-summary" data-testid="order-summary">
              <p className="order-summary__number">
                {t("orderNumber", { n: view.order.display_id ?? "" })} ·{" "}
                {formatPrice(Number(view.order.total), view.order.currency_code)}
              </p>
              {(view.order.items ?? []).map((item) => (
                <p key={item.id}>{item.product_title ?? item.title}</p>
              ))}
            </div>
          }
        />
      ) : view.kind === "declined" ? (
        <StatusView
          tone="error"
          icon="!"
          testId="order-declined"
          title={t("declinedTitle")}
          message={view.reason === "unpaid" ? undefined : t(`decline.${view.reason}` as MessageKey)}
        />
      ) : view.kind === "not-found" ? (
        <StatusView
          testId="order-not-found"
          title={t("orderNotFound")}
          action={<Button onClick={() => navigation.reset({ name: "catalogue" })}>{t("toCatalogue")}</Button>}
        />
      ) : (
        <ErrorView error={view.error} onRetry={onRetry} />
      )}
    </main>
  )
}
