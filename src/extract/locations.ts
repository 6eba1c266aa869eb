import { isLocal, possessiveNotInName } from './counties.js'
import { gazetteer, type Entry, type Gazetteer, type Place } from './gazetteer.js'
import { followsInitials, namesFeatureOfPlace, namesInstitutionOfPlace, namesOrganisation, namesSaintInstitution, namesStreet } from './name-context.js'
import { isCapitalized, isUpperCase, splitWords, type Word } from './text.js'

/** Where the salient parts of a text are: offsets of the title, the dateline's place and the lede. */
export interface Zones {
  /** End of the title (the title is `[0, titleEnd)`); 0 when there is none. */
  titleEnd: number
  /** The dateline's place; both -1 when there is none. */
  datelineStart: number
  datelineEnd: number
  /** End of the first sentence of the story. */
  ledeEnd: number
}

/** Places and countries of a text, most salient first. */
export interface Locations {
  location: string[]
  country: string[]
}

const TIER_DATELINE = 3
const TIER_TITLE = 2
const TIER_LEDE = 1
/** A candidate whose country the rest of the article names gets this much (log10 of a 100x size). */
const COUNTRY_BONUS = 2
/**
 * A town whose region (state, province) the text names gets this much more, and so does a region
 * one of whose towns it names: "Athens" near "Georgia" is Athens, Georgia, and Georgia the state.
 */
const REGION_BONUS = 3
/** Local mentions (regions, towns) a country needs to be inferred as the home country. */
const MIN_HOME_MENTIONS = 2
/** Cities below this prior (100,000 people) need their country named elsewhere, or a locative cue. */
const SMALL_CITY = 5
/** In capitals (wire headlines), only cities from this prior (1,000,000 people) and capitals count. */
const CAPS_CITY = 6

/** Words that put what follows on the map ("in Reading"); "to" and "from" are too often not locative. */
const LOCATIVES = new Set([
  'in', 'at', 'near', 'outside', 'around', 'throughout', 'within', 'inside', 'visited', 'visit', 'visiting',
  'downtown', 'suburban', 'northern', 'southern', 'eastern', 'western', 'central',
])
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'gen', 'general', 'col', 'colonel', 'lt',
  'capt', 'captain', 'maj', 'major', 'sgt', 'adm', 'admiral', 'gov', 'governor', 'sen', 'senator', 'rep',
  'representative', 'president', 'pres', 'minister', 'secretary', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'pope', 'rev', 'father', 'sheikh', 'judge', 'justice', 'mayor', 'coach', 'ayatollah', 'imam', 'chairman', 'ceo',
])
/** Capitalised words that may precede a place without making it part of another name. */
const PLACE_PREFIXES = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast',
  'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'greater',
  'upper', 'lower', 'county', 'downtown', 'metropolitan', 'rural', 'occupied', 'suburban', 'inner', 'outer', 'coastal',
  'in', 'at', 'from', 'to', 'near', 'the', 'and', 'or', 'but', 'for', 'both', 'says', 'said', 'with', 'by', 'as',
])
/** Demonyms that are also common words, read as such at the start of a sentence. */
const WORD_DEMONYMS = new Set(['polish', 'pole', 'poles', 'swede', 'swedes', 'dane', 'danes', 'finn', 'finns', 'brit', 'scot', 'turk'])
/** Short forms that are words when a line is in capitals ("LET US"). */
const CAPS_WORDS = new Set(['us', 'in', 'or', 'me', 'oh', 'ok', 'hi', 'id', 'la', 'pa', 'ma', 'al', 'de', 'co', 'ga', 'mo', 'ne', 'wa', 'ia', 'ct', 'md', 'nd', 'sc', 'va', 'mt', 'ky', 'ri', 'fl', 'il', 'ar', 'az'])
const GAP = /^(?:[ \t\u00a0.\-–]{1,3}|\r?\n)$/
const SPACE = /^[ \t\u00a0]{1,2}$/

interface Mention {
  first: number
  last: number
  start: number
  end: number
  key: string
  entries: Entry[]
  tier: number
  /** A dateline, a locative cue ("in Reading") or a qualifier ("Reading, Pa."): context enough for any place. */
  strong: boolean
  /** The place named right after a comma ("Pa." in "Reading, Pa."). */
  qualifier: Place | null
  /** This mention qualifies the one before it. */
  isQualifier: boolean
  needsSupport: boolean
  /** Named like a person ("Elizabeth", "Tucker"): a town only where its region is named, or with strong context. */
  needsRegion: boolean
  chosen: Entry | null
}

