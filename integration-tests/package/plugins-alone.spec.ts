import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, join, sep } from "node:path"
import { Client } from "pg"
import {
  builtServer,
  createBareApp,
  npmInstall,
  npmPack,
  npmUninstall,
  run,
  startMedusa,
  stopAllStarted,
  stopProcessGroup,
  type RunningServer,
} from "../helpers/bare-medusa-app"
import { undeclaredImports } from "../helpers/package-imports"
import { freePort } from "../helpers/free-port"
import { createScratchDatabase, databaseUrl, dropScratchDatabase } from "../helpers/production-server"
import { installSnippet, medusaConfigSource } from "../helpers/readme-config"

/**
 * Each plugin alone, as an integrator gets it: its `npm pack` tarball installed, with only its
 * declared peers, into one bare Medusa app that has none of the other plugins; medusa-config.ts is
 * the README's Install snippet; the app builds, migrates a fresh database, starts, and serves the
 * plugin. The app's install is shared; each plugin is uninstalled before the next one.
 */
jest.setTimeout(20 * 60_000)

const PLUGINS = join(__dirname, "..", "..", "plugins")
const ADMIN = { email: "admin@plugins-alone.test", password: "a long enough password" }

type PluginCase = {
  /** The plugins folders installed: the plugin, after the peers it declares. */
  folders: string[]
  /** What an integrator sets for the README's `process.env.*`. */
  env: Record<string, string>
  /** Tables its migrations create. */
  tables: string[]
  /** One of its admin routes: the plugin answers it (a missing order or product: its own JSON 404). */
  adminRoute: string
  /** Payment providers its README's modules register. */
  paymentProviders?: string[]
  /** Bundles Medusa's admin with its extensions too. */
  bundleAdmin?: boolean
}

const BOT_TOKEN = "7000000001:AAPluginsAloneToken_abcdefghijklmn"
const TELEGRAM_ENV = {
  TELEGRAM_BOT_TOKEN: BOT_TOKEN,
  TELEGRAM_ADMIN_CHAT_ID: "-1001234567890",
  TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
  MINIAPP_URL: "https://shop.example.ru/app",
}

const CASES: Record<string, PluginCase> = {
  "payment-yookassa": {
    folders: ["payment-yookassa"],
    env: { YOOKASSA_SHOP_ID: "123456", YOOKASSA_SECRET_KEY: "test_PluginsAloneSecretKey" },
    tables: ["yookassa_dashboard_refund"],
    adminRoute: "/admin/orders/order_none/yookassa",
    paymentProviders: ["pp_yookassa_yookassa"],
  },
  telegram: {
    folders: ["telegram"],
    env: TELEGRAM_ENV,
    tables: ["telegram_account", "undeliverable_telegram_message"],
    adminRoute: "/admin/orders/order_none/telegram-stars",
  },
  "click-tracking": {
    folders: ["click-tracking"],
    env: {},
    tables: ["click_event", "click_hourly"],
    adminRoute: "/admin/clicks/stats",
  },
  // Its README adds it to a store configured as the telegram plugin's README says.
  "course-access": {
    folders: ["telegram", "course-access"],
    env: TELEGRAM_ENV,
    tables: ["course_access", "course_access_config", "telegram_account"],
    adminRoute: "/admin/products/prod_none/course-access",
    // The admin bundle takes a minute on two cores: once, for the two plugins whose extensions share the order page.
    bundleAdmin: true,
  },
}

/** The machine's PATH and npm settings, nothing of the workspace (jest's NODE_ENV, npm's workspace prefix, NODE_OPTIONS). */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const npmSettings = Object.entries(process.env).filter(([name]) =>
    /^npm_config_(cache|registry|userconfig)$/i.test(name)
  )
  return {
    // npm run puts the workspace's node_modules/.bin first: the app must find its own tools.
    PATH: process.env.PATH?.split(delimiter)
      .filter((entry) => !entry.includes(`node_modules${sep}.bin`))
      .join(delimiter),
    HOME: process.env.HOME ?? tmpdir(),
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...Object.fromEntries(npmSettings),
  }
}

