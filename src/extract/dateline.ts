import { MONTH_PATTERN, monthNumber } from './date.js'

/** The dateline that opens a wire story: "BAGHDAD, June 23 (Reuters) -", "SALVADOR, Feb 26 -". */
export interface Dateline {
  /** Offsets of the place part ("BAGHDAD", "San Jose, Calif.") in the text. */
  placeStart: number
  placeEnd: number
  /** Offset just after the closing dash: where the story starts. */
  end: number
  month: number | null
  day: number | null
  year: number | null
  /** The credit in parentheses, if any ("Reuters", "AP"). */
  credit: string | null
}

/** The pattern with each letter matching either case ("FEb 26", "MARCH 2" in wire copy). */
const caseless = (pattern: string): string =>
  pattern.replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`)
const WORD = "[\\p{Lu}][\\p{L}\\p{M}'’.\\-]{0,24}"
const LINK = "(?:de|del|la|le|el|al|of|upon|on|am|sur|an|da|do|dos|das|es)"
const PLACE = `${WORD}(?:[ ](?:${WORD}|${LINK}))*?`
const DATELINE = new RegExp(
  `^(?<place>${PLACE}(?:[ ]?,[ ]+${PLACE})?)` +
    `(?:[ ]?,?[ ]+(?<month>${caseless(MONTH_PATTERN)})\\.?[ ]+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:,?[ ]+(?<year>\\d{4}))?)?` +
    `[ ]*(?:\\((?<credit>[^()\\n]{1,40})\\)[ ]*)?(?:--?|–|—|:)[ ]`,
  'u',
)

/**
 * Finds the dateline in the first lines of a story (from offset `from`), or `null`. A dateline needs
 * an upper-case place, a month and day, or a credit, so that an ordinary first sentence is not read
 * as one.
 */
export function findDateline(text: string, from = 0): Dateline | null {
  let offset = from
  for (let line = 0; line < 4 && offset < text.length; line++) {
    while (offset < text.length && /\s/.test(text[offset] as string)) offset++
    const eol = text.indexOf('\n', offset)
    const lineEnd = eol < 0 ? text.length : eol
    const head = text.slice(offset, Math.min(lineEnd, offset + 160))
    const m = DATELINE.exec(head)
    const g = m?.groups
    if (m && g?.place) {
      const place = g.place
      const caps = place.replace(/[^\p{L}]/gu, '').length >= 2 && place.toUpperCase() === place
      if (caps || g.month || g.credit) {
        return {
          placeStart: offset,
          placeEnd: offset + place.length,
          end: offset + m[0].length,
          month: g.month ? monthNumber(g.month) : null,
          day: g.day ? Number(g.day) : null,
          year: g.year ? Number(g.year) : null,
          credit: g.credit ?? null,
        }
      }
    }
    // Only a short line (a byline, a kicker) may stand before the dateline.
    if (lineEnd - offset > 100) break
    offset = lineEnd + 1
  }
  return null
}
