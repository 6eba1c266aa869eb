import type { Entry, Place } from './gazetteer.js'
import { isCapitalized, type Token } from './text.js'

/** Words after which a name is a US county or parish (Louisiana's counties). */
const DIVISIONS: Record<string, { region: string }> = { county: { region: '' }, parish: { region: 'LA' } }
/** Words that cannot start a county's name ("The", "In", directions are part of longer phrases). */
const NOT_NAMES = new Set(['the', 'a', 'an', 'in', 'at', 'of', 'from', 'to', 'and', 'or', 'for', 'by', 'with', 'on', 'each', 'every', 'this', 'that', 'our', 'his', 'her', 'their'])
/** A county holds a few tens of thousands of people: log10 of 30,000. */
const COUNTY_PRIOR = 4.5
const MAX_NAME_WORDS = 3

/**
 * "Henry County", "Rapides Parish", "St. Landry Parish": a county or parish the gazetteer does not
 * list (GeoNames admin2 names are not in the packaged data). The name is read as one in the United
 * States (the form "X County" is American; "County X" is Irish), so it counts only where the text
 * otherwise supports the United States. Returns the last token of the name and its entry, or null.
 */
export function countyAt(text: string, tokens: Token[], i: number, caps: Uint8Array): { last: number; entry: Entry } | null {
  const first = tokens[i] as Token
  if (caps[i] || !isCapitalized(first.text) || NOT_NAMES.has(first.key) || DIVISIONS[first.key]) return null
  for (let j = i + 1; j < tokens.length && j - i <= MAX_NAME_WORDS; j++) {
    const tj = tokens[j] as Token
    if (!/^[ \t.\-]{1,2}$/.test(text.slice((tokens[j - 1] as Token).end, tj.start)) || !isCapitalized(tj.text)) return null
    const division = DIVISIONS[tj.key]
    if (division) {
      const name = `${text.slice(first.start, (tokens[j - 1] as Token).end)} ${tj.text}`
      const place: Place = {
        name, country: 'US', region: division.region, kind: 'city', prior: COUNTY_PRIOR, capital: false,
        word: false, given: false, surname: false, minor: false,
      }
      return { last: j, entry: { place, demonym: false, acronym: false, qualifierOnly: false } }
    }
  }
  return null
}
