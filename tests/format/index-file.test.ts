import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NewsdexError, NewsIndex } from '../../src/indexer.js'
import { NewsIndex as RuntimeIndex } from '../../src/index.js'
import { ByteReader, ByteWriter } from '../../src/format/bytes.js'
import { decodeContainer, encodeContainer, FORMAT_VERSION, MAGIC, PREAMBLE } from '../../src/format/container.js'
import { crc32 } from '../../src/format/crc32.js'
import type { Article, NewsIndexOptions, SearchOptions, SearchResponse } from '../../src/types.js'
import { catchNewsdexError, expectNewsdexError, makeArticle, normalized } from '../helpers.js'

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers

const SMALL: Article[] = [
  makeArticle({ id: 'a', title: 'Rocket hits Baghdad airport', body: 'A rocket attack near the airport.\n\nNobody was hurt.', date: '2020-06-23', source: ['AP'], location: ['Baghdad'], country: ['IQ'] }),
  makeArticle({ id: 'b', title: 'Drone strike', body: 'A drone strike near Baghdad airport killed a general.', date: '2020-01-03', source: ['Reuters', 'AP'], location: ['Baghdad'], country: ['IQ', 'US'], url: 'https://example.com/b', meta: { author: 'Jane' } }),
  makeArticle({ id: 'c', title: 'Talks in Tehran', body: 'Iran and Iraq held talks.', date: null, source: ['AFP'], location: ['Tehran'], country: ['IR'] }),
]

function smallIndex(options?: NewsIndexOptions): NewsIndex {
  const index = new NewsIndex(options)
  index.addAll(SMALL)
  return index
}

const QUERIES = ['', 'rocket', 'rocket airport', 'baghdad -drone', '"baghdad airport"', 'iran OR drone', 'title:airport', 'source:AP', 'date:2020', 'rock', 'tehrn', 'zzz']
const SEARCH: SearchOptions = { facets: ['source', 'location', 'country', 'year', 'month'], limit: 100 }


/** Everything an index answers for a fixed set of queries: ids, scores, highlights, facets, totals. */
function answers(index: NewsIndex, queries: readonly string[] = QUERIES, options: SearchOptions = SEARCH): SearchResponse[] {
  return queries.map((query) => normalized(index.search(query, options)))
}

const text = new TextEncoder()
const utf8 = new TextDecoder()

/** A file with a hand-written header: preamble (magic, version, header length, header CRC), header text, body. */
function rawFile(header: string, body: Uint8Array = new Uint8Array(), version = FORMAT_VERSION): Uint8Array {
  const headerBytes = text.encode(header)
  const out = new Uint8Array(PREAMBLE + headerBytes.length + body.length)
  out.set(text.encode(MAGIC), 0)
  const view = new DataView(out.buffer)
  view.setUint16(4, version, true)
  view.setUint32(8, headerBytes.length, true)
  view.setUint32(12, crc32(headerBytes), true)
  out.set(headerBytes, PREAMBLE)
  out.set(body, PREAMBLE + headerBytes.length)
  return out
}

function headerLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true)
}

/** The same file with its JSON header text edited (and its header checksum recomputed). */
function editHeader(bytes: Uint8Array, edit: (header: string) => string): Uint8Array {
  const length = headerLength(bytes)
  return rawFile(edit(utf8.decode(bytes.subarray(PREAMBLE, PREAMBLE + length))), bytes.subarray(PREAMBLE + length))
}

/** A container's meta and sections, copied so that they can be tampered with and forged back. */
interface Unpacked {
  meta: Record<string, unknown>
  sections: Record<string, Uint8Array>
}

function unpack(bytes: Uint8Array): Unpacked {
  const { meta, sections } = decodeContainer(bytes)
  return { meta: structuredClone(meta) as Record<string, unknown>, sections: Object.fromEntries([...sections].map(([name, b]) => [name, b.slice()])) }
}

/**
 * Unpacks `bytes`, lets `change` tamper with the meta and sections, and packs them back into a file
 * whose header and section checksums are all VALID: only the structure checks can catch the change.
 */
function tamper(bytes: Uint8Array, change: (u: Unpacked) => void): Uint8Array {
  const unpacked = unpack(bytes)
  change(unpacked)
  return encodeContainer(unpacked.meta, unpacked.sections)
}

const json = (value: unknown): Uint8Array => text.encode(JSON.stringify(value))
const parseSection = (bytes: Uint8Array): unknown => JSON.parse(utf8.decode(bytes))

function varints(values: readonly number[]): Uint8Array {
  const writer = new ByteWriter()
  for (const v of values) writer.varint(v)
  return writer.finish()
}

function readVarints(bytes: Uint8Array): number[] {
  const reader = new ByteReader(bytes)
  const out: number[] = []
  while (!reader.done) out.push(reader.varint())
  return out
}

/** A date as the format stores it: 0 for none, else year·512 + month·32 + day + 1. */
const dateNumber = (y: number, m: number, d: number): number => y * 512 + m * 32 + d + 1

/** Loads `bytes`: either a NewsdexError is thrown, or the index answers exactly like `reference`. */
function expectRejectedOrIdentical(bytes: Uint8Array, reference: SearchResponse[], label: string): void {
  let loaded: NewsIndex
  try {
    loaded = NewsIndex.load(bytes)
  } catch (error) {
    expect(error, label).toBeInstanceOf(NewsdexError)
    return
  }
  expect(answers(loaded), `${label}: loaded, but answers differently`).toEqual(reference)
}

/** Runs `fn`; returns the NewsdexError it threw, `null` if it returned; fails on any other error. */
function newsdexErrorOf(fn: () => unknown, label: string): NewsdexError | null {
  try {
    fn()
    return null
  } catch (error) {
    if (!(error instanceof NewsdexError)) expect.fail(`${label}: expected a NewsdexError, got ${String(error)}${error instanceof Error ? `\n${error.stack}` : ''}`)
    return error
  }
}

