import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { nginxArgs, writeNginxConfig } from "../topology/nginx.mjs"
import { startProcess, stopProcess, tail, waitForHealth } from "../topology/processes.mjs"

/**
 * What serves the Mini App to the Mini App benchmark. `nginx` (the default): what production serves,
 * Debian's nginx with the project's own storefront-miniapp/nginx.conf (the topology's runtime copy:
 * gzip, long-cached hashed assets, this build's CSP) over the built dist and the running local
 * store's backend. `preview`: local mode's `vite preview` (`npm start`), which gzips the bundle but
 * not the API answers it proxies. Without nginx installed, `nginx` falls back to `preview` with a note.
 */

const NGINX = process.env.NGINX_BIN || "/usr/sbin/nginx"

/** nginx upstreams name an address: loopback as an IP, so nginx never tries ::1 where Medusa may not listen. */
function upstreamAddress(url) {
  const { hostname, port } = new URL(url)
  return `${hostname === "localhost" ? "127.0.0.1" : hostname}:${port || 80}`
}

/**
 * @param {object} options
 * @param {"nginx" | "preview"} options.server
 * @param {string} options.root           the checkout
 * @param {string} options.previewUrl     `npm start`'s Mini App (vite preview)
 * @param {string} options.backendUrl     `npm start`'s Medusa server (its MEDUSA_BACKEND_URL: the covers' origin)
 * @param {number} options.nginxPort
 * @returns {Promise<{ url: string, label: string, note?: string, stop: () => Promise<void> }>}
 */
export async function serveMiniApp({ server, root, previewUrl, backendUrl, nginxPort }) {
  const preview = { url: previewUrl, label: "vite preview (npm start)", stop: async () => {} }
  if (server === "preview") {
    return preview
  }
  if (!existsSync(NGINX)) {
    return {
      ...preview,
      note: `${NGINX} is not installed (apt-get install -y nginx): measuring vite preview instead, which does not gzip the API's answers.`,
    }
  }
  const runtimeDir = join(root, ".local", "bench-miniapp-nginx")
  mkdirSync(runtimeDir, { recursive: true })
  const mainFile = writeNginxConfig({
    root,
    runtimeDir,
    port: nginxPort,
    upstreams: [upstreamAddress(backendUrl)],
    distDir: join(root, "storefront-miniapp", "dist"),
    filesUrl: backendUrl,
  })
  const logFile = join(runtimeDir, "nginx.log")
  const nginx = startProcess("nginx", NGINX, nginxArgs(mainFile, runtimeDir), {
    cwd: runtimeDir,
    env: process.env,
    logFile,
  })
  const url = `http://127.0.0.1:${nginxPort}`
  try {
    await waitForHealth(`${url}/health`, { timeoutMs: 10_000, isDead: () => nginx.child.exitCode !== null })
  } catch (error) {
    await stopProcess(nginx)
    throw new Error(`${error.message}; nginx's log:\n${tail(logFile)}\n${tail(join(runtimeDir, "error.log"))}`, {
      cause: error,
    })
  }
  return {
    url,
    label: `nginx with storefront-miniapp/nginx.conf → ${backendUrl} (runtime copy in ${runtimeDir})`,
    stop: () => stopProcess(nginx, { signal: "SIGQUIT" }),
  }
}
