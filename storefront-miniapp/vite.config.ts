import { fileURLToPath } from "node:url"
import react from "@vitejs/plugin-react"
import { defineConfig, loadEnv, type ProxyOptions } from "vite"
import { firstRequests } from "./build/first-requests"
import { initialSizeBudget } from "./build/initial-size-budget"

const root = fileURLToPath(new URL(".", import.meta.url))

/** Paths served by the Medusa backend (nginx proxies the same ones in production). */
const BACKEND_PATHS = ["/storefront", "/store", "/auth", "/static"]
/**
 * Initial JS + CSS of the first screen, gzipped (issue #12). The build script sets
 * NODE_ENV=production: `npm start` runs in development mode, which would bundle React's development build.
 */
const INITIAL_BUDGET_KB = 90

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, root, "")
  // Empty = same origin (production behind nginx, or the dev/preview proxy below).
  const backendUrl = (env.VITE_MEDUSA_BACKEND_URL ?? "").replace(/\/+$/, "")
  // Where `vite` / `vite preview` forward the backend paths; server-side only, never bundled.
  const proxyTarget = env.MEDUSA_BACKEND_PROXY || "http://localhost:9000"
  const proxy: Record<string, ProxyOptions> = Object.fromEntries(
    BACKEND_PATHS.map((path) => [path, { target: proxyTarget, changeOrigin: true }])
  )
  // Local mode and tests: the Bot API double plays the shopper paying a Stars invoice for the
  // stand-in Telegram client (src/telegram/mock-invoice.ts). Never in production (nginx).
  if (env.TELEGRAM_DOUBLE_PROXY) proxy["/telegram-double"] = { target: env.TELEGRAM_DOUBLE_PROXY, changeOrigin: true }

  return {
    root,
    plugins: [react(), firstRequests(backendUrl), initialSizeBudget(INITIAL_BUDGET_KB)],
    server: { proxy },
    preview: { proxy },
    build: {
      // Telegram on iOS runs in the system WebKit, which can be a few versions old.
      target: ["es2020", "safari14", "chrome87"],
    },
  }
})
