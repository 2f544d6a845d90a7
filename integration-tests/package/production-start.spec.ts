import { spawn } from "node:child_process"
import { join } from "node:path"

const ROOT = join(__dirname, "..", "..")

/** The real CLI with the real medusa-config.ts, which loads the built plugins' option schemas. */
describe("a production start without secrets", () => {
  it("stops with one message naming every missing variable", async () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" }
    Object.assign(env, { NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true" })
    const medusa = join(ROOT, "node_modules", ".bin", "medusa")
    const child = spawn(medusa, ["start"], { cwd: ROOT, env })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    // A start that wrongly succeeded would never exit: end it so the test fails instead of hanging.
    const deadline = setTimeout(() => child.kill("SIGKILL"), 60_000)
    const code = await new Promise<number | null>((done) => child.on("close", done))
    clearTimeout(deadline)

    expect(code).not.toBe(0)
    expect(output).toContain("AI Store cannot start, the environment is incomplete")
    for (const name of [
      "DATABASE_URL",
      "REDIS_URL",
      "JWT_SECRET",
      "COOKIE_SECRET",
      "MEDUSA_BACKEND_URL",
      "TELEGRAM_BOT_TOKEN",
    ]) {
      expect(output).toContain(`${name} is required in production`)
    }
    expect(output).not.toContain("Server is ready")
  })
})
