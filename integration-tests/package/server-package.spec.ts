import { freePort } from "../helpers/free-port"
import { execFileSync, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  createScratchDatabase,
  dropScratchDatabase,
  productionEnvironment,
  startServer,
  stopServer,
} from "../helpers/production-server"
import { ensureBackendBuild } from "../helpers/production-build"

/**
 * What the production image does, without Docker: build the server, make it
 * self-contained (plugin tarballs, production dependencies), then migrate and
 * start it from its own folder, far from the workspace's node_modules.
 */
jest.setTimeout(15 * 60_000)

const ROOT = join(__dirname, "..", "..")
const DATABASE = "aistore_package_test"

describe("the production server package", () => {
  const folder = join(mkdtempSync(join(tmpdir(), "aistore-server-")), "server")
  let server: ChildProcess | undefined
  beforeAll(async () => {
    await createScratchDatabase(DATABASE)
  })

  afterAll(async () => {
    await stopServer(server)
    await dropScratchDatabase(DATABASE)
    rmSync(join(folder, ".."), { recursive: true, force: true })
  })

  it("installs from its own folder, migrates and serves the store", async () => {
    const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
    ensureBackendBuild(env)
    execFileSync(process.execPath, ["scripts/package-server.mjs", folder], { cwd: ROOT, env, stdio: "inherit" })

    // The plugins come from the packed tarballs, not from workspace links.
    const plugin = require.resolve("@aistore/medusa-telegram/package.json", { paths: [folder] })
    expect(plugin.startsWith(join(folder, "node_modules"))).toBe(true)

    const port = await freePort()
    const serverEnv = productionEnvironment(DATABASE, {
      TELEGRAM_BOT_TOKEN: "7000000001:AAPackageTestToken_abcdefghijklmnop",
      YOOKASSA_SECRET_KEY: "test_PackageTestSecretKey",
    })
    const medusa = join(folder, "node_modules", ".bin", "medusa")
    execFileSync(medusa, ["db:migrate", "--execute-safe-links"], { cwd: folder, env: serverEnv, stdio: "inherit" })

    let health: number
    ;({ server, health } = await startServer(medusa, { cwd: folder, env: serverEnv, port }))
    expect(health).toBe(200)

    // The migration scripts shipped with the package set the store up.
    const config = await fetch(`http://localhost:${port}/storefront/config`).then((r) => r.json())
    expect(config).toEqual({
      publishable_key: expect.stringMatching(/^pk_/),
      region_id: expect.stringMatching(/^reg_/),
      currency_code: "rub",
      payment_methods: [
        { id: "yookassa", provider_id: "pp_yookassa_yookassa" },
        { id: "stars", provider_id: "pp_telegram-stars_telegram-stars" },
      ],
      stars_rub_rate: expect.any(Number),
      payment: {
        providers: expect.arrayContaining(["pp_yookassa_yookassa", "pp_telegram-stars_telegram-stars"]),
        confirmation: "redirect",
        receipts: true,
        // Production loads Yookassa's own widget script, never a stand-in.
        widget_url: "https://yookassa.ru/checkout-widget/v1/checkout-widget.js",
      },
      telegram: { app_link: null },
      legal_pages: ["offer", "privacy", "refunds"],
    })
  })
})
