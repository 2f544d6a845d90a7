import { emitEvent, retrieveLaunchParams } from "@telegram-apps/sdk-react"
import type { InvoiceStatus } from "./client"

/**
 * The stand-in client's Telegram Stars payment sheet (local mode and tests). The Bot API
 * double plays Telegram: `vite` / `vite preview` forward this path to it (TELEGRAM_DOUBLE_PROXY,
 * set by `npm start`), and it sends the store's webhook the pre-checkout query and the
 * successful payment, as Telegram would. Production (nginx) has no such path: the invoice fails.
 */
const DOUBLE_INVOICES = "/telegram-double/invoices/"

type DoubleInvoice = { title: string; amount: number }

export function playInvoice(slug: string): void {
  void payOrCancel(slug)
    .catch((): InvoiceStatus => "failed")
    .then((status) => emitEvent("invoice_closed", { slug, status }))
}

async function payOrCancel(slug: string): Promise<InvoiceStatus> {
  const url = `${DOUBLE_INVOICES}${encodeURIComponent(slug)}`
  const shown = await fetch(url)
  if (!shown.ok) return "failed"
  const invoice = (await shown.json()) as DoubleInvoice
  if (!window.confirm(question(invoice))) return "cancelled"
  const paid = await fetch(`${url}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user_id: retrieveLaunchParams().tgWebAppData?.user?.id }),
  })
  if (!paid.ok) return "failed"
  return ((await paid.json()) as { status: InvoiceStatus }).status
}

function question({ title, amount }: DoubleInvoice): string {
  return document.documentElement.lang === "en"
    ? `Telegram (stand-in): pay ${amount} ⭐ for “${title}”?\nOK pays, Cancel closes the invoice.`
    : `Telegram (заглушка): оплатить ${amount} ⭐ за «${title}»?\nOK — оплатить, «Отмена» — закрыть счёт.`
}
