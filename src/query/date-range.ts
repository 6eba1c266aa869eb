import { isoDate, utcDate } from '../dates.js'

/** A date-range clause as parsed from `date:` values; `null` ends are open. */
export interface ParsedDateRange {
  from: string | null
  to: string | null
}

const MS_PER_DAY = 24 * 60 * 60 * 1000
/** 0000-01-01, the first day a `YYYY` date can name, in ms since 1970. */
const FIRST_DAY_MS = utcDate(0, 0, 1).getTime()
/** 10000-01-01, the day after the last day a `YYYY` date can name, in ms since 1970. */
const END_DAY_MS = utcDate(10000, 0, 1).getTime()

/** A date as written in a `date:` value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; months and days may take one digit. */
const DATE = String.raw`\d{4}(?:-\d\d?){0,2}`
/** One date, after an optional comparison: `2020`, `=2020`, `>2020-06`, `<=2020-06-30`. */
const COMPARED_DATE = new RegExp(`^([<>]?=?)(${DATE})$`)
/** Two dates, either left out for an open end: `2020..2021`, `2020..`, `..2020`. */
const DATE_RANGE = new RegExp(`^(${DATE})?\\.\\.(${DATE})?$`)

/** Days in ms since 1970, from `start` up to but not including `end`; a `null` end is open. */
interface Days {
  start: number | null
  end: number | null
}

/**
 * The days `YYYY[-MM[-DD]]` covers: its first day, and the first day of the next year, month or
 * day. `undefined` for a month or day that does not exist.
 */
function daysOf(date: string): { start: number; end: number } | undefined {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?]
  const monthIndex = (month ?? 1) - 1
  const first = utcDate(year, monthIndex, day ?? 1)
  // A month or day out of range rolls over into another month.
  if (first.getUTCMonth() !== monthIndex) return undefined
  let next: Date
  if (month === undefined) next = utcDate(year + 1, 0, 1)
  else if (day === undefined) next = utcDate(year, month, 1)
  else next = utcDate(year, month - 1, day + 1)
  return { start: first.getTime(), end: next.getTime() }
}

/** The days a `date:` value covers; `undefined` when it is not a date or names one that does not exist. */
function daysOfValue(value: string): Days | undefined {
  const compared = COMPARED_DATE.exec(value)
  if (compared) {
    const [, comparison, date] = compared
    const days = daysOf(date!)
    if (!days) return undefined
    switch (comparison) {
      case '>':
        return { start: days.end, end: null }
      case '>=':
        return { start: days.start, end: null }
      case '<':
        return { start: null, end: days.start }
      case '<=':
        return { start: null, end: days.end }
      default: // no comparison, or '='
        return days
    }
  }
  const range = DATE_RANGE.exec(value)
  if (!range) return undefined
  const [, from, to] = range
  const start = from === undefined ? null : daysOf(from)?.start
  const end = to === undefined ? null : daysOf(to)?.end
  if (start === undefined || end === undefined) return undefined
  return { start, end }
}

/**
 * Parses the value of a `date:` clause: `2020`, `2020-06`, `2020-06-23`, `>=2020-06-01`, `<2021`,
 * `2020-06-01..2020-06-30`, `2020..` or `..2020`. Returns `null` when the value is not a date, when
 * both ends are open, and when the range is empty or reaches outside the years 0000–9999.
 */
export function parseDateRange(value: string): ParsedDateRange | null {
  const days = daysOfValue(value)
  if (!days || (days.start === null && days.end === null)) return null
  if ((days.start ?? FIRST_DAY_MS) >= (days.end ?? END_DAY_MS)) return null
  return {
    from: days.start === null ? null : isoDate(new Date(days.start)),
    to: days.end === null ? null : isoDate(new Date(days.end - MS_PER_DAY)),
  }
}
