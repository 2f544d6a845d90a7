import type { ExportedEvent } from "../../../../modules/click-tracking/export/types"
import type ClickTrackingModuleService from "../../../../modules/click-tracking/service"
import { csvRow } from "../../../../utils/csv"

const PAGE_SIZE = 1000
/** A byte order mark, so that spreadsheets read the file (Cyrillic search queries) as UTF-8. */
const BOM = "\uFEFF"

const COLUMNS: { name: string; cell: (event: ExportedEvent) => string | null }[] = [
  { name: "id", cell: (event) => event.id },
  { name: "type", cell: (event) => event.type },
  { name: "occurred_at", cell: (event) => new Date(event.occurred_at).toISOString() },
  { name: "received_at", cell: (event) => new Date(event.received_at).toISOString() },
  { name: "customer_id", cell: (event) => event.customer_id },
  { name: "session_id", cell: (event) => event.session_id },
  { name: "product_id", cell: (event) => event.product_id },
  { name: "category_id", cell: (event) => event.category_id },
  { name: "order_id", cell: (event) => event.order_id },
  { name: "details", cell: (event) => (event.details ? JSON.stringify(event.details) : null) },
]

/**
 * The export as CSV text, one page of events at a time: the next page is read only when the
 * response has taken the previous one, so memory stays at one page however long the range.
 */
export async function* csvPages(
  clicks: ClickTrackingModuleService,
  range: { from: Date; to: Date }
): AsyncGenerator<string> {
  yield BOM + csvRow(COLUMNS.map((column) => column.name))
  let after: Pick<ExportedEvent, "cursor" | "id"> | undefined
  for (;;) {
    const page = await clicks.listExportPage({ ...range, after, limit: PAGE_SIZE })
    if (page.length) {
      yield page.map((event) => csvRow(COLUMNS.map((column) => column.cell(event)))).join("")
    }
    if (page.length < PAGE_SIZE) {
      return
    }
    const last = page[page.length - 1]
    after = { cursor: last.cursor, id: last.id }
  }
}