/** Queries that touch every term of SMALL: its postings, its positions (phrases), prefix and typo lookups. */
const ALL_TERM_QUERIES = [...new Set(SMALL.flatMap((a) => `${a.title} ${a.body}`.toLowerCase().match(/[a-z]+/g)!))].flatMap((t) => [t, `"${t} ${t}"`, `title:${t}`])
const EVERYTHING = [...QUERIES, ...ALL_TERM_QUERIES, '"rocket attack"', '"drone strike near"', 'airpor', 'baghdd']

/**
 * Forged data that the structure checks cannot see at load (posting bytes decode lazily): the load
 * either fails with E_CORRUPT, or some search fails with E_CORRUPT; nothing ever throws another error.
 */
function expectCorruptAtLoadOrSearch(load: () => NewsIndex, label: string): void {
  const atLoad = newsdexErrorOf(load, `${label} (load)`)
  if (atLoad) {
    expect(atLoad.code, atLoad.message).toBe('E_CORRUPT')
    return
  }
  const index = load()
  const errors = EVERYTHING.map((q) => newsdexErrorOf(() => index.search(q, SEARCH), `${label} (search '${q}')`)).filter((e): e is NewsdexError => e !== null)
  expect(errors.length, `${label}: loaded, and no search noticed the corruption`).toBeGreaterThan(0)
  for (const error of errors) expect(error.code, error.message).toBe('E_CORRUPT')
}

// ---------------------------------------------------------------------------------------------

describe('serialize() → NewsIndex.load(): round trip', () => {
  it('answers every query exactly as the original', () => {
    const index = smallIndex()
    const loaded = NewsIndex.load(index.serialize())
    expect(answers(loaded)).toEqual(answers(index))
    expect(loaded.size).toBe(index.size)
    const { cache: _loadedCache, ...loadedStats } = loaded.stats()
    const { cache: _builtCache, ...builtStats } = index.stats()
    expect(loadedStats).toEqual(builtStats)
    for (const article of SMALL) expect(loaded.get(article.id)).toEqual(article)
    expect(loaded.suggest('ba')).toEqual(index.suggest('ba'))
  })

  it('loads from an ArrayBuffer and from a view into a larger buffer', () => {
    const bytes = smallIndex().serialize()
    const buffer = new ArrayBuffer(bytes.length)
    new Uint8Array(buffer).set(bytes)
    expect(NewsIndex.load(buffer).size).toBe(3)
    const larger = new Uint8Array(bytes.length + 10)
    larger.set(bytes, 7)
    expect(answers(NewsIndex.load(larger.subarray(7, 7 + bytes.length)))).toEqual(answers(smallIndex()))
  })

  it('round-trips an empty index', () => {
    const loaded = NewsIndex.load(new NewsIndex().serialize())
    expect(loaded.size).toBe(0)
    expect(loaded.search('rocket').total).toBe(0)
    expect(loaded.search('').total).toBe(0)
    expect(NewsIndex.load(loaded.serialize()).size).toBe(0)
  })

  it('stores the options, so load() needs none: a custom boost, analyzer and stopwords survive', () => {
    const custom = smallIndex({ boost: { title: 7, body: 0.5 }, analyzer: 'simple', stopwords: ['Rocket', 'the'] })
    const loaded = NewsIndex.load(custom.serialize())
    expect(loaded.options).toEqual({ boost: { title: 7, body: 0.5 }, analyzer: 'simple', stopwords: ['rocket', 'the'], facets: [] })
    // The runtime carries no stopword list: a loaded English index has the one it was built with.
    expect(RuntimeIndex.load(smallIndex().serialize()).options.stopwords).toContain('which')
    expect(new RuntimeIndex().options.stopwords).toEqual([])
    expect(answers(loaded)).toEqual(answers(custom))
    // and the options matter: a default index scores differently
    expect(answers(smallIndex())).not.toEqual(answers(custom))
  })

  it('carries the format name, version 4 and a part description in the header', () => {
    const bytes = smallIndex().serialize()
    expect(FORMAT_VERSION).toBe(4)
    expect(utf8.decode(bytes.subarray(0, 4))).toBe('NDEX')
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(4, true)).toBe(FORMAT_VERSION)
    const header = JSON.parse(utf8.decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength(bytes))))
    expect(header).toMatchObject({ format: 'newsdex', version: FORMAT_VERSION, meta: { part: 'all', documents: 3, chunkSize: 256, chunks: 1 } })
    const names = (header.sections as { name: string }[]).map((s) => s.name)
    for (const name of ['ids', 'terms', 'termStats', 'postingDocs', 'postingTfs', 'lengths', 'dates', 'values', 'valueRefs', 'display-0']) expect(names).toContain(name)
    expect(names.some((n) => n.startsWith('text-0'))).toBe(true)
  })

  it('writes the same bytes for the same index, and the forging helper is sound (an untouched file, re-packed, loads identically)', () => {
    const bytes = smallIndex().serialize()
    expect(smallIndex().serialize()).toEqual(bytes)
    expect(tamper(bytes, () => {})).toEqual(bytes)
    expect(answers(NewsIndex.load(tamper(bytes, () => {})))).toEqual(answers(smallIndex()))
  })

  const WORDS = ['rocket', 'rockets', 'baghdad', 'airport', 'drone', 'strike', 'iraq', 'iran', 'talks', 'kāẓimī', 'attack', 'the', 'a', 'U.S.']
  const articleArb = fc.record({
    title: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' ')),
    body: fc.array(fc.constantFrom(...WORDS, '.', '\n\n'), { maxLength: 30 }).map((w) => w.join(' ')),
    date: fc.option(fc.constantFrom('2019-11-05', '2020-01-03', '2020-06-23', '2020-06-30', '2021-02-28'), { nil: null }),
    source: fc.subarray(['AP', 'AFP', 'Reuters']),
    location: fc.subarray(['Baghdad', 'Tehran', 'Abu Ghraib']),
    country: fc.subarray(['IQ', 'IR', 'US']),
  })
  const corpusArb = fc.array(articleArb, { maxLength: 12 }).chain((records) =>
    fc.tuple(fc.constant(records.map((r, i): Article => ({ id: `doc-${i}`, ...r }))), fc.subarray(records.map((_, i) => `doc-${i}`))),
  )
  const queryArb = fc.array(fc.constantFrom(...WORDS, 'OR', '-drone', '"baghdad airport"', 'source:AP', 'country:IQ', 'date:2020', 'title:rocket', 'rock', 'atack'), { maxLength: 4 }).map((w) => w.join(' '))

  it('answers identically after a round trip, for random archives (with removals) and queries', () => {
    fc.assert(
      fc.property(corpusArb, fc.array(queryArb, { minLength: 1, maxLength: 5 }), fc.boolean(), ([articles, removed], queries, matchAny) => {
        const index = new NewsIndex()
        index.addAll(articles)
        for (const id of removed) index.remove(id)
        const loaded = NewsIndex.load(index.serialize())
        const options: SearchOptions = { ...SEARCH, match: matchAny ? 'any' : 'all' }
        expect(answers(loaded, queries, options)).toEqual(answers(index, queries, options))
        expect(loaded.size).toBe(articles.length - removed.length)
        expect(answers(NewsIndex.load(loaded.serialize()), queries, options)).toEqual(answers(index, queries, options))
      }),
      { numRuns: 150 },
    )
  })

  it('round-trips any unicode text, lone surrogates included (property)', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 120 })
    fc.assert(fc.property(anyText, anyText, anyText, (title, body, query) => {
      const index = new NewsIndex()
      const article = makeArticle({ id: `id ${title}`, title, body, source: [title], url: body, meta: { [title]: body } })
      index.add(article)
      const loaded = NewsIndex.load(index.serialize())
      expect(loaded.get(article.id)).toEqual(article)
      expect(answers(loaded, [query, title])).toEqual(answers(index, [query, title]))
    }), { numRuns: 300 })
  })

  it('keeps working after load: add, remove and search like a fresh index', () => {
    const loaded = NewsIndex.load(smallIndex().serialize())
    loaded.remove('a')
    loaded.add(makeArticle({ id: 'd', title: 'New rocket', body: 'Another rocket.' }))
    expectNewsdexError(() => loaded.add(makeArticle({ id: 'b', title: 'dup' })), 'E_DUPLICATE_ID')
    expect(loaded.search('rocket').hits.map((h) => h.id)).toEqual(['d'])
    const fresh = new NewsIndex()
    fresh.addAll([SMALL[1]!, SMALL[2]!, makeArticle({ id: 'd', title: 'New rocket', body: 'Another rocket.' })])
    expect(answers(loaded)).toEqual(answers(fresh))
    expect(answers(NewsIndex.load(loaded.serialize()))).toEqual(answers(fresh))
  })
})

