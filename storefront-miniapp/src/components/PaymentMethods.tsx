import type { PaymentMethodId } from "../api/config"
import { t } from "../i18n"
import { formatPrice, formatStars } from "../lib/format"

/**
 * The payment methods the store offers, as radio cards: a card through YooKassa (the price in
 * roubles) or Telegram Stars (the Stars estimate from the store's rate, labelled as one: the
 * invoice Telegram opens carries the exact price the server computed).
 */
export function PaymentMethods({
  methods,
  chosen,
  onChoose,
  total,
  currencyCode,
  starsEstimate,
  disabled,
}: {
  methods: PaymentMethodId[]
  chosen: PaymentMethodId
  onChoose: (method: PaymentMethodId) => void
  total: number
  currencyCode: string
  starsEstimate: number | undefined
  disabled: boolean
}) {
  return (
    <fieldset className="card methods" data-testid="payment-methods" disabled={disabled}>
      <legend className="methods__title">{t("paymentMethod")}</legend>
      {methods.map((method) => (
        <label className="method" key={method} data-testid={`method-${method}`}>
          <input
            type="radio"
            name="payment-method"
            value={method}
            checked={chosen === method}
            onChange={() => onChoose(method)}
          />
          <span className="method__text">
            <span className="method__name">{t(`method.${method}`)}</span>
            <span className="method__hint">{t(`method.${method}.hint`)}</span>
          </span>
          <span className="method__price" data-testid={`method-${method}-price`}>
            {method === "stars" ? (
              <>
                {starsEstimate ? `≈ ${formatStars(starsEstimate)}` : null}
                <StarIcon />
              </>
            ) : (
              formatPrice(total, currencyCode)
            )}
          </span>
        </label>
      ))}
      {chosen === "stars" ? (
        <p className="hint" data-testid="stars-note">
          {t("starsEstimateNote")}
        </p>
      ) : null}
    </fieldset>
  )
}

/** Telegram's Star, drawn here: phones and plain browsers may lack a colour emoji font for ⭐. */
function StarIcon() {
  return (
    <svg className="star-icon" viewBox="0 0 24 24" role="img" aria-label={t("method.stars")}>
      <path d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z" />
    </svg>
  )
}
