import { YookassaClient } from "../client"
import type { YookassaOptions } from "../options"

export function createYookassaClient(options: YookassaOptions): YookassaClient {
  return new YookassaClient({
    shopId: options.shopId,
    secretKey: options.secretKey,
    apiUrl: options.apiUrl,
    timeoutMs: options.timeoutMs,
    maxAttempts: options.maxAttempts,
  })
}
