#!/usr/bin/env node
/**
 * Login benchmark: Telegram initData login against Medusa's e-mail/password login,
 * same server, same run. Needs a running local store (`npm start`); uses the bot
 * token and admin that local mode made. The store lets customers in by Telegram
 * only, so the e-mail/password figures are Medusa's emailpass provider signing in
 * the local admin: the same provider code (password hash check, token) a stock
 * customer login runs. A stock customer's first login takes 3 requests
 * (register, create customer, log in again); Telegram's takes 1.
 *
 *   node scripts/bench/login.mjs [rounds=200]
 */
import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { sign } from "@telegram-apps/init-data-node"
import { httpClient } from "./http.mjs"
import { percentiles, time } from "./measure.mjs"
import { recordFigures } from "./results.mjs"

const BACKEND = process.env.BACKEND_URL ?? "http://localhost:9000"
const ROUNDS = Number(process.argv[2] ?? 200)
const state = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", ".local", "state.json"), "utf8"))
const botToken = process.env.TELEGRAM_BOT_TOKEN ?? state.telegramBotToken
const admin = Object.entries(state).find(([key]) => key.startsWith("admin:"))?.[1]
if (!botToken || !admin) {
  throw new Error("Run `npm start` once first: the benchmark uses the bot token and admin it creates.")
}

const request = httpClient(BACKEND)
const post = async (path, body, headers = {}) => JSON.parse(await request("POST", path, { body, headers }))

function summary(samples) {
  const { median, p95 } = percentiles(samples)
  return { median: median.toFixed(1), p95: p95.toFixed(1) }
}

const telegramLogin = (userId) =>
  post(
    "/auth/customer/telegram",
    {},
    {
      authorization: `tma ${sign({ user: { id: userId, first_name: "Bench" } }, botToken, new Date())}`,
    }
  )

const emailpassLogin = () => post("/auth/user/emailpass", { email: admin.email, password: admin.password })

// Each run signs in new Telegram users, so "first login" really creates customers.
const firstUserId = 800_000_000 + (randomBytes(3).readUIntBE(0, 3) % 1000) * 10_000
const results = { telegramFirst: [], telegramAgain: [], emailpass: [] }

// Warm up both paths once so neither pays for first-request initialisation.
await telegramLogin(firstUserId - 1)
await emailpassLogin()

for (let i = 0; i < ROUNDS; i++) {
  results.telegramFirst.push(await time(() => telegramLogin(firstUserId + i)))
  results.telegramAgain.push(await time(() => telegramLogin(firstUserId + i)))
  results.emailpass.push(await time(emailpassLogin))
}

const rows = [
  ["Telegram initData, first login", 1, summary(results.telegramFirst)],
  ["Telegram initData, returning", 1, summary(results.telegramAgain)],
  ["e-mail/password (Medusa emailpass)", 1, summary(results.emailpass)],
]
console.log(`Login latency, ${ROUNDS} sequential logins each, ${BACKEND}`)
console.log("flow".padEnd(40) + "requests".padStart(9) + "median ms".padStart(11) + "p95 ms".padStart(9))
for (const [name, requests, { median, p95 }] of rows) {
  console.log(name.padEnd(40) + String(requests).padStart(9) + median.padStart(11) + p95.padStart(9))
}
console.log("Requests to an authenticated customer: Telegram 1 (first and later logins);")
console.log("stock e-mail/password 3 on the first login (register, create customer, log in again), 1 later.")
const median = (samples) => percentiles(samples).median
const emailpass = { what: "e-mail/password (Medusa emailpass), median", value: median(results.emailpass) }
recordFigures("login", [
  {
    what: "Telegram initData, first login, median",
    value: median(results.telegramFirst),
    unit: "ms",
    baseline: emailpass,
  },
  {
    what: "Telegram initData, returning, median",
    value: median(results.telegramAgain),
    unit: "ms",
    baseline: emailpass,
  },
])
