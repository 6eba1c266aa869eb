import { describe, expect, it } from 'vitest'
import { decodeContainer } from '../../src/format/container.js'
import { NewsdexError, NewsIndex } from '../../src/indexer.js'
import type { Store } from '../../src/engine/store/store.js'
import type { Article, SearchOptions, SearchResponse } from '../../src/types.js'
import { expectNewsdexError, generateArticles, makeArticle, normalized } from '../helpers.js'

// ---------------------------------------------------------------------------------------------
// A generated archive of 700 articles: three chunks of 256 (0–255, 256–511, 512–699).

const CHUNK = 256
const ARTICLES: Article[] = generateArticles(700, 42)
const plant = (i: number, body: string, title?: string): void => {
  const a = ARTICLES[i]!
  a.body += `\n\n${body}`
  if (title !== undefined) a.title = title
}
// 'rocket' only in chunks 1 and 2 (the generated vocabulary holds nothing that matches it)
plant(300, 'A rocket hit the camp.')
plant(301, 'Another rocket fell near the bridge.')
plant(310, 'The rocket, officials said, was old.')
plant(400, 'Rocket fire was heard.')
plant(650, 'Rocket fire again: one rocket, then a second rocket.', 'Rocket strike on the port')
// the phrase "baghdad airport" only in chunk 0; both words, not as the phrase, in chunks 2
plant(20, 'Flights left Baghdad airport at dawn.')
plant(530, 'The airport was closed. Baghdad was calm.')
plant(600, 'Near the airport, Baghdad officials said nothing.')

const chunkOf = (id: string): number => Math.floor(ARTICLES.findIndex((a) => a.id === id) / CHUNK)

function fullIndex(articles: readonly Article[] = ARTICLES): NewsIndex {
  const index = new NewsIndex()
  index.addAll(articles)
  return index
}

const FULL = fullIndex()
const PARTS = FULL.serializeParts({ chunkSize: CHUNK })


/** What the search part alone must answer: everything but titles, urls, meta and highlights. */
/** What the search part alone must answer as the whole index does (a partial index also says which parts its hits lack). */
function searchView(response: SearchResponse): unknown {
  const n = normalized(response)
  return {
    total: n.total,
    facets: n.facets,
    query: { ...n.query, diagnostics: n.query.diagnostics.filter((d) => d.code !== 'missing-part') },
    hits: n.hits.map((h) => ({ id: h.id, score: h.score, matches: h.matches, date: h.article.date, source: h.article.source, location: h.article.location, country: h.article.country })),
  }
}

const QUERIES = ['', 'rocket', 'rock', 'rockt', 'minister', 'minis', 'oil prices', 'talks -militia', 'oil OR wheat', 'title:storm', 'source:AP', 'location:basra', 'date:2020-06', 'country:IQ border', 'zzz']
const OPTIONS: SearchOptions[] = [
  { limit: 20, facets: ['source', 'location', 'country', 'year', 'month'] },
  { limit: 5, offset: 3, sort: 'newest', facets: ['year'] },
  { limit: 50, sort: 'oldest', match: 'any', filter: { country: 'IQ', date: { from: '2020-01-01', to: '2020-12-31' } } },
]
const PHRASES = ['"baghdad airport"', '"airport baghdad"', '"rocket fire"', '"fire rocket"', 'title:"rocket strike"', '"oil prices"', '-"baghdad airport" airport']

function searchOnly(): NewsIndex {
  return NewsIndex.load(PARTS.search!)
}

function withAllParts(): NewsIndex {
  const index = searchOnly()
  for (const [name, bytes] of Object.entries(PARTS)) if (name !== 'search') index.addPart(bytes)
  return index
}

// ---------------------------------------------------------------------------------------------