/**
 * Finds the places a text names and the countries they belong to, ordered by salience: the
 * dateline, then the title, then the lede, then how often they are named. See docs/extraction.md.
 */
export function extractLocations(text: string, zones: Zones, hintCountry: string | null = null): Locations {
  const g = gazetteer()
  const tokens = splitWords(text)
  const caps = capsLines(text, tokens)
  const mentions = scan(text, tokens, caps, zones, g)
  linkQualifiers(text, mentions)
  const persons = new Set<string>()
  const starts = new Set<number>()
  const ends = new Set<number>()
  for (const m of mentions) {
    if (minorOnly(m) && !m.qualifier) continue
    starts.add(m.first)
    ends.add(m.last)
  }
  const context = { text, tokens, caps, g, persons, starts, ends }
  const kept: Mention[] = []
  for (const m of mentions) if (filter(m, context)) kept.push(m)
  resolve(kept, hintCountry)
  return rank(kept, g)
}

/** Marks the tokens on lines written mostly in capitals (wire headlines, datelines). */
function capsLines(text: string, tokens: Word[]): Uint8Array {
  const caps = new Uint8Array(tokens.length)
  let lineEnd = -1
  let lineCaps = false
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Word
    if (t.start > lineEnd) {
      const lineStart = text.lastIndexOf('\n', t.start) + 1
      const nl = text.indexOf('\n', t.start)
      lineEnd = nl < 0 ? text.length : nl
      let upper = 0
      let lower = 0
      for (let j = i; j < tokens.length && (tokens[j] as Word).start < lineEnd; j++) {
        const w = (tokens[j] as Word).text
        if (isUpperCase(w)) upper++
        else if (w.toLowerCase() === w || isCapitalized(w)) lower++
      }
      lineCaps = upper >= 2 && upper > 3 * lower && lineStart >= 0
    }
    caps[i] = lineCaps ? 1 : 0
  }
  return caps
}

function tierOf(offset: number, zones: Zones): number {
  if (offset >= zones.datelineStart && offset < zones.datelineEnd) return TIER_DATELINE
  if (offset < zones.titleEnd) return TIER_TITLE
  if (offset < zones.ledeEnd) return TIER_LEDE
  return 0
}

/** Longest-match scan of capitalised word sequences against the gazetteer. */
function scan(text: string, tokens: Word[], caps: Uint8Array, zones: Zones, g: Gazetteer): Mention[] {
  const mentions: Mention[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Word
    // Capitalised first: a word looked up reads its group of the gazetteer.
    if (!caps[i] && !isCapitalized(t.text)) continue
    const maxWords = g.firstWords.get(t.key)
    if (maxWords === undefined) continue
    let key = t.key
    let best: { last: number; key: string; entries: Entry[] } | null = null
    for (let j = i; j < tokens.length && j - i < maxWords; j++) {
      const tj = tokens[j] as Word
      if (j > i) {
        if (!GAP.test(text.slice((tokens[j - 1] as Word).end, tj.start))) break
        key += ` ${tj.key}`
      }
      const entries = g.names.get(key)
      // A name ends on a capitalised word ("Gulf of Mexico"), but a blocker may not ("U.S. dollars").
      if (entries && (caps[j] || isCapitalized(tj.text) || entries[0]?.place.kind === 'blocker')) best = { last: j, key, entries }
    }
    if (!best) continue
    const last = tokens[best.last] as Word
    mentions.push({
      first: i, last: best.last, start: t.start, end: last.end, key: best.key, entries: best.entries,
      tier: tierOf(t.start, zones), strong: false, qualifier: null, isQualifier: false, needsSupport: false,
      needsRegion: false, chosen: null,
    })
    i = best.last
  }
  return mentions
}

/** A capitalised name and a comma right before an offset: "Smallville, " in "Smallville, Pa.". */
const NAME_AND_COMMA = /\p{Lu}[\p{L}'’.-]*(?:[ \t]\p{Lu}[\p{L}'’.-]*){0,3},[ \t]{1,2}$/u

/** A name known only as minor towns: no evidence, and no place for the context rules until its region is named. */
function minorOnly(m: Mention): boolean {
  return m.entries.length > 0 && m.entries.every((e) => e.place.minor)
}

