/** A spreadsheet runs a cell that starts like this as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, and defused with a
 * leading apostrophe when a spreadsheet would take it for a formula. `null` is an empty cell.
 */
export function csvCell(value: string | null): string {
  if (value === null) {
    return ""
  }
  const defused = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused
}

/** One CSV record, CRLF-terminated. */
export const csvRow = (cells: (string | null)[]) => `${cells.map(csvCell).join(",")}\r\n`
