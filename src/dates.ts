/** A UTC date; unlike `Date.UTC`, years 0–99 stay themselves. Out-of-range months and days roll over. */
export function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, monthIndex, day)
  return date
}

/** A date as ISO `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}
