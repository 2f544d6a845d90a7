import type { z } from "@medusajs/framework/zod"

/** One wrong option: its path (`stars.rubPerStar`) and what is wrong with it. */
export type OptionProblem = { option: string; message: string }

/** The options with every default, or each problem: for a caller that reports in its own terms. */
export type OptionCheck<T> = { options: T; problems: [] } | { options?: undefined; problems: OptionProblem[] }

/** Runs an options schema without throwing. */
export function checkOptions<Schema extends z.ZodType>(schema: Schema, raw: unknown): OptionCheck<z.output<Schema>> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) {
    return { options: parsed.data, problems: [] }
  }
  return {
    problems: parsed.error.issues.map((issue) => ({
      option: issue.path.join(".") || "options",
      message: issue.message,
    })),
  }
}

/** "option message; option message": what a start that stops says (never a value). */
export function describeProblems(problems: OptionProblem[]): string {
  return problems.map(({ option, message }) => (option === "options" ? message : `${option} ${message}`)).join("; ")
}