/** "Reading, Pa.", "Paris, Texas", "Baghdad, Iraq": the second name qualifies the first. */
function linkQualifiers(text: string, mentions: Mention[]): void {
  // "Smallville, Pa.": a dotted abbreviation after a town too small for the gazetteer still names the state.
  for (let k = 0; k < mentions.length; k++) {
    const q = mentions[k] as Mention
    const prev = mentions[k - 1]
    const region = q.entries.find((e) => e.qualifierOnly && e.place.kind === 'region')
    if (!region || !text.slice(q.start, q.end + 1).includes('.')) continue
    if (prev && !minorOnly(prev) && /^,[ \t]{1,2}$/.test(text.slice(prev.end, q.start))) continue
    const name = NAME_AND_COMMA.exec(text.slice(Math.max(0, q.start - 60), q.start))
    // "Jane Smith, M.D.": after a person's name the letters are a degree, not a state.
    const words = name ? name[0].slice(0, -1).split(/[ \t,]+/).map((w) => w.replace(/\.$/, '').toLowerCase()) : []
    if (!name || words.some((w) => HONORIFICS.has(w) || gazetteer().givenNames.has(w))) continue
    q.isQualifier = true
    q.strong = true
    q.entries = [region]
  }
  for (let k = 0; k + 1 < mentions.length; k++) {
    const m = mentions[k] as Mention
    const q = mentions[k + 1] as Mention
    if (!/^,[ \t]{1,2}$/.test(text.slice(m.end, q.start))) continue
    const qualifying = q.entries.find(
      (qe) =>
        (qe.place.kind === 'region' || qe.place.kind === 'country') &&
        !qe.demonym &&
        m.entries.some((e) => e.place !== qe.place && e.place.country === qe.place.country && e.place.kind !== 'country' &&
          (qe.place.kind === 'country' || e.place.region === qe.place.region)),
    )
    if (!qualifying) {
      // A name known only as minor towns elsewhere may be anything ("Pam Ferris, Victoria Hamilton").
      if (minorOnly(m)) continue
      // "Paris, Kentucky" with no Paris in Kentucky known: a town too small for the gazetteer, in that region.
      const region = q.entries.find((qe) => qe.place.kind === 'region')
      if (region && m.entries.every((e) => isLocal(e.place) && !e.demonym)) {
        m.entries = []
        q.isQualifier = true
        q.strong = true
        q.entries = [region]
      }
      continue
    }
    m.qualifier = qualifying.place
    m.strong = true
    m.entries = m.entries.filter(
      (e) => e.place.country === qualifying.place.country &&
        (qualifying.place.kind === 'country' || e.place.region === qualifying.place.region),
    )
    q.isQualifier = true
    q.strong = true
    q.entries = [qualifying]
  }
}

function isSentenceStart(text: string, offset: number): boolean {
  for (let p = offset - 1; p >= 0 && p > offset - 12; p--) {
    const c = text[p] as string
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '‘' || c === "'" || c === '(' || c === '[') continue
    return c === '\n' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';' || c === '—' || c === '–' || c === '-' || c === '”'
  }
  return true
}

interface Context {
  text: string
  tokens: Word[]
  caps: Uint8Array
  g: Gazetteer
  /** Names already read as persons in this text ("Jordan" after "Michael Jordan"). */
  persons: Set<string>
  /** Word indexes where a gazetteer name starts, and where one ends. */
  starts: Set<number>
  ends: Set<number>
}

