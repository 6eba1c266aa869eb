/**
 * Custom keyword fields (the `facets` index option): stored as value columns like `source`, so that
 * `filter: { category: 'sport' }` and `facets: ['category']` work, through serialize/load and the
 * split parts too.
 */
import { describe, expect, it } from 'vitest'
import { encodeContainer } from '../../src/format/container.js'
import { NewsIndex as RuntimeIndex } from '../../src/index.js'
import { NewsIndex } from '../../src/indexer.js'
import type { Article } from '../../src/types.js'
import { expectNewsdexError, makeArticle } from '../helpers.js'

/** BBC-like articles: a `category` per article, and `tags` on some. */
const BBC: Article[] = [
  makeArticle({ id: 'bbc-1', title: 'Shell boss payoff', body: 'The oil firm Shell is to pay $1m to its former finance chief.', date: '2005-01-04', keywords: { category: ['business'], tags: ['oil', 'pay'] } }),
  makeArticle({ id: 'bbc-2', title: 'Oil prices rise', body: 'Oil prices rose on Monday as supply fell.', date: '2005-02-01', keywords: { category: ['business'], tags: ['oil'] } }),
  makeArticle({ id: 'bbc-3', title: 'Wenger praises Henry', body: 'Arsenal manager Arsene Wenger praised Thierry Henry after the win.', date: '2005-02-10', keywords: { category: ['sport'] } }),
  // No keywords: the meta value of the same name is the category.
  makeArticle({ id: 'bbc-4', title: 'Oil firm football sponsorship', body: 'An oil firm will sponsor the football league.', date: '2005-03-01', meta: { category: 'Sport' } }),
  makeArticle({ id: 'bbc-5', title: 'Election date set', body: 'The prime minister set the election date.', date: '2005-04-05' }),
]

function bbcIndex(): NewsIndex {
  const index = new NewsIndex({ facets: ['category', 'tags'] })
  index.addAll(BBC)
  return index
}

const ids = (index: RuntimeIndex, query: string, filter: Record<string, string | string[]>): string[] => index.search(query, { filter, limit: 100 }).hits.map((h) => h.id).sort()

