import { COUNTRIES, GIVEN_NAMES, PLACES, PLACE_SUFFIXES } from './data/gazetteer.js'
import { EXPANDED_WORDS, nameKey } from './text.js'

/** A word that is not one `foldWord` expands (St, Ste, Mt, Ft), looked ahead at the start of a word. */
const NOT_EXPANDED = `(?!(?:${EXPANDED_WORDS})(?: |$))`
/** A name of ASCII letters and single spaces, none of whose words is an abbreviation `foldWord` expands. */
const PLAIN_NAME = new RegExp(`^${NOT_EXPANDED}[a-z]+(?: ${NOT_EXPANDED}[a-z]+)*$`, 'i')

/** `nameKey(name)`: for a plain name, its lower case (which is what folding each word and joining them gives). */
export function placeKey(name: string): string {
  return PLAIN_NAME.test(name) ? name.toLowerCase() : nameKey(name)
}

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

/** Names of the gazetteer by folded key, read from the data as they are asked for (see `gazetteer()`). */
export interface Names {
  /** The entries of a folded multi-word key, in the order of the data. */
  get(key: string): Entry[] | undefined
  /** Every name's entries, in the order of the data (reads the whole gazetteer). */
  values(): IterableIterator<Entry[]>
}

/** The lookup tables. */
export interface Gazetteer {
  /** Folded multi-word key -> entries. */
  names: Names
  /** Folded first word of any name -> greatest number of words of a name starting with it. */
  firstWords: { get(word: string): number | undefined }
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

/**
 * Returns the gazetteer, reading the generated data on first use. The names are read in groups by the
 * first two characters of their first word (see `groupOf`), each group when a key in it is first asked
 * for: a build that parses one article reads a few dozen groups of a few dozen names, not 55,000 lines
 * (which took 0.25 to 0.4 s). The entries of a key are those of a reading of the whole data, in the
 * same order (`tests/extract/gazetteer.test.ts`).
 */
export function gazetteer(): Gazetteer {
  cached ??= build()
  return cached
}

/** The fields of a line of `PLACES` (what is missing at its end takes its default). */
function fieldsAt(start: number): string[] {
  const end = PLACES.indexOf('\n', start)
  return PLACES.slice(start, end < 0 ? PLACES.length : end).split('\t')
}

/** Whether the code is an ASCII letter. */
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/**
 * The group of a key (see `gazetteer()`): its first word's first two characters (the whole word when
 * shorter), as a number when they are two ASCII letters. All the names starting with a word are in
 * its group, so the group of a word asked for in `firstWords` holds every name it starts.
 */
function groupOf(key: string): number | string {
  const [a, b] = [key.charCodeAt(0), key.charCodeAt(1)]
  if (a >= 97 && a <= 122 && b >= 97 && b <= 122) return a * 128 + b
  return key.slice(0, key.indexOf(' ') === 1 ? 1 : 2)
}

/** The first words that `foldWord` expands ("St" → "saint"). */
const EXPANDED = new RegExp(`^(?:${EXPANDED_WORDS})$`, 'i')

/**
 * The group of the name in `text` from `at` to the first tab before `end`, read off its first two
 * characters when they are ASCII letters (folding lower-cases them, and keeps the letters of a word
 * that starts with two letters), unless its first word is one that `foldWord` expands; else from its
 * key (`''`: none).
 */
function nameGroup(text: string, at: number, end: number): number | string {
  const [a, b] = [text.charCodeAt(at), text.charCodeAt(at + 1)]
  if (at + 2 <= end && isAsciiLetter(a) && isAsciiLetter(b)) {
    let word = at + 2
    while (word < end && isAsciiLetter(text.charCodeAt(word))) word++
    if (word - at > 3 || !EXPANDED.test(text.slice(at, word))) return (a | 32) * 128 + (b | 32)
  }
  const tab = text.indexOf('\t', at)
  return groupOf(placeKey(text.slice(at, tab < 0 || tab > end ? end : tab)))
}

/** A name read apart from its line's first field: a country's, an alias, a region's abbreviation. */
interface OtherName {
  name: string
  /** Its place, or the start of its place's line in `PLACES`. */
  place: Place | number
  demonym: boolean
  qualifierOnly: boolean
}

function build(): Gazetteer {
  const names = new Map<string, Entry[]>()
  const firstWords = new Map<string, number>()
  const countries = new Map<string, Place>()
  const regions = new Map<string, Place>()
  /** Places by the start of their line in `PLACES`, made when first needed. */
  const places = new Map<number, Place>()
  const placeAt = (start: number): Place => {
    let place = places.get(start)
    if (place) return place
    const [name = '', country = '', region = '', popClass = '0', kindCode = 'c', flags = ''] = fieldsAt(start)
    const kind: PlaceKind = kindCode === 'r' ? 'region' : kindCode === 'b' ? 'blocker' : kindCode === 'k' ? 'county' : 'city'
    const capital = kindCode === 'C'
    const prior = Number(popClass) / 10 + (capital ? CAPITAL_BONUS : kindCode === 'A' ? SEAT_BONUS : 0)
    place = {
      name, country, region, kind, prior, capital,
      word: flags.includes('w'), given: flags.includes('g'), surname: flags.includes('p'), minor: flags.includes('m'),
      namesake: flags.includes('n'),
    }
    places.set(start, place)
    return place
  }
  /**
   * The names of each group, in the order of the data, two numbers each: the start of the line whose
   * first field it is (or -1 - its number in `others`), and its place in the order of the data.
   */
  const groups = new Map<number | string, number[]>()
  const others: OtherName[] = []
  let ordinal = 0
  const file = (group: number | string, ref: number): void => {
    if (group === '') return
    const list = groups.get(group)
    if (list) list.push(ref, ordinal++)
    else groups.set(group, [ref, ordinal++])
  }
  const fileOther = (name: string, place: Place | number, demonym = false, qualifierOnly = false): void => {
    others.push({ name, place, demonym, qualifierOnly })
    file(nameGroup(name, 0, name.length), -others.length)
  }
  /** Each key's place in the data, for `values()`. */
  const order = new Map<string, number>()
  const add = (n: number, name: string, place: Place, demonym: boolean, qualifierOnly: boolean): void => {
    const key = placeKey(name)
    if (!key) return
    const acronym = name.length <= 6 && /^[\p{Lu}.]+$/u.test(name)
    const list = names.get(key)
    const entry: Entry = { place, demonym, acronym, qualifierOnly }
    if (list) {
      if (!list.some((e) => e.place === place && e.demonym === demonym)) list.push(entry)
    } else {
      names.set(key, [entry])
      order.set(key, n)
    }
    let space = key.indexOf(' ')
    const first = space < 0 ? key : key.slice(0, space)
    let words = 1
    for (; space >= 0; space = key.indexOf(' ', space + 1)) words++
    const most = firstWords.get(first)
    if (most === undefined || most < words) firstWords.set(first, words)
  }
  for (const line of COUNTRIES.split('\n')) {
    const [code = '', name = '', aliases = '', demonyms = '', flags = ''] = line.split('\t')
    const place: Place = {
      name, country: code, region: '', kind: 'country', prior: COUNTRY_PRIOR, capital: false,
      word: false, given: flags.includes('g'), surname: false, minor: false, namesake: false,
    }
    countries.set(code, place)
    fileOther(name, place)
    for (const a of aliases.split('|')) if (a) fileOther(a, place)
    for (const d of demonyms.split('|')) if (d) fileOther(d, place, true)
  }
  // Places: only the first characters of their names, and their aliases, are read now; regions are
  // made. The lines of regions and of qualifiers are found by their kind field ("\tr\t" after three fields).
  const kinds = new Map<number, string>()
  for (const m of PLACES.matchAll(/\t([rq])(?=\t|\n|$)/g)) {
    const line = PLACES.lastIndexOf('\n', m.index) + 1
    let tabs = 0
    for (let at = PLACES.indexOf('\t', line); at >= 0 && at < m.index; at = PLACES.indexOf('\t', at + 1)) tabs++
    if (tabs === 3) kinds.set(line, m[1]!)
  }
  const qualifiers: number[] = []
  for (let line = 0; line < PLACES.length; ) {
    const newline = PLACES.indexOf('\n', line)
    const end = newline < 0 ? PLACES.length : newline
    const kind = kinds.get(line)
    if (kind === 'q') qualifiers.push(line)
    else {
      if (kind === 'r') {
        const place = placeAt(line)
        regions.set(`${place.country}-${place.region}`, place)
      }
      file(nameGroup(PLACES, line, end), line)
      // Aliases, the seventh field, last: a line that does not end with a tab may have some.
      if (end > line && PLACES.charCodeAt(end - 1) !== 9) {
        let aliasAt = line
        for (let t = 0; t < 6 && aliasAt >= 0; t++) aliasAt = PLACES.indexOf('\t', aliasAt) + 1 || -1
        const aliasEnd = aliasAt < 0 ? -1 : PLACES.indexOf('\t', aliasAt)
        if (aliasAt > 0 && aliasAt < end) for (const a of PLACES.slice(aliasAt, aliasEnd < 0 || aliasEnd > end ? end : aliasEnd).split('|')) if (a) fileOther(a, line)
      }
    }
    line = end + 1
  }
  // Abbreviations of regions ("Pa.", "Calif.", "Ont.") stand for the region, after a place only.
  for (const line of qualifiers) {
    const [, country = '', region = '', , , , aliases = ''] = fieldsAt(line)
    const place = regions.get(`${country}-${region}`)
    if (place) for (const a of aliases.split('|')) if (a) fileOther(a, place, false, true)
  }
  /** Reads the names of a key's group, once. */
  const read = (key: string): void => {
    const group = groupOf(key)
    const list = groups.get(group)
    if (!list) return
    groups.delete(group)
    for (let i = 0; i < list.length; i += 2) {
      const ref = list[i]!
      if (ref >= 0) {
        // A place's name is its line's first field.
        const place = placeAt(ref)
        add(list[i + 1]!, place.name, place, false, false)
      }
      else {
        const other = others[-1 - ref]!
        add(list[i + 1]!, other.name, typeof other.place === 'number' ? placeAt(other.place) : other.place, other.demonym, other.qualifierOnly)
      }
    }
  }
  return {
    names: {
      get: (key) => {
        read(key)
        return names.get(key)
      },
      values: () => {
        for (const list of [...groups.values()]) {
          const ref = list[0]!
          const name = ref >= 0 ? fieldsAt(ref)[0]! : others[-1 - ref]!.name
          read(placeKey(name))
        }
        return [...names.keys()].sort((a, b) => order.get(a)! - order.get(b)!).map((key) => names.get(key)!).values()
      },
    },
    firstWords: {
      get: (word) => {
        read(word)
        return firstWords.get(word)
      },
    },
    countries,
    regions,
    givenNames: new Set(GIVEN_NAMES.split(' ').map((n) => n.toLowerCase())),
    placeSuffixes: new Set(PLACE_SUFFIXES.toLowerCase().split(' ')),
  }
}
