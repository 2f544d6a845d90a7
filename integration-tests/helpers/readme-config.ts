import { readFileSync } from "node:fs"

/**
 * A plugin README's configuration snippet, turned into a bare app's medusa-config.ts: what an
 * integrator pastes is what the packaging spec runs, so the README itself is what is proven.
 */

/** The `defineConfig` keys a snippet may set; anything else at the top level is a statement before the config. */
const CONFIG_KEYS = ["plugins", "modules", "projectConfig"] as const
type ConfigKey = (typeof CONFIG_KEYS)[number]

export type ReadmeSnippet = {
  /** Statements before the config (`const yookassa = { … }`). */
  statements: string
  /** The `defineConfig` properties, as written. */
  properties: string
  keys: ConfigKey[]
}

const TOP_LEVEL_KEY = /^([A-Za-z]+)\s*:/

/** The first ```ts block of the README's "## Install" section. */
export function installSnippet(readmePath: string): ReadmeSnippet {
  const readme = readFileSync(readmePath, "utf8")
  const install = /^## Install$/m.exec(readme)
  const block = install && /```ts\n([\s\S]*?)```/.exec(readme.slice(install.index))
  if (!block) {
    throw new Error(`${readmePath} has no \`\`\`ts block under "## Install"`)
  }
  const lines = block[1].split("\n")
  const firstProperty = lines.findIndex((line) => TOP_LEVEL_KEY.test(line))
  if (firstProperty < 0) {
    throw new Error(`${readmePath}: the Install snippet sets none of ${CONFIG_KEYS.join(", ")}`)
  }
  const keys = lines.slice(firstProperty).flatMap((line) => TOP_LEVEL_KEY.exec(line)?.[1] ?? [])
  const unknown = keys.filter((key) => !(CONFIG_KEYS as readonly string[]).includes(key))
  if (unknown.length) {
    throw new Error(
      `${readmePath}: the Install snippet sets ${unknown.join(", ")}; the spec knows ${CONFIG_KEYS.join(", ")}`
    )
  }
  return {
    statements: lines.slice(0, firstProperty).join("\n"),
    properties: lines.slice(firstProperty).join("\n"),
    keys: keys as ConfigKey[],
  }
}

/**
 * A stock create-medusa-app medusa-config.ts with the snippets added in order, as their READMEs
 * say: their plugins and modules appended, their projectConfig.http merged into the stock one.
 * Type-checked by `medusa build`, like the integrator's file.
 */
export function medusaConfigSource(snippets: ReadmeSnippet[]): string {
  const names = snippets.map((_, index) => `readme${index + 1}`)
  const spread = (key: ConfigKey) => names.filter((_, index) => snippets[index].keys.includes(key))
  const list = (key: ConfigKey) =>
    `[${spread(key)
      .map((name) => `...${name}.${key}`)
      .join(", ")}]`
  return `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

${snippets.map((snippet) => snippet.statements).join("\n")}
${snippets.map((snippet, index) => `const ${names[index]} = {\n${snippet.properties}\n}\n`).join("\n")}
const stockProjectConfig = {
  databaseUrl: process.env.DATABASE_URL,
  http: {
    storeCors: process.env.STORE_CORS!,
    adminCors: process.env.ADMIN_CORS!,
    authCors: process.env.AUTH_CORS!,
    jwtSecret: process.env.JWT_SECRET || "supersecret",
    cookieSecret: process.env.COOKIE_SECRET || "supersecret",
  },
}

module.exports = defineConfig({
  projectConfig: {
    ...stockProjectConfig,
${spread("projectConfig")
  .map((name) => `    ...${name}.projectConfig,\n`)
  .join("")}    http: { ...stockProjectConfig.http${spread("projectConfig")
    .map((name) => `, ...${name}.projectConfig.http`)
    .join("")} },
  },
  plugins: ${list("plugins")},
  modules: ${list("modules")},
  // Not the stock file's: the spec bundles the admin (a minute on two cores) for one case only.
  admin: { disable: process.env.PLUGINS_ALONE_ADMIN !== "bundle" },
})
`
}
