/** A date-range clause as parsed from `date:` values; `null` ends are open. */
export interface ParsedDateRange {
  from: string | null
  to: string | null
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** A UTC date; unlike `Date.UTC`, years 0–99 stay themselves. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, monthIndex, day)
  return date
}

function iso(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** The first and last day covered by a year, month or day written as `YYYY[-MM[-DD]]`; `null` when invalid. */
export function partialDateBounds(value: string): { first: string; last: string } | null {
  const m = PARTIAL_DATE.exec(value)
  if (!m) return null
  const year = Number(m[1])
  if (m[2] === undefined) return { first: `${pad(year, 4)}-01-01`, last: `${pad(year, 4)}-12-31` }
  const month = Number(m[2])
  if (month < 1 || month > 12) return null
  if (m[3] === undefined) {
    const last = utc(year, month, 0)
    return { first: `${pad(year, 4)}-${pad(month)}-01`, last: iso(last) }
  }
  const day = Number(m[3])
  const date = utc(year, month - 1, day)
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  const one = iso(date)
  return { first: one, last: one }
}

/** The day `days` after an ISO date, or `null` when it leaves the years 0000–9999. */
function shiftDay(isoDate: string, days: number): string | null {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number)
  const date = utc(y, m - 1, d + days)
  const year = date.getUTCFullYear()
  return year < 0 || year > 9999 ? null : iso(date)
}

/**
 * Parses the value of a `date:` clause: `2020`, `2020-06`, `2020-06-23`, `>=2020-06-01`, `<2021`,
 * `2020-06-01..2020-06-30`, `2020..` or `..2020`. Returns `null` when the value is not a date.
 */
export function parseDateRange(value: string): ParsedDateRange | null {
  const range = /^(.*?)\.\.(.*)$/.exec(value)
  if (range) {
    const [, a = '', b = ''] = range
    if (a === '' && b === '') return null
    const from = a === '' ? null : partialDateBounds(a)
    const to = b === '' ? null : partialDateBounds(b)
    if ((a !== '' && !from) || (b !== '' && !to)) return null
    const result = { from: from?.first ?? null, to: to?.last ?? null }
    return result.from && result.to && result.from > result.to ? null : result
  }
  const op = /^(>=|<=|>|<|=)?(.*)$/.exec(value)
  const bounds = partialDateBounds(op?.[2] ?? '')
  if (!bounds) return null
  switch (op?.[1]) {
    case '>=': return { from: bounds.first, to: null }
    case '>': {
      const from = shiftDay(bounds.last, 1)
      return from ? { from, to: null } : null
    }
    case '<=': return { from: null, to: bounds.last }
    case '<': {
      const to = shiftDay(bounds.first, -1)
      return to ? { from: null, to } : null
    }
    default: return { from: bounds.first, to: bounds.last }
  }
}