describe('custom keyword fields', () => {
  const index = bbcIndex()

  it('filter in the query string as source: does (category:sport, -tags:pay), loaded and from the search part too', async () => {
    const queryIds = (searched: RuntimeIndex, query: string): string[] => searched.search(query, { limit: 100 }).hits.map((h) => h.id).sort()
    const loaded = RuntimeIndex.load(index.serialize())
    for (const searched of [index, loaded]) {
      expect(queryIds(searched, 'category:sport')).toEqual(['bbc-3', 'bbc-4'])
      expect(queryIds(searched, 'oil Category:Business -tags:pay')).toEqual(['bbc-2'])
      expect(searched.search('category:sport').query.diagnostics).toEqual([])
      // A field the index does not have is searched as text.
      expect(searched.search('genre:sport').query.diagnostics.map((d) => d.code)).toEqual(['unknown-field'])
    }
    // searchAsync() parses on its own path; the search part alone filters.
    const searchPart = RuntimeIndex.load(index.serializeParts().search!)
    expect((await searchPart.searchAsync('category:sport', { limit: 100, highlight: false })).hits.map((h) => h.id).sort()).toEqual(['bbc-3', 'bbc-4'])
  })

  it('filter by a keyword value, any of several values, case- and diacritics-insensitively', () => {
    expect(ids(index, '', { category: 'business' })).toEqual(['bbc-1', 'bbc-2'])
    expect(ids(index, '', { category: 'SPORT' })).toEqual(['bbc-3', 'bbc-4'])
    expect(ids(index, '', { category: ['sport', 'business'] })).toEqual(['bbc-1', 'bbc-2', 'bbc-3', 'bbc-4'])
    expect(ids(index, 'oil', { category: 'business' })).toEqual(['bbc-1', 'bbc-2'])
    // Every field must hold.
    expect(ids(index, '', { category: 'business', tags: 'pay' })).toEqual(['bbc-1'])
    expect(ids(index, '', { category: 'politics' })).toEqual([])
  })

  it('facets count each value over all matches', () => {
    const response = index.search('', { facets: ['category', 'tags'], limit: 0 })
    expect(response.facets.category).toEqual([
      { value: 'business', count: 2 },
      { value: 'Sport', count: 1 },
      { value: 'sport', count: 1 },
    ])
    expect(response.facets.tags).toEqual([{ value: 'oil', count: 2 }, { value: 'pay', count: 1 }])
    expect(index.search('oil', { facets: ['category'] }).facets.category).toEqual([{ value: 'business', count: 2 }, { value: 'Sport', count: 1 }])
  })

  it('hits and get() carry the keyword values', () => {
    const hit = index.search('wenger').hits[0]!
    expect(hit.article.keywords).toEqual({ category: ['sport'], tags: [] })
    expect(index.get('bbc-4')!.keywords).toEqual({ category: ['Sport'], tags: [] })
    expect(index.get('bbc-4')!.meta).toEqual({ category: 'Sport' })
  })

  it('an index without keyword fields gives articles no keywords, and ignores filters and facets by other names', () => {
    const plain = new NewsIndex()
    plain.addAll(BBC)
    expect(plain.get('bbc-1')!.keywords).toBeUndefined()
    expect(ids(plain, 'oil', { category: 'business' })).toEqual(['bbc-1', 'bbc-2', 'bbc-4'])
    expect(plain.search('', { facets: ['category'] }).facets.category).toEqual([])
  })

  it('survive serialize() and load(), in the runtime and the indexer', () => {
    for (const loaded of [RuntimeIndex.load(index.serialize()), NewsIndex.load(index.serialize())]) {
      expect(loaded.options.facets).toEqual(['category', 'tags'])
      expect(ids(loaded, '', { category: 'sport' })).toEqual(['bbc-3', 'bbc-4'])
      expect(loaded.search('', { facets: ['category', 'tags'] }).facets).toEqual(index.search('', { facets: ['category', 'tags'] }).facets)
      expect(loaded.get('bbc-1')!.keywords).toEqual({ category: ['business'], tags: ['oil', 'pay'] })
    }
  })

  it('survive the split parts: the search part alone filters and counts them', () => {
    const parts = index.serializeParts()
    const loaded = RuntimeIndex.load(parts.search!)
    expect(ids(loaded, 'oil', { tags: 'oil' })).toEqual(['bbc-1', 'bbc-2'])
    expect(loaded.search('', { facets: ['tags'] }).facets.tags).toEqual([{ value: 'oil', count: 2 }, { value: 'pay', count: 1 }])
  })

  it('a loaded index can be changed and written again with its keyword fields', () => {
    const loaded = NewsIndex.load(index.serialize())
    loaded.remove('bbc-1')
    loaded.add(makeArticle({ id: 'bbc-6', title: 'Tennis final', body: 'The final went to five sets.', keywords: { category: ['sport'] } }))
    const again = RuntimeIndex.load(loaded.serialize())
    expect(ids(again, '', { category: 'sport' })).toEqual(['bbc-3', 'bbc-4', 'bbc-6'])
    expect(ids(again, '', { tags: 'pay' })).toEqual([])
    expect(again.search('', { facets: ['category'] }).facets.category).toEqual([
      { value: 'sport', count: 2 },
      { value: 'Sport', count: 1 },
      { value: 'business', count: 1 },
    ])
  })

  it('refuses bad names and bad values', () => {
    expectNewsdexError(() => new NewsIndex({ facets: ['source'] }), 'E_INVALID_ARGUMENT', "'source' is a built-in field")
    expectNewsdexError(() => new NewsIndex({ facets: ['year'] }), 'E_INVALID_ARGUMENT', "'year'")
    expectNewsdexError(() => new NewsIndex({ facets: ['__proto__'] }), 'E_INVALID_ARGUMENT', 'invalid facets')
    expectNewsdexError(() => new NewsIndex({ facets: ['two words'] }), 'E_INVALID_ARGUMENT', 'invalid facets')
    expectNewsdexError(() => new NewsIndex({ facets: 'category' as unknown as string[] }), 'E_INVALID_ARGUMENT', 'invalid facets')
    const fresh = new NewsIndex({ facets: ['category'] })
    expectNewsdexError(() => fresh.add(makeArticle({ id: 'x', title: 'x', keywords: { category: 'sport' as unknown as string[] } })), 'E_INVALID_ARGUMENT', 'keywords.category must be an array of strings')
    expectNewsdexError(() => fresh.add(makeArticle({ id: 'x', title: 'x', keywords: [] as unknown as Record<string, string[]> })), 'E_INVALID_ARGUMENT', 'keywords must be an object')
    // A name every object has ('constructor') would be read from Object.prototype: refused.
    expectNewsdexError(() => new NewsIndex({ facets: ['constructor'] }), 'E_INVALID_ARGUMENT', 'invalid facets')
  })

  it('a header whose keyword fields do not match its value sections is corrupt', () => {
    // The search sections of an index with keyword fields, under a header that names one more.
    const bytes = index.serialize()
    const view = new DataView(bytes.buffer, bytes.byteOffset)
    const headerLength = view.getUint32(8, true)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength)))
    const body = bytes.subarray(16 + headerLength)
    const sections = Object.fromEntries(header.sections.map((s: { name: string; offset: number; length: number }) => [s.name, body.subarray(s.offset, s.offset + s.length)]))
    const withMeta = (facets: string[]): Uint8Array => encodeContainer({ ...header.meta, options: { ...header.meta.options, facets } }, sections)
    expect(RuntimeIndex.load(withMeta(['category', 'tags'])).size).toBe(BBC.length)
    expectNewsdexError(() => RuntimeIndex.load(withMeta(['category', 'tags', 'topic'])), 'E_CORRUPT', "section 'values'")
    expectNewsdexError(() => RuntimeIndex.load(withMeta(['category'])), 'E_CORRUPT', "section 'valueRefs'")
    expectNewsdexError(() => RuntimeIndex.load(withMeta(['source'])), 'E_CORRUPT')
    expectNewsdexError(() => RuntimeIndex.load(withMeta(['__proto__'])), 'E_CORRUPT')
    // Not a list: refused with the header's options (nothing else is checked before the sections).
    expectNewsdexError(() => RuntimeIndex.load(withMeta(5 as unknown as string[])), 'E_CORRUPT', 'index options')
    expectNewsdexError(() => RuntimeIndex.load(withMeta('category' as unknown as string[])), 'E_CORRUPT')
  })
})