describe('NewsIndex.load(): data that is not an index', () => {
  it.each([
    ['empty data', new Uint8Array()],
    ['three bytes', new Uint8Array([0x4e, 0x44, 0x45])],
    ['text', text.encode('hello, this is not an index at all')],
    ['JSON', text.encode(JSON.stringify({ format: 'newsdex', version: 2 }))],
    ['a wrong magic', (() => { const b = smallIndex().serialize(); b[3] = 0x59; return b })()],
    ['the magic alone', text.encode('NDEX')],
  ])('%s → E_NOT_AN_INDEX', (_what, data) => {
    expectNewsdexError(() => NewsIndex.load(data), 'E_NOT_AN_INDEX')
  })

  it.each([['a string', 'NDEX'], ['null', null], ['a number', 42], ['a plain array', [78, 68, 69, 88]]])('%s instead of bytes → E_NOT_AN_INDEX', (_what, value) => {
    expectNewsdexError(() => NewsIndex.load(value as unknown as Uint8Array), 'E_NOT_AN_INDEX')
  })

  it('rejects any data that does not start with the magic (property)', () => {
    const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 11 }), fc.uint8Array({ minLength: 12, maxLength: 300 }))
    fc.assert(fc.property(anyBytes, (bytes) => {
      fc.pre(bytes.length < 4 || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC)
      expectNewsdexError(() => NewsIndex.load(bytes), 'E_NOT_AN_INDEX')
    }))
  })

  it.each([
    ['gzip data (an index fetched still compressed)', [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0, 0, 0, 0, 0, 0]],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 0]],
    ['the magic with its last byte bit-flipped', [0x4e, 0x44, 0x45, 0xd8, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x7d]],
  ])('rejects binary data that is not UTF-8 (%s) with E_NOT_AN_INDEX', (_what, bytes) => {
    expectNewsdexError(() => NewsIndex.load(new Uint8Array(bytes)), 'E_NOT_AN_INDEX')
  })

  it.each([0, 1, 2, 3, 5, 0xffff])('rejects format version %i with E_VERSION, naming the version', (version) => {
    const bytes = smallIndex().serialize()
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(4, version, true)
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_VERSION', String(version))
  })

  it('rejects a version 1 file (the v1 layout: JSON articles and engine sections) with E_VERSION', () => {
    const header = JSON.stringify({ format: 'newsdex', version: 1, meta: { options: {}, articles: 0 }, sections: [] })
    expectNewsdexError(() => NewsIndex.load(rawFile(header, new Uint8Array(), 1)), 'E_VERSION', '1')
  })
})