describe('serializeParts()', () => {
  it("returns 'search', 'positions', 'display-<i>' and 'text-<i>' for each chunk of 256 articles, and a pack of them", () => {
    expect(Object.keys(PARTS).sort()).toEqual(['display-0', 'display-1', 'display-2', 'pack-0', 'positions', 'search', 'text-0', 'text-1', 'text-2'])
    for (const [name, bytes] of Object.entries(PARTS)) {
      const meta = decodeContainer(bytes).meta as Record<string, unknown>
      expect(meta.part, name).toBe(name.replace(/-\d+$/, ''))
      if (/^(display|text)-\d+$/.test(name)) expect(meta.chunk, name).toBe(Number(name.split('-')[1]))
      expect(meta.build, name).toBe((decodeContainer(PARTS.search!).meta as Record<string, unknown>).build)
    }
  })

  it.each([0, 1, 255, 256, 257, 512, 513])('%i articles → ⌈n / 256⌉ display and text chunks', (n) => {
    const parts = fullIndex(ARTICLES.slice(0, n)).serializeParts({ chunkSize: CHUNK })
    const chunks = Math.ceil(n / CHUNK)
    expect(Object.keys(parts).filter((k) => k.startsWith('display-')).sort()).toEqual(Array.from({ length: chunks }, (_, i) => `display-${i}`).sort())
    expect(Object.keys(parts).filter((k) => k.startsWith('text-')).sort()).toEqual(Array.from({ length: chunks }, (_, i) => `text-${i}`).sort())
    expect(parts.search).toBeDefined()
    expect(parts.positions).toBeDefined()
  })

  it('has chunks of 256 articles by default, and of chunkSize articles when asked', () => {
    const chunkSizeOf = (parts: Record<string, Uint8Array>): number => (decodeContainer(parts.search!).meta as { chunkSize: number }).chunkSize
    const index = fullIndex(ARTICLES.slice(0, 300))
    expect(chunkSizeOf(index.serializeParts())).toBe(256)
    const small = index.serializeParts({ chunkSize: 7 })
    expect(chunkSizeOf(small)).toBe(7)
    expect(Object.keys(small).filter((k) => k.startsWith('text-'))).toHaveLength(Math.ceil(300 / 7))
    // Any chunk size answers the same searches once its parts are added.
    const loaded = NewsIndex.load(small.search!)
    for (const [name, bytes] of Object.entries(small)) if (name !== 'search') loaded.addPart(bytes)
    expect(searchView(loaded.search('rocket'))).toEqual(searchView(index.search('rocket')))
  })

  it('refuses a chunk size that is not a whole number above 0', () => {
    for (const chunkSize of [0, -1, 1.5, Number.NaN, '8']) expectNewsdexError(() => fullIndex(ARTICLES.slice(0, 3)).serializeParts({ chunkSize } as never), 'E_INVALID_ARGUMENT', 'chunkSize')
  })

  it('is deterministic, and the search part is much smaller than the whole index', () => {
    expect(fullIndex().serializeParts({ chunkSize: CHUNK })).toEqual(PARTS)
    expect(PARTS.search!.length).toBeLessThan(FULL.serialize().length)
  })

  it('counts removed articles out of the chunks (parts are compacted like serialize())', () => {
    const index = fullIndex(ARTICLES.slice(0, 300))
    for (const a of ARTICLES.slice(0, 50)) index.remove(a.id)
    expect(Object.keys(index.serializeParts({ chunkSize: CHUNK })).filter((k) => k.startsWith('display-'))).toHaveLength(1)
  })
})

