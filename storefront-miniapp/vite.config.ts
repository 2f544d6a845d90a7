import { fileURLToPath } from "node:url"
import react from "@vitejs/plugin-react"
import { defineConfig, loadEnv, type Plugin, type ProxyOptions } from "vite"

const root = fileURLToPath(new URL(".", import.meta.url))

/** Paths served by the Medusa backend (nginx proxies the same ones in production). */
const BACKEND_PATHS = ["/storefront", "/store", "/static"]

/**
 * Starts `GET <backend>/storefront/config` while the JS bundle is still downloading,
 * so the first screen waits for one request round-trip less. The app's own fetch
 * (same URL, mode "cors", no credentials cross-origin) picks up the preloaded response.
 */
function preloadStorefrontConfig(backendUrl: string): Plugin {
  return {
    name: "aistore:preload-storefront-config",
    transformIndexHtml: () => [
      {
        tag: "link",
        attrs: {
          rel: "preload",
          href: `${backendUrl}/storefront/config`,
          as: "fetch",
          crossorigin: "anonymous",
        },
        injectTo: "head-prepend",
      },
    ],
  }
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, root, "")
  // Empty = same origin (production behind nginx, or the dev/preview proxy below).
  const backendUrl = (env.VITE_MEDUSA_BACKEND_URL ?? "").replace(/\/+$/, "")
  // Where `vite` / `vite preview` forward the backend paths; server-side only, never bundled.
  const proxyTarget = env.MEDUSA_BACKEND_PROXY || "http://localhost:9000"
  const proxy: Record<string, ProxyOptions> = Object.fromEntries(
    BACKEND_PATHS.map((path) => [path, { target: proxyTarget, changeOrigin: true }])
  )

  return {
    root,
    plugins: [react(), preloadStorefrontConfig(backendUrl)],
    server: { proxy },
    preview: { proxy },
    build: {
      // Telegram on iOS runs in the system WebKit, which can be a few versions old.
      target: ["es2020", "safari14", "chrome87"],
    },
  }
})
