import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { undeclaredImports } from "../helpers/package-imports"
import { installSnippet, medusaConfigSource } from "../helpers/readme-config"

/** The checks the plugins-alone packaging spec relies on, on files made here. */

const PLUGINS = join(__dirname, "..", "..", "plugins")

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "aistore-packaging-"))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

function write(path: string, text: string): string {
  mkdirSync(dirname(join(folder, path)), { recursive: true })
  writeFileSync(join(folder, path), text)
  return join(folder, path)
}

describe("installSnippet", () => {
  it.each([
    ["payment-yookassa", ["plugins", "modules"]],
    ["telegram", ["plugins", "projectConfig", "modules"]],
    ["click-tracking", ["plugins"]],
    ["course-access", ["plugins"]],
  ])("reads the Install snippet of %s's README", (plugin, keys) => {
    expect(installSnippet(join(PLUGINS, plugin, "README.md")).keys).toEqual(keys)
  })

  it("keeps the statements before the config apart", () => {
    const readme = write("README.md", "## Install\n\n```ts\nconst shop = { id: 1 }\n\nplugins: [shop],\n```\n")
    expect(installSnippet(readme)).toEqual({
      statements: "const shop = { id: 1 }\n",
      properties: "plugins: [shop],\n",
      keys: ["plugins"],
    })
  })

  it.each([
    ["no Install section", "## Usage\n\n```ts\nplugins: [],\n```\n", /no ```ts block under "## Install"/],
    ["a key the config cannot merge", "## Install\n\n```ts\nadmin: {},\n```\n", /sets admin/],
    ["no config at all", "## Install\n\n```ts\nconst a = 1\n```\n", /sets none of/],
  ])("refuses a README with %s", (_, text, message) => {
    expect(() => installSnippet(write("README.md", text))).toThrow(message)
  })
})

describe("medusaConfigSource", () => {
  it("appends each README's plugins and modules in order and merges their http settings", () => {
    const source = medusaConfigSource([
      { statements: "", properties: "plugins: [a],\nprojectConfig: { http: {} },", keys: ["plugins", "projectConfig"] },
      { statements: "", properties: "plugins: [b],\nmodules: [m],", keys: ["plugins", "modules"] },
    ])
    expect(source).toContain("plugins: [...readme1.plugins, ...readme2.plugins],")
    expect(source).toContain("modules: [...readme2.modules],")
    expect(source).toContain("http: { ...stockProjectConfig.http, ...readme1.projectConfig.http },")
  })
})

describe("undeclaredImports", () => {
  beforeEach(() => {
    write(
      "package.json",
      JSON.stringify({
        name: "@x/plugin",
        dependencies: { "dep-a": "1.0.0" },
        peerDependencies: { "@x/peer": "1.0.0" },
      })
    )
  })

  it("accepts builtins, its own name, dependencies, peers, and the admin host's packages in admin code", () => {
    write(
      ".medusa/server/src/index.js",
      'require("node:fs"); require("path"); require("dep-a/sub"); require("@x/peer/a"); require("@x/plugin/b"); require("./c")'
    )
    write(
      ".medusa/server/src/admin/index.mjs",
      'import { jsx } from "react/jsx-runtime"\nimport { Button } from "@medusajs/ui"\n'
    )
    expect(undeclaredImports(folder)).toEqual({})
  })

  it("names each undeclared package and the files importing it", () => {
    write(".medusa/server/src/a.js", 'const z = require("zod")\nconst r = require("react")')
    write(".medusa/server/src/admin/index.mjs", 'export { x } from "left-pad"\nconst m = await import("zod/v4")')
    expect(undeclaredImports(folder)).toEqual({
      zod: [".medusa/server/src/a.js", ".medusa/server/src/admin/index.mjs"],
      react: [".medusa/server/src/a.js"],
      "left-pad": [".medusa/server/src/admin/index.mjs"],
    })
  })
})
