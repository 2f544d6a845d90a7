import type { IncomingMessage, ServerResponse } from "node:http"
import { YookassaError } from "./errors"
import { readBody, redirect, sendHtml } from "./http"
import type { Checkout, Ledger, ShopperAction } from "./payments"
import type { PaymentStatus } from "./types"

/**
 * The sandbox's stand-in for Yookassa's payment page (`confirmation_url`): the shopper sees the
 * amount and description and clicks Pay or Decline; the answer is a 303 back to `return_url`.
 * GET /checkout/:id, POST /checkout/:id/pay, POST /checkout/:id/decline.
 */
export function createCheckoutHandler(ledger: Ledger) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const match = /^\/checkout\/([^/]+)(?:\/(pay|decline))?$/.exec(url.pathname)
    const action = match?.[2] as "pay" | "decline" | undefined
    const expectedMethod = action ? "POST" : "GET"
    if (!match || request.method !== expectedMethod) {
      sendHtml(response, 404, page("Страница не найдена", `<p>Такой страницы в песочнице ЮKassa нет.</p>`))
      return
    }
    await readBody(request)
    const id = decodeURIComponent(match[1])
    try {
      if (!action) {
        sendHtml(response, 200, checkoutPage(ledger.checkout(id)))
        return
      }
      const outcome = action === "pay" ? ledger.pay(id) : ledger.decline(id)
      answerAction(response, outcome)
    } catch (error) {
      if (!(error instanceof YookassaError) || error.status !== 404) {
        throw error
      }
      sendHtml(response, 404, page("Платёж не найден", `<p>Платежа ${escapeHtml(id)} в песочнице нет.</p>`))
    }
  }
}

function answerAction(response: ServerResponse, outcome: ShopperAction): void {
  if (outcome.changed && outcome.returnUrl) {
    redirect(response, outcome.returnUrl)
    return
  }
  // Nothing changed (the payment was no longer pending), or an embedded payment has nowhere to return to.
  sendHtml(response, outcome.changed ? 200 : 409, resultPage(outcome))
}

function checkoutPage({ payment, returnUrl }: Checkout): string {
  if (payment.status !== "pending") {
    return resultPage({ payment, returnUrl })
  }
  const amount = formatRub(payment.amount.value)
  return page(
    `Оплата ${amount}`,
    `<p class="badge">Тестовый платёж (песочница)</p>
    <p class="amount">${amount}</p>
    ${payment.description ? `<p class="description">${escapeHtml(payment.description)}</p>` : ""}
    <div class="card"><span>Тестовая карта</span><span>5555&nbsp;5555&nbsp;5555&nbsp;4444</span></div>
    <form method="post" action="${encodeURIComponent(payment.id)}/pay">
      <button class="pay" type="submit">Оплатить ${amount}</button>
    </form>
    <form method="post" action="${encodeURIComponent(payment.id)}/decline">
      <button class="decline" type="submit">Отклонить (банк откажет: недостаточно средств)</button>
    </form>
    <p class="note">Деньги не списываются: это песочница ЮKassa для разработки. Платёж ${escapeHtml(payment.id)}</p>`
  )
}

const STATUS_TEXT: Record<PaymentStatus, string> = {
  pending: "Платёж ожидает оплаты.",
  waiting_for_capture: "Платёж оплачен и ждёт подтверждения магазином.",
  succeeded: "Платёж оплачен.",
  canceled: "Платёж отменён.",
}

function resultPage({ payment, returnUrl }: Checkout): string {
  const back = returnUrl ? `<a class="back" href="${escapeHtml(returnUrl)}">Вернуться в магазин</a>` : ""
  return page(
    STATUS_TEXT[payment.status],
    `<p class="badge">Тестовый платёж (песочница)</p>
    <p class="amount">${formatRub(payment.amount.value)}</p>
    <p class="status">${STATUS_TEXT[payment.status]}</p>
    ${back}`
  )
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ЮKassa (песочница)</title>
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
    background: #f2f3f5; font: 16px/1.4 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1a1a1a; }
  main { width: min(380px, calc(100vw - 32px)); background: #fff; border-radius: 16px; padding: 28px 24px;
    box-shadow: 0 6px 24px rgba(0, 0, 0, .08); text-align: center; }
  .badge { display: inline-block; margin: 0 0 12px; padding: 4px 10px; border-radius: 999px;
    background: #fff4d6; color: #7a5a00; font-size: 13px; }
  .amount { margin: 0; font-size: 32px; font-weight: 700; }
  .description, .status { margin: 8px 0 0; color: #555; }
  .card { display: flex; justify-content: space-between; margin: 20px 0; padding: 14px 16px; border-radius: 12px;
    background: linear-gradient(135deg, #2b2d42, #4a4e69); color: #fff; font-family: ui-monospace, monospace; }
  form { margin: 0 0 10px; }
  button, .back { display: block; box-sizing: border-box; width: 100%; padding: 14px; border: 0; border-radius: 12px;
    font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
  .pay, .back { background: #0070f0; color: #fff; }
  .back { margin-top: 20px; }
  .decline { background: #eef0f3; color: #b00020; font-weight: 500; }
  .note { margin: 16px 0 0; color: #888; font-size: 12px; word-break: break-all; }
</style>
</head>
<body><main>
${content}
</main></body>
</html>`
}

function formatRub(value: string): string {
  return new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB" }).format(Number(value))
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
