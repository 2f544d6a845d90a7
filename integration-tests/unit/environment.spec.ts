import { EnvironmentError, readEnvironment } from "../../src/config/environment"

const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://medusa:secret@db:5432/medusa",
  REDIS_URL: "redis://redis:6379",
  JWT_SECRET: "j".repeat(40),
  COOKIE_SECRET: "c".repeat(40),
  MEDUSA_BACKEND_URL: "https://shop.example.ru",
  STORE_CORS: "https://shop.example.ru",
  ADMIN_CORS: "https://shop.example.ru",
  TELEGRAM_BOT_TOKEN: "7000000001:AAExampleTokenForTests_abcdefghijkl",
  TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
  TELEGRAM_WEBHOOK_SECRET: "w".repeat(40),
  MINIAPP_URL: "https://shop.example.ru",
  YOOKASSA_SHOP_ID: "123456",
  YOOKASSA_SECRET_KEY: "live_ExampleSecretKeyForTests",
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    readEnvironment(env)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError)
    return (error as EnvironmentError).problems
  }
  return []
}

describe("readEnvironment", () => {
  it("runs locally with nothing set, on embedded defaults", () => {
    const env = readEnvironment({})
    expect(env.isProduction).toBe(false)
    expect(env.databaseUrl).toMatch(/^postgres:\/\/.+:54329\/aistore$/)
    expect(env.redisUrl).toBeUndefined()
    expect(env.workerMode).toBe("shared")
    expect(env.backendUrl).toBe("http://localhost:9000")
    expect(env.trustedProxyHops).toBe(0)
    expect(env.telegram).toEqual({
      botToken: expect.stringMatching(/^\d+:/),
      adminChatId: undefined,
      adminThreadId: undefined,
      apiRoot: "https://api.telegram.org",
      initDataMaxAgeSeconds: 86400,
      webhookSecret: expect.any(String),
      miniAppUrl: "http://localhost:5173",
      miniAppLink: undefined,
      starsRubRate: 1.6,
    })
    expect(env.yookassa.widgetUrl).toBe("https://yookassa.ru/checkout-widget/v1/checkout-widget.js")
    expect(env.yookassa.options).toMatchObject({
      apiUrl: "https://api.yookassa.ru/v3",
      returnUrl: "http://localhost:5173",
      captureMode: "one-stage",
      confirmationType: "redirect",
      receipts: { enabled: true, vatCode: 1, paymentSubject: "service", paymentMode: "full_payment" },
      // Loopback senders only with the local sandbox, not merely because this is not production.
      webhook: { trustedIps: [], allowLoopback: false },
    })
    expect(env.trustedProxies).toEqual([])
  })

  it("accepts webhooks from loopback only when the Yookassa API is the local sandbox", () => {
    const sandbox = { YOOKASSA_API_URL: "http://127.0.0.1:19501/v3" }
    expect(readEnvironment(sandbox).yookassa.options.webhook.allowLoopback).toBe(true)
    expect(
      readEnvironment({ YOOKASSA_API_URL: "http://localhost:19501/v3" }).yookassa.options.webhook.allowLoopback
    ).toBe(true)
    expect(
      readEnvironment({ YOOKASSA_API_URL: "https://api.yookassa.ru/v3" }).yookassa.options.webhook.allowLoopback
    ).toBe(false)
    expect(
      readEnvironment({ YOOKASSA_API_URL: "http://127.0.0.1.example.com/v3" }).yookassa.options.webhook.allowLoopback
    ).toBe(false)
    expect(readEnvironment({ ...PRODUCTION, ...sandbox }).yookassa.options.webhook.allowLoopback).toBe(false)
  })

  it("loads the embedded confirmation's widget from Yookassa, and from elsewhere (the sandbox's stand-in) only outside production", () => {
    const official = "https://yookassa.ru/checkout-widget/v1/checkout-widget.js"
    const standIn = { YOOKASSA_WIDGET_URL: "http://127.0.0.1:19501/checkout-widget/v1/checkout-widget.js" }
    expect(readEnvironment(standIn).yookassa.widgetUrl).toBe(standIn.YOOKASSA_WIDGET_URL)
    expect(readEnvironment(PRODUCTION).yookassa.widgetUrl).toBe(official)
    expect(readEnvironment({ ...PRODUCTION, YOOKASSA_WIDGET_URL: official }).yookassa.widgetUrl).toBe(official)
    expect(problemsOf({ ...PRODUCTION, ...standIn })).toEqual([
      expect.stringMatching(/^YOOKASSA_WIDGET_URL is for development/),
    ])
    expect(problemsOf({ YOOKASSA_WIDGET_URL: "javascript:alert(1)" })).toEqual([
      expect.stringMatching(/^YOOKASSA_WIDGET_URL must be a http: or https: URL/),
    ])
  })

  it("reads the trusted proxies' addresses", () => {
    expect(readEnvironment({ TRUSTED_PROXIES: " 10.0.0.0/8, 172.18.0.5 ,::1" }).trustedProxies).toEqual([
      "10.0.0.0/8",
      "172.18.0.5",
      "::1",
    ])
    expect(() => readEnvironment({ TRUSTED_PROXIES: "nginx" })).toThrow(
      /TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, got "nginx"/
    )
  })

  it("accepts a complete production environment", () => {
    const env = readEnvironment({ ...PRODUCTION, MEDUSA_WORKER_MODE: "worker", TRUSTED_PROXY_HOPS: "1" })
    expect(env).toMatchObject({
      isProduction: true,
      redisUrl: "redis://redis:6379",
      workerMode: "worker",
      trustedProxyHops: 1,
      backendUrl: "https://shop.example.ru",
      authCors: "https://shop.example.ru,https://shop.example.ru",
    })
    expect(env.yookassa.options).toMatchObject({
      shopId: "123456",
      returnUrl: "https://shop.example.ru",
      webhook: { allowLoopback: false },
    })
  })

  it("reads the sale messages' forum topic, and refuses one that is not a topic id", () => {
    expect(readEnvironment({ ...PRODUCTION, TELEGRAM_ADMIN_THREAD_ID: "77" }).telegram.adminThreadId).toBe(77)
    expect(readEnvironment(PRODUCTION).telegram.adminThreadId).toBeUndefined()
    for (const bad of ["0", "-5", "topic", "1e3", "99999999999999999"]) {
      expect(problemsOf({ ...PRODUCTION, TELEGRAM_ADMIN_THREAD_ID: bad })).toEqual([
        expect.stringContaining("TELEGRAM_ADMIN_THREAD_ID must be a forum topic's numeric id"),
      ])
    }
  })

  it("reads the clicks' time zone (Europe/Moscow by default) and refuses an unknown one", () => {
    expect(readEnvironment(PRODUCTION).clicksTimeZone).toBe("Europe/Moscow")
    expect(readEnvironment({ ...PRODUCTION, CLICKS_TIME_ZONE: "Asia/Vladivostok" }).clicksTimeZone).toBe(
      "Asia/Vladivostok"
    )
    expect(problemsOf({ ...PRODUCTION, CLICKS_TIME_ZONE: "Moscow" })).toEqual([
      expect.stringContaining("CLICKS_TIME_ZONE must be an IANA time zone"),
    ])
  })

  it("reads Yookassa's settings and names the variable that is wrong", () => {
    const env = readEnvironment({
      ...PRODUCTION,
      YOOKASSA_CAPTURE_MODE: "two-stage",
      YOOKASSA_RECEIPTS: "false",
      YOOKASSA_TAX_SYSTEM_CODE: "2",
      YOOKASSA_TRUSTED_IPS: "10.0.0.0/8, 192.168.1.7",
    })
    expect(env.yookassa.options).toMatchObject({
      captureMode: "two-stage",
      receipts: { enabled: false, taxSystemCode: 2 },
      webhook: { trustedIps: ["10.0.0.0/8", "192.168.1.7"] },
    })
    expect(
      problemsOf({
        ...PRODUCTION,
        YOOKASSA_CAPTURE_MODE: "later",
        YOOKASSA_VAT_CODE: "13",
        YOOKASSA_RECEIPTS: "yes",
        YOOKASSA_TRUSTED_IPS: "example.com",
        YOOKASSA_API_URL: "ftp://x",
      })
    ).toEqual([
      // In the plugin's order of options: the plugin's schema judges them.
      expect.stringContaining("YOOKASSA_API_URL must be an http: or https: URL"),
      expect.stringContaining('YOOKASSA_CAPTURE_MODE must be one of one-stage, two-stage, got "later"'),
      expect.stringContaining("YOOKASSA_RECEIPTS must be true or false"),
      expect.stringContaining('YOOKASSA_VAT_CODE must be a whole number from 1 to 12, got "13"'),
      expect.stringContaining("YOOKASSA_TRUSTED_IPS must be an IPv4 or IPv6 address or CIDR range"),
    ])
  })

  it("names every missing production variable in one message, and treats empty as missing", () => {
    const problems = problemsOf({ NODE_ENV: "production", JWT_SECRET: "  " })
    const named = problems.map((problem) => problem.split(" ")[0])
    expect(named).toEqual([
      "DATABASE_URL",
      "REDIS_URL",
      "JWT_SECRET",
      "COOKIE_SECRET",
      "MEDUSA_BACKEND_URL",
      "STORE_CORS",
      "ADMIN_CORS",
      "TELEGRAM_BOT_TOKEN",
      "TELEGRAM_ADMIN_CHAT_ID",
      "TELEGRAM_WEBHOOK_SECRET",
      "MINIAPP_URL",
      "YOOKASSA_SHOP_ID",
      "YOOKASSA_SECRET_KEY",
    ])
  })

  it("refuses weak secrets, localhost URLs and malformed values in production", () => {
    const problems = problemsOf({
      ...PRODUCTION,
      JWT_SECRET: "short",
      MEDUSA_BACKEND_URL: "http://localhost:9000",
      DATABASE_URL: "mysql://x@y/z",
      MEDUSA_WORKER_MODE: "both",
      TRUSTED_PROXY_HOPS: "-1",
      TELEGRAM_BOT_TOKEN: "not-a-token",
    })
    expect(problems).toEqual([
      expect.stringContaining("DATABASE_URL must be a postgres: or postgresql: URL"),
      expect.stringContaining("JWT_SECRET must be at least 32 characters"),
      expect.stringContaining("MEDUSA_BACKEND_URL must be the public address"),
      expect.stringContaining("MEDUSA_WORKER_MODE must be one of shared, server, worker"),
      expect.stringContaining("TRUSTED_PROXY_HOPS must be a whole number"),
      expect.stringContaining("TELEGRAM_BOT_TOKEN must look like <bot id>:<secret>"),
    ])
  })
})
