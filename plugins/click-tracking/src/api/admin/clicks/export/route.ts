import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CLICK_TRACKING_MODULE } from "../../../../modules/click-tracking"
import type ClickTrackingModuleService from "../../../../modules/click-tracking/service"
import { csvPages } from "./csv-pages"
import { clickTrackingOptions } from "../../../../options"
import { dayIn } from "../../../../utils/time-zone"
import { resolveRange } from "../date-range"
import type { AdminClickExportQueryType } from "./validators"

/** GET /admin/clicks/export?from&to (admins only, as every /admin route): raw events as CSV, streamed. */
export async function GET(req: MedusaRequest<unknown, AdminClickExportQueryType>, res: MedusaResponse) {
  const { timeZone } = clickTrackingOptions(req.scope)
  const { from, to } = resolveRange(req.validatedQuery, timeZone)
  const day = (date: Date) => dayIn(date, timeZone)
  const clicks = req.scope.resolve<ClickTrackingModuleService>(CLICK_TRACKING_MODULE)
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  // Named by the days it holds: `to` itself is not in the range.
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="clicks-${day(from)}-to-${day(new Date(to.getTime() - 1))}.csv"`
  )
  res.setHeader("Cache-Control", "no-store")
  try {
    await pipeline(Readable.from(csvPages(clicks, { from, to })), res)
  } catch (error) {
    if (!res.headersSent) {
      throw error
    }
    // Mid-download the status is already sent: pipeline has cut the response short, so the
    // client sees an incomplete transfer rather than a file that looks whole.
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") {
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(`Click export ${day(from)}..${day(to)} failed: ${error}`)
    }
  }
}