/** Applies the context rules; keeps the entries that survive and says whether the mention stays. */
function filter(m: Mention, { text, tokens, caps, g, persons, starts, ends }: Context): boolean {
  if (m.entries.some((e) => e.place.kind === 'blocker')) return false
  // A minor town is a sense of its name only when no larger place has it, or a qualifier placed it.
  if (!m.qualifier && m.entries.some((e) => e.place.minor) && m.entries.some((e) => !e.place.minor)) {
    m.entries = m.entries.filter((e) => !e.place.minor)
  }
  const inCaps = caps[m.first] === 1
  const surface = text.slice(m.start, m.end)
  if (m.tier === TIER_DATELINE) {
    // "OAK BROOK, ILL.": the abbreviation alone still places the story.
    const afterComma = /,[ \t]*$/.test(text.slice(Math.max(0, m.start - 3), m.start))
    m.strong = true
    m.entries = m.entries.filter((e) => !e.qualifierOnly || afterComma)
    return m.entries.length > 0
  }
  const prev = m.first > 0 ? (tokens[m.first - 1] as Word) : null
  const next = m.last + 1 < tokens.length ? (tokens[m.last + 1] as Word) : null
  const prevGap = prev ? text.slice(prev.end, m.start) : ''
  const nextGap = next ? text.slice(m.end, next.start) : ''
  const prevAdjacent = prev !== null && (SPACE.test(prevGap) || /^\.[ \t]{1,2}$/.test(prevGap))
  const nextAdjacent = next !== null && SPACE.test(nextGap)
  const prevWord = prevAdjacent && prev ? prev.key : ''
  const locative = prevAdjacent && prev !== null && LOCATIVES.has(prevWord) && !isCapitalized(prev.text)
  if (locative) m.strong = true
  const capsLike = inCaps || m.tier === TIER_TITLE
  // "Michael Jordan", "Mr. Jackson", "Gen. Georgia", "J.M. Barrie": a person, not a place; remember the
  // name. Not when the name is in capitals and the word before is not ("Jordan BAGHDAD, June 23").
  const casesDiffer = surface.length > 1 && isUpperCase(surface) && prev !== null && !isUpperCase(prev.text)
  const prevIsName =
    (prevAdjacent && prev !== null && isCapitalized(prev.text) && !inCaps && !casesDiffer &&
      (HONORIFICS.has(prevWord) || g.givenNames.has(prevWord))) ||
    (!inCaps && followsInitials(text, tokens, m.first) && !ends.has(m.first - 1))
  const prevCapital =
    prevAdjacent && prev !== null && isCapitalized(prev.text) && !inCaps && !PLACE_PREFIXES.has(prevWord) &&
    !isSentenceStart(text, prev.start) && !ends.has(m.first - 1)
  const nextWord = nextAdjacent && next !== null && isCapitalized(next.text) && !inCaps && !g.placeSuffixes.has(next.key)
  const nextCapital = nextWord && !starts.has(m.last + 1)
  const sentenceStart = isSentenceStart(text, m.start)
  // A name seen as a person's stays one, unless this mention names a feature of a place ("Baghdad airport").
  const rememberedPerson = persons.has(m.key) && !m.strong && !namesFeatureOfPlace(text, tokens, m.last)

  // "GAO", "NATO": a name written in capitals inside ordinary text is an acronym, not a place.
  const shouted = !inCaps && surface.length > 1 && isUpperCase(surface)
  // "Norwich Union", "Brent crude", "Dublin Road", "St. Paul's Hospital": a name that borrows a place's.
  const borrowed = !m.isQualifier && (namesOrganisation(text, tokens, m.last) || namesStreet(text, tokens, m.last))
  const institution = namesInstitutionOfPlace(text, tokens, m.last)
  m.entries = m.entries.filter((e) => {
    const p = e.place
    if (shouted && !e.acronym && m.tier < TIER_TITLE) return false
    if (borrowed && p.kind !== 'country' && !e.demonym) return false
    if (p.kind !== 'country' && namesSaintInstitution(text, tokens, m.first, m.last, p.name)) return false
    if (possessiveNotInName(surface, p)) return false
    if (e.qualifierOnly && !m.isQualifier) return false
    if (m.isQualifier) return true
    if (e.acronym && (!isUpperCase(surface) || (inCaps && CAPS_WORDS.has(m.key)))) return false
    if (prevIsName || rememberedPerson) return false
    if (e.demonym) return !(WORD_DEMONYMS.has(m.key) && (sentenceStart || capsLike))
    // "Nigel Melville", "Lindsay Davenport": a place named like a given name, before a capitalised word.
    if (p.given && nextWord && !institution) return false
    if (p.kind === 'country') return true
    if (p.surname && !m.strong) return false
    if (capsLike && !m.strong && p.word) return false
    if (p.word && !m.strong && (sentenceStart || prevCapital || nextCapital)) return false
    return true
  })
  if (prevIsName || (nextCapital && m.entries.length === 0 && !m.strong)) persons.add(m.key)
  if (m.entries.length === 0) return false
  // In capitals (wire headlines) only names of countries and of big places count: "AT PORTLAND" may be anything.
  if (inCaps && !m.strong && !m.entries.some((e) => e.demonym || e.place.kind === 'country' || e.place.capital || e.place.prior >= CAPS_CITY)) {
    return false
  }
  // Small towns, towns named like words, and places inside a longer name ("Piedmont Aviation") need support.
  // States and towns inside the names of their institutions ("Florida Highway Patrol") count as named.
  const inName = (prevCapital || nextCapital) && !institution
  m.needsSupport = !m.strong && m.entries.every((e) => {
    const p = e.place
    if (e.demonym || p.kind === 'country') return false
    const big = p.capital || (p.kind === 'city' && p.prior >= CAPS_CITY)
    // A county is the United States' own unless named like a place abroad ("Kent County Council").
    if (p.kind === 'county') return p.namesake || inName
    return (p.kind === 'city' && !p.capital && (p.prior < SMALL_CITY || p.word)) || (inName && !big)
  })
  m.needsRegion = !m.strong && m.entries.every((e) => e.place.kind === 'city' && e.place.given && !e.place.capital && e.place.prior < CAPS_CITY)
  return true
}

