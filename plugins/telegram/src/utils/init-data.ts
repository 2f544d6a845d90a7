import { createHmac, createPublicKey, timingSafeEqual, verify } from "node:crypto"
import type { TelegramUser, VerifiedInitData } from "../types"

/** Larger initData is not something a Telegram client sends. */
export const INIT_DATA_MAX_BYTES = 8 * 1024
/** Telegram's and our clocks may disagree a little; more than this in the future is forged. */
const CLOCK_SKEW_SECONDS = 30

/** Telegram's Ed25519 keys for third-party validation (https://core.telegram.org/bots/webapps). */
export const TELEGRAM_PUBLIC_KEYS = {
  production: "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d",
  test: "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec",
} as const

export type InitDataVerification =
  | { botToken: string; maxAgeSeconds: number }
  | { thirdParty: { botId: number; publicKey: string }; maxAgeSeconds: number }

export type InitDataResult = { ok: true; data: VerifiedInitData } | { ok: false; reason: string }

const reject = (reason: string): InitDataResult => ({ ok: false, reason })

/**
 * Checks initData the way Telegram specifies, stricter than
 * `@telegram-apps/init-data-node`'s `validate`: constant-time comparison, no
 * repeated keys, no `auth_date` in the future, only percent-encoded ASCII that
 * decodes to UTF-8, and a real (non-bot) user.
 */
export function verifyInitData(raw: string, options: InitDataVerification, now = new Date()): InitDataResult {
  if (!raw) {
    return reject("initData is empty")
  }
  if (Buffer.byteLength(raw, "utf8") > INIT_DATA_MAX_BYTES) {
    return reject(`initData is larger than ${INIT_DATA_MAX_BYTES / 1024} KB`)
  }
  if (!/^[\x21-\x7e]+$/.test(raw)) {
    return reject("initData must be URL-encoded ASCII")
  }

  const fields = new Map<string, string>()
  for (const pair of raw.split("&")) {
    const separator = pair.indexOf("=")
    if (separator <= 0) {
      return reject("initData is not a query string")
    }
    let key: string
    let value: string
    try {
      key = decodeURIComponent(pair.slice(0, separator).replace(/\+/g, " "))
      value = decodeURIComponent(pair.slice(separator + 1).replace(/\+/g, " "))
    } catch {
      return reject("initData is not valid UTF-8")
    }
    if (fields.has(key)) {
      return reject(`initData repeats the field "${key.slice(0, 32)}"`)
    }
    fields.set(key, value)
  }

  const hash = fields.get("hash")
  if (!hash) {
    return reject("initData has no hash")
  }
  const checked = [...fields].filter(([key]) => key !== "hash")
  const signatureCheck =
    "botToken" in options
      ? checkHash(hash, checked, options.botToken)
      : checkSignature(fields.get("signature"), checked, options.thirdParty)
  if (signatureCheck) {
    return reject(signatureCheck)
  }

  const authDateRaw = fields.get("auth_date") ?? ""
  if (!/^\d{1,12}$/.test(authDateRaw)) {
    return reject("auth_date is missing or not a Unix time")
  }
  const authDate = Number(authDateRaw)
  const nowSeconds = Math.floor(now.getTime() / 1000)
  if (authDate > nowSeconds + CLOCK_SKEW_SECONDS) {
    return reject("auth_date is in the future")
  }
  if (nowSeconds - authDate > options.maxAgeSeconds) {
    return reject("initData has expired: open the Mini App again")
  }

  const user = parseUser(fields.get("user"))
  if (typeof user === "string") {
    return reject(user)
  }
  return {
    ok: true,
    data: { user, authDate: new Date(authDate * 1000), startParam: fields.get("start_param") },
  }
}

function dataCheckString(fields: [string, string][]): string {
  // Sorted as "key=value" strings, as Telegram and its SDKs do.
  return fields
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join("\n")
}

function checkHash(hash: string, fields: [string, string][], botToken: string): string | undefined {
  if (!/^[0-9a-f]{64}$/.test(hash)) {
    return "hash is malformed"
  }
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest()
  const expected = createHmac("sha256", secret).update(dataCheckString(fields)).digest()
  return timingSafeEqual(expected, Buffer.from(hash, "hex")) ? undefined : "initData signature does not match"
}

function checkSignature(
  signature: string | undefined,
  fields: [string, string][],
  thirdParty: { botId: number; publicKey: string }
): string | undefined {
  if (!signature || !/^[A-Za-z0-9_-]{86}$/.test(signature)) {
    return "initData has no valid signature"
  }
  const message = `${thirdParty.botId}:WebAppData\n${dataCheckString(fields.filter(([key]) => key !== "signature"))}`
  // An Ed25519 public key in DER: the fixed SPKI prefix, then the 32 raw bytes.
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(thirdParty.publicKey, "hex")]),
    format: "der",
    type: "spki",
  })
  return verify(null, Buffer.from(message), key, Buffer.from(signature, "base64url"))
    ? undefined
    : "initData signature does not match"
}

function parseUser(raw: string | undefined): TelegramUser | string {
  if (!raw) {
    return "initData has no user"
  }
  let user: unknown
  try {
    user = JSON.parse(raw)
  } catch {
    return "user is not JSON"
  }
  if (typeof user !== "object" || user === null || Array.isArray(user)) {
    return "user is not an object"
  }
  const candidate = user as Record<string, unknown>
  if (typeof candidate.id !== "number" || !Number.isSafeInteger(candidate.id) || candidate.id <= 0) {
    return "user has no valid id"
  }
  if (candidate.is_bot === true) {
    return "bots cannot sign in"
  }
  if (typeof candidate.first_name !== "string") {
    return "user has no first_name"
  }
  const optionalStrings = ["last_name", "username", "language_code", "photo_url"] as const
  for (const key of optionalStrings) {
    if (candidate[key] !== undefined && typeof candidate[key] !== "string") {
      return `user.${key} is not a string`
    }
  }
  return candidate as TelegramUser
}
