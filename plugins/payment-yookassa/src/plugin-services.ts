import type { MedusaContainer } from "@medusajs/framework/types"
import type { YookassaClient } from "./client"
import { parseYookassaOptions, rawPluginOptions, YOOKASSA_NOTIFICATION_RANGES, type YookassaOptions } from "./options"
import { createYookassaClient } from "./utils/create-client"
import { isLoopbackUrl } from "./utils/loopback"
import { compileProxyTrust, SenderAllowlist } from "./utils/sender-allowlist"

export type YookassaPluginServices = {
  options: YookassaOptions
  client: YookassaClient
  /** Yookassa's published ranges, the configured extras and, with the local sandbox, loopback. */
  senders: SenderAllowlist
  /** Which peers are trusted proxies (proxy-addr's trust function). */
  proxyTrust: (address: string, hop: number) => boolean
}

const NO_OPTIONS = {}
const built = new WeakMap<object, YookassaPluginServices>()

/**
 * The plugin's validated options, its API client and its webhook allowlist, built once per
 * configuration (not on every webhook, session or job run) for the plugin-level code: routes,
 * middleware, subscriber and job. The provider builds its own from the same options.
 */
export function yookassaPlugin(container: MedusaContainer): YookassaPluginServices {
  const raw = rawPluginOptions(container)
  const key = raw && typeof raw === "object" ? raw : NO_OPTIONS
  let services = built.get(key)
  if (!services) {
    const options = parseYookassaOptions(raw)
    services = {
      options,
      client: createYookassaClient(options),
      senders: new SenderAllowlist(
        [...YOOKASSA_NOTIFICATION_RANGES, ...options.webhook.trustedIps],
        options.webhook.allowLoopback && isLoopbackUrl(options.apiUrl)
      ),
      proxyTrust: compileProxyTrust(options.webhook),
    }
    built.set(key, services)
  }
  return services
}
