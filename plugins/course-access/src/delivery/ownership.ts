/**
 * `@aistore/medusa-course-access/ownership`: when an order counts as owning its courses.
 * Orders in these states grant nothing however they were paid, and own nothing (a course
 * in one may be bought again).
 */
export const NOT_GRANTING: ReadonlySet<string> = new Set(["canceled", "draft"])

/** The same states as a query filter: `status: { $nin: NOT_GRANTING_STATUSES }`. */
export const NOT_GRANTING_STATUSES = [...NOT_GRANTING]
