import type { LoaderOptions } from "@medusajs/framework/types"
import { parseTelegramPluginOptions } from "../../../options"

/** The plugin's options reach its modules: a wrong one stops the start, not a later update or sale. */
export default async function validateOptions({ options }: LoaderOptions<Record<string, unknown>>) {
  parseTelegramPluginOptions(options)
}