describe('NewsIndex.load(parts.search) and addPart()', () => {
  it('the search part alone answers with the same ids, scores, dates, sources, locations, countries and facets', () => {
    const index = searchOnly()
    expect(index.size).toBe(ARTICLES.length)
    expect(index.stats()).toEqual(FULL.stats())
    for (const query of QUERIES) {
      for (const options of OPTIONS) {
        const response = index.search(query, options)
        expect(searchView(response), `${query} ${JSON.stringify(options)}`).toEqual(searchView(FULL.search(query, options)))
        for (const hit of response.hits) {
          expect(hit.article.title, hit.id).toBe('')
          expect(hit.article.url).toBeUndefined()
          expect(hit.article.meta).toBeUndefined()
          expect(hit.highlight).toBeUndefined()
        }
      }
    }
    expect(index.search('rocket').total).toBe(5)
    expect(index.suggest('mini')).toEqual(FULL.suggest('mini'))
    const article = index.get('gen-0300')!
    expect(article).toMatchObject({ id: 'gen-0300', title: '', body: '', date: ARTICLES[300]!.date, source: ARTICLES[300]!.source })
  })

  it('a phrase never spans the end of a title and the start of its body, in every form of the index', () => {
    const built = fullIndex([
      makeArticle({ id: 'across', title: 'Strike on the port', body: 'Rocket fire followed.' }),
      makeArticle({ id: 'title', title: 'Port rocket test', body: 'Nothing else.' }),
      makeArticle({ id: 'body', title: 'Calm', body: 'The port rocket battery was quiet.' }),
    ])
    const parts = built.serializeParts({ chunkSize: CHUNK })
    const split = NewsIndex.load(parts.search!)
    split.addPart(parts.positions!)
    for (const [form, index] of [['built', built], ['one file', NewsIndex.load(built.serialize())], ['search + positions parts', split]] as const) {
      expect(index.search('"port rocket"').hits.map((h) => h.id).sort(), form).toEqual(['body', 'title'])
      expect(index.search('title:"port rocket"').hits.map((h) => h.id), form).toEqual(['title'])
      expect(index.search('body:"port rocket"').hits.map((h) => h.id), form).toEqual(['body'])
    }
  })

  it('without positions a phrase never misses a match; after addPart(positions) phrases are exact', () => {
    const index = searchOnly()
    for (const phrase of PHRASES) {
      const full = FULL.search(phrase, { limit: 1000 })
      const partial = index.search(phrase, { limit: 1000 })
      if (!phrase.startsWith('-')) expect(partial.hits.map((h) => h.id), phrase).toEqual(expect.arrayContaining(full.hits.map((h) => h.id)))
    }
    // It says so: phrases matched as their words, and hits without titles or text.
    const said = index.search('"baghdad airport"').query.diagnostics.filter((d) => d.code === 'missing-part').map((d) => d.message)
    expect(said).toEqual([
      'part positions not loaded: phrases matched as words (searchAsync() fetches it)',
      expect.stringMatching(/^parts (?:display|text)-\d+(?:, (?:display|text)-\d+)* not loaded: hits lack titles or snippets/),
    ])
    index.addPart(PARTS.positions!)
    for (const phrase of PHRASES) expect(searchView(index.search(phrase, { limit: 1000 })), phrase).toEqual(searchView(FULL.search(phrase, { limit: 1000 })))
    expect(index.search('"baghdad airport"').query.diagnostics.map((d) => d.message)).not.toContain(said[0])
    expect(index.search('"baghdad airport"').hits.map((h) => h.id)).toEqual(['gen-0020'])
    expect(index.search('"airport baghdad"').hits.map((h) => h.id)).toEqual(['gen-0600'])
    // still no titles or highlights
    expect(index.search('"baghdad airport"').hits[0]!.article.title).toBe('')
  })

  it('after the display chunks, hits have their titles, urls and meta; after the text chunks, highlights identical to the full index', () => {
    const index = searchOnly()
    index.addPart(PARTS.positions!)
    index.addPart(PARTS['display-1']!)
    const rocket = index.search('rocket')
    for (const hit of rocket.hits) {
      const expected = FULL.search('rocket').hits.find((h) => h.id === hit.id)!
      if (chunkOf(hit.id) === 1) expect(hit.article).toEqual(expected.article)
      else expect(hit.article.title).toBe('')
      expect(hit.highlight).toBeUndefined()
    }
    index.addPart(PARTS['text-1']!)
    for (const hit of index.search('rocket').hits) {
      if (chunkOf(hit.id) === 1) expect(hit.highlight).toEqual(FULL.search('rocket').hits.find((h) => h.id === hit.id)!.highlight)
      else expect(hit.highlight).toBeUndefined()
    }
    for (const name of ['display-0', 'display-2', 'text-0', 'text-2']) index.addPart(PARTS[name]!)
    for (const query of [...QUERIES, ...PHRASES]) {
      for (const options of [...OPTIONS, { limit: 30, highlight: { tags: ['[', ']'], snippets: 3, snippetLength: 60 } } satisfies SearchOptions]) {
        expect(normalized(index.search(query, options)), `${query} ${JSON.stringify(options)}`).toEqual(normalized(FULL.search(query, options)))
      }
    }
    for (const article of ARTICLES.filter((_, i) => i % 37 === 0)) expect(index.get(article.id)).toEqual(article)
  })

  it('parts can be added in any order, and twice, with the same result', () => {
    const index = searchOnly()
    const names = Object.keys(PARTS).filter((n) => n !== 'search').reverse()
    for (const name of [...names, ...names]) index.addPart(PARTS[name]!)
    for (const query of [...QUERIES, ...PHRASES]) expect(normalized(index.search(query, OPTIONS[0]))).toEqual(normalized(FULL.search(query, OPTIONS[0])))
  })

  it('all parts together answer like the one-file index and like the in-memory one', () => {
    const index = withAllParts()
    const loaded = NewsIndex.load(FULL.serialize())
    for (const query of [...QUERIES, ...PHRASES]) {
      expect(normalized(index.search(query, OPTIONS[0]))).toEqual(normalized(loaded.search(query, OPTIONS[0])))
    }
  })
})

