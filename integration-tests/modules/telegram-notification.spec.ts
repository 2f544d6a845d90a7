import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"
// From source: CI type-checks before the plugins are built. Medusa itself loads the provider
// by package name, from the plugin's build.
import { start, type BotApiDouble } from "../../plugins/telegram/src/testing/bot-api-double"
import { dirname } from "node:path"
import { Client } from "pg"

jest.setTimeout(60_000)

/**
 * The Telegram provider inside Medusa's own notification module (2.21.2), against the
 * Bot API double: what ends up on the notification record.
 */
const DB_NAME = "aistore-telegram-notification-module"
let api: BotApiDouble
const providerOptions = {
  channels: ["telegram"],
  botToken: "5555:module-test-token",
  apiRoot: "",
  retryBaseDelayMs: 10,
  retryMaxDelayMs: 20,
  requestTimeoutMs: 1_000,
}

function quietLogger() {
  const noop = () => undefined
  return new Proxy({}, { get: () => noop })
}

beforeAll(async () => {
  // moduleIntegrationTestRunner connects to its database but does not create it.
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
  await client.query(`CREATE DATABASE "${DB_NAME}"`)
  await client.end()

  api = await start()
  // The module reads its provider's options when it boots (in the runner's beforeEach).
  providerOptions.apiRoot = api.url
})

afterAll(async () => {
  await api.stop()
})

beforeEach(() => api.reset())

moduleIntegrationTestRunner<INotificationModuleService>({
  moduleName: Modules.NOTIFICATION,
  dbName: DB_NAME,
  // The installed module: the runner finds its models (and creates their tables) from here.
  resolve: dirname(require.resolve("@medusajs/notification/package.json")),
  // The provider logs each retry; keep the test output to the results.
  injectedDependencies: { [ContainerRegistrationKeys.LOGGER]: quietLogger() },
  moduleOptions: {
    providers: [
      { resolve: "@aistore/medusa-telegram/providers/telegram-notification", id: "telegram", options: providerOptions },
    ],
  },
  testSuite: ({ service }) => {
    const input = (idempotency_key: string) => ({
      to: "42",
      channel: "telegram",
      template: "order-placed",
      data: { html: "<b>New order</b>" },
      idempotency_key,
    })

    // The stored notifications with this idempotency key (the filter exists, its type does not list it).
    const byKey = (idempotency_key: string) => service.listNotifications({ idempotency_key } as any)

    it("records a delivered message as success, with <chat>:<message_id> and the message ids", async () => {
      const notification = await service.createNotifications(input("ok-1"))

      expect(api.delivered).toHaveLength(1)
      const messageId = api.delivered[0].messageId
      expect(notification).toMatchObject({ status: "success", external_id: `42:${messageId}`, provider_id: "telegram" })
      const [stored] = await byKey("ok-1")
      expect(stored.provider_data).toEqual({ telegram: { message_ids: [messageId], chunks: 1, error: null } })
    })

    it("records a 403 as failure, with the reason in provider_data, after a single call", async () => {
      api.failNext({ kind: "forbidden" })

      await expect(service.createNotifications(input("blocked-1"))).rejects.toThrow(
        /never started the bot or blocked it/
      )

      const [stored] = await byKey("blocked-1")
      expect(stored.status).toBe("failure")
      expect(stored.provider_data).toMatchObject({
        telegram: { message_ids: [], chunks: 1, error: { reason: "forbidden", status: 403, attempts: 1 } },
      })
      expect(api.calls).toHaveLength(1)
    })

    it("re-sends a failed record when given its own id and provider_data: it becomes success, delivered once", async () => {
      api.failNext({ kind: "server_error" }, 4)
      await expect(service.createNotifications(input("resend-1"))).rejects.toThrow(/server_error, 4 attempts/)
      const [failed] = await byKey("resend-1")
      expect(failed.status).toBe("failure")

      // `id` is not in CreateNotificationDTO's type, but 2.21.2 spreads the input over the
      // generated id, so the send result is written to the failed record itself.
      await service.createNotifications({
        ...input("resend-1"),
        id: failed.id,
        provider_data: failed.provider_data,
      } as any)

      const records = await byKey("resend-1")
      expect(records).toHaveLength(1)
      expect(api.delivered).toHaveLength(1)
      const messageId = api.delivered[0].messageId
      expect(records[0]).toMatchObject({ id: failed.id, status: "success", external_id: `42:${messageId}` })
      expect(records[0].provider_data).toEqual({ telegram: { message_ids: [messageId], chunks: 1, error: null } })
    })

    it("(Medusa 2.21.2) the same idempotency key alone re-sends, then fails with 'not found' and leaves the record failed", async () => {
      api.failNext({ kind: "server_error" }, 4)
      await service.createNotifications(input("same-key-1")).catch(() => undefined)

      await expect(service.createNotifications(input("same-key-1"))).rejects.toThrow(
        /Notification with id .* not found/
      )

      // The message went out, but the record still says failure: a job re-sending this way
      // would deliver it again on every run.
      expect(api.delivered).toHaveLength(1)
      const records = await byKey("same-key-1")
      expect(records.map((record) => record.status)).toEqual(["failure"])
    })
  },
})
