import { useEffect, useRef, useState } from "react"
import { track } from "../api/analytics"
import { getStorefrontConfig, type PaymentMethodId, type StorefrontConfig } from "../api/config"
import { errorMessage } from "../api/http"
import type { Cart } from "../api/store"
import { useNavigation } from "../app/navigation"
import { useServices } from "../app/services"
import { openCart } from "../cart/add-course"
import { isAlreadyOrderedMessage, starsInvoiceInFlight, YOOKASSA_PROVIDER_ID } from "../cart/payment-state"
import { Button } from "../components/Button"
import { CourseCover } from "../components/CourseCard"
import { ErrorView } from "../components/ErrorView"
import { PaymentMethods } from "../components/PaymentMethods"
import { StatusView } from "../components/StatusView"
import { t } from "../i18n"
import { isValidEmail } from "../lib/email"
import { estimateStars } from "../lib/stars-estimate"
import { formatPrice } from "../lib/format"
import { useAsync } from "../lib/use-async"
import { useMainButton } from "../telegram/buttons"
import { hapticNotify, openInvoice, openLink, requestWriteAccess, setClosingConfirmation } from "../telegram/native"

type Loaded = { cart: Cart | undefined; config: StorefrontConfig }

/** The methods the store offers; a server without the list offers Yookassa, as before Stars. */
function offeredMethods(config: StorefrontConfig): StorefrontConfig["payment_methods"] {
  return config.payment_methods?.length
    ? config.payment_methods
    : [{ id: "yookassa", provider_id: YOOKASSA_PROVIDER_ID }]
}

/** The cart of courses, an e-mail for the receipt, consent to the store's terms; Pay on the MainButton. */
export default function CheckoutPage() {
  const services = useServices()
  const loaded = useAsync<Loaded>(async () => {
    const [store, config] = await Promise.all([services.store(), getStorefrontConfig()])
    return { cart: await openCart(store, services.cartStorage), config }
  }, [])

  if (loaded.status === "loading") return <CheckoutSkeleton />
  if (loaded.status === "error") return <ErrorView error={loaded.error} onRetry={loaded.retry} />
  if (!loaded.value.cart?.items?.length) return <EmptyCart />
  if (starsInvoiceInFlight(loaded.value.cart, services.cartStorage.payingCartId()))
    return <ToStatusPage cartId={loaded.value.cart.id} />
  return <CheckoutForm initialCart={loaded.value.cart} config={loaded.value.config} />
}