/** Picks one place per mention: areas (countries, regions) first, then the towns they contain. See docs/extraction.md. */
function resolve(mentions: Mention[], hintCountry: string | null): void {
  const evidence = new Map<string, number>()
  const own = (m: Mention): string | null => {
    const countries = new Set(m.entries.map((e) => e.place.country))
    // A minor town is no evidence: it is read only where its region is named.
    if (countries.size !== 1 || m.needsSupport || m.entries.some((e) => e.place.minor)) return null
    return m.entries[0]?.place.country ?? null
  }
  for (const m of mentions) {
    const c = own(m)
    if (c) evidence.set(c, (evidence.get(c) ?? 0) + 1)
  }
  const regions = new Set<string>()
  for (const m of mentions) if (m.qualifier?.kind === 'region') regions.add(regionKey(m.qualifier))
  const isArea = (m: Mention): boolean => m.entries.every((e) => e.place.kind === 'country' || e.place.kind === 'region')
  const isCounty = (m: Mention): boolean => m.entries.every((e) => e.place.kind === 'county')
  // Regions some town of the text may lie in: the evidence that lets "Georgia" be the state.
  const towns = new Set<string>()
  for (const m of mentions) {
    if (isArea(m)) continue
    for (const e of m.entries) if (isLocal(e.place) && e.place.region && !e.place.minor) towns.add(regionKey(e.place))
  }
  // A town or county in a region the text names or picked ("Georgia" the state) is placed by it.
  const inRegion = (p: Place): boolean => isLocal(p) && p.region !== '' && regions.has(regionKey(p))
  const senses = new Map<string, Place>()
  const choose = (list: Mention[], home: string | null): void => {
    // One sense per text: a name placed by strong context ("PORTLAND, Ore.", "in Reading") keeps that sense.
    const order = [...list].sort((a, b) => Number(b.strong) - Number(a.strong))
    for (const m of order) {
      const mine = own(m)
      const support = (country: string): number => (evidence.get(country) ?? 0) - (country === mine ? 1 : 0)
      // A dateline names the big city of its name more often than the article's other countries suggest.
      const bonus = m.tier === TIER_DATELINE ? COUNTRY_BONUS / 2 : COUNTRY_BONUS
      let best: Entry | null = null
      let bestScore = -Infinity
      for (const e of m.entries) {
        const p = e.place
        const inNamedRegion = inRegion(p)
        const contains = p.kind === 'region' && towns.has(regionKey(p))
        const score = p.prior + (support(p.country) > 0 || p.country === home ? bonus : 0) +
          (inNamedRegion || contains ? REGION_BONUS : 0)
        if (score > bestScore) {
          best = e
          bestScore = score
        }
      }
      const sense = senses.get(m.key)
      const same = sense && m.entries.find((e) => e.place === sense)
      if (same) best = same
      else if (best && m.needsSupport && support(best.place.country) <= 0 && best.place.country !== home && !inRegion(best.place)) best = null
      else if (best && m.needsRegion && best.place.country !== home && !regions.has(regionKey(best.place))) best = null
      // A minor town needs its region named (or a qualifier): any name is some village's somewhere.
      else if (best && best.place.minor && !m.qualifier && !(best.place.region && regions.has(regionKey(best.place)))) best = null
      if (best && m.strong && !best.demonym) senses.set(m.key, best.place)
      m.chosen = best
      if (best?.place.kind === 'region') regions.add(regionKey(best.place))
    }
  }
  choose(mentions.filter(isArea), hintCountry)
  const home = hintCountry ?? homeCountry(mentions)
  choose(mentions.filter((m) => !isArea(m) && !isCounty(m)), home)
  // Counties last: a county lies in the state the text names or in the state of a town it names.
  for (const m of mentions) if (m.chosen?.place.kind === 'city' && m.chosen.place.region) regions.add(regionKey(m.chosen.place))
  choose(mentions.filter(isCounty), home)
}