describe('serializeParts({ packBytes }) and addPart() of a pack', () => {
  /** The names of a pack's sections. */
  const sectionsOf = (bytes: Uint8Array): string[] => [...decodeContainer(bytes).sections.keys()]
  const packsOf = (parts: Record<string, Uint8Array>): string[] => Object.keys(parts).filter((name) => name.startsWith('pack-'))

  it('packs hold the chunks again, in order, each closed once it holds packBytes; the search part counts them', () => {
    const textSections = ['codes', 'cases', 'literals', 'gaps', 'gapStrings', 'index']
    const chunk = (i: number): string[] => [`display-${i}`, ...textSections.map((name) => `text-${i}.${name}`)]
    // The default (1 MiB) takes these 3 chunks in one pack.
    expect(sectionsOf(PARTS['pack-0']!)).toEqual([...chunk(0), ...chunk(1), ...chunk(2)])
    expect(decodeContainer(PARTS.search!).meta).toMatchObject({ packs: 1 })
    expect(decodeContainer(PARTS['pack-0']!).meta).toMatchObject({ part: 'pack', chunks: 3 })
    // A byte a pack: one chunk each.
    const one = FULL.serializeParts({ chunkSize: CHUNK, packBytes: 1 })
    expect(packsOf(one)).toEqual(['pack-0', 'pack-1', 'pack-2'])
    for (let i = 0; i < 3; i++) expect(sectionsOf(one[`pack-${i}`]!)).toEqual(chunk(i))
    expect(decodeContainer(one.search!).meta).toMatchObject({ packs: 3 })
    // Just over the first chunk's bytes: the first two chunks, then the third.
    const first = (['display-0', 'text-0'] as const).reduce((sum, name) => sum + [...decodeContainer(PARTS[name]!).sections.values()].reduce((s, b) => s + b.length, 0), 0)
    const two = FULL.serializeParts({ chunkSize: CHUNK, packBytes: first + 1 })
    expect(sectionsOf(two['pack-0']!)).toEqual([...chunk(0), ...chunk(1)])
    expect(sectionsOf(two['pack-1']!)).toEqual(chunk(2))
    // None with packBytes 0, nor for one chunk; the search part then counts none.
    for (const parts of [FULL.serializeParts({ chunkSize: CHUNK, packBytes: 0 }), fullIndex(ARTICLES.slice(0, CHUNK)).serializeParts({ chunkSize: CHUNK })]) {
      expect(packsOf(parts)).toEqual([])
      expect(decodeContainer(parts.search!).meta).not.toHaveProperty('packs')
    }
    // The chunks and the search part's sections are the same with or without packs.
    const none = FULL.serializeParts({ chunkSize: CHUNK, packBytes: 0 })
    for (const name of Object.keys(none)) if (name !== 'search') expect(Buffer.from(none[name]!).equals(Buffer.from(PARTS[name]!)), name).toBe(true)
    for (const packBytes of [-1, 1.5, Number.NaN, '8']) expectNewsdexError(() => FULL.serializeParts({ packBytes } as never), 'E_INVALID_ARGUMENT', 'packBytes')
  })

  it('an index given its packs (and positions) answers as the whole index, with titles and snippets', () => {
    for (const packBytes of [1, 1 << 20]) {
      const parts = FULL.serializeParts({ chunkSize: CHUNK, packBytes })
      const index = NewsIndex.load(parts.search!)
      index.addPart(parts.positions!)
      for (const name of packsOf(parts)) index.addPart(parts[name]!)
      const whole = NewsIndex.load(FULL.serialize())
      for (const query of [...QUERIES, ...PHRASES]) {
        const response = index.search(query, OPTIONS[0])
        expect(response.query.diagnostics.map((d) => d.code), query).not.toContain('missing-part')
        expect(normalized(response), query).toEqual(normalized(whole.search(query, OPTIONS[0])))
      }
    }
  })

  it('a chunk loaded on its own, then again in a pack, stays as it was', () => {
    const index = withAllParts()
    index.addPart(PARTS['pack-0']!)
    for (const query of QUERIES) expect(normalized(index.search(query, OPTIONS[0]))).toEqual(normalized(withAllParts().search(query, OPTIONS[0])))
  })

  it('a pack does not read again a chunk whose display and text are in; a chunk in only in part is read again', () => {
    const index = searchOnly()
    for (const name of ['display-0', 'text-0', 'display-1']) index.addPart(PARTS[name]!)
    const store = (index as unknown as { store: Store }).store
    const [display0, text0, display1] = [store.displayOf(0), store.text._chunks[0], store.displayOf(CHUNK)]
    index.addPart(PARTS['pack-0']!)
    expect(store.displayOf(0)).toBe(display0)
    expect(store.text._chunks[0]).toBe(text0)
    // Chunk 1 lacked its text: the pack's chunk is read, display and all.
    expect(store.displayOf(CHUNK)).not.toBe(display1)
    expect(store.displayOf(CHUNK)).toEqual(display1)
    expect(store.text._chunks[1]).toBeDefined()
    index.addPart(PARTS.positions!)
    for (const query of QUERIES) expect(normalized(index.search(query, OPTIONS[0]))).toEqual(normalized(withAllParts().search(query, OPTIONS[0])))
  })

  it('a pack of another build → E_CORRUPT; a pack cannot be loaded alone (E_NOT_AN_INDEX)', () => {
    const other = fullIndex(generateArticles(700, 43)).serializeParts({ chunkSize: CHUNK })
    const index = searchOnly()
    expectNewsdexError(() => index.addPart(other['pack-0']!), 'E_CORRUPT', 'another build')
    expect(index.search('rocket').hits[0]!.article.title).toBe('')
    expectNewsdexError(() => NewsIndex.load(PARTS['pack-0']!), 'E_NOT_AN_INDEX')
  })
})