describe('NewsIndex.load(): truncated and corrupted data', () => {
  it('rejects every truncation: E_CORRUPT once the preamble is complete', () => {
    const bytes = smallIndex().serialize()
    for (let length = 0; length < bytes.length; length++) {
      const error = catchNewsdexError(() => NewsIndex.load(bytes.slice(0, length)))
      if (length >= PREAMBLE) expect(error.code, `truncated to ${length} bytes`).toBe('E_CORRUPT')
      else expect(['E_NOT_AN_INDEX', 'E_CORRUPT']).toContain(error.code)
    }
  })

  it('never throws anything but a NewsdexError, and a loaded index never throws on search (random corruption, property)', () => {
    const original = smallIndex().serialize()
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: original.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = original.slice()
        for (const [at, xor] of edits) bytes[at]! ^= xor
        let loaded: NewsIndex
        try {
          loaded = NewsIndex.load(bytes)
        } catch (error) {
          expect(error).toBeInstanceOf(NewsdexError)
          return
        }
        expect(() => answers(loaded)).not.toThrow()
      }),
      { numRuns: 1000 },
    )
  })

  it('detects every single-bit flip in the preamble and the sections, or answers identically', () => {
    const original = smallIndex().serialize()
    const reference = answers(smallIndex())
    const headerEnd = PREAMBLE + headerLength(original)
    for (let at = 0; at < original.length; at++) {
      if (at >= PREAMBLE && at < headerEnd) continue
      for (let bit = 0; bit < 8; bit++) {
        const bytes = original.slice()
        bytes[at]! ^= 1 << bit
        expectRejectedOrIdentical(bytes, reference, `bit ${bit} of byte ${at}`)
      }
    }
  })

  it('detects every single-bit flip in the JSON header (it has a CRC-32), or answers identically', () => {
    const original = smallIndex().serialize()
    const reference = answers(smallIndex())
    const headerEnd = PREAMBLE + headerLength(original)
    for (let at = PREAMBLE; at < headerEnd; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const bytes = original.slice()
        bytes[at]! ^= 1 << bit
        expectRejectedOrIdentical(bytes, reference, `bit ${bit} of header byte ${at - PREAMBLE} ('${String.fromCharCode(original[at]!)}')`)
      }
    }
  })
})

describe('NewsIndex.load(): hostile headers (E_CORRUPT)', () => {
  const body = smallIndex().serialize()
  const META = '{"part":"all","build":"x","options":{},"documents":0,"terms":0,"chunkSize":256,"chunks":0}'

  it.each([
    ['a header that is not JSON', '{"format":'],
    ['a header that is not UTF-8', '\uFFFD'],
    ['a null header', 'null'],
    ['an array header', '[]'],
    ['a string header', '"newsdex"'],
    ['an empty object', '{}'],
    ['a wrong format name', '{"format":"minisearch","version":2,"meta":{},"sections":[]}'],
    ['a header version unlike the preamble', `{"format":"newsdex","version":1,"meta":${META},"sections":[]}`],
    ['sections that are not a list', `{"format":"newsdex","version":2,"meta":${META},"sections":{}}`],
    ['a section with a negative offset', `{"format":"newsdex","version":2,"meta":${META},"sections":[{"name":"ids","offset":-1,"length":2,"crc32":0}]}`],
    ['a section with a fractional length', `{"format":"newsdex","version":2,"meta":${META},"sections":[{"name":"ids","offset":0,"length":1.5,"crc32":0}]}`],
    ['a section with a string checksum', `{"format":"newsdex","version":2,"meta":${META},"sections":[{"name":"ids","offset":0,"length":0,"crc32":"0"}]}`],
    ['a section past the end of the data', `{"format":"newsdex","version":2,"meta":${META},"sections":[{"name":"ids","offset":0,"length":99999,"crc32":0}]}`],
    ['a section with a wrong checksum', `{"format":"newsdex","version":2,"meta":${META},"sections":[{"name":"ids","offset":0,"length":2,"crc32":1}]}`],
    ['a header hidden behind __proto__', `{"__proto__":{"format":"newsdex","version":2,"meta":${META},"sections":[]}}`],
    ['a valid header with no sections', `{"format":"newsdex","version":2,"meta":${META},"sections":[]}`],
  ])('%s', (_what, header) => {
    const bytes = header === '\uFFFD' ? rawFile('x').map((b, i) => (i === PREAMBLE ? 0xff : b)) : rawFile(header, text.encode('[]'))
    if (header === '\uFFFD') new DataView(bytes.buffer).setUint32(12, crc32(bytes.subarray(PREAMBLE)), true)
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_CORRUPT')
  })

  it('a valid empty index, written by hand, loads (the hand-written headers above differ only where they are hostile)', () => {
    const sections: Record<string, Uint8Array> = {
      ids: json([]), terms: new Uint8Array(), termStats: new Uint8Array(), postingDocs: new Uint8Array(), postingTfs: new Uint8Array(),
      lengths: new Uint8Array(), dates: new Uint8Array(), values: json({ source: [], location: [], country: [] }), valueRefs: new Uint8Array(),
    }
    const loaded = NewsIndex.load(encodeContainer(JSON.parse(META), sections))
    expect(loaded.size).toBe(0)
    expect(loaded.search('').total).toBe(0)
  })

  it('a header length that runs past the end of the data', () => {
    const bytes = body.slice()
    new DataView(bytes.buffer).setUint32(8, 0xffffffff, true)
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_CORRUPT')
  })
})

