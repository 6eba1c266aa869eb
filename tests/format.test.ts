import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NewsdexError, NewsIndex } from '../src/index.js'
import { decodeContainer, encodeContainer, encodeJsonSection, FORMAT_VERSION, MAGIC, PREAMBLE } from '../src/format/container.js'
import { crc32 } from '../src/format/crc32.js'
import type { Article, NewsIndexOptions, SearchOptions, SearchResponse } from '../src/types.js'
import { catchNewsdexError, expectNewsdexError, makeArticle } from './helpers.js'

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

/**
 * A response with `hit.matches` in term order and scores to 12 significant digits. MiniSearch walks
 * its term tree in a different order in a built and in a loaded index, so the (unordered) matches come
 * in another order and a score summed over several terms can differ in its last bit.
 */
function normalized(response: SearchResponse): SearchResponse {
  return {
    ...response,
    hits: response.hits.map((hit) => ({
      ...hit,
      score: Number(hit.score.toPrecision(12)),
      matches: [...hit.matches].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)),
    })),
  }
}

/** Everything an index answers for a fixed set of queries: ids, scores, highlights, facets, totals. */
function answers(index: NewsIndex, queries: readonly string[] = QUERIES, options: SearchOptions = SEARCH): SearchResponse[] {
  return queries.map((query) => normalized(index.search(query, options)))
}

const text = new TextEncoder()

/** A file with valid checksums around whatever sections and meta we like (strings are raw section text). */
function forge(meta: unknown, sections: Record<string, unknown>): Uint8Array {
  return encodeContainer(meta, Object.fromEntries(Object.entries(sections).map(([name, value]) => [name, typeof value === 'string' ? text.encode(value) : encodeJsonSection(value)])))
}

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

/** The meta and JSON sections of a serialized index, decoded, to be tampered with and forged back. */
function parts(bytes: Uint8Array): { meta: Record<string, unknown>; articles: Record<string, unknown>[]; engine: Record<string, unknown> } {
  const { meta, sections } = decodeContainer(bytes)
  const json = (name: string): unknown => JSON.parse(new TextDecoder().decode(sections.get(name)))
  return { meta: meta as Record<string, unknown>, articles: json('articles') as Record<string, unknown>[], engine: json('engine') as Record<string, unknown> }
}

function headerLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true)
}

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

// ---------------------------------------------------------------------------------------------

describe('serialize() → NewsIndex.load(): round trip', () => {
  it('answers every query exactly as the original', () => {
    const index = smallIndex()
    const loaded = NewsIndex.load(index.serialize())
    expect(answers(loaded)).toEqual(answers(index))
    expect(loaded.size).toBe(index.size)
    expect(loaded.stats()).toEqual(index.stats())
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
  })

  it('stores the options, so load() needs none: a custom boost and analyzer survive', () => {
    const custom = smallIndex({ boost: { title: 7, body: 0.5 }, analyzer: 'simple' })
    const loaded = NewsIndex.load(custom.serialize())
    expect(loaded.options).toEqual({ boost: { title: 7, body: 0.5 }, analyzer: 'simple' })
    expect(answers(loaded)).toEqual(answers(custom))
    // and the options matter: a default index scores differently
    expect(answers(smallIndex())).not.toEqual(answers(custom))
  })

  it('carries the format name and version', () => {
    const bytes = smallIndex().serialize()
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('NDEX')
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(4, true)).toBe(FORMAT_VERSION)
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength(bytes))))).toMatchObject({ format: 'newsdex', version: FORMAT_VERSION })
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
  })
})

