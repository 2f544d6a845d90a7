import type { LoaderOptions } from "@medusajs/framework/types"
import { parseClickTrackingOptions } from "../../../options"

/** The plugin's options reach its module: a wrong one stops the start, not a later request. */
export default async function validateOptions({ options }: LoaderOptions<Record<string, unknown>>) {
  parseClickTrackingOptions(options)
}
