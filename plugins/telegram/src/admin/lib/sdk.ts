import Medusa from "@medusajs/js-sdk"

/** Medusa's JS SDK with the signed-in admin's session, as Medusa's docs set it up for plugins. */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ || "/",
  auth: { type: "session" },
})
