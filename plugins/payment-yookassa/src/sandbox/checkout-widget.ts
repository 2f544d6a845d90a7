import type { IncomingMessage, ServerResponse } from "node:http"
import { YookassaError } from "./errors"
import { readBody, sendJson } from "./http"
import type { Ledger } from "./payments"
import type { SandboxPayment } from "./types"

/**
 * The sandbox's stand-in for Yookassa's checkout widget (the `embedded` confirmation), for
 * machines that cannot reach yookassa.ru. Same API as the real one: the page loads
 * `<sandbox>/checkout-widget/v1/checkout-widget.js`, then
 * `new window.YooMoneyCheckoutWidget({ confirmation_token, return_url, error_callback }).render(id)`
 * draws the payment form in that element; `on("success" | "fail" | "complete", listener)`,
 * `destroy()`. After Pay or Decline the widget tells its listeners, or, with none, sends the
 * shopper to `return_url`, as Yookassa's does. An unknown token reaches `error_callback`.
 *   GET  /checkout-widget/v1/checkout-widget.js            the script
 *   GET  /checkout-widget/v1/payments/:token               the payment the form shows
 *   POST /checkout-widget/v1/payments/:token/(pay|decline) the shopper's answer
 */
export const WIDGET_SCRIPT_PATH = "/checkout-widget/v1/checkout-widget.js"
const TOKEN_PREFIX = "ct-"
// The widget's own calls come from the shop's page, on another origin.
const CORS = { "access-control-allow-origin": "*" }

export function createWidgetHandler(ledger: Ledger) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    await readBody(request)
    if (url.pathname === WIDGET_SCRIPT_PATH && request.method === "GET") {
      response.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "no-store",
        ...CORS,
      })
      response.end(WIDGET_SCRIPT)
      return
    }
    const match = /^\/checkout-widget\/v1\/payments\/([^/]+)(?:\/(pay|decline))?$/.exec(url.pathname)
    const action = match?.[2] as "pay" | "decline" | undefined
    if (!match || request.method !== (action ? "POST" : "GET")) {
      sendJson(response, 404, { type: "error", code: "not_found" }, CORS)
      return
    }
    const payment = embeddedPayment(ledger, decodeURIComponent(match[1]))
    if (!payment) {
      sendJson(response, 404, { type: "error", code: "invalid_token" }, CORS)
      return
    }
    const after =
      action === "pay"
        ? ledger.pay(payment.id).payment
        : action === "decline"
          ? ledger.decline(payment.id).payment
          : payment
    sendJson(response, 200, formView(after), CORS)
  }
}

/** The payment a confirmation token stands for, if it is an embedded one. */
function embeddedPayment(ledger: Ledger, token: string): SandboxPayment | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  try {
    const { payment } = ledger.checkout(token.slice(TOKEN_PREFIX.length))
    return payment.confirmation?.type === "embedded" ? payment : undefined
  } catch (error) {
    if (error instanceof YookassaError && error.status === 404) return undefined
    throw error
  }
}

function formView(payment: SandboxPayment) {
  return { status: payment.status, amount: payment.amount, description: payment.description ?? null }
}

/** The browser side: plain ES2017, no dependencies, as a page would load Yookassa's script. */
const WIDGET_SCRIPT = `(function () {
  "use strict";
  var base = new URL("./payments/", document.currentScript.src).href;
  var STYLE = ".ykw{font:16px/1.4 -apple-system,Roboto,sans-serif;color:#1a1a1a;background:#fff;border-radius:12px;padding:16px;text-align:center}" +
    ".ykw__badge{display:inline-block;margin:0 0 8px;padding:2px 8px;border-radius:999px;background:#fff4d6;color:#7a5a00;font-size:13px}" +
    ".ykw__amount{margin:0 0 12px;font-size:26px;font-weight:700}.ykw button{display:block;width:100%;margin:8px 0 0;padding:12px;border:0;border-radius:10px;font:inherit;cursor:pointer}" +
    ".ykw__pay{background:#0070f0;color:#fff;font-weight:600}.ykw__decline{background:#eef0f3;color:#b00020}";

  function call(token, action) {
    var path = base + encodeURIComponent(token) + (action ? "/" + action : "");
    return fetch(path, { method: action ? "POST" : "GET" }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw body;
        return body;
      });
    });
  }

  function rub(value) {
    return new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB" }).format(Number(value));
  }

  function YooMoneyCheckoutWidget(options) {
    if (!(this instanceof YooMoneyCheckoutWidget)) throw new TypeError("YooMoneyCheckoutWidget is a constructor");
    if (!options || typeof options.error_callback !== "function") throw new TypeError("error_callback is required");
    this.options = options;
    this.listeners = {};
    this.container = null;
  }

  YooMoneyCheckoutWidget.prototype.on = function (event, listener) {
    (this.listeners[event] = this.listeners[event] || []).push(listener);
  };

  YooMoneyCheckoutWidget.prototype.render = function (containerId) {
    var widget = this;
    var container = document.getElementById(containerId);
    if (!container) return Promise.reject(new Error("No element with id " + containerId));
    widget.container = container;
    return call(widget.options.confirmation_token).then(function (payment) {
      if (widget.container !== container) return;
      container.innerHTML = "";
      var style = document.createElement("style");
      style.textContent = STYLE;
      var form = document.createElement("div");
      form.className = "ykw";
      form.setAttribute("data-testid", "yookassa-widget");
      form.innerHTML = '<p class="ykw__badge">Тестовый платёж (песочница ЮKassa)</p><p class="ykw__amount"></p>' +
        '<button type="button" class="ykw__pay" data-testid="yookassa-widget-pay">Оплатить</button>' +
        '<button type="button" class="ykw__decline" data-testid="yookassa-widget-decline">Отклонить (недостаточно средств)</button>';
      form.querySelector(".ykw__amount").textContent = rub(payment.amount.value);
      form.querySelector(".ykw__pay").addEventListener("click", function () { widget.answer("pay"); });
      form.querySelector(".ykw__decline").addEventListener("click", function () { widget.answer("decline"); });
      container.append(style, form);
    }, function (error) {
      widget.options.error_callback({ error: (error && error.code) || "internal_service_error" });
    });
  };

  /** Pay or Decline: listeners hear the outcome; with none, the shopper goes to return_url. */
  YooMoneyCheckoutWidget.prototype.answer = function (action) {
    var widget = this;
    widget.container.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
    return call(widget.options.confirmation_token, action).then(function (payment) {
      var outcome = payment.status === "canceled" ? "fail" : "success";
      var heard = (widget.listeners[outcome] || []).concat(widget.listeners.complete || []);
      if (heard.length) heard.forEach(function (listener) { listener(); });
      else if (widget.options.return_url) window.location.assign(widget.options.return_url);
    });
  };

  YooMoneyCheckoutWidget.prototype.destroy = function () {
    if (this.container) this.container.innerHTML = "";
    this.container = null;
    this.listeners = {};
  };

  window.YooMoneyCheckoutWidget = YooMoneyCheckoutWidget;
})();
`
