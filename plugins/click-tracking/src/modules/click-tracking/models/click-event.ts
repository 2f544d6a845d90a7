import { model } from "@medusajs/framework/utils"

/** One thing a shopper did in the Mini App (or, for `purchase`, that the server saw). */
const ClickEvent = model
  .define("click_event", {
    id: model.id({ prefix: "clk" }).primaryKey(),
    type: model.text(),
    /** The Mini App's session: ties anonymous events to the customer once they sign in. */
    session_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    product_id: model.text().nullable(),
    category_id: model.text().nullable(),
    /** The order a `purchase` came from (set by the server only). */
    order_id: model.text().nullable(),
    /** Bounded (2 KB) free-form details, such as the search query. */
    details: model.json().nullable(),
    /** When it happened on the client. */
    occurred_at: model.dateTime(),
    /** When the server received it. */
    received_at: model.dateTime(),
  })
  .indexes([
    { on: ["occurred_at"] },
    { on: ["type", "occurred_at"] },
    { on: ["product_id", "type", "occurred_at"] },
    { on: ["session_id"] },
    // A purchase is counted once per course and order, however often order.placed arrives.
    { on: ["order_id", "product_id"], unique: true, where: "type = 'purchase'" },
  ])

export default ClickEvent
