#!/usr/bin/env node
/**
 * Builds the Medusa app into `.medusa/server`: `medusa build` (backend and admin),
 * or with --backend-only the backend alone while the previous admin build is kept
 * (the admin bundle takes about a minute and rarely changes). Then copies the
 * files tsc does not emit (the demo catalogue's covers) next to the compiled code.
 */
import { spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const SERVER = join(ROOT, ".medusa", "server")
const ADMIN = join(SERVER, "public", "admin")
const ASSETS = ["src/scripts/demo-catalogue"]

async function buildBackendOnly() {
  const { Compiler } = await import("@medusajs/framework/build-tools")
  const { logger } = await import("@medusajs/framework/logger")
  const keptAdmin = existsSync(ADMIN) ? mkdtempSync(join(tmpdir(), "aistore-admin-")) : undefined
  if (keptAdmin) {
    cpSync(ADMIN, keptAdmin, { recursive: true })
  }
  try {
    const compiler = new Compiler(ROOT, logger)
    const tsConfig = await compiler.loadTSConfigFile()
    if (!tsConfig || !(await compiler.buildAppBackend(tsConfig))) {
      return false
    }
    if (keptAdmin) {
      cpSync(keptAdmin, ADMIN, { recursive: true })
    }
    return true
  } finally {
    if (keptAdmin) {
      rmSync(keptAdmin, { recursive: true, force: true })
    }
  }
}

function buildAll() {
  const medusa = join(ROOT, "node_modules", ".bin", "medusa")
  return spawnSync(medusa, ["build"], { cwd: ROOT, stdio: "inherit" }).status === 0
}

const ok = process.argv.includes("--backend-only") ? await buildBackendOnly() : buildAll()
if (!ok) {
  console.error("The Medusa build failed (see above).")
  process.exit(1)
}
for (const asset of ASSETS) {
  cpSync(join(ROOT, asset), join(SERVER, asset), { recursive: true })
}