describe('addPart() and load(): parts that do not belong', () => {
  it('a part from another build → E_CORRUPT', () => {
    const other = fullIndex(generateArticles(700, 43)).serializeParts({ chunkSize: CHUNK })
    const index = searchOnly()
    for (const name of ['positions', 'display-0', 'display-2', 'text-1']) expectNewsdexError(() => index.addPart(other[name]!), 'E_CORRUPT', 'another build')
    // one article less is another build too
    const smaller = fullIndex(ARTICLES.slice(0, 699)).serializeParts({ chunkSize: CHUNK })
    expectNewsdexError(() => index.addPart(smaller.positions!), 'E_CORRUPT')
    expectNewsdexError(() => index.addPart(smaller['display-0']!), 'E_CORRUPT')
    // and nothing of them was taken in
    expect(index.search('rocket').hits[0]!.article.title).toBe('')
  })

  it('a positions part from a build with the same words in another order → E_CORRUPT (not wrong phrase answers)', () => {
    const build = (body: string): Record<string, Uint8Array> => fullIndex([makeArticle({ id: 'x', title: 'Report', body }), makeArticle({ id: 'y', title: 'Other', body: 'calm day' })]).serializeParts({ chunkSize: CHUNK })
    const a = build('attack rocket')
    const b = build('rocket attack')
    const index = NewsIndex.load(a.search!)
    const error = (() => {
      try {
        index.addPart(b.positions!)
        return null
      } catch (e) {
        return e
      }
    })()
    if (error) return expect((error as NewsdexError).code).toBe('E_CORRUPT')
    expect(index.search('"attack rocket"').hits.map((h) => h.id)).toEqual(['x'])
  })

  it.each(['positions', 'display-0', 'display-2', 'text-0', 'text-2'])("load() of the '%s' part → E_NOT_AN_INDEX", (name) => {
    expectNewsdexError(() => NewsIndex.load(PARTS[name]!), 'E_NOT_AN_INDEX')
  })

  it('adding parts to a fully loaded index, or to a new one → E_INVALID_ARGUMENT', () => {
    const loaded = NewsIndex.load(FULL.serialize())
    expectNewsdexError(() => loaded.addPart(PARTS.positions!), 'E_INVALID_ARGUMENT')
    expectNewsdexError(() => loaded.addPart(PARTS['display-0']!), 'E_INVALID_ARGUMENT')
    expectNewsdexError(() => FULL.addPart(PARTS['text-0']!), 'E_INVALID_ARGUMENT')
    expectNewsdexError(() => new NewsIndex().addPart(PARTS.positions!), 'E_INVALID_ARGUMENT')
  })

  it('adding the search part (or a whole index) to a search part → E_INVALID_ARGUMENT', () => {
    expectNewsdexError(() => searchOnly().addPart(PARTS.search!), 'E_INVALID_ARGUMENT')
    const whole = searchOnly()
    const error = (() => { try { whole.addPart(FULL.serialize()); return null } catch (e) { return e } })()
    expect(error).toBeInstanceOf(NewsdexError)
    expect(['E_INVALID_ARGUMENT', 'E_CORRUPT']).toContain((error as NewsdexError).code)
  })

  it('garbage given to addPart → a NewsdexError, and the index is unharmed', () => {
    const index = searchOnly()
    expectNewsdexError(() => index.addPart(new TextEncoder().encode('hello')), 'E_NOT_AN_INDEX')
    expectNewsdexError(() => index.addPart(PARTS['display-0']!.subarray(0, 100)), 'E_CORRUPT')
    expect(searchView(index.search('rocket'))).toEqual(searchView(FULL.search('rocket')))
  })

  it('a loaded search part is read-only: add() and remove() → E_INVALID_ARGUMENT, and nothing changes', () => {
    const index = searchOnly()
    expectNewsdexError(() => index.add(makeArticle({ id: 'new', title: 'Rocket', body: 'rocket' })), 'E_INVALID_ARGUMENT')
    expectNewsdexError(() => index.remove('gen-0300'), 'E_INVALID_ARGUMENT')
    expect(index.size).toBe(ARTICLES.length)
    expect(index.has('new')).toBe(false)
    expect(index.has('gen-0300')).toBe(true)
    expect(searchView(index.search('rocket'))).toEqual(searchView(FULL.search('rocket')))
    // still read-only with only some of its parts
    index.addPart(PARTS.positions!)
    index.addPart(PARTS['display-0']!)
    expectNewsdexError(() => index.add(makeArticle({ id: 'new' })), 'E_INVALID_ARGUMENT')
  })

  it('a search part with all of its text but not all of its display fields is still read-only', () => {
    const index = searchOnly()
    for (const [name, part] of Object.entries(PARTS)) if (name.startsWith('text-') || name === 'display-0') index.addPart(part)
    expectNewsdexError(() => index.add(makeArticle({ id: 'new' })), 'E_INVALID_ARGUMENT', 'display')
    expect(index.has('new')).toBe(false)
  })

  it('a search part cannot be serialized again without its positions or text (E_INVALID_ARGUMENT), rather than losing data', () => {
    expectNewsdexError(() => searchOnly().serialize(), 'E_INVALID_ARGUMENT')
  })

  it('a search part with only its positions cannot be serialized into an index that has lost its titles and bodies', () => {
    const index = searchOnly()
    index.addPart(PARTS.positions!)
    let bytes: Uint8Array
    try {
      bytes = index.serialize()
    } catch (error) {
      expect(error).toBeInstanceOf(NewsdexError)
      return
    }
    expect(NewsIndex.load(bytes).get('gen-0300')).toEqual(ARTICLES[300])
  })
})