describe('NewsIndex.load(): forged meta and sections with valid checksums', () => {
  const good = smallIndex().serialize()
  const goodParts = smallIndex().serializeParts()
  const load = (bytes: Uint8Array) => () => NewsIndex.load(bytes)
  const goodUnpacked = unpack(good)
  const documents = SMALL.length
  const termCount = goodUnpacked.meta.terms as number

  /** The (df, doc bytes, tf bytes) triple of each term. */
  const termStats = (u: Unpacked): [number, number, number][] => {
    const v = readVarints(u.sections.termStats!)
    return Array.from({ length: v.length / 3 }, (_, i) => [v[3 * i]!, v[3 * i + 1]!, v[3 * i + 2]!])
  }
  /** Per value field, per document, the value numbers. */
  const valueRefs = (u: Unpacked): number[][][] => {
    const reader = new ByteReader(u.sections.valueRefs!)
    return [0, 1, 2].map(() => Array.from({ length: documents }, () => Array.from({ length: reader.varint() }, () => reader.varint())))
  }
  const writeRefs = (refs: number[][][]): Uint8Array => varints(refs.flatMap((field) => field.flatMap((list) => [list.length, ...list])))
  const terms = (u: Unpacked): string[] => utf8.decode(u.sections.terms!).split('\n')

  it('the helpers read the sections as the format describes them', () => {
    expect(parseSection(goodUnpacked.sections.ids!)).toEqual(['a', 'b', 'c'])
    expect(terms(goodUnpacked)).toHaveLength(termCount)
    expect([...terms(goodUnpacked)].sort()).toEqual(terms(goodUnpacked))
    const stats = termStats(goodUnpacked)
    expect(stats).toHaveLength(termCount)
    expect(stats.reduce((s, t) => s + t[1], 0)).toBe(goodUnpacked.sections.postingDocs!.length)
    expect(stats.reduce((s, t) => s + t[2], 0)).toBe(goodUnpacked.sections.postingTfs!.length)
    expect(stats.every(([df]) => df >= 1 && df <= documents)).toBe(true)
    expect(readVarints(goodUnpacked.sections.dates!)).toEqual([dateNumber(2020, 6, 23), dateNumber(2020, 1, 3), 0])
    expect(parseSection(goodUnpacked.sections.values!)).toEqual({ source: ['AP', 'Reuters', 'AFP'], location: ['Baghdad', 'Tehran'], country: ['IQ', 'US', 'IR'] })
    expect(valueRefs(goodUnpacked)).toEqual([[[0], [1, 0], [2]], [[0], [0], [1]], [[0], [0, 1], [2]]])
    // and re-writing what they read changes nothing
    expect(tamper(good, (u) => { u.sections.termStats = varints(termStats(u).flat()); u.sections.valueRefs = writeRefs(valueRefs(u)) })).toEqual(good)
  })

  describe('meta and options (E_CORRUPT)', () => {
    it.each<[string, (meta: Record<string, unknown>) => unknown]>([
      ['null meta', () => null],
      ['string meta', () => 'all'],
      ['an unknown part kind', (m) => ({ ...m, part: 'everything' })],
      ['a missing part kind', (m) => ({ ...m, part: undefined })],
      ['a build that is not a string', (m) => ({ ...m, build: 42 })],
      ['a string document count', (m) => ({ ...m, documents: '3' })],
      ['a negative document count', (m) => ({ ...m, documents: -1 })],
      ['a fractional document count', (m) => ({ ...m, documents: 2.5 })],
      ['a document count unlike the ids', (m) => ({ ...m, documents: 2 })],
      ['a term count unlike the terms (one more)', (m) => ({ ...m, terms: termCount + 1 })],
      ['a term count unlike the terms (one less)', (m) => ({ ...m, terms: termCount - 1 })],
      ['a term count of zero', (m) => ({ ...m, terms: 0 })],
      ['a string term count', (m) => ({ ...m, terms: String(termCount) })],
      ['a chunk size of zero', (m) => ({ ...m, chunkSize: 0 })],
      ['a chunk count unlike the articles (2 chunks of 256 for 3 articles)', (m) => ({ ...m, chunks: 2 })],
      ['a chunk count of zero', (m) => ({ ...m, chunks: 0 })],
      ['a chunk size that implies more chunks than there are', (m) => ({ ...m, chunkSize: 1, chunks: 3 })],
      ['an unknown analyzer', (m) => ({ ...m, options: { analyzer: 'klingon' } })],
      ['a negative boost', (m) => ({ ...m, options: { boost: { title: -2 } } })],
      ['a boost that is a string', (m) => ({ ...m, options: { boost: { title: '2' } } })],
      ['null options', (m) => ({ ...m, options: null })],
      ['options that are a string', (m) => ({ ...m, options: 'english' })],
      ['options that are a number', (m) => ({ ...m, options: 42 })],
      ['options that are an array', (m) => ({ ...m, options: [] })],
      ['missing options', (m) => ({ ...m, options: undefined })],
    ])('%s', (_what, change) => {
      expectNewsdexError(load(tamper(good, (u) => { u.meta = change(u.meta) as Record<string, unknown> })), 'E_CORRUPT')
    })

    it('an infinite boost (JSON can say it: 1e999)', () => {
      const forged = editHeader(good, (header) => {
        expect(header).toContain('"body":1}')
        return header.replace('"body":1}', '"body":1e999}')
      })
      expectNewsdexError(load(forged), 'E_CORRUPT')
      // the header editing itself is sound: an edit to another valid boost loads, with that boost
      expect(NewsIndex.load(editHeader(good, (header) => header.replace('"body":1}', '"body":3}'))).options.boost.body).toBe(3)
    })

    it.each(['positions', 'display-0', 'text-0'])("the '%s' part given to load() → E_NOT_AN_INDEX, naming the part", (name) => {
      expectNewsdexError(() => NewsIndex.load(goodParts[name]!), 'E_NOT_AN_INDEX', name.replace(/-\d+$/, ''))
    })

    it("a 'search' part and an 'all' file load; a forged 'all' meta on a search part's sections is rejected (no display/text sections)", () => {
      expect(NewsIndex.load(goodParts.search!).size).toBe(3)
      expectNewsdexError(() => NewsIndex.load(tamper(goodParts.search!, (u) => { u.meta = { ...u.meta, part: 'all' } })), 'E_CORRUPT')
    })
  })

  describe('search sections (E_CORRUPT at load)', () => {
    it.each(['ids', 'terms', 'termStats', 'postingDocs', 'postingTfs', 'lengths', 'dates', 'values', 'valueRefs'])('a missing %s section', (name) => {
      expectNewsdexError(load(tamper(good, (u) => { delete u.sections[name] })), 'E_CORRUPT')
    })

    it.each<[string, unknown]>([
      ['ids that are not JSON', '["a", "b"'],
      ['ids that are an object', { 0: 'a', 1: 'b', 2: 'c', length: 3 }],
      ['ids that are a string', 'abc'],
      ['a numeric id', ['a', 2, 'c']],
      ['an empty id', ['a', '', 'c']],
      ['a null id', ['a', null, 'c']],
      ['duplicate ids', ['a', 'a', 'c']],
      ['one id too few', ['a', 'b']],
      ['one id too many', ['a', 'b', 'c', 'd']],
    ])('%s', (what, ids) => {
      const bytes = tamper(good, (u) => { u.sections.ids = what.includes('not JSON') ? text.encode(ids as string) : json(ids) })
      expectNewsdexError(load(bytes), 'E_CORRUPT')
    })

    it.each<[string, (t: string[]) => string[]]>([
      ['terms out of order (first two swapped)', (t) => [t[1]!, t[0]!, ...t.slice(2)]],
      ['terms in reverse order', (t) => [...t].reverse()],
      ['a duplicate term', (t) => [t[0]!, t[0]!, ...t.slice(2)]],
      ['one term missing', (t) => t.slice(1)],
      ['one term too many', (t) => [...t, 'zzzz']],
    ])('%s', (_what, change) => {
      expectNewsdexError(load(tamper(good, (u) => { u.sections.terms = text.encode(change(terms(u)).join('\n')) })), 'E_CORRUPT')
    })

    it('a terms section that is not UTF-8 → E_CORRUPT (not a TypeError)', () => {
      const bytes = tamper(good, (u) => { u.sections.terms = u.sections.terms!.map((b, i) => (i === 0 ? 0xff : b)) })
      expectNewsdexError(load(bytes), 'E_CORRUPT')
    })

    it.each<[string, (stats: [number, number, number][]) => void]>([
      ["a term's posting byte length one too long (lengths no longer add up)", (s) => { s[0]![1] += 1 }],
      ["a term's posting byte length one too short", (s) => { s[s.length - 1]![1] = Math.max(0, s[s.length - 1]![1] - 1) }],
      ["a term's frequency byte length one too long", (s) => { s[0]![2] += 1 }],
      ['posting byte lengths moved between terms in a way that still adds up to more than the data', (s) => { s[0]![1] += 2; s[1]![1] = Math.max(0, s[1]![1] - 1) }],
      ['a df of 0', (s) => { s[0]![0] = 0 }],
      ['a df of documents + 1', (s) => { s[0]![0] = documents + 1 }],
      ['a huge df', (s) => { s[0]![0] = 2 ** 40 }],
    ])('termStats with %s', (_what, change) => {
      const bytes = tamper(good, (u) => {
        const stats = termStats(u)
        change(stats)
        u.sections.termStats = varints(stats.flat())
      })
      expectNewsdexError(load(bytes), 'E_CORRUPT')
    })

    it.each<[string, (bytes: Uint8Array) => Uint8Array]>([
      ['termStats cut short by one byte', (b) => b.subarray(0, b.length - 1)],
      ['termStats with a number that never ends (nine continuation bytes)', (b) => Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...b.subarray(1)])],
    ])('%s', (_what, change) => {
      expectNewsdexError(load(tamper(good, (u) => { u.sections.termStats = change(u.sections.termStats!) })), 'E_CORRUPT')
    })

    it.each<[string, number[]]>([
      ['a date with month 0', [dateNumber(2020, 0, 5), dateNumber(2020, 1, 3), 0]],
      ['a date with month 13', [dateNumber(2020, 13, 5), dateNumber(2020, 1, 3), 0]],
      ['a date with day 0', [dateNumber(2020, 6, 0), dateNumber(2020, 1, 3), 0]],
      ['a date in year 10000', [dateNumber(10000, 1, 1), dateNumber(2020, 1, 3), 0]],
      ['a date number of 1 (year 0, month 0, day 0)', [1, dateNumber(2020, 1, 3), 0]],
      ['a huge date number', [2 ** 50, dateNumber(2020, 1, 3), 0]],
      ['one date missing', [dateNumber(2020, 6, 23), dateNumber(2020, 1, 3)]],
      ['no dates at all', []],
    ])('dates with %s', (_what, dates) => {
      expectNewsdexError(load(tamper(good, (u) => { u.sections.dates = varints(dates) })), 'E_CORRUPT')
    })

    it('the dates forging is sound: valid dates written the same way load and are used', () => {
      const loaded = NewsIndex.load(tamper(good, (u) => { u.sections.dates = varints([dateNumber(1999, 12, 31), dateNumber(2020, 1, 3), 0]) }))
      expect(loaded.get('a')!.date).toBe('1999-12-31')
    })

    it.each<[string, (b: Uint8Array) => Uint8Array]>([
      ['lengths cut in half', (b) => b.subarray(0, Math.floor(b.length / 2))],
      ['no lengths', () => new Uint8Array()],
      ['lengths ending in the middle of a number', (b) => Uint8Array.from([...b.subarray(0, b.length - 1), 0x80])],
    ])('%s', (_what, change) => {
      expectNewsdexError(load(tamper(good, (u) => { u.sections.lengths = change(u.sections.lengths!) })), 'E_CORRUPT')
    })

    it.each<[string, unknown]>([
      ['values that are not JSON', '{"source":'],
      ['values that are an array', [['AP'], ['Baghdad'], ['IQ']]],
      ['values that are null', null],
      ['a missing country list', { source: ['AP', 'Reuters', 'AFP'], location: ['Baghdad', 'Tehran'] }],
      ['a source list that is a string', { source: 'AP', location: ['Baghdad', 'Tehran'], country: ['IQ', 'US', 'IR'] }],
      ['a numeric source value', { source: ['AP', 7, 'AFP'], location: ['Baghdad', 'Tehran'], country: ['IQ', 'US', 'IR'] }],
      ['a dictionary too small for the references', { source: ['AP', 'Reuters'], location: ['Baghdad', 'Tehran'], country: ['IQ', 'US', 'IR'] }],
    ])('%s', (what, values) => {
      const bytes = tamper(good, (u) => { u.sections.values = what.includes('not JSON') ? text.encode(values as string) : json(values) })
      expectNewsdexError(load(bytes), 'E_CORRUPT')
    })

    it.each<[string, (refs: number[][][]) => void]>([
      ['a source reference one past the dictionary', (r) => { r[0]![2] = [3] }],
      ['a huge location reference', (r) => { r[1]![0] = [2 ** 40] }],
      ['more country references than the dictionary holds', (r) => { r[2]![1] = [0, 1, 2, 0] }],
    ])('value refs with %s', (_what, change) => {
      expectNewsdexError(load(tamper(good, (u) => { const refs = valueRefs(u); change(refs); u.sections.valueRefs = writeRefs(refs) })), 'E_CORRUPT')
    })

    it('value refs cut short', () => {
      expectNewsdexError(load(tamper(good, (u) => { u.sections.valueRefs = u.sections.valueRefs!.subarray(0, u.sections.valueRefs!.length - 2) })), 'E_CORRUPT')
    })

    it('a values dictionary with a repeated value → E_CORRUPT (not an article whose source is [undefined])', () => {
      const bytes = tamper(good, (u) => { u.sections.values = json({ source: ['AP', 'AP', 'AFP'], location: ['Baghdad', 'Tehran'], country: ['IQ', 'US', 'IR'] }) })
      const error = newsdexErrorOf(load(bytes), 'repeated value')
      if (error) return expect(error.code).toBe('E_CORRUPT')
      const loaded = NewsIndex.load(bytes)
      const response = loaded.search('', { facets: ['source'], limit: 10 })
      for (const hit of response.hits) for (const s of hit.article.source) expect(typeof s, `source of ${hit.id}`).toBe('string')
    })

    it('value refs repeating a value within one article → E_CORRUPT (not a facet that counts one article twice)', () => {
      const bytes = tamper(good, (u) => { const refs = valueRefs(u); refs[0]![0] = [0, 0]; u.sections.valueRefs = writeRefs(refs) })
      const error = newsdexErrorOf(load(bytes), 'repeated refs')
      if (error) return expect(error.code).toBe('E_CORRUPT')
      const response = NewsIndex.load(bytes).search('', { facets: ['source'], limit: 10 })
      const ap = response.facets.source!.find((f) => f.value === 'AP')!
      expect(ap.count).toBe(response.hits.filter((h) => h.article.source.includes('AP')).length)
    })
  })

  describe('display and text sections of a one-file index', () => {
    const display = parseSection(goodUnpacked.sections['display-0']!) as unknown[]

    it.each<[string, unknown]>([
      ['display records that are not JSON', '[["Rocket"'],
      ['one display record too few', display.slice(1)],
      ['one display record too many', [...display, ['x', null, null]]],
      ['a display record that is a string', ['Rocket', ...display.slice(1)]],
      ['a display record with a numeric title', [[7, null, null], ...display.slice(1)]],
      ['a display record whose meta holds a number', [display[0], ['Drone strike', 'https://example.com/b', { author: 1 }], display[2]]],
      ['a display record whose meta is an array', [display[0], ['Drone strike', 'https://example.com/b', ['Jane']], display[2]]],
    ])('%s → E_CORRUPT at load', (what, records) => {
      const bytes = tamper(good, (u) => { u.sections['display-0'] = what.includes('not JSON') ? text.encode(records as string) : json(records) })
      expectNewsdexError(load(bytes), 'E_CORRUPT')
    })

    it('a missing display chunk → E_CORRUPT at load', () => {
      expectNewsdexError(load(tamper(good, (u) => { delete u.sections['display-0'] })), 'E_CORRUPT')
    })

    it('a missing text chunk (every text-0 section) → E_CORRUPT at load', () => {
      expectNewsdexError(load(tamper(good, (u) => { for (const name of Object.keys(u.sections)) if (name.startsWith('text-')) delete u.sections[name] })), 'E_CORRUPT')
    })

    it('each text section missing alone → E_CORRUPT at load, or at first use of the text (get, highlight, phrase)', () => {
      const names = Object.keys(goodUnpacked.sections).filter((n) => n.startsWith('text-'))
      expect(names.length).toBeGreaterThan(0)
      for (const name of names) {
        const bytes = tamper(good, (u) => { delete u.sections[name] })
        const atLoad = newsdexErrorOf(load(bytes), `without ${name}`)
        if (atLoad) {
          expect(atLoad.code).toBe('E_CORRUPT')
          continue
        }
        const index = NewsIndex.load(bytes)
        const error = newsdexErrorOf(() => { index.get('a'); index.search('rocket', SEARCH); index.search('"baghdad airport"', SEARCH) }, `without ${name}`)
        expect(error?.code, `without ${name}: nothing noticed`).toBe('E_CORRUPT')
      }
    })

    it('a text section replaced by garbage of the same length → a NewsdexError (E_CORRUPT) at load or at first use, never another error', () => {
      const names = Object.keys(goodUnpacked.sections).filter((n) => n.startsWith('text-'))
      for (const name of names) {
        const bytes = tamper(good, (u) => { u.sections[name] = new Uint8Array(u.sections[name]!.length).fill(0xff) })
        const atLoad = newsdexErrorOf(load(bytes), `garbage ${name}`)
        if (atLoad) {
          expect(atLoad.code).toBe('E_CORRUPT')
          continue
        }
        const index = NewsIndex.load(bytes)
        const error = newsdexErrorOf(() => { for (const a of SMALL) index.get(a.id); index.search('rocket', SEARCH); index.search('"baghdad airport"', SEARCH) }, `garbage ${name}`)
        // An empty section filled with nothing stays valid; any real content turned to 0xff must be noticed.
        if (goodUnpacked.sections[name]!.length > 0) expect(error?.code, `garbage ${name}: nothing noticed`).toBe('E_CORRUPT')
      }
    })
  })

  describe('posting bytes, decoded lazily: E_CORRUPT at load or at search, never another error', () => {
    it.each<[string, (u: Unpacked) => void]>([
      ['document gaps that are all ones (the unary codes never end)', (u) => { u.sections.postingDocs!.fill(0xff) }],
      ['frequencies that are all zero (postings with no occurrence)', (u) => { u.sections.postingTfs!.fill(0) }],
      ['frequencies that are all 0xff (numbers that never end)', (u) => { u.sections.postingTfs!.fill(0xff) }],
      ["a term's frequency bytes given to its neighbour (lengths still add up)", (u) => {
        const stats = termStats(u)
        const total = stats[0]![2] + stats[1]![2]
        stats[0]![2] = 0
        stats[1]![2] = total
        u.sections.termStats = varints(stats.flat())
      }],
    ])('%s', (what, change) => {
      expectCorruptAtLoadOrSearch(load(tamper(good, change)), what)
    })

    it('any forged section (random edits, checksums re-computed) gives a NewsdexError or an index whose searches throw nothing else (property)', () => {
      const names = Object.keys(goodUnpacked.sections)
      fc.assert(
        fc.property(
          fc.constantFrom(...names),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
          (name, edits) => {
            const size = goodUnpacked.sections[name]!.length
            fc.pre(size > 0)
            const bytes = tamper(good, (u) => {
              const section = u.sections[name]!
              // The terms section is edited within ASCII: non-UTF-8 terms are the known bug above.
              for (const [at, xor] of edits) section[at % size]! ^= name === 'terms' ? xor & 0x7f || 1 : xor
            })
            const atLoad = newsdexErrorOf(() => NewsIndex.load(bytes), `forged ${name} (load)`)
            if (atLoad) return
            const index = NewsIndex.load(bytes)
            for (const query of EVERYTHING) newsdexErrorOf(() => index.search(query, SEARCH), `forged ${name} (search '${query}')`)
            for (const a of SMALL) newsdexErrorOf(() => index.get(a.id), `forged ${name} (get '${a.id}')`)
            newsdexErrorOf(() => index.suggest('a'), `forged ${name} (suggest)`)
            newsdexErrorOf(() => index.serialize(), `forged ${name} (serialize)`)
          },
        ),
        { numRuns: 600 },
      )
    })
  })

  describe('parts with valid checksums, given to addPart()', () => {
    const fresh = () => NewsIndex.load(goodParts.search!)

    it('the untouched parts add cleanly and the index answers like the whole one', () => {
      const index = fresh()
      for (const [name, bytes] of Object.entries(goodParts)) if (name !== 'search') index.addPart(bytes)
      expect(answers(index)).toEqual(answers(smallIndex()))
    })

    it.each<[string, (u: Unpacked) => void]>([
      ['chunkLengths that do not add up', (u) => { const v = readVarints(u.sections.chunkLengths!); v[0]! += 1; u.sections.chunkLengths = varints(v) }],
      ['chunkLengths cut short', (u) => { u.sections.chunkLengths = u.sections.chunkLengths!.subarray(0, u.sections.chunkLengths!.length - 1) }],
      ['no chunkLengths section', (u) => { delete u.sections.chunkLengths }],
      ['no ranks section', (u) => { delete u.sections.ranks }],
      ['a build of another index', (u) => { u.meta = { ...u.meta, build: 'another' } }],
      ['an unknown part kind', (u) => { u.meta = { ...u.meta, part: 'stuff' } }],
    ])('a positions part with %s → E_CORRUPT', (_what, change) => {
      expectNewsdexError(() => fresh().addPart(tamper(goodParts.positions!, change)), 'E_CORRUPT')
    })

    it.each<[string, (u: Unpacked) => void]>([
      ['ranks that are all 0xff', (u) => { u.sections.ranks!.fill(0xff) }],
      ['ranks that are all zero', (u) => { u.sections.ranks!.fill(0) }],
    ])('a positions part with %s → E_CORRUPT at addPart or at the first phrase search', (what, change) => {
      const forged = tamper(goodParts.positions!, change)
      expectCorruptAtLoadOrSearch(() => {
        const index = fresh()
        index.addPart(forged)
        return index
      }, what)
    })

    it.each<[string, (u: Unpacked) => void]>([
      ['a chunk number past the last chunk', (u) => { u.meta = { ...u.meta, chunk: 1 } }],
      ['a negative chunk number', (u) => { u.meta = { ...u.meta, chunk: -1 } }],
      ['no chunk number', (u) => { u.meta = { ...u.meta, chunk: undefined } }],
      ['a chunk count unlike the articles', (u) => { u.meta = { ...u.meta, chunks: 2 } }],
      ['no display section', (u) => { delete u.sections.display }],
      ['one record too few', (u) => { u.sections.display = json((parseSection(u.sections.display!) as unknown[]).slice(1)) }],
      ['records that are not JSON', (u) => { u.sections.display = text.encode('[[') }],
    ])('a display part with %s → E_CORRUPT', (_what, change) => {
      expectNewsdexError(() => fresh().addPart(tamper(goodParts['display-0']!, change)), 'E_CORRUPT')
    })

    it.each<[string, (u: Unpacked) => void]>([
      ['a chunk number past the last chunk', (u) => { u.meta = { ...u.meta, chunk: 5 } }],
      ['a build of another index', (u) => { u.meta = { ...u.meta, build: 'another' } }],
      ['no sections at all', (u) => { u.sections = {} }],
    ])('a text part with %s → E_CORRUPT', (_what, change) => {
      expectNewsdexError(() => fresh().addPart(tamper(goodParts['text-0']!, change)), 'E_CORRUPT')
    })
  })

  it('does not let __proto__ keys pollute prototypes, in meta, options, values or display fields', () => {
    const meta = JSON.parse(JSON.stringify(goodUnpacked.meta).replace(/^\{/, '{"__proto__":{"polluted":"meta"},').replace('"options":{', '"options":{"__proto__":{"analyzer":"simple","polluted":"options"},'))
    const bytes = tamper(good, (u) => {
      u.meta = meta
      u.sections.values = text.encode(utf8.decode(u.sections.values!).replace(/^\{/, '{"__proto__":{"polluted":"values","source":["X"]},'))
      u.sections['display-0'] = text.encode(utf8.decode(u.sections['display-0']!).replace('{"author":"Jane"}', '{"__proto__":{"polluted":"meta-field"},"author":"Jane"}'))
    })
    let loaded: NewsIndex | undefined
    try {
      loaded = NewsIndex.load(bytes)
    } catch (error) {
      expect(error).toBeInstanceOf(NewsdexError)
      expect((error as NewsdexError).code).toBe('E_CORRUPT')
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    if (loaded) {
      expect(loaded.options).toEqual({ boost: { title: 2, body: 1 }, analyzer: 'english' })
      expect(loaded.get('a')).toEqual(SMALL[0])
      expect((loaded.get('b')!.meta as Record<string, unknown>).polluted).toBeUndefined()
      expect(answers(loaded)).toEqual(answers(smallIndex()))
    }
  })
})
