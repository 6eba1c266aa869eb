import { isoDate, utcDate } from '../dates.js'

/** A date-range clause as parsed from `date:` values; `null` ends are open. */
export interface ParsedDateRange {
  from: string | null
  to: string | null
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/


/** The first and last day covered by a year, month or day written as `YYYY[-MM[-DD]]`; `null` when invalid. */
export function partialDateBounds(value: string): { first: string; last: string } | null {
  const m = PARTIAL_DATE.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2] ?? 1)
  const day = Number(m[3] ?? 1)
  const first = utcDate(year, month - 1, day)
  if (first.getUTCMonth() !== month - 1 || first.getUTCDate() !== day) return null
  // The last day: of the year, of the month (day 0 of the next one), or the day itself.
  const last = m[2] === undefined ? utcDate(year, 11, 31) : m[3] === undefined ? utcDate(year, month, 0) : first
  return { first: isoDate(first), last: isoDate(last) }
}

/** The day `days` after an ISO date, or `null` when it leaves the years 0000–9999. */
function shiftDay(date: string, days: number): string | null {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const shifted = utcDate(y, m - 1, d + days)
  const year = shifted.getUTCFullYear()
  return year < 0 || year > 9999 ? null : isoDate(shifted)
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
