const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

export const formatCount = (value: number) => integer.format(value)

/** A share (0..1) as a percentage; a dash when there was nothing to convert from. */
export const formatShare = (value: number | null) =>
  value === null ? "—" : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`

export const formatDay = (day: string) =>
  new Date(`${day}T00:00:00.000Z`).toLocaleDateString(undefined, { day: "numeric", month: "short", timeZone: "UTC" })
