#!/usr/bin/env node
/**
 * Makes the built server (`.medusa/server`) a folder that installs and runs on
 * its own, as the production image needs. `medusa build` copies the workspace's
 * package.json there, whose `@aistore/*` plugins exist only as workspace links;
 * so each plugin is packed with `npm pack` into `vendor/`, the dependencies are
 * pointed at those tarballs, and production dependencies are installed.
 *
 *   node scripts/package-server.mjs [target folder]   (default: in place)
 */
import { execFileSync } from "node:child_process"
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const BUILT = join(ROOT, ".medusa", "server")
const target = resolve(process.argv[2] ?? BUILT)

if (target !== BUILT) {
  rmSync(target, { recursive: true, force: true })
  // The static/ symlink of local mode and any installed node_modules stay behind.
  cpSync(BUILT, target, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|static)$/.test(source.slice(BUILT.length)),
  })
}

const vendor = join(target, "vendor")
mkdirSync(vendor, { recursive: true })
const tarballs = {}
for (const plugin of readdirSync(join(ROOT, "plugins"))) {
  const dir = join(ROOT, "plugins", plugin)
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", vendor], { cwd: dir, encoding: "utf8" })
  )
  tarballs[packed.name] = `file:./vendor/${packed.filename}`
}

const manifest = JSON.parse(readFileSync(join(target, "package.json"), "utf8"))
for (const [name, spec] of Object.entries(tarballs)) {
  if (!manifest.dependencies?.[name]) {
    throw new Error(`${name} is a workspace plugin but not a dependency of the app`)
  }
  manifest.dependencies[name] = spec
}
delete manifest.workspaces
delete manifest.devDependencies
manifest.scripts = { start: "medusa start" }
writeFileSync(join(target, "package.json"), JSON.stringify(manifest, null, 2) + "\n")
// The workspace lock describes links that do not exist here; npm writes a lock of this folder.
rmSync(join(target, "package-lock.json"), { force: true })

execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund"], { cwd: target, stdio: "inherit" })
console.log(`Self-contained server in ${target} (plugins: ${Object.keys(tarballs).join(", ")})`)
