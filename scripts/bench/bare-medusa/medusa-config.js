/**
 * Bench only: stock Medusa 2.21.2 on the store's database, without AI Store (none of the four
 * plugins, none of src/), for `scripts/bench/store-path.mjs` to set beside the store. Medusa
 * settings are the store's (Redis modules, the translation feature, no admin); payments go to
 * Medusa's own system provider. Not part of any build: `medusa start` runs with this folder as
 * its working directory only when the bench says so.
 */
const { defineConfig } = require("@medusajs/framework/utils")

if (process.env.AISTORE_BENCH_BARE_MEDUSA !== "true") {
  throw new Error(
    "scripts/bench/bare-medusa is the store-path benchmark's baseline, not a store: never run it otherwise"
  )
}

const redisUrl = process.env.REDIS_URL

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS,
      adminCors: process.env.ADMIN_CORS,
      authCors: process.env.AUTH_CORS,
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  featureFlags: { translation: true },
  admin: { disable: true },
  modules: [
    { resolve: "@medusajs/medusa/translation" },
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
  ],
})