async function tablesOf(database: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl(database) })
  await client.connect()
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    return rows.map((row) => row.table_name)
  } finally {
    await client.end()
  }
}

async function adminToken(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** An admin GET's status, and whether a route answered it: Medusa answers a path nobody serves with an HTML page. */
async function adminAnswer(server: RunningServer, token: string, path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  await response.arrayBuffer()
  return { status: response.status, routed: /^application\/json/.test(response.headers.get("content-type") ?? "") }
}

describe("each plugin alone in a bare Medusa app", () => {
  const work = mkdtempSync(join(tmpdir(), "aistore-plugins-alone-"))
  const app = join(work, "app")
  const tarballs: Record<string, string> = {}

  beforeAll(async () => {
    mkdirSync(app)
    mkdirSync(join(work, "tarballs"))
    await Promise.all([
      createBareApp(app),
      ...Object.keys(CASES).map(async (folder) => {
        tarballs[folder] = await npmPack(join(PLUGINS, folder), join(work, "tarballs"))
      }),
    ])
  })

  afterAll(async () => {
    await stopAllStarted()
    rmSync(work, { recursive: true, force: true })
  })

  it.each(Object.entries(CASES))(
    "%s: installs with its declared peers, builds, migrates and serves from its README's configuration",
    async (plugin, { folders, env: pluginEnv, tables, adminRoute, paymentProviders = [], bundleAdmin }) => {
      const names = folders.map((folder) => `@aistore/medusa-${folder}`)
      const database = `pack_${plugin.replace(/-/g, "_")}`
      const env = {
        ...cleanEnvironment(),
        ...pluginEnv,
        PLUGINS_ALONE_ADMIN: bundleAdmin ? "bundle" : "skip",
      }
      let server: RunningServer | undefined
      await createScratchDatabase(database)
      try {
        await npmInstall(
          app,
          folders.map((folder) => tarballs[folder])
        )
        // Nothing of the store's but what this plugin declares.
        expect(readdirSync(join(app, "node_modules", "@aistore")).sort()).toEqual(
          names.map((name) => name.replace("@aistore/", "")).sort()
        )
        for (const name of names) {
          expect({ [name]: undeclaredImports(join(app, "node_modules", name)) }).toEqual({ [name]: {} })
        }

        const snippets = folders.map((folder) => installSnippet(join(PLUGINS, folder, "README.md")))
        writeFileSync(join(app, "medusa-config.ts"), medusaConfigSource(snippets))
        const medusa = join(app, "node_modules", ".bin", "medusa")
        await run(medusa, ["build"], { cwd: app, env })
        expect(existsSync(join(app, ".medusa", "server", "public", "admin", "index.html"))).toBe(Boolean(bundleAdmin))

        const cwd = builtServer(app)
        const serverEnv = { ...env, NODE_ENV: "production", DATABASE_URL: databaseUrl(database) }
        await run(medusa, ["db:migrate"], { cwd, env: serverEnv })
        expect(await tablesOf(database)).toEqual(expect.arrayContaining(tables))
        await run(medusa, ["user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd, env: serverEnv })

        server = await startMedusa(cwd, serverEnv, await freePort())
        const token = await adminToken(server)
        expect(await adminAnswer(server, token, "/admin/no-such-route")).toEqual({ status: 404, routed: false })
        const answer = await adminAnswer(server, token, adminRoute)
        expect(answer.routed).toBe(true)
        expect(answer.status).toBeLessThan(500)
        const providers = await fetch(`${server.url}/admin/payments/payment-providers?limit=100`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((response) => response.json() as Promise<{ payment_providers: { id: string }[] }>)
        expect(providers.payment_providers.map(({ id }) => id)).toEqual(expect.arrayContaining(paymentProviders))
      } finally {
        await stopProcessGroup(server?.process)
        await dropScratchDatabase(database)
        await npmUninstall(app, names)
      }
    }
  )
})
