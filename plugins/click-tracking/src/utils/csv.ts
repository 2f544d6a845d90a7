/** A spreadsheet runs a cell that starts like this as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/
/**
 * A formula can also start after a separator inside the cell: a spreadsheet that splits on `;`
 * (Russian-locale Excel) or `,` and ignores the quotes turns `x;=HYPERLINK(…)` into a formula cell.
 */
const FORMULA_AFTER_SEPARATOR = /([,;]\s*)([=+\-@\t\r])/g

/**
 * One CSV cell (RFC 4180), always quoted so that neither `,` nor `;` splits it, and defused with a
 * leading apostrophe wherever a spreadsheet could take it for a formula: at its start and after any
 * `,` or `;` in it. `null` is an empty cell.
 */
export function csvCell(value: string | null): string {
  if (value === null) {
    return ""
  }
  const defused = value.replace(FORMULA_AFTER_SEPARATOR, "$1'$2")
  const safe = FORMULA_START.test(defused) ? `'${defused}` : defused
  return `"${safe.replace(/"/g, '""')}"`
}

/** One CSV record, CRLF-terminated. */
export const csvRow = (cells: (string | null)[]) => `${cells.map(csvCell).join(",")}\r\n`
