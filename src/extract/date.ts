const MONTHS = new Map(Object.entries({
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
}))

/** Month names and abbreviations, for building patterns. */
export const MONTH_PATTERN =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)'

/** The month number (1-12) of a month name or abbreviation, any case; `null` when it is none. */
export function monthNumber(name: string): number | null {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? null
}

/** Formats a calendar date as `YYYY-MM-DD`; `null` when it does not exist (Feb 30) or the year is implausible. */
export function formatDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  if (day > (days[month - 1] as number)) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const M = MONTH_PATTERN
const WEEKDAY = '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?'
const ORD = '(?:st|nd|rd|th)?'
/** Date forms, each with named groups y, m (number) or mon (name), d. Matched case-insensitively. */
const FORMS: RegExp[] = [
  /(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d])/, // 2020-06-23, 2020-06-23T10:00:00Z
  /(?<y>\d{4})\/(?<m>\d{1,2})\/(?<d>\d{1,2})(?![\d])/, // 2020/06/23
  new RegExp(`(?<d>\\d{1,2})${ORD}(?:[-\\s.]+|\\s+of\\s+)(?<mon>${M})\\.?[-\\s.,]+(?<y>\\d{4})(?!\\d)`, 'i'), // 23 June 2020, 26-FEB-1987
  new RegExp(`(?<mon>${M})\\.?\\s+(?<d>\\d{1,2})${ORD},?\\s+(?<y>\\d{4})(?!\\d)`, 'i'), // June 23, 2020
  /(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})(?!\d)/, // 23.06.2020 (day first, as written with dots)
]
const SLASHED = /(?<a>\d{1,2})\/(?<b>\d{1,2})\/(?<y>\d{4})(?!\d)/ // 06/23/2020: only when unambiguous
const ANCHORED = FORMS.map((re) => new RegExp(`^\\s*${WEEKDAY}(?:${re.source})`, 'i'))
const ANCHORED_SLASHED = new RegExp(`^\\s*${WEEKDAY}(?:${SLASHED.source})`)
const SEARCH = new RegExp(FORMS.map((re) => `(?:${re.source.replace(/\?<(\w+)>/g, '?:')})`).join('|'), 'i')
/** Any date form, globally: for removing dates from a line. */
export const DATE_ANY = new RegExp(SEARCH.source, 'gi')

function fromGroups(g: Record<string, string | undefined>): string | null {
  const month = g.m !== undefined ? Number(g.m) : g.mon !== undefined ? monthNumber(g.mon) : null
  if (month === null || g.y === undefined || g.d === undefined) return null
  return formatDate(Number(g.y), month, Number(g.d))
}

function fromSlashed(g: Record<string, string | undefined>): string | null {
  const a = Number(g.a), b = Number(g.b), y = Number(g.y)
  if (a > 12 && b <= 12) return formatDate(y, b, a) // 23/06/2020
  if (b > 12 && a <= 12) return formatDate(y, a, b) // 06/23/2020
  return a === b ? formatDate(y, a, b) : null // 03/04/2020 could be either: no date
}

/**
 * Normalizes a written date to `YYYY-MM-DD`: "26-FEB-1987 15:01:01.79", "2020-06-23T10:00:00Z",
 * "June 23, 2020", "23 Jun 2020", "Tue, 23 Jun 2020 10:00:00 GMT", "2020/06/23", "23.06.2020".
 * The date is read as written (no time-zone shift). Returns `null` for anything else, for dates that
 * do not exist, and for ambiguous forms such as "03/04/2020".
 */
export function normalizeDate(value: string): string | null {
  if (typeof value !== 'string' || value.length > 200) return null
  for (const re of ANCHORED) {
    const m = re.exec(value)
    if (m?.groups) return fromGroups(m.groups)
  }
  const s = ANCHORED_SLASHED.exec(value)
  return s?.groups ? fromSlashed(s.groups) : null
}

/** The first full date written anywhere in `text` (a short line), normalized; `null` when none. */
export function findDate(text: string): string | null {
  const m = SEARCH.exec(text)
  return m ? normalizeDate(text.slice(m.index)) : null
}

/** A partial date hint: its year and, when given, its month. */
export interface YearHint {
  year: number
  month: number | null
}

/** Reads the year (and month) of a hint such as "2020", "2020-06", "2020-06-23" or any normalizable date. */
export function yearHint(hint: string | undefined): YearHint | null {
  if (!hint) return null
  const full = normalizeDate(hint)
  if (full) return { year: Number(full.slice(0, 4)), month: Number(full.slice(5, 7)) }
  const m = /^\s*(\d{4})(?:-(\d{1,2}))?\s*$/.exec(hint)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? null : Number(m[2])
  if (year < 1800 || year > 2200 || (month !== null && (month < 1 || month > 12))) return null
  return { year, month }
}

/**
 * The date of a dateline's month and day in the year of a hint. When the hint has a month, the year
 * is the one that puts the dateline closest to it (a "Dec 31" story read with a January hint is from
 * the year before).
 */
export function dateInYear(month: number, day: number, hint: YearHint): string | null {
  let year = hint.year
  if (hint.month !== null) {
    if (month - hint.month > 6) year -= 1
    else if (hint.month - month > 6) year += 1
  }
  return formatDate(year, month, day)
}
