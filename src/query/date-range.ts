import { isoDate, utcDate } from '../dates.js'

/** A date-range clause as parsed from `date:` values; `null` ends are open. */
export interface ParsedDateRange {
  from: string | null
  to: string | null
}

/**
 * The days `YYYY[-MM[-DD]]` covers, in ms since 1970: its first day and the day after its last (the
 * first of the next year, month or day); NaN for a month or day that does not exist.
 */
function span(date: string): number[] {
  const parts = date.split('-').map(Number)
  const at = ([year = 0, month = 1, day = 1]: number[]): Date => utcDate(year, month - 1, day)
  const first = at(parts)
  // A month or day out of range rolls over into another month.
  const valid = first.getUTCMonth() + 1 === (parts[1] ?? 1)
  parts[parts.length - 1]!++
  return valid ? [+first, +at(parts)] : [NaN, NaN]
}

/**
 * Parses the value of a `date:` clause: `2020`, `2020-06`, `2020-06-23`, `>=2020-06-01`, `<2021`,
 * `2020-06-01..2020-06-30`, `2020..` or `..2020`. Returns `null` when the value is not a date.
 */
export function parseDateRange(value: string): ParsedDateRange | null {
  const DAY = 864e5
  /** 0000-01-01 and 10000-01-01 in ms since 1970: bounds must lie from the first to the day before the second. */
  const FIRST_DAY = -621672192e5
  const END_DAY = 2534023008e5
  // One date is the range from and to itself; `>` starts after it, `<` ends before it.
  const [, op = '', date, from = op[0] === '<' ? '' : date, to = op[0] === '>' ? '' : date] =
    /^(?:([<>]?=?)(\d{4}(?:-\d\d?){0,2})|(\d{4}(?:-\d\d?){0,2})?\.\.(\d{4}(?:-\d\d?){0,2})?)$/.exec(value) ?? []
  const low = from ? span(from)[+(op === '>')]! : null
  const high = to ? span(to)[+(op !== '<')]! : null
  // No range: both ends open (`..`, or no match), an invalid date (NaN), or the ends in the wrong order.
  return low !== high && (low ?? FIRST_DAY) < (high ?? END_DAY)
    ? { from: low === null ? null : isoDate(new Date(low)), to: high === null ? null : isoDate(new Date(high - DAY)) }
    : null
}
