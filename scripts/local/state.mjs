import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/** Local mode's own bookkeeping, kept in the git-ignored `.local/` folder. */
export class LocalState {
  constructor(root) {
    this.dir = join(root, ".local")
    this.file = join(this.dir, "state.json")
    mkdirSync(this.dir, { recursive: true })
    this.data = existsSync(this.file) ? JSON.parse(readFileSync(this.file, "utf8")) : {}
  }

  get(key) {
    return this.data[key]
  }

  set(key, value) {
    this.data[key] = value
    writeFileSync(this.file, JSON.stringify(this.data, null, 2) + "\n")
  }
}
