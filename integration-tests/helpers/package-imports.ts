import { readdirSync, readFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { join } from "node:path"

/**
 * Packages a packed plugin imports but does not declare. npm hoists the app's whole tree, so an
 * undeclared import usually resolves anyway — until the app's tree changes: read them from the code.
 */

/**
 * What Medusa's admin bundler shares with the dashboard (@medusajs/admin-bundler's `optimizeDeps`):
 * admin extensions import these from the host app, as Medusa's plugin template does, undeclared.
 */
const ADMIN_HOST_PACKAGES = [
  "react",
  "react-dom",
  "react-router-dom",
  "react-router",
  "react-i18next",
  "@medusajs/ui",
  "@medusajs/dashboard",
  "@medusajs/js-sdk",
  "@tanstack/react-query",
]

const SPECIFIERS = [
  /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  /\b(?:import|export)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\bimport\s*["']([^"']+)["']/g,
]

function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) {
    return undefined
  }
  const parts = specifier.split("/")
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]
  return builtinModules.includes(name) ? undefined : name
}

function codeFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** `package name → files importing it` for every package the installed plugin's code imports without declaring it. */
export function undeclaredImports(packageDir: string): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"))
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const adminDir = join(packageDir, ".medusa", "server", "src", "admin")
  const undeclared: Record<string, string[]> = {}
  for (const file of codeFiles(join(packageDir, ".medusa", "server"))) {
    const code = readFileSync(file, "utf8")
    const allowed = (name: string) =>
      declared.has(name) || (file.startsWith(adminDir) && ADMIN_HOST_PACKAGES.includes(name))
    for (const pattern of SPECIFIERS) {
      for (const [, specifier] of code.matchAll(pattern)) {
        const name = packageOf(specifier)
        if (name && !allowed(name)) {
          undeclared[name] = [...new Set([...(undeclared[name] ?? []), file.slice(packageDir.length + 1)])]
        }
      }
    }
  }
  return undeclared
}
