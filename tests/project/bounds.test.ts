/**
 * The bounds of DESIGN.md ("Bounds") that no other suite asserts on counts: each is given an
 * adversarial input, and the test counts the work done (posting lists read, compares, hits
 * highlighted, characters scanned or analyzed), never the time it takes. The other bounds' tests
 * are named in that section.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseArticle } from '../../src/article/parse-article.js'
import { MAX_LIMIT } from '../../src/engine/rank.js'
import { Store } from '../../src/engine/store/store.js'
import { inSequence } from '../../src/engine/store/in-sequence.js'
import { StoredText } from '../../src/engine/store/stored-text.js'
import { topK } from '../../src/engine/top-k.js'
import { NewsIndex } from '../../src/indexer.js'
import { MAX_EXPANSIONS } from '../../src/terms/term-lookup.js'
import { makeArticle } from '../helpers.js'

const work = vi.hoisted(() => ({ located: 0, sourced: 0, analyzed: 0 }))
vi.mock('../../src/extract/locations.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/extract/locations.js')>()
  return {
    ...original,
    extractLocations: (text: string, ...rest: unknown[]) => {
      work.located += text.length
      return (original.extractLocations as (...args: unknown[]) => unknown)(text, ...rest)
    },
  }
})
vi.mock('../../src/extract/sources.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/extract/sources.js')>()
  return {
    ...original,
    extractSources: (text: string) => {
      work.sourced += text.length
      return original.extractSources(text)
    },
  }
})
vi.mock('../../src/analysis/analyzer.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/analysis/analyzer.js')>()
  return {
    ...original,
    analyze: (text: string, preset?: Parameters<typeof original.analyze>[1]) => {
      work.analyzed += text.length
      return original.analyze(text, preset)
    },
  }
})

afterEach(() => {
  vi.restoreAllMocks()
  work.located = work.sourced = work.analyzed = 0
})

/** An ArrayLike whose element reads are counted. */
function counted<T>(items: readonly T[], reads: { n: number }): ArrayLike<T> {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++
      return Reflect.get(target, key, receiver)
    },
  })
}

describe('per query', () => {
  it(`a prefix with thousands of completions reads the postings of at most ${MAX_EXPANSIONS} of them`, () => {
    const index = new NewsIndex()
    // 3,000 completions of 'zq', each in one article.
    for (let i = 0; i < 3000; i++) index.add(makeArticle({ id: `a${i}`, title: `zq${i.toString(36)}x`, body: 'filler text' }))
    const reads = vi.spyOn(Store.prototype, 'postings')
    const response = index.search('zq', { highlight: false })
    expect(response.query.diagnostics.map((d) => d.code)).toContain('too-many-expansions')
    // Each page hit looks its matched terms up again (lists already read): distinct lists are counted.
    expect(new Set(reads.mock.calls.map(([entry]) => entry)).size).toBeLessThanOrEqual(MAX_EXPANSIONS)
    expect(response.total).toBe(MAX_EXPANSIONS)
  })

  it('a phrase is checked in at most 2 × (tokens + terms) compares, on text and a phrase that repeat one word', () => {
    const reads = { n: 0 }
    const text = Array<string>(100_000).fill('a')
    const phrase = [...Array<string>(500).fill('a'), 'b']
    expect(inSequence(counted(text, reads), counted(phrase, reads) as readonly string[])).toBe(false)
    // A naive scan reads about 100,000 × 500 elements here.
    expect(reads.n).toBeLessThanOrEqual(2 * 2 * (text.length + phrase.length))
    const found = { n: 0 }
    expect(inSequence(counted([...text, 'b'], found), counted(phrase, found) as readonly string[])).toBe(true)
    expect(found.n).toBeLessThanOrEqual(2 * 2 * (text.length + 1 + phrase.length))
  })

  it('a phrase is checked only on the articles that hold its rarest word', () => {
    const index = new NewsIndex()
    for (let i = 0; i < 500; i++) index.add(makeArticle({ id: `a${i}`, title: 'T', body: `ab cd ef ${i % 50 === 0 ? 'rare' : ''}` }))
    const checks = vi.spyOn(StoredText.prototype, 'phraseIn')
    // 201 words, within the 1,024 characters of a query.
    const phrase = `"${Array(100).fill('ab cd').join(' ')} rare"`
    expect(phrase.length).toBeLessThan(1024)
    expect(index.search(phrase).total).toBe(0)
    expect(checks.mock.calls.length).toBe(10)
  })

  it(`a limit of 10^9 returns ${MAX_LIMIT} hits, says so, and highlights no more than it returns`, () => {
    const index = new NewsIndex()
    for (let i = 0; i < 3000; i++) index.add(makeArticle({ id: `a${i}`, title: `Rocket ${i}`, body: `A rocket fell on day ${i}. Nothing else happened.` }))
    const highlighted = vi.spyOn(StoredText.prototype, 'bodyTokens')
    const response = index.search('rocket', { limit: 1e9 })
    expect(response.total).toBe(3000)
    expect(response.hits).toHaveLength(MAX_LIMIT)
    expect(response.query.diagnostics).toContainEqual({ code: 'limit-capped', message: `limit cut to ${MAX_LIMIT}`, offset: 0 })
    expect(highlighted.mock.calls.length).toBe(MAX_LIMIT)
    // Paging on past the cap still works.
    expect(index.search('rocket', { limit: 10, offset: 2995 }).hits).toHaveLength(5)
  })

  it.each([
    ['ascending', (i: number) => i],
    ['descending', (i: number) => -i],
  ])('picks the first k of n items in O(n log k) compares, items in %s order', (_order, key) => {
    const n = 100_000
    const items = Array.from({ length: n }, (_, i) => key(i))
    for (const k of [10, 1000, 10 * n]) {
      let compares = 0
      const top = topK(items, k, (a, b) => {
        compares++
        return a - b
      })
      expect(top).toEqual([...items].sort((a, b) => a - b).slice(0, k))
      // One compare against the kth best so far per item, and sorts of at most 2k + 1 items each
      // time k more have come in: about 2 log2(2k) compares per item at most.
      expect(compares).toBeLessThanOrEqual(n * (1 + 2 * Math.ceil(Math.log2(2 * Math.min(k, n) + 2))))
    }
  })
})

describe('per article', () => {
  it('extraction scans at most the first 1,000,000 characters of a 5 MB article', () => {
    const body = `BAGHDAD (Reuters) - A rocket fell near the airport. ${'The talks went on in Paris and London. '.repeat(130_000)}`
    expect(body.length).toBeGreaterThan(5_000_000)
    const article = parseArticle(JSON.stringify({ title: 'Rocket', body }), { path: 'big.json' })
    expect(article.location).toContain('Baghdad')
    expect(work.located).toBeGreaterThan(0)
    expect(work.located).toBeLessThanOrEqual(1_000_000 + 'Rocket\n\n'.length)
    expect(work.sourced).toBeLessThanOrEqual(1_000_000 + 'Rocket\n\n'.length)
  })

  it('indexing analyzes an article once: its title and body characters, no more', () => {
    const index = new NewsIndex()
    const body = 'word '.repeat(200_000)
    index.add(makeArticle({ id: 'a', title: 'A title', body }))
    expect(work.analyzed).toBe('A title'.length + body.length)
  })
})
