import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

const SKIPPED = new Set(["node_modules", ".medusa", "dist", ".git", "__tests__"])

/** A hash of every file under `paths` (contents and relative names): what a build depends on. */
export function fingerprint(root, paths) {
  const hash = createHash("sha256")
  const visit = (path) => {
    if (!existsSync(path)) {
      return
    }
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!SKIPPED.has(entry)) {
          visit(join(path, entry))
        }
      }
      return
    }
    hash.update(relative(root, path))
    hash.update("\0")
    hash.update(readFileSync(path))
  }
  for (const path of paths) {
    visit(join(root, path))
  }
  return hash.digest("hex")
}
