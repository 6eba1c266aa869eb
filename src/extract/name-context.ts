import { isCapitalized, type Word } from './text.js'

/**
 * Words that, right after a town or region, make the whole a firm, a club or a commodity that merely
 * borrows the name ("<place> Union", "<place> plc", "<place> FC", "<place> crude"). Only designators:
 * a team's nickname ("Chicago Bulls") still places it in its town. Folded keys, any case.
 */
const ORGANISATION_WORDS = new Set([
  // firms
  'plc', 'inc', 'incorporated', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'llp', 'gmbh', 'holdings',
  'airlines', 'airways', 'motors', 'petroleum', 'insurance', 'assurance', 'mutual', 'securities', 'investments',
  'brewery', 'breweries', 'tobacco', 'pharmaceuticals', 'enterprises', 'industries', 'ventures', 'union',
  // club designators
  'fc', 'afc', 'utd', 'united', 'rovers', 'wanderers', 'athletic', 'albion', 'hotspur',
  // commodities and grades named after their origin
  'crude', 'blend',
])

/** Words that make "<place> Road" a street named after a place, not the place. */
const STREET_WORDS = new Set([
  'road', 'rd', 'street', 'avenue', 'ave', 'lane', 'drive', 'boulevard', 'blvd', 'terrace', 'crescent', 'close',
  'mews', 'parkway', 'pike', 'turnpike',
])

/** Institutions named after a saint ("St. Paul's Hospital", "St Mary's"): not the town of that name. */
const INSTITUTION_WORDS = new Set([
  'hospital', 'church', 'cathedral', 'chapel', 'abbey', 'college', 'school', 'academy', 'university', 'hall',
  'infirmary', 'clinic', 'parish', 'basilica', 'priory', 'park', 'stadium', 'ground', 'primary', 'high',
])

/**
 * Words that, after a region or town, name one of its institutions ("Texas Department of…", "Florida
 * Highway Patrol", "Ohio State University"): the name still places the story there.
 */
const INSTITUTION_OF_PLACE_WORDS = new Set([
  'department', 'dept', 'highway', 'patrol', 'police', 'sheriff', 'state', 'university', 'college', 'court',
  'supreme', 'legislature', 'senate', 'house', 'assembly', 'attorney', 'governor', 'national', 'guard', 'board',
  'commission', 'bureau', 'agency', 'authority', 'council', 'county', 'parish', 'ministry', 'government',
  'public', 'health', 'emergency', 'fire', 'corrections', 'transportation', 'education', 'lottery', 'hospital',
  'museum', 'library', 'airport', 'port', 'city', 'regional', 'metropolitan', 'municipal', 'district',
])

/** The token right after a name, when only spaces separate them. */
function adjacentNext(text: string, tokens: Word[], last: number): Word | null {
  const next = tokens[last + 1]
  if (!next) return null
  const gap = text.slice((tokens[last] as Word).end, next.start)
  return /^[ \t\u00a0]{1,2}$/.test(gap) ? next : null
}

/** "Norwich Union", "Man Utd", "Brent crude", "Sheffield United": an organisation, team or commodity. */
export function namesOrganisation(text: string, tokens: Word[], last: number): boolean {
  const next = adjacentNext(text, tokens, last)
  return next !== null && ORGANISATION_WORDS.has(next.key)
}

/** "Dublin Road", "Baghdad Street": a street named after a place. */
export function namesStreet(text: string, tokens: Word[], last: number): boolean {
  const next = adjacentNext(text, tokens, last)
  return next !== null && isCapitalized(next.text) && STREET_WORDS.has(next.key)
}

/**
 * "St. Paul's Hospital", "St Mary's": a saint's name in the possessive, or before an institution word,
 * names an institution. A town whose own name is possessive ("St. John's") is still the town.
 */
export function namesSaintInstitution(text: string, tokens: Word[], first: number, last: number, placeName: string): boolean {
  if ((tokens[first] as Word).key !== 'saint') return false
  const surface = (tokens[last] as Word).text
  const possessive = /['’]s$/.test(surface) && !/['’]s$/.test(placeName)
  const next = adjacentNext(text, tokens, last)
  return possessive || (next !== null && INSTITUTION_WORDS.has(next.key))
}

/** "J.M. Barrie", "J. Barrie", "George W. Bush": initials before a name make it a person's. */
export function followsInitials(text: string, tokens: Word[], first: number): boolean {
  const prev = tokens[first - 1]
  if (!prev) return false
  const gap = text.slice(prev.end, (tokens[first] as Word).start)
  if (/^(?:\p{Lu}\.){2,}$/u.test(prev.text) && /^\.?[ \t]{1,2}$/.test(gap)) return true
  return /^\p{Lu}$/u.test(prev.text) && /^\.[ \t]{1,2}$/.test(gap)
}

/** "Baghdad airport", "Kabul police": a place, then a common noun for one of its features or services. */
export function namesFeatureOfPlace(text: string, tokens: Word[], last: number): boolean {
  const next = adjacentNext(text, tokens, last)
  return next !== null && !isCapitalized(next.text) && INSTITUTION_OF_PLACE_WORDS.has(next.key)
}

/** "Texas Department of…", "Florida Highway Patrol": a name of one of the place's institutions. */
export function namesInstitutionOfPlace(text: string, tokens: Word[], last: number): boolean {
  const next = adjacentNext(text, tokens, last)
  return next !== null && isCapitalized(next.text) && INSTITUTION_OF_PLACE_WORDS.has(next.key)
}
