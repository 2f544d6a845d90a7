/**
 * Removes a secret (the bot token) from text that may end up in an error message or a log.
 *
 * telegraf puts the token into request URLs (`/bot<token>/sendMessage`), and network
 * errors quote the URL. Its own redaction only knows the `<digits>:<rest>` token shape
 * and replaces the first occurrence, so every string that leaves this package is
 * scrubbed here: the token as is, URL-encoded, and anything shaped like a bot token.
 */
export function scrubSecret(text: string, secret: string | undefined): string {
  let result = text
  if (secret) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join(REDACTED)
    }
  }
  return result.replace(BOT_TOKEN_SHAPE, `$1${REDACTED}`)
}

export const REDACTED = "[REDACTED]"

/** `bot123456:AA...` as it appears in Bot API URLs. */
const BOT_TOKEN_SHAPE = /(\/(?:bot|user))\d+:[A-Za-z0-9_-]+/g
