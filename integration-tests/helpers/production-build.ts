import { execFileSync } from "node:child_process"
import { join } from "node:path"

const ROOT = join(__dirname, "..", "..")

/**
 * The app's production build in `.medusa/server`, which the packaging and topology specs run.
 * `npm test` builds it once before any suite starts (scripts/test.mjs), because a build first
 * deletes the folder another suite may be running from; a spec run by jest alone builds it here.
 */
export function ensureBackendBuild(env: NodeJS.ProcessEnv = process.env): void {
  if (process.env.AISTORE_BACKEND_BUILT === "true") {
    return
  }
  execFileSync(process.execPath, ["scripts/build-app.mjs", "--backend-only"], { cwd: ROOT, env, stdio: "inherit" })
}
