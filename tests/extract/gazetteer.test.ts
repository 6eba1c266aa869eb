/**
 * The gazetteer reads its names in groups, as they are asked for (src/extract/gazetteer.ts): each key
 * has the entries, in the order, that reading the whole data gives, and every first word its longest name.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { COUNTRIES, PLACES } from '../../src/extract/data/gazetteer.js'
import { gazetteer, placeKey, type Entry, type Gazetteer, type Place } from '../../src/extract/gazetteer.js'
import { nameKey } from '../../src/extract/text.js'

const KINDS: Record<string, string> = { r: 'region', b: 'blocker', k: 'county' }

/** The data read whole, as the gazetteer did before it read it in groups: names in the order of the data. */
function readWhole(): { names: Map<string, { name: string; demonym: boolean; acronym: boolean; qualifierOnly: boolean }[]>; firstWords: Map<string, number>; regions: Set<string> } {
  const names = new Map<string, { name: string; demonym: boolean; acronym: boolean; qualifierOnly: boolean }[]>()
  const firstWords = new Map<string, number>()
  const regions = new Set<string>()
  const add = (name: string, place: string, demonym = false, qualifierOnly = false): void => {
    const key = nameKey(name)
    if (!key) return
    const acronym = name.length <= 6 && /^[\p{Lu}.]+$/u.test(name)
    const list = names.get(key) ?? []
    if (!list.some((e) => e.name === place && e.demonym === demonym)) list.push({ name: place, demonym, acronym, qualifierOnly })
    names.set(key, list)
    const words = key.split(' ')
    firstWords.set(words[0]!, Math.max(firstWords.get(words[0]!) ?? 0, words.length))
  }
  for (const line of COUNTRIES.split('\n')) {
    const [code = '', name = '', aliases = '', demonyms = ''] = line.split('\t')
    const id = `${code}:${name}`
    add(name, id)
    for (const a of aliases.split('|')) if (a) add(a, id)
    for (const d of demonyms.split('|')) if (d) add(d, id, true)
  }
  const qualifiers: string[] = []
  for (const line of PLACES.split('\n')) {
    const [name = '', country = '', region = '', , kind = 'c', , aliases = ''] = line.split('\t')
    if (kind === 'q') {
      qualifiers.push(line)
      continue
    }
    const id = `${country}:${region}:${name}:${KINDS[kind] ?? 'city'}`
    if (kind === 'r') regions.add(`${country}-${region}`)
    add(name, id)
    for (const a of aliases.split('|')) if (a) add(a, id)
  }
  for (const line of qualifiers) {
    const [, country = '', region = '', , , , aliases = ''] = line.split('\t')
    if (!regions.has(`${country}-${region}`)) continue
    const regionLine = PLACES.split('\n').find((l) => l.split('\t')[4] === 'r' && l.split('\t')[1] === country && l.split('\t')[2] === region)!
    const [name] = regionLine.split('\t')
    for (const a of aliases.split('|')) if (a) add(a, `${country}:${region}:${name}:region`, false, true)
  }
  return { names, firstWords, regions }
}

const idOf = (place: Place): string => (place.kind === 'country' ? `${place.country}:${place.name}` : `${place.country}:${place.region}:${place.name}:${place.kind}`)
const shape = (entries: Entry[] | undefined) => entries?.map((e) => ({ name: idOf(e.place), demonym: e.demonym, acronym: e.acronym, qualifierOnly: e.qualifierOnly }))

describe('gazetteer', () => {
  let whole: ReturnType<typeof readWhole>
  let g: Gazetteer
  beforeAll(() => {
    whole = readWhole()
    g = gazetteer()
  })

  it('gives each key the entries of the whole data, in its order, whatever was asked before', () => {
    // Asked in an order of their own: keys of names that start with other letters, and that do not start with one.
    const keys = [...whole.names.keys()].sort((a, b) => (a.length % 7) - (b.length % 7) || (a < b ? 1 : -1))
    expect(keys.length).toBeGreaterThan(50_000)
    for (const key of keys) expect(shape(g.names.get(key)), key).toEqual(whole.names.get(key))
    for (const [word, most] of whole.firstWords) expect(g.firstWords.get(word), word).toBe(most)
    expect(g.names.get('no such place anywhere')).toBeUndefined()
    expect(g.firstWords.get('zzzq')).toBeUndefined()
    expect([...g.regions.keys()].sort()).toEqual([...whole.regions].sort())
  })

  it('lists every name in the order of the data', () => {
    expect([...g.names.values()].map(shape)).toEqual([...whole.names.values()])
  })

  it('keys a plain name by its lower case, as folding it word by word does', () => {
    for (const name of ['Paris', 'New York City', 'St Louis', 'Mt Hood', 'Ste Genevieve', 'Ft Worth', 'U.S.', 'Côte d’Ivoire', 'ST LOUIS', 'Winston-Salem', 'Stanley', 'Fth', 'A B']) expect(placeKey(name), name).toBe(nameKey(name))
  })
})
