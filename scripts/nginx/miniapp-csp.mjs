#!/usr/bin/env node
/**
 * The Mini App's Content-Security-Policy, as an nginx snippet (`$miniapp_csp`) for
 * storefront-miniapp/nginx.conf, generated from a build: index.html carries an inline script
 * (the first requests, see storefront-miniapp/build/first-requests.ts) whose hash must be allowed.
 *
 *   node scripts/nginx/miniapp-csp.mjs <dist folder> <output file>
 *
 * VITE_MEDUSA_BACKEND_URL (the build's backend origin, if not the Mini App's own) is allowed to connect.
 */
import { createHash } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/** Telegram Web (K and A) opens Mini Apps in an iframe; the phone and desktop apps use a web view. */
const TELEGRAM_WEB = [
  "https://web.telegram.org",
  "https://*.web.telegram.org",
  "https://webk.telegram.org",
  "https://webz.telegram.org",
]
/** The embedded payment form (confirmation type "embedded"): Yookassa's widget script and its frames. */
const YOOKASSA = ["https://yookassa.ru", "https://*.yookassa.ru"]

/**
 * The CSP of a built index.html. `filesUrl`: where the backend serves its files (course covers) when
 * that is plain HTTP, as local mode's backend (`npm run bench:miniapp` behind nginx); HTTPS ones are allowed anyway.
 */
export function miniAppCsp(indexHtml, { backendUrl, filesUrl } = {}) {
  const inlineScripts = [...indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1]
  )
  const hashes = inlineScripts.map((code) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`)
  const backend = backendUrl ? [new URL(backendUrl).origin] : []
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes, ...YOOKASSA].join(" ")}`,
    // React sets style properties (allowed); the payment widget inserts <style> elements.
    "style-src 'self' 'unsafe-inline'",
    // Course covers come from the backend's files, which may live on another origin (MEDUSA_BACKEND_URL).
    ["img-src 'self' data: https:", ...(filesUrl ? [new URL(filesUrl).origin] : [])].join(" "),
    `connect-src 'self' ${[...backend, ...YOOKASSA].join(" ")}`,
    `frame-src ${YOOKASSA.join(" ")}`,
    `frame-ancestors 'self' ${TELEGRAM_WEB.join(" ")}`,
    "base-uri 'self'",
    "form-action 'self' https://yookassa.ru",
    "object-src 'none'",
  ].join("; ")
}

/** The nginx snippet defining `$miniapp_csp` (http context). */
export function miniAppCspSnippet(distDir, options) {
  const csp = miniAppCsp(readFileSync(join(distDir, "index.html"), "utf8"), options)
  return `# Generated from ${join(distDir, "index.html")} by scripts/nginx/miniapp-csp.mjs: do not edit.\nmap "" $miniapp_csp {\n    default "${csp}";\n}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [distDir, output] = process.argv.slice(2)
  if (!distDir || !output) {
    console.error("usage: node scripts/nginx/miniapp-csp.mjs <dist folder> <output file>")
    process.exit(64)
  }
  writeFileSync(output, miniAppCspSnippet(distDir, { backendUrl: process.env.VITE_MEDUSA_BACKEND_URL || undefined }))
}