describe('NewsIndex.load(): data that is not an index', () => {
  it.each([
    ['empty data', new Uint8Array()],
    ['three bytes', new Uint8Array([0x4e, 0x44, 0x45])],
    ['text', text.encode('hello, this is not an index at all')],
    ['JSON', text.encode(JSON.stringify({ format: 'newsdex', version: 1 }))],
    ['a wrong magic', (() => { const b = smallIndex().serialize(); b[3] = 0x59; return b })()],
    ['the magic alone', text.encode('NDEX')],
  ])('%s → E_NOT_AN_INDEX', (_what, data) => {
    expectNewsdexError(() => NewsIndex.load(data), 'E_NOT_AN_INDEX')
  })

  it.each([['a string', 'NDEX'], ['null', null], ['a number', 42], ['a plain array', [78, 68, 69, 88]]])('%s instead of bytes → E_NOT_AN_INDEX', (_what, value) => {
    expectNewsdexError(() => NewsIndex.load(value as unknown as Uint8Array), 'E_NOT_AN_INDEX')
  })

  it('rejects any text that does not start with the magic (property)', () => {
    const ascii = fc.oneof(fc.uint8Array({ max: 0x7f, maxLength: 11 }), fc.uint8Array({ max: 0x7f, minLength: 12, maxLength: 300 }))
    fc.assert(fc.property(ascii, (bytes) => {
      fc.pre(new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
      expectNewsdexError(() => NewsIndex.load(bytes), 'E_NOT_AN_INDEX')
    }))
  })

  // BUG (src/format/container.ts decodeContainer): the magic is compared after decoding the first four
  // bytes with a *fatal* UTF-8 TextDecoder, so data starting with bytes that are not UTF-8 — a gzipped
  // index (1f 8b …), a JPEG (ff d8 ff …), any random binary — throws a TypeError ('The encoded data was
  // not valid for encoding utf-8') instead of a NewsdexError E_NOT_AN_INDEX.
  it.each([
    ['gzip data (an index fetched still compressed)', [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0, 0, 0, 0]],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0]],
    ['the magic with its last byte bit-flipped', [0x4e, 0x44, 0x45, 0xd8, 1, 0, 0, 0, 2, 0, 0, 0, 0x7b, 0x7d]],
  ])('rejects binary data that is not UTF-8 (%s) with E_NOT_AN_INDEX', (_what, bytes) => {
    expectNewsdexError(() => NewsIndex.load(new Uint8Array(bytes)), 'E_NOT_AN_INDEX')
  })

  it.each([0, 2, 3, 0xffff])('rejects format version %i with E_VERSION, naming the version', (version) => {
    const bytes = smallIndex().serialize()
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(4, version, true)
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_VERSION', String(version))
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
      // Bytes 0–3 (the magic) are left out: see the non-UTF-8 magic bug above.
      fc.property(fc.array(fc.tuple(fc.integer({ min: 4, max: original.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
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
      if (at >= 12 && at < headerEnd) continue
      // The top bit of a magic byte makes it non-UTF-8: see the non-UTF-8 magic bug above.
      for (let bit = 0; bit < (at < 4 ? 7 : 8); bit++) {
        const bytes = original.slice()
        bytes[at]! ^= 1 << bit
        expectRejectedOrIdentical(bytes, reference, `bit ${bit} of byte ${at}`)
      }
    }
  })

  // BUG (src/format/container.ts + NewsIndex.load): the JSON header, which holds the index options,
  // has no checksum. Flipping one bit of the stored boost ('"title":2' → '"title":3', '0' or '6') loads
  // without error and ranks differently (the score of 'rocket airport' changes). Expected: E_CORRUPT
  // (a checksum over the header too), never an index that answers differently.
  it('detects every single-bit flip in the header, or answers identically', () => {
    const original = smallIndex().serialize()
    const reference = answers(smallIndex())
    const headerEnd = PREAMBLE + headerLength(original)
    for (let at = 12; at < headerEnd; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const bytes = original.slice()
        bytes[at]! ^= 1 << bit
        expectRejectedOrIdentical(bytes, reference, `bit ${bit} of header byte ${at - 12} ('${String.fromCharCode(original[at]!)}')`)
      }
    }
  })
})

describe('NewsIndex.load(): hostile headers (E_CORRUPT)', () => {
  const body = smallIndex().serialize()

  it.each([
    ['a header that is not JSON', '{"format":'],
    ['a header that is not UTF-8', '\uFFFD'],
    ['a null header', 'null'],
    ['an array header', '[]'],
    ['a string header', '"newsdex"'],
    ['an empty object', '{}'],
    ['a wrong format name', '{"format":"minisearch","version":1,"meta":{},"sections":[]}'],
    ['a header version unlike the preamble', '{"format":"newsdex","version":2,"meta":{},"sections":[]}'],
    ['sections that are not a list', '{"format":"newsdex","version":1,"meta":{},"sections":{}}'],
    ['a section with a negative offset', '{"format":"newsdex","version":1,"meta":{},"sections":[{"name":"articles","offset":-1,"length":2,"crc32":0}]}'],
    ['a section with a fractional length', '{"format":"newsdex","version":1,"meta":{},"sections":[{"name":"articles","offset":0,"length":1.5,"crc32":0}]}'],
    ['a section with a string checksum', '{"format":"newsdex","version":1,"meta":{},"sections":[{"name":"articles","offset":0,"length":0,"crc32":"0"}]}'],
    ['a section past the end of the data', '{"format":"newsdex","version":1,"meta":{},"sections":[{"name":"articles","offset":0,"length":99999,"crc32":0}]}'],
    ['a section with a wrong checksum', '{"format":"newsdex","version":1,"meta":{"options":{},"articles":0},"sections":[{"name":"articles","offset":0,"length":2,"crc32":1}]}'],
    ['a header hidden behind __proto__', '{"__proto__":{"format":"newsdex","version":1,"meta":{},"sections":[]}}'],
    ['a valid header with no sections', '{"format":"newsdex","version":1,"meta":{"options":{},"articles":0},"sections":[]}'],
  ])('%s', (_what, header) => {
    const bytes = header === '\uFFFD' ? rawFile('x').map((b, i) => (i === 12 ? 0xff : b)) : rawFile(header, text.encode('[]'))
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_CORRUPT')
  })

  it('a header length that runs past the end of the data', () => {
    const bytes = body.slice()
    new DataView(bytes.buffer).setUint32(8, 0xffffffff, true)
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_CORRUPT')
  })
})

describe('NewsIndex.load(): hostile meta and sections with valid checksums (E_CORRUPT)', () => {
  const good = parts(smallIndex().serialize())
  const withEngine = (change: (engine: Record<string, unknown>) => void): Uint8Array => {
    const engine = structuredClone(good.engine)
    change(engine)
    return forge(good.meta, { articles: good.articles, engine })
  }

  it('the untouched parts, forged back, load (the forging itself is sound)', () => {
    expect(answers(NewsIndex.load(forge(good.meta, { articles: good.articles, engine: good.engine })))).toEqual(answers(smallIndex()))
  })

  it.each<[string, unknown]>([
    ['null meta', null],
    ['string meta', 'options'],
    ['an unknown analyzer', { options: { analyzer: 'klingon' }, articles: 3 }],
    ['a negative boost', { options: { boost: { title: -2 } }, articles: 3 }],
    ['a boost that is a string', { options: { boost: { title: '2' } }, articles: 3 }],
    ['null options', { options: null, articles: 3 }],
    ['an article count unlike the articles', { options: {}, articles: 2 }],
    ['a string article count', { options: {}, articles: '3' }],
  ])('meta with %s', (_what, meta) => {
    expectNewsdexError(() => NewsIndex.load(forge(meta, { articles: good.articles, engine: good.engine })), 'E_CORRUPT')
  })

  // BUG (src/engine/news-index.ts NewsIndex.load): `options` is passed to `new NewsIndex(options)`
  // without checking that it is an object, so a header whose options are a string, a number, an array
  // or missing loads as an index with default options instead of being rejected as E_CORRUPT.
  it.each<[string, unknown]>([
    ['a string', 'english'],
    ['a number', 42],
    ['an array', []],
    ['missing', undefined],
  ])('rejects index options that are %s', (_what, options) => {
    expectNewsdexError(() => NewsIndex.load(forge({ options, articles: 3 }, { articles: good.articles, engine: good.engine })), 'E_CORRUPT')
  })

  it.each<[string, unknown]>([
    ['an articles section that is not JSON', '[{"id":'],
    ['an articles section that is an object', { length: 3 }],
    ['an article without an id', [{ ...good.articles[0], id: undefined }, ...good.articles.slice(1)]],
    ['an article with a bad date', [{ ...good.articles[0], date: '23 June 2020' }, ...good.articles.slice(1)]],
    ['an article with a numeric body', [{ ...good.articles[0], body: 1 }, ...good.articles.slice(1)]],
    ['an article that is a string', ['a', ...good.articles.slice(1)]],
    ['a duplicate article id', [good.articles[0], good.articles[0], good.articles[2]]],
    ['an article id the term index does not know', [{ ...good.articles[0], id: 'zzz' }, ...good.articles.slice(1)]],
  ])('%s', (_what, articles) => {
    expectNewsdexError(() => NewsIndex.load(forge(good.meta, { articles, engine: good.engine })), 'E_CORRUPT')
  })

  it.each<[string, unknown]>([
    ['a missing engine section', undefined],
    ['an engine section that is not JSON', '{"documentCount":'],
    ['an engine section that is a number', 42],
    ['an engine that is an empty object', {}],
  ])('%s', (_what, engine) => {
    const sections: Record<string, unknown> = { articles: good.articles }
    if (engine !== undefined) sections.engine = engine
    expectNewsdexError(() => NewsIndex.load(forge(good.meta, sections)), 'E_CORRUPT')
  })

  it.each<[string, (engine: Record<string, unknown>) => void]>([
    ['a term index that is not a list', (e) => { e.index = 'nope' }],
    ['a document count unlike the articles', (e) => { e.documentCount = 2 }],
    ['document ids unlike the articles', (e) => { e.documentIds = { 0: 'a', 1: 'b', 2: 'zzz' } }],
    ['no document ids', (e) => { delete e.documentIds }],
  ])('an engine with %s', (_what, change) => {
    expectNewsdexError(() => NewsIndex.load(withEngine(change)), 'E_CORRUPT')
  })

  // BUG (src/engine/news-index.ts NewsIndex.load): the engine section is only checked for its document
  // count and ids; its postings and field statistics are trusted as they are. Each forged engine below
  // loads without error and then fails or lies at search time: empty fieldLength → search('rocket airport')
  // throws a TypeError (not a NewsdexError); non-numeric averageFieldLength or term frequencies → NaN scores.
  // Expected: E_CORRUPT at load ("never returns a half-working index").
  it.each<[string, (engine: Record<string, unknown>) => void]>([
    ['empty field lengths', (e) => { e.fieldLength = {} }],
    ['non-numeric average field lengths', (e) => { e.averageFieldLength = ['x', 'y'] }],
    ['non-numeric term frequencies', (e) => { e.index = (e.index as [string, unknown][]).map(([term]) => [term, { 0: { 0: 'x' } }]) }],
  ])('rejects an engine with %s at load', (_what, change) => {
    const bytes = withEngine(change)
    expectNewsdexError(() => NewsIndex.load(bytes), 'E_CORRUPT')
  })

  it('does not let __proto__ keys pollute prototypes, in meta, options or articles', () => {
    const meta = JSON.parse('{"__proto__":{"polluted":"meta"},"options":{"__proto__":{"analyzer":"simple","polluted":"options"},"boost":{"__proto__":{"title":9}}},"articles":3}')
    const articles = structuredClone(good.articles)
    articles[0] = JSON.parse(JSON.stringify(articles[0]).replace(/^\{/, '{"__proto__":{"polluted":"article","body":"hidden"},'))
    articles[1] = { ...articles[1], meta: JSON.parse('{"__proto__":{"polluted":"meta-field"},"author":"Jane"}') }
    let loaded: NewsIndex | undefined
    try {
      loaded = NewsIndex.load(forge(meta, { articles, engine: good.engine }))
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
