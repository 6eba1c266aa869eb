import type { Place } from './gazetteer.js'

/**
 * US counties and county equivalents ("Henry County", "Rapides Parish", "North Slope Borough") are
 * gazetteer places of kind `county`, generated from the Census list with their state, under the name
 * they have with their division word: a bare "Henry" is never a county. They resolve like towns, after
 * the states (see `resolve` in locations.ts): a county's state wins when the text names it or a town
 * of it; a name several states hold and none is named reads as the United States with no state
 * (the gazetteer gives such a name one more sense, in no state, a little larger than each).
 */

/** Places that lie inside a region: towns and counties. */
export function isLocal(place: Place): boolean {
  return place.kind === 'city' || place.kind === 'county'
}

/**
 * "St. Mary's Parish", "St. Joseph's County Hospital": a possessive the county's own name lacks makes
 * the words a church parish or an institution named after a saint, not the county (St. Mary Parish,
 * Louisiana). "Prince George's County" keeps its possessive and stays the county.
 */
export function possessiveNotInName(surface: string, place: Place): boolean {
  return place.kind === 'county' && /\p{L}['’]s\b/u.test(surface) && !/['’]s\b/.test(place.name)
}