// ---------------------------------------------------------------------------------------------

const URL_BASE = 'https://cdn.example/news/index.ndx'

/** A fake `fetch` serving the parts from a map (`url`, `url.positions`, `url.display-0`…), recording every URL asked for. */
function fakeServer(parts: Record<string, Uint8Array> = PARTS) {
  const files = new Map<string, Uint8Array>(Object.entries(parts).map(([name, bytes]) => [name === 'search' ? URL_BASE : `${URL_BASE}.${name}`, bytes]))
  const fetched: string[] = []
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    init?.signal?.throwIfAborted()
    fetched.push(url)
    // Answer later, so that concurrent searches overlap.
    await new Promise((resolve) => setTimeout(resolve, 2))
    const bytes = files.get(url)
    return bytes ? new Response(bytes.slice(), { status: 200 }) : new Response('not found', { status: 404, statusText: 'Not Found' })
  }) as typeof globalThis.fetch
  /** The part names fetched since `from`, sorted. */
  const since = (from: number): string[] => fetched.slice(from).map((u) => (u === URL_BASE ? 'search' : u.slice(URL_BASE.length + 1))).sort()
  return { files, fetched, fetch, since }
}

/** The part names a page of hits needs: display (and text, unless no highlight) of each hit's chunk. */
function chunksFor(response: SearchResponse, withText = true): string[] {
  const chunks = [...new Set(response.hits.map((h) => chunkOf(h.id)))]
  return chunks.flatMap((c) => (withText ? [`display-${c}`, `text-${c}`] : [`display-${c}`])).sort()
}

