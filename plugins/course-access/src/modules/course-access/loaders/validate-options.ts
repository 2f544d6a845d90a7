import type { LoaderOptions } from "@medusajs/framework/types"
import { parseCourseAccessOptions } from "../../../options"

/** The plugin's options reach its module: a wrong one stops the start, not a later delivery. */
export default async function validateOptions({ options }: LoaderOptions<Record<string, unknown>>) {
  parseCourseAccessOptions(options)
}
