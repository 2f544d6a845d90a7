import Medusa from "@medusajs/js-sdk"

/** Medusa's JS SDK with the signed-in admin's session, as Medusa's docs set it up for plugins. */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ || "/",
  auth: { type: "session" },
})

/** An absolute backend URL for links (the CSV download is a plain navigation, with the session cookie). */
export const backendHref = (path: string) => `${(__BACKEND_URL__ || "").replace(/\/+$/, "")}${path}`