describe('NewsIndex.open(url, { fetch }) and searchAsync()', () => {
  it('fetches only the search part at open, and answers search() from it', async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    expect(server.fetched).toEqual([URL_BASE])
    expect(index.size).toBe(ARTICLES.length)
    expect(searchView(index.search('rocket'))).toEqual(searchView(FULL.search('rocket')))
    expect(server.fetched).toEqual([URL_BASE])
  })

  it('opens a whole index (one file) and searches it, phrases included, fetching nothing more', async () => {
    const server = fakeServer({ search: FULL.serialize() })
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    for (const query of ['"oil prices"', 'rocket', '"unheard of phrase"']) {
      expect(searchView(await index.searchAsync(query))).toEqual(searchView(FULL.search(query)))
    }
    expect(server.fetched).toEqual([URL_BASE])
  })

  it('preload() fetches the packs, in order, one at a time, and nothing else; then no search needs a fetch', async () => {
    const parts = FULL.serializeParts({ chunkSize: CHUNK, packBytes: 1 })
    const server = fakeServer(parts)
    let inFlight = 0
    let most = 0
    const fetchCounting = (async (...args: Parameters<typeof fetch>) => {
      most = Math.max(most, ++inFlight)
      try {
        return await server.fetch(...args)
      } finally {
        inFlight--
      }
    }) as typeof fetch
    const index = await NewsIndex.open(URL_BASE, { fetch: fetchCounting })
    await index.preload()
    expect(most).toBe(1)
    expect(server.fetched.slice(1)).toEqual(['pack-0', 'pack-1', 'pack-2'].map((name) => `${URL_BASE}.${name}`))
    const after = server.fetched.length
    for (const query of ['rocket', 'oil prices', 'militia']) {
      const response = await index.searchAsync(query)
      expect(response.query.diagnostics.map((d) => d.code)).not.toContain('missing-part')
      expect(searchView(response)).toEqual(searchView(FULL.search(query)))
    }
    expect(server.fetched.length).toBe(after)
    // A search meanwhile fetches its own chunks beside the packs.
    const busy = fakeServer(parts)
    const racing = await NewsIndex.open(URL_BASE, { fetch: busy.fetch })
    const preloading = racing.preload()
    expect(searchView(await racing.searchAsync('rocket'))).toEqual(searchView(FULL.search('rocket')))
    expect(busy.since(1).filter((name) => !name.startsWith('pack-'))).toEqual(['display-1', 'display-2', 'text-1', 'text-2'])
    expect(busy.since(1)).toContain('pack-0')
    await preloading
    // A whole index, and a build without packs, have nothing to preload.
    for (const search of [FULL.serialize(), FULL.serializeParts({ chunkSize: CHUNK, packBytes: 0 }).search!]) {
      const plain = fakeServer({ search })
      await (await NewsIndex.open(URL_BASE, { fetch: plain.fetch })).preload()
      expect(plain.fetched).toEqual([URL_BASE])
    }
    // An index loaded from its search part with load() (no fetcher) has nothing to fetch: it resolves.
    await expect(NewsIndex.load(FULL.serializeParts({ chunkSize: CHUNK }).search!).preload()).resolves.toBeUndefined()
    // An aborted signal stops it.
    const stopped = await NewsIndex.open(URL_BASE, { fetch: fakeServer().fetch })
    await expect(stopped.preload(AbortSignal.abort(new Error('stop')))).rejects.toThrow('stop')
  })

  it("searchAsync('rocket') fetches only the display and text chunks of the hits shown", async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const expected = FULL.search('rocket')
    expect(chunksFor(expected)).toEqual(['display-1', 'display-2', 'text-1', 'text-2'])
    const response = await index.searchAsync('rocket')
    expect(server.since(1)).toEqual(chunksFor(expected))
    expect(normalized(response)).toEqual(normalized(expected))
    expect(response.hits.every((h) => h.article.title !== '' && h.highlight !== undefined)).toBe(true)
    // again: nothing more to fetch
    await index.searchAsync('rocket')
    expect(server.fetched).toHaveLength(1 + 4)
  })

  it('fetches only the chunks of the page shown (limit, offset), and no text without highlights', async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const top = FULL.search('rocket', { limit: 1 })
    expect(top.hits.map((h) => h.id)).toEqual(['gen-0650'])
    expect(normalized(await index.searchAsync('rocket', { limit: 1, highlight: false }))).toEqual(normalized(FULL.search('rocket', { limit: 1, highlight: false })))
    expect(server.since(1)).toEqual(['display-2'])
    const page = FULL.search('rocket', { limit: 2, offset: 1 })
    expect(normalized(await index.searchAsync('rocket', { limit: 2, offset: 1 }))).toEqual(normalized(page))
    expect(server.since(1)).toEqual([...new Set(['display-2', ...chunksFor(page)])].sort())
  })

  it("searchAsync('\"baghdad airport\"') also fetches the positions, and the phrase is exact", async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const response = await index.searchAsync('"baghdad airport"')
    expect(response.hits.map((h) => h.id)).toEqual(['gen-0020'])
    expect(normalized(response)).toEqual(normalized(FULL.search('"baghdad airport"')))
    expect(server.since(1)).toEqual(['display-0', 'positions', 'text-0'])
  })

  it('a negated phrase needs the positions too', async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const response = await index.searchAsync('airport -"baghdad airport"', { highlight: false })
    expect(normalized(response)).toEqual(normalized(FULL.search('airport -"baghdad airport"', { highlight: false })))
    expect(server.since(1)).toContain('positions')
  })

  it('fetches each part at most once, even with concurrent searches', async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const queries = ['rocket', 'rocket', '"baghdad airport"', '"baghdad airport"', 'minister', 'rocket', '"rocket fire"', 'oil OR wheat', '']
    const responses = await Promise.all(queries.map((q) => index.searchAsync(q, { limit: 20 })))
    responses.forEach((response, i) => expect(normalized(response), queries[i]).toEqual(normalized(FULL.search(queries[i]!, { limit: 20 }))))
    const counts = new Map<string, number>()
    for (const url of server.fetched) counts.set(url, (counts.get(url) ?? 0) + 1)
    for (const [url, count] of counts) expect(count, url).toBe(1)
    expect(counts.has(`${URL_BASE}.positions`)).toBe(true)
    // a second round fetches nothing
    const before = server.fetched.length
    await Promise.all(queries.map((q) => index.searchAsync(q, { limit: 20 })))
    expect(server.fetched).toHaveLength(before)
  })

  it('a 404 at open → NewsdexError E_IO', async () => {
    const server = fakeServer()
    const error = await NewsIndex.open(`${URL_BASE}.missing`, { fetch: server.fetch }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NewsdexError)
    expect((error as NewsdexError).code).toBe('E_IO')
    expect((error as NewsdexError).message).toContain('404')
  })

  it('an aborted signal drops searchAsync: it rejects with the reason, and the parts asked for still arrive, once', async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const reason = new Error('a newer keystroke')
    await expect(index.searchAsync('rocket', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(server.fetched).toEqual([URL_BASE])
    const controller = new AbortController()
    const stale = index.searchAsync('rocket', { signal: controller.signal })
    controller.abort(reason)
    await expect(stale).rejects.toBe(reason)
    const fresh = await index.searchAsync('rocket')
    expect(normalized(fresh)).toEqual(normalized(FULL.search('rocket')))
    expect(new Set(server.fetched).size).toBe(server.fetched.length)
    expect(server.since(1)).toEqual(chunksFor(fresh))
  })

  it('open() with an aborted signal rejects without loading', async () => {
    const server = fakeServer()
    const reason = new Error('page left')
    await expect(NewsIndex.open(URL_BASE, { fetch: server.fetch, signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(server.fetched).toEqual([])
  })

  it('a 404 for a part → searchAsync rejects with E_IO; once the part is back, a retry fetches it and succeeds', async () => {
    const server = fakeServer()
    const index = await NewsIndex.open(URL_BASE, { fetch: server.fetch })
    const saved = server.files.get(`${URL_BASE}.display-2`)!
    server.files.delete(`${URL_BASE}.display-2`)
    const error = await index.searchAsync('rocket').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NewsdexError)
    expect((error as NewsdexError).code).toBe('E_IO')
    // the synchronous search still works
    expect(searchView(index.search('rocket'))).toEqual(searchView(FULL.search('rocket')))
    server.files.set(`${URL_BASE}.display-2`, saved)
    expect(normalized(await index.searchAsync('rocket'))).toEqual(normalized(FULL.search('rocket')))
  })

  it('a server answering with something that is not an index → E_NOT_AN_INDEX at open; a part of another build → E_CORRUPT at searchAsync', async () => {
    const server = fakeServer()
    server.files.set(URL_BASE, new TextEncoder().encode('<!doctype html><title>Not here</title>'))
    const error = await NewsIndex.open(URL_BASE, { fetch: server.fetch }).catch((e: unknown) => e)
    expect((error as NewsdexError).code).toBe('E_NOT_AN_INDEX')

    const mixed = fakeServer()
    mixed.files.set(`${URL_BASE}.display-1`, fullIndex(generateArticles(700, 43)).serializeParts({ chunkSize: CHUNK })['display-1']!)
    const index = await NewsIndex.open(URL_BASE, { fetch: mixed.fetch })
    const failure = await index.searchAsync('rocket').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(NewsdexError)
    expect((failure as NewsdexError).code).toBe('E_CORRUPT')
  })
})