function regionKey(place: Place): string {
  return `${place.country}-${place.region}`
}

/**
 * The country a text is local to: the one most of its regions and unambiguous towns lie in (at least
 * two, more than any other country). Country names and demonyms do not count: they are how a text
 * speaks of abroad.
 */
function homeCountry(mentions: Mention[]): string | null {
  const local = new Map<string, number>()
  for (const m of mentions) {
    const place = m.chosen?.place ?? (new Set(m.entries.map((e) => e.place)).size === 1 ? m.entries[0]?.place : undefined)
    if (!place || place.kind === 'country' || place.minor || m.chosen?.demonym || m.needsSupport) continue
    local.set(place.country, (local.get(place.country) ?? 0) + 1)
  }
  const [first, second] = [...local.entries()].sort((a, b) => b[1] - a[1])
  if (!first || first[1] < MIN_HOME_MENTIONS || (second && second[1] >= first[1])) return null
  return first[0]
}

interface Stat {
  place: Place
  count: number
  tier: number
  first: number
}

const ROLL_UP_REGIONS = new Set(['US', 'CA', 'AU'])
/**
 * A country reached only through demonyms ("Iraqi", half a mention each) is kept when that makes a
 * whole mention (two demonyms), or one sits in the title, lede or dateline: a lone adjective in the
 * body is often a language or a passing origin ("in English", "a French firm").
 */
const DEMONYM_ONLY_SCORE = 1

/** Orders places and countries by salience and rolls places up to their region and country. */
function rank(mentions: Mention[], g: Gazetteer): Locations {
  const places = new Map<Place, Stat>()
  const countries = new Map<string, { score: number; tier: number; first: number; named: boolean }>()
  for (const m of mentions) {
    const e = m.chosen
    if (!e) continue
    const p = e.place
    const c = countries.get(p.country)
    const weight = e.demonym ? 0.5 : 1
    if (c) {
      c.score += weight
      c.tier = Math.max(c.tier, m.tier)
      c.named ||= !e.demonym
    } else countries.set(p.country, { score: weight, tier: m.tier, first: m.start, named: !e.demonym })
    if (e.demonym) continue
    const s = places.get(p)
    if (s) {
      s.count++
      s.tier = Math.max(s.tier, m.tier)
    } else places.set(p, { place: p, count: 1, tier: m.tier, first: m.start })
  }
  const country = [...countries.entries()]
    .sort((a, b) => b[1].tier - a[1].tier || b[1].score - a[1].score || a[1].first - b[1].first)
    .filter(([, s], i) => i === 0 || s.named || s.tier > 0 || s.score >= DEMONYM_ONLY_SCORE)
    .map(([code]) => code)
  const kept = new Set(country)
  const ordered = [...places.values()]
    .filter((s) => kept.has(s.place.country))
    .sort((a, b) => b.tier - a.tier || b.count - a.count || a.first - b.first)
  const location: string[] = []
  const seen = new Set<string>()
  const push = (name: string): void => {
    if (!seen.has(name)) {
      seen.add(name)
      location.push(name)
    }
  }
  // Each place is followed by its region (always in the US, Canada and Australia; elsewhere when the text
  // names it too) and its country, unless they came earlier.
  const named = new Set(ordered.map((s) => s.place))
  for (const { place } of ordered) {
    push(place.name)
    if (isLocal(place) && !place.capital && place.region) {
      const region = g.regions.get(`${place.country}-${place.region}`)
      if (region && (ROLL_UP_REGIONS.has(place.country) || named.has(region))) push(region.name)
    }
    const c = g.countries.get(place.country)
    if (c) push(c.name)
  }
  for (const code of country) {
    const c = g.countries.get(code)
    if (c) push(c.name)
  }
  return { location, country }
}