function CheckoutForm({ initialCart, config }: { initialCart: Cart; config: StorefrontConfig }) {
  const services = useServices()
  const navigation = useNavigation()
  const [cart, setCart] = useState(initialCart)
  const [email, setEmail] = useState(initialCart.email ?? "")
  const [consent, setConsent] = useState(false)
  const [paying, setPaying] = useState(false)
  const [error, setError] = useState<string>()
  const methods = offeredMethods(config)
  const [method, setMethod] = useState<PaymentMethodId>(methods[0]?.id ?? "yookassa")
  // The MainButton is disabled while paying, but a client may still deliver a second tap; a Stars
  // invoice keeps it in flight while it is open, so no second payment replaces the one being paid.
  const inFlight = useRef(false)

  useEffect(() => {
    track("checkout_start", { details: { cart_id: cart.id, items: cart.items?.length ?? 0 } })
    // Once per checkout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const total = Number(cart.total ?? 0)
  // The 54-FZ receipt is Yookassa's: a Stars payment needs no e-mail.
  const needsEmail = config.payment.receipts && total > 0 && method === "yookassa"
  const emailOk = !needsEmail || isValidEmail(email)
  const ready = consent && emailOk && Boolean(cart.items?.length)
  const starsEstimate = estimateStars(total, config.stars_rub_rate)

  const pay = async () => {
    if (inFlight.current || !ready) return
    inFlight.current = true
    setPaying(true)
    setError(undefined)
    try {
      const store = await services.store()
      let current = cart
      if (needsEmail && email.trim() !== (cart.email ?? "")) {
        current = await store.setEmail(cart.id, email.trim())
        setCart(current)
      }
      if (total === 0) {
        // Nothing to pay: the status page completes the cart into an order.
        navigation.replace({ name: "order", cartId: cart.id })
        return
      }
      // The course is delivered as a bot message: ask for the permission while the shopper is here.
      if (!services.launch.allowsWriteToPm) await requestWriteAccess()
      track("payment_start", { details: { cart_id: cart.id, amount: total, method } })
      const providerId = methods.find((offered) => offered.id === method)?.provider_id ?? YOOKASSA_PROVIDER_ID
      const payment = await store.startPayment(current, providerId)
      if (method === "stars") {
        if (!payment.invoiceLink) throw new Error("Telegram gave no invoice")
        services.cartStorage.setPayingCartId(cart.id)
        setClosingConfirmation(true)
        // Telegram's payment sheet covers the app; how it was closed drives the status page.
        const invoice = await openInvoice(payment.invoiceLink)
        navigation.replace({ name: "order", cartId: cart.id, invoice })
        return
      }
      if (!payment.confirmationUrl && !payment.confirmationToken) throw new Error("Yookassa gave no payment page")
      services.cartStorage.setPayingCartId(cart.id)
      setClosingConfirmation(true)
      // The status page follows the payment; an embedded one (token, no page) is drawn there.
      navigation.replace({ name: "order", cartId: cart.id })
      if (payment.confirmationUrl) openLink(payment.confirmationUrl)
    } catch (caught) {
      const message = errorMessage(caught)
      if (isAlreadyOrderedMessage(message)) {
        navigation.replace({ name: "order", cartId: cart.id })
        return
      }
      hapticNotify("error")
      setError(t("paymentFailed", { message }))
    } finally {
      inFlight.current = false
      setPaying(false)
    }
  }

  const remove = async (lineId: string) => {
    setError(undefined)
    try {
      const updated = await (await services.store()).removeLine(cart.id, lineId)
      track("remove_from_cart", { details: { cart_id: cart.id } })
      setCart(updated)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  useMainButton({
    text:
      total === 0
        ? t("getFree")
        : method === "stars"
          ? t("payWithStars")
          : t("payFor", { price: formatPrice(total, cart.currency_code) }),
    visible: Boolean(cart.items?.length),
    enabled: ready,
    loading: paying,
    onClick: () => void pay(),
  })

  if (!cart.items?.length) return <EmptyCart />
  const legal = (slug: string) => (
    <a
      href={`#legal-${slug}`}
      className="link"
      onClick={(event) => {
        // Inside the label: open the page, don't tick the box.
        event.preventDefault()
        navigation.push({ name: "legal", slug })
      }}
      data-testid={`legal-${slug}`}
    >
      {t(`legal.${slug}` as "legal.offer")}
    </a>
  )

  return (
    <main className="screen checkout" data-testid="checkout" data-cart-id={cart.id}>
      <h1 className="screen__title">{t("checkoutTitle")}</h1>
      <section className="card">
        <ul className="lines">
          {cart.items.map((item) => (
            <li className="line" key={item.id} data-testid="cart-line">
              <CourseCover
                course={{ title: item.product_title ?? item.title, thumbnail: item.thumbnail ?? null }}
                eager
                className="line__cover"
              />
              <div className="line__text">
                <p className="line__title">{item.product_title ?? item.title}</p>
                <p className="line__price">{formatPrice(Number(item.total ?? item.unit_price), cart.currency_code)}</p>
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={t("remove", { title: item.product_title ?? item.title })}
                onClick={() => void remove(item.id)}
                disabled={paying}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <p className="total">
          <span>{t("total")}</span>
          <span data-testid="checkout-total">{formatPrice(total, cart.currency_code)}</span>
        </p>
        <p className="hint">{t("digitalNote")}</p>
      </section>

      {total > 0 ? (
        <PaymentMethods
          methods={methods.map((offered) => offered.id)}
          chosen={method}
          onChoose={setMethod}
          total={total}
          currencyCode={cart.currency_code}
          starsEstimate={starsEstimate}
          disabled={paying}
        />
      ) : null}

      <section className="card form">
        {needsEmail ? (
          <label className="field">
            <span className="field__label">{t("emailLabel")}</span>
            <input
              type="email"
              inputMode="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={email.length > 0 && !emailOk}
              aria-describedby="email-hint"
              data-testid="email"
            />
            <span
              className={email.length > 0 && !emailOk ? "field__hint field__hint--error" : "field__hint"}
              id="email-hint"
            >
              {email.length > 0 && !emailOk ? t("emailInvalid") : t("emailHint")}
            </span>
          </label>
        ) : null}
        <label className="consent">
          <input
            type="checkbox"
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
            data-testid="consent"
          />
          <span>
            {t("consentBefore")}
            {legal("offer")}
            {t("consentComma")}
            {legal("privacy")}
            {t("consentAnd")}
            {legal("refunds")}
          </span>
        </label>
        {!consent ? <p className="hint">{t("consentRequired")}</p> : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="checkout-error">
            {error}
          </p>
        ) : null}
      </section>
    </main>
  )
}

/** The cart's Stars invoice may be paid already: its status page, not a second payment. */
function ToStatusPage({ cartId }: { cartId: string }) {
  const navigation = useNavigation()
  useEffect(() => navigation.replace({ name: "order", cartId }), [navigation, cartId])
  return <CheckoutSkeleton />
}

function EmptyCart() {
  const navigation = useNavigation()
  return (
    <main className="screen">
      <StatusView
        testId="cart-empty"
        title={t("cartEmptyTitle")}
        message={t("cartEmptyMessage")}
        action={<Button onClick={() => navigation.reset({ name: "catalogue" })}>{t("toCatalogue")}</Button>}
      />
    </main>
  )
}

function CheckoutSkeleton() {
  return (
    <main className="screen" aria-busy="true" aria-label={t("loading")}>
      <section className="card">
        <span className="skeleton-line" />
        <span className="skeleton-line skeleton-line--short" />
      </section>
    </main>
  )
}
