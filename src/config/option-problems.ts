import type { EnvReader } from "./env-reader"

/** A plugin's verdict on one option: its path (`receipts.vatCode`) and what is wrong with it. */
export type OptionProblem = { option: string; message: string }

/**
 * Reports a plugin's verdict on options built from the environment, each problem under the
 * variable its option came from (`receipts.vatCode` or `receipts.vatCode.0` → YOOKASSA_VAT_CODE).
 * A variable already reported (several options share one) is not reported twice; a secret's
 * value is never repeated.
 */
export function reportOptionProblems(
  reader: EnvReader,
  problems: OptionProblem[],
  variableOf: Record<string, string>,
  { plugin, secrets = [] }: { plugin: string; secrets?: string[] }
): void {
  for (const { option, message } of problems) {
    const key = Object.keys(variableOf).find((path) => option === path || option.startsWith(`${path}.`))
    const variable = key === undefined ? `${plugin} option ${option}` : variableOf[key]
    if (reader.problems.some((problem) => problem.startsWith(`${variable} `))) {
      continue
    }
    const raw = key === undefined || secrets.includes(variable) ? undefined : reader.value(variable)
    reader.problems.push(`${variable} ${message}${raw === undefined ? "" : `, got "${raw}"`}`)
  }
}

/** Unset stays unset (the plugin's default); what is not a number is passed on for the plugin to refuse. */
export function asNumber(raw: string | undefined): number | string | undefined {
  return raw !== undefined && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
}

/** "true" and "false" become booleans; anything else is passed on for the plugin to refuse. */
export function asBoolean(raw: string | undefined): boolean | string | undefined {
  return raw === "true" ? true : raw === "false" ? false : raw
}
