import { createHash } from "crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** A response body serialised and encoded once (not on every send), with its strong entity tag. */
export type Representation = { body: Buffer; etag: string }

export function represent(value: unknown): Representation {
  const body = Buffer.from(JSON.stringify(value), "utf8")
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` }
}

/**
 * Lets browsers and nginx keep the catalogue for a second (bursts are absorbed there) and
 * revalidate with the entity tag after that; the answer differs by key and locale header.
 */
const SHARED_CACHE_CONTROL = "public, max-age=1"
const VARY = "x-publishable-api-key, x-medusa-locale"

/** Whether the client already holds this representation (weak comparison: nginx weakens tags it gzips). */
function clientHas(req: MedusaRequest, etag: string): boolean {
  const header = req.get("if-none-match")
  if (!header) {
    return false
  }
  return header.split(",").some((tag) => {
    const candidate = tag.trim().replace(/^W\//, "")
    return candidate === "*" || candidate === etag
  })
}

/** Answers 304 when the client's tag matches, else the body, with the headers shared caches need. */
export function sendShared(req: MedusaRequest, res: MedusaResponse, representation: Representation): void {
  res.setHeader("ETag", representation.etag)
  res.setHeader("Cache-Control", SHARED_CACHE_CONTROL)
  res.setHeader("Vary", VARY)
  if (clientHas(req, representation.etag)) {
    res.status(304).end()
    return
  }
  res.status(200).type("application/json; charset=utf-8").send(representation.body)
}
