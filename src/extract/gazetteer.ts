import { COUNTRIES, GIVEN_NAMES, PLACES, PLACE_SUFFIXES } from './data/gazetteer.js'
import { nameKey } from './text.js'

/**
 * What a gazetteer name stands for: a `county` is a US county or county equivalent ("Henry County",
 * "Rapides Parish"), below its state like a town; a `blocker` ("Middle East", "Gulf of Mexico") names no place.
 */
export type PlaceKind = 'country' | 'region' | 'county' | 'city' | 'blocker'

/** A place of the gazetteer. Every place but a blocker links to its country. */
export interface Place {
  /** Canonical (usual English) name. */
  name: string
  /** ISO 3166-1 alpha-2 code; `''` for blockers. */
  country: string
  /**
   * ISO 3166-2 region code (without the country) for regions and for cities and counties linked to a
   * region; else `''` (a county name held by several states has a sense in no state).
   */
  region: string
  kind: PlaceKind
  /** log10 of the place's size: population for cities, an estimate for regions and counties, 8 for countries. */
  prior: number
  /** A national capital. */
  capital: boolean
  /** Named like a common English word ("Reading", "Nice"): needs context. */
  word: boolean
  /** Named like a given name ("Jordan", "Paris"): checked for person context. */
  given: boolean
  /** Named like a frequent surname ("Jackson"): needs strong context. */
  surname: boolean
  /**
   * A minor town (under 15,000 people, not a capital or seat): a sense of its name only when no larger
   * place has that name or a qualifier places it ("Pineville, La."), and only where its region is named.
   */
  minor: boolean
  /**
   * A US county named like a place abroad ("Kent County", "Essex County": an English county's council, a
   * Canadian county): needs the text to support the United States. Other counties are evidence for it.
   */
  namesake: boolean
}

/** One way a name in the text can point to a place. */
export interface Entry {
  place: Place
  /** Reached through a demonym or adjective ("Iraqi"): points to the country without naming it. */
  demonym: boolean
  /** An upper-case short form ("US", "UK"): must be written in capitals. */
  acronym: boolean
  /** Only valid right after a place and a comma ("Reading, Pa."). */
  qualifierOnly: boolean
}

/** The lookup tables, built once. */
export interface Gazetteer {
  /** Folded multi-word key -> entries. */
  names: Map<string, Entry[]>
  /** Folded first word of any name -> greatest number of words of a name starting with it. */
  firstWords: Map<string, number>
  /** Country code -> the country. */
  countries: Map<string, Place>
  /** "CC-XX" -> the region. */
  regions: Map<string, Place>
  /** Folded given names. */
  givenNames: Set<string>
  /** Folded words that continue a place name ("Valley", "Airport"). */
  placeSuffixes: Set<string>
}

const COUNTRY_PRIOR = 8
/** Added to a national capital's prior: capitals stand for their country in the news. */
const CAPITAL_BONUS = 1
/** Added to a first-level seat's prior. */
const SEAT_BONUS = 0.1

let cached: Gazetteer | undefined

/** Returns the gazetteer, decoding the generated data on first use. */
export function gazetteer(): Gazetteer {
  cached ??= build()
  return cached
}

function build(): Gazetteer {
  const g: Gazetteer = {
    names: new Map(),
    firstWords: new Map(),
    countries: new Map(),
    regions: new Map(),
    givenNames: new Set(GIVEN_NAMES.split(' ').map((n) => n.toLowerCase())),
    placeSuffixes: new Set(PLACE_SUFFIXES.toLowerCase().split(' ')),
  }
  const add = (name: string, place: Place, demonym = false, qualifierOnly = false): void => {
    const key = nameKey(name)
    if (!key) return
    const acronym = name.length <= 6 && /^[\p{Lu}.]+$/u.test(name)
    const list = g.names.get(key)
    const entry: Entry = { place, demonym, acronym, qualifierOnly }
    if (list) {
      if (!list.some((e) => e.place === place && e.demonym === demonym)) list.push(entry)
    } else g.names.set(key, [entry])
    const words = key.split(' ')
    const first = words[0] as string
    g.firstWords.set(first, Math.max(g.firstWords.get(first) ?? 0, words.length))
  }
  for (const line of COUNTRIES.split('\n')) {
    const [code = '', name = '', aliases = '', demonyms = '', flags = ''] = line.split('\t')
    const place: Place = {
      name, country: code, region: '', kind: 'country', prior: COUNTRY_PRIOR, capital: false,
      word: false, given: flags.includes('g'), surname: false, minor: false, namesake: false,
    }
    g.countries.set(code, place)
    add(name, place)
    for (const a of aliases.split('|')) if (a) add(a, place)
    for (const d of demonyms.split('|')) if (d) add(d, place, true)
  }
  const qualifiers: string[] = []
  for (const line of PLACES.split('\n')) {
    const [name = '', country = '', region = '', popClass = '0', kindCode = 'c', flags = '', aliases = ''] = line.split('\t')
    if (kindCode === 'q') {
      qualifiers.push(line)
      continue
    }
    const kind: PlaceKind = kindCode === 'r' ? 'region' : kindCode === 'b' ? 'blocker' : kindCode === 'k' ? 'county' : 'city'
    const capital = kindCode === 'C'
    const prior = Number(popClass) / 10 + (capital ? CAPITAL_BONUS : kindCode === 'A' ? SEAT_BONUS : 0)
    const place: Place = {
      name, country, region, kind, prior, capital,
      word: flags.includes('w'), given: flags.includes('g'), surname: flags.includes('p'), minor: flags.includes('m'),
      namesake: flags.includes('n'),
    }
    if (kind === 'region') g.regions.set(`${country}-${region}`, place)
    add(name, place)
    for (const a of aliases.split('|')) if (a) add(a, place)
  }
  // Abbreviations of regions ("Pa.", "Calif.", "Ont.") stand for the region, after a place only.
  for (const line of qualifiers) {
    const [, country = '', region = '', , , , aliases = ''] = line.split('\t')
    const place = g.regions.get(`${country}-${region}`)
    if (place) for (const a of aliases.split('|')) if (a) add(a, place, false, true)
  }
  return g
}
