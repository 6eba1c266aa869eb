/**
 * A served index stays within its cache budget (`cacheBytes`) over 10,000 distinct queries with
 * snippets: words, pairs, prefixes, typos, phrases and filters, on a synthetic archive, the whole
 * index loaded and the split one opened part by part. Asserted after every query on
 * `stats().cache`, which counts what the cache holds.
 */
import { describe, expect, it } from 'vitest'
import { NewsIndex as WritableNewsIndex } from '../../src/indexer.js'
import { NewsIndex } from '../../src/index.js'
import { GENERATED_VOCABULARY, generateArticles, mulberry32 } from '../helpers.js'

const QUERIES = 10_000

/** `count` distinct queries of the generated vocabulary, seeded. */
function distinctQueries(count: number): string[] {
  const random = mulberry32(2026)
  const word = (): string => GENERATED_VOCABULARY[Math.floor(random() * GENERATED_VOCABULARY.length)]!
  const forms: (() => string)[] = [
    () => word(),
    () => `${word()} ${word()}`,
    () => `${word()} ${word()} ${word()}`,
    () => `"${word()} ${word()}"`,
    () => `${word().slice(0, 3)}`,
    () => `${word()} ${word().slice(0, 4)}`,
    // A typo: two letters swapped.
    () => {
      const w = word()
      return w.length < 4 ? w : `${w[1]}${w[0]}${w.slice(2)}`
    },
    () => `${word()} -${word()}`,
    () => `${word()} OR ${word()}`,
    () => `source:AP ${word()}`,
    () => `${word()} date:${2019 + Math.floor(random() * 3)}`,
  ]
  const seen = new Set<string>()
  while (seen.size < count) seen.add(forms[Math.floor(random() * forms.length)]!())
  return [...seen]
}

describe(`a served index over ${QUERIES.toLocaleString('en-US')} distinct queries with snippets`, () => {
  const source = new WritableNewsIndex()
  source.addAll(generateArticles(800, 17))
  const queries = distinctQueries(QUERIES)

  it('are distinct', () => {
    expect(new Set(queries).size).toBe(QUERIES)
  })

  it('never holds more than cacheBytes in its cache', () => {
    const budget = 128 * 1024
    const index = NewsIndex.load(source.serialize(), { cacheBytes: budget })
    let most = 0
    let hits = 0
    for (const query of queries) {
      const response = index.search(query, { limit: 10, facets: ['source'] })
      hits += response.hits.filter((hit) => hit.highlight !== undefined).length
      const { bytes, limit } = index.stats().cache
      expect(limit).toBe(budget)
      if (bytes > budget) expect.fail(`${bytes} bytes held after '${query}', over ${budget}`)
      most = Math.max(most, bytes)
    }
    // The budget was reached (so entries were evicted) and snippets were made all along.
    expect(most).toBeGreaterThan(budget * 0.75)
    expect(hits).toBeGreaterThan(QUERIES * 5)
  }, 120_000)

  it('the split index, its parts fetched as searches need them, keeps within its budget too', async () => {
    const budget = 256 * 1024
    const parts = source.serializeParts()
    const fetch = async (url: string | URL | Request): Promise<Response> => {
      const name = String(url) === 'news.idx' ? 'search' : String(url).slice('news.idx.'.length)
      return new Response(parts[name]!.slice())
    }
    const index = await NewsIndex.open('news.idx', { fetch: fetch as typeof globalThis.fetch, cacheBytes: budget })
    for (const query of queries) {
      await index.searchAsync(query, { limit: 10 })
      const { bytes } = index.stats().cache
      if (bytes > budget) expect.fail(`${bytes} bytes held after '${query}', over ${budget}`)
    }
  }, 120_000)
})
