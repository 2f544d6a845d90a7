import { gzipSync } from "node:zlib"
import type { OutputBundle, OutputChunk } from "rollup"
import type { Plugin } from "vite"

/**
 * Prints what the first screen downloads before it can draw: the entry chunk, the chunks it
 * imports statically, and their CSS, gzipped; fails the build above the budget.
 */
export function initialSizeBudget(budgetKb: number): Plugin {
  return {
    name: "aistore:initial-size-budget",
    apply: "build",
    generateBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === "chunk")
      const entry = chunks.find((chunk) => chunk.isEntry)
      if (!entry) return
      const initial = new Set<string>()
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return
        initial.add(fileName)
        const chunk = bundle[fileName]
        if (chunk?.type === "chunk") chunk.imports.forEach(visit)
      }
      visit(entry.fileName)
      const css = new Set<string>()
      for (const fileName of initial) {
        const chunk = bundle[fileName] as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }
        chunk.viteMetadata?.importedCss.forEach((file) => css.add(file))
      }
      const sizeOf = (fileName: string) => {
        const file = bundle[fileName]
        const source = file?.type === "chunk" ? file.code : (file?.source ?? "")
        return gzipSync(typeof source === "string" ? source : Buffer.from(source)).length
      }
      const rows = [...initial, ...css].map((fileName) => [fileName, sizeOf(fileName)] as const)
      const total = rows.reduce((sum, [, size]) => sum + size, 0)
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
      const lines = rows.map(([fileName, size]) => `  ${fileName.padEnd(40)} ${kb(size).padStart(9)}`)
      this.info(
        `initial JS + CSS (gzip), what the first screen loads:\n${lines.join("\n")}\n  ${"total".padEnd(40)} ${kb(total).padStart(9)} (budget ${budgetKb} KB)`
      )
      if (total > budgetKb * 1024) {
        this.error(`initial JS + CSS is ${kb(total)} gzipped, over the ${budgetKb} KB budget`)
      }
    },
  }
}
