/** Both admin click routes take a half-open range [from, to): it must not be empty or reversed. */
export const isOrderedRange = (range: { from: Date; to: Date }) => range.from < range.to

export const UNORDERED_RANGE = { message: "from must be before to", path: ["from"] }
