import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { courseAccessOptions, readEnvironment } from "./src/config/environment"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = readEnvironment()

/** Modules that move to Redis when one is configured, so server and worker share state. */
const redisModules = env.redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        // An event a dying worker was handling (a webhook's payment, an order's messages) is handed
        // to the next worker once its lock lapses: 10 s (renewed every 5 s while the worker lives),
        // looked for every 5 s, instead of BullMQ's 30 s and 30 s.
        options: { redisUrl: env.redisUrl, workerOptions: { lockDuration: 10_000, stalledInterval: 5_000 } },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        // Scheduled jobs share one BullMQ worker, concurrency 1 by default: one slot per job (4),
        // so a slow run never holds back another job's schedule.
        options: { redis: { redisUrl: env.redisUrl, jobWorkerOptions: { concurrency: 4 } } },
      },
      {
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl: env.redisUrl },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: env.redisUrl },
            },
          ],
        },
      },
      {
        // The jobs' schedules live in Redis only: the worker writes them again when Redis is back
        // (a Redis restarted without its data would otherwise run no job until the worker restarts).
        resolve: "./src/modules/job-schedules",
        options: { redisUrl: env.workerMode === "server" ? undefined : env.redisUrl },
      },
    ]
  : []

/** One set of Yookassa options, checked by the plugin's schema: the plugin (webhook route, jobs) and its provider read the same. */
const yookassaOptions = env.yookassa.options

/** One set of Telegram Stars options: the plugin (update route, job) and its provider read the same. */
const starsOptions = {
  botToken: env.telegram.botToken,
  apiRoot: env.telegram.apiRoot,
  rubPerStar: env.telegram.starsRubRate,
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.databaseUrl,
    redisUrl: env.redisUrl,
    workerMode: env.workerMode,
    http: {
      storeCors: env.storeCors,
      adminCors: env.adminCors,
      authCors: env.authCors,
      jwtSecret: env.jwtSecret,
      cookieSecret: env.cookieSecret,
      // Admins sign in with e-mail and password only; shopper providers can never create one.
      authMethodsPerActor: {
        user: ["emailpass"],
        customer: ["telegram"],
      },
    },
  },
  // Russian is the catalogue's own language; English comes from Medusa's translations (?locale=en-US).
  featureFlags: { translation: true },
  admin: {
    disable: env.disableAdmin,
    backendUrl: env.backendUrl,
  },
  plugins: [
    { resolve: "@aistore/medusa-payment-yookassa", options: yookassaOptions },
    {
      resolve: "@aistore/medusa-telegram",
      options: {
        adminChatId: env.telegram.adminChatId,
        adminThreadId: env.telegram.adminThreadId,
        adminUrl: `${env.backendUrl}/app`,
        webhookSecret: env.telegram.webhookSecret,
        miniAppUrl: env.telegram.miniAppUrl,
        stars: starsOptions,
      },
    },
    {
      resolve: "@aistore/medusa-click-tracking",
      options: { retentionDays: 365, trustedProxyHops: env.trustedProxyHops, timeZone: env.clicksTimeZone },
    },
    // Course delivery, after the plugins whose cart and payment middlewares its guards follow.
    { resolve: "@aistore/medusa-course-access", options: courseAccessOptions(env) },
  ],
  modules: [
    { resolve: "@medusajs/medusa/translation" },
    // The catalogue and /store's publishable-key check served from a cache (src/modules/store-cache),
    // its generation in Medusa's cache module (Redis with REDIS_URL), renewed by store events.
    {
      resolve: "./src/modules/store-cache",
      dependencies: [Modules.CACHE],
      options: { publishableKeyCache: env.publishableKeyCache },
    },
    {
      resolve: "@medusajs/medusa/auth",
      options: {
        providers: [
          // Configuring providers replaces the defaults: e-mail/password stays for admins.
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          {
            resolve: "@aistore/medusa-telegram/providers/telegram-auth",
            id: "telegram",
            options: {
              botToken: env.telegram.botToken,
              initDataMaxAgeSeconds: env.telegram.initDataMaxAgeSeconds,
            },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          { resolve: "@aistore/medusa-payment-yookassa/providers/yookassa", id: "yookassa", options: yookassaOptions },
          // Which of them the region offers is PAYMENT_METHODS (src/migration-scripts/sync-payment-methods.ts).
          { resolve: "@aistore/medusa-telegram/providers/telegram-stars", id: "telegram-stars", options: starsOptions },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          // Configuring providers replaces Medusa's default: restate it for the admin's feed.
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["feed"] },
          },
          {
            resolve: "@aistore/medusa-telegram/providers/telegram-notification",
            id: "telegram",
            options: { channels: ["telegram"], botToken: env.telegram.botToken, apiRoot: env.telegram.apiRoot },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { upload_dir: "static", backend_url: `${env.backendUrl}/static` },
          },
        ],
      },
    },
    ...redisModules,
  ],
})
