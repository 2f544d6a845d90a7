import { generateKeyPairSync, sign as ed25519Sign } from "node:crypto"
import type * as InitDataNode from "@telegram-apps/init-data-node" with { "resolution-mode": "import" }
import { verifyInitData } from "../init-data"
import { mutateInitData } from "./mutate-init-data"

// The package's type declarations are ESM-only; jest loads its CommonJS build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sign } = require("@telegram-apps/init-data-node") as typeof InitDataNode

const BOT_TOKEN = "7000000001:AAEtestTokenForInitDataSpec_abcdefgh"
const OPTIONS = { botToken: BOT_TOKEN, maxAgeSeconds: 86_400 }
const NOW = new Date("2026-11-26T10:00:00Z")
const USER = { id: 279058397, first_name: "Вера", last_name: "Петрова", username: "vera_p", language_code: "ru" }

const signed = (data: Record<string, unknown> = {}, authDate = NOW, token = BOT_TOKEN) =>
  sign({ user: USER, query_id: "AAHdF6IQAAAAAN0XohDhrOrc", ...data }, token, authDate)

const reasonOf = (raw: string, now = NOW) => {
  const result = verifyInitData(raw, OPTIONS, now)
  return result.ok ? "accepted" : result.reason
}

describe("verifyInitData", () => {
  it("accepts initData signed with the bot's token and returns the user", () => {
    const result = verifyInitData(signed({ start_param: "course-42" }), OPTIONS, NOW)
    expect(result).toEqual({
      ok: true,
      data: { user: USER, authDate: new Date("2026-11-26T10:00:00Z"), startParam: "course-42" },
    })
  })

  it.each([
    ["a changed field", () => signed().replace("vera_p", "vera_q"), /signature does not match/],
    [
      "another bot's token",
      () => signed({}, NOW, "7000000002:AAEanotherBotsToken_abcdefghijklm"),
      /signature does not match/,
    ],
    ["no hash", () => signed().replace(/&?hash=[0-9a-f]+/, ""), /no hash/],
    ["a malformed hash", () => signed().replace(/hash=[0-9a-f]+/, "hash=zz"), /hash is malformed/],
    ["an expired auth_date", () => signed({}, new Date(NOW.getTime() - 86_401_000)), /expired/],
    ["an auth_date in the future", () => signed({}, new Date(NOW.getTime() + 3_600_000)), /future/],
    ["a user that is not JSON", () => signed({ user: "{not json" }), /not JSON/],
    ["a user without id", () => signed({ user: { first_name: "A" } }), /no valid id/],
    ["a bot as user", () => signed({ user: { ...USER, is_bot: true } }), /bots cannot/],
    [
      "a repeated key",
      () => `${signed()}&user=${encodeURIComponent(JSON.stringify({ id: 1, first_name: "X" }))}`,
      /repeats/,
    ],
    ["an empty string", () => "", /empty/],
    ["more than 8 KB", () => signed({ padding: "x".repeat(9000) }), /larger than 8 KB/],
    ["bytes that are not UTF-8", () => `${signed()}&x=%FF%FE`, /not valid UTF-8/],
    ["raw non-ASCII characters", () => `${signed()}&x=é`, /URL-encoded ASCII/],
    ["no user", () => sign({ query_id: "q" }, BOT_TOKEN, NOW), /no user/],
  ])("rejects %s", (_case, make, reason) => {
    expect(reasonOf(make())).toMatch(reason)
  })

  it("accepts initData of exactly 8 KB and rejects one byte more", () => {
    const padded = (bytes: number) => {
      const base = signed({ padding: "" }).length
      const raw = signed({ padding: "x".repeat(bytes - base) })
      expect(Buffer.byteLength(raw)).toBe(bytes)
      return raw
    }
    expect(reasonOf(padded(8 * 1024))).toBe("accepted")
    expect(reasonOf(padded(8 * 1024 + 1))).toMatch(/larger than 8 KB/)
  })

  it("rejects every one of 1,000 mutations of valid initData", () => {
    const original = signed({ start_param: "promo" })
    const accepted: string[] = []
    let tried = 0
    for (let seed = 1; tried < 1000; seed++) {
      const mutated = mutateInitData(original, seed)
      if (mutated === original) {
        continue
      }
      tried++
      if (verifyInitData(mutated, OPTIONS, NOW).ok) {
        accepted.push(mutated)
      }
    }
    expect(accepted).toEqual([])
  })

  describe("third-party validation (Ed25519, no bot token)", () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519")
    const rawPublicKey = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex")
    const BOT_ID = 7000000001

    const signedByTelegram = (fields: Record<string, string>) => {
      const checkString = Object.entries(fields)
        .map(([key, value]) => `${key}=${value}`)
        .sort()
        .join("\n")
      const signature = ed25519Sign(null, Buffer.from(`${BOT_ID}:WebAppData\n${checkString}`), privateKey)
      // The hash is covered by nothing here: third parties cannot check it.
      return new URLSearchParams({
        ...fields,
        signature: signature.toString("base64url"),
        hash: "0".repeat(64),
      }).toString()
    }
    const options = { thirdParty: { botId: BOT_ID, publicKey: rawPublicKey }, maxAgeSeconds: 86_400 }
    const fields = { auth_date: String(Math.floor(NOW.getTime() / 1000)), user: JSON.stringify(USER) }

    it("accepts data signed with Telegram's key for this bot", () => {
      expect(verifyInitData(signedByTelegram(fields), options, NOW).ok).toBe(true)
    })

    it("rejects a changed field and another bot's id", () => {
      const changed = signedByTelegram(fields).replace("vera_p", "vera_q")
      expect(verifyInitData(changed, options, NOW)).toEqual({ ok: false, reason: "initData signature does not match" })
      const otherBot = { ...options, thirdParty: { ...options.thirdParty, botId: BOT_ID + 1 } }
      expect(verifyInitData(signedByTelegram(fields), otherBot, NOW).ok).toBe(false)
    })
  })
})
