/**
 * Ranked retrieval: `match: 'any'` ordered by BM25F score (never by how many terms matched), the
 * word's forms pooled as in a stemmed index, stopwords, long requests with a bounded cost, and a
 * search box that never collapses while a word is typed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeTerms } from '../../src/analysis/analyzer.js'
import { budgetClauses, MAX_QUERY_TERMS, MAX_TYPO_TERMS } from '../../src/engine/query-budget.js'
import { SortedTerms } from '../../src/terms/sorted-terms.js'
import type { TermEntry } from '../../src/engine/store/store.js'
import { NewsIndex } from '../../src/indexer.js'
import { parseQuery } from '../../src/query/parse-query.js'
import { planQuery } from '../../src/query/plan.js'
import type { SearchOptions } from '../../src/types.js'
import { generateArticles, makeArticle } from '../helpers.js'

const RANKED: SearchOptions = { match: 'any', prefix: false, fuzzy: false, highlight: false, limit: 1000 }

/** Plain BM25 (k1 1.2, b 0.75, Lucene's idf) over token lists, a query term counted once per time it is given. */
function referenceBm25(docs: readonly (readonly string[])[], query: readonly string[]): Map<number, number> {
  const n = docs.length
  const average = docs.reduce((sum, d) => sum + d.length, 0) / n
  const scores = new Map<number, number>()
  for (const term of query) {
    const df = docs.filter((d) => d.includes(term)).length
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
    docs.forEach((tokens, doc) => {
      const tf = tokens.filter((t) => t === term).length
      if (tf === 0) return
      const score = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * tokens.length) / average))
      scores.set(doc, (scores.get(doc) ?? 0) + score)
    })
  }
  return scores
}

describe("match: 'any' ranks by score", () => {
  // Two rare words in one article, three common ones in another: the rare words weigh more.
  const filler = Array.from({ length: 30 }, (_, i) => makeArticle({ id: `filler-${i}`, title: 'Market report', body: `Oil prices and wheat exports rose on day ${i}.` }))
  const index = new NewsIndex()
  index.addAll([
    ...filler,
    makeArticle({ id: 'rare-words', title: 'Locust swarm', body: 'A locust swarm crossed the Sinai on Monday.' }),
    makeArticle({ id: 'common-words', title: 'Trade', body: 'Oil prices, wheat exports and more.' }),
  ])

  it('an article with fewer but rarer query words ranks above one with more common ones', () => {
    const response = index.search('locust sinai oil wheat exports', RANKED)
    const ids = response.hits.map((h) => h.id)
    expect(ids[0]).toBe('rare-words')
    const matched = (id: string): number => response.hits.find((h) => h.id === id)!.matches.length
    expect(matched('common-words')).toBeGreaterThan(matched('rare-words'))
    const scores = response.hits.map((h) => h.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('a relaxed keyword query still puts articles with more of the words first', () => {
    const response = index.search('locust oil wheat exports')
    expect(response.query.relaxed).toBe(true)
    expect(response.hits[0]!.id).toBe('common-words')
  })

  it('a relaxed long request (more than a few keywords) is ranked by score, like match: any', () => {
    const request = 'locust sinai swarm monday oil wheat exports prices trade'
    const relaxed = index.search(request, { highlight: false, limit: 1000 })
    expect(relaxed.query.relaxed).toBe(true)
    expect(relaxed.hits.map((h) => h.id)).toEqual(index.search(request, { match: 'any', highlight: false, limit: 1000 }).hits.map((h) => h.id))
    expect(relaxed.hits[0]!.id).toBe('rare-words')
  })

  it('equals plain BM25 on random corpora and random requests, repeated words included (property)', () => {
    const vocabulary = ['oil', 'iraq', 'price', 'drone', 'storm', 'wheat', 'market', 'border', 'talks']
    const corpus = fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 20 })
    const request = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(corpus, request, (docs, query) => {
        const bm25 = new NewsIndex({ analyzer: 'simple', boost: { title: 0, body: 1 } })
        bm25.addAll(docs.map((words, i) => makeArticle({ id: `d${i}`, body: words.join(' ') })))
        const reference = referenceBm25(docs, query)
        const hits = bm25.search(query.join(' '), RANKED).hits
        expect(hits.map((h) => h.id).sort()).toEqual([...reference.keys()].map((doc) => `d${doc}`).sort())
        for (const hit of hits) expect(hit.score).toBeCloseTo(reference.get(Number(hit.id.slice(1)))!, 9)
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score)
      }),
      { numRuns: 200 },
    )
  })
})

describe("a word's forms count together", () => {
  it('pools the frequencies of a word and its plural, scaled by their mean weight, with the idf of their summed document counts', () => {
    const index = new NewsIndex({ boost: { title: 0, body: 1 } })
    const bodies = ['rocket rockets rockets', 'rocket storm storm', 'rockets storm storm', 'storm wheat wheat', 'wheat storm wheat']
    index.addAll(bodies.map((body, i) => makeArticle({ id: `d${i}`, body })))
    const hits = index.search('rocket', RANKED).hits
    expect(hits.map((h) => h.id)).toEqual(['d0', 'd1', 'd2'])
    // d0: three occurrences, one exact (weight 1) and two plurals (0.8); 'rocket' and 'rockets' are in 2 articles each.
    const idf = Math.log(1 + (5 - 4 + 0.5) / (4 + 0.5))
    const tf = 3 / (0.25 + 0.75) // every body has 3 tokens: length-normalized tf is tf
    expect(hits[0]!.score).toBeCloseTo(((1 + 0.8 + 0.8) / 3) * ((idf * tf * 2.2) / (tf + 1.2)), 9)
    expect(hits[2]!.score).toBeCloseTo(0.8 * hits[1]!.score, 9)
  })
})

describe('stopwords and long requests', () => {
  const articles = generateArticles(120, 11)
  const index = new NewsIndex()
  index.addAll(articles)

  it('ignores stopwords next to content words', () => {
    const withStopwords = index.search('the oil of the market', { highlight: false, limit: 1000 })
    const without = index.search('oil market', { highlight: false, limit: 1000 })
    expect(withStopwords.hits.map((h) => [h.id, h.score])).toEqual(without.hits.map((h) => [h.id, h.score]))
    expect(withStopwords.total).toBeGreaterThan(0)
  })

  it('scores every distinct word of a request up to MAX_QUERY_TERMS, then leaves out the most common words and says so', () => {
    const rare = makeArticle({ id: 'rare', body: 'A zeppelin landed.' })
    const big = new NewsIndex()
    big.addAll([...articles, rare])
    const common = Array.from({ length: MAX_QUERY_TERMS + 20 }, (_, i) => `filler${i}`)
    for (const [i, word] of common.entries()) big.add(makeArticle({ id: `f${i}`, body: `${word} ${common.slice(0, i).join(' ')}` }))
    const response = big.search(`${common.join(' ')} zeppelin`, { match: 'any', highlight: false, fuzzy: false, limit: 1000 })
    expect(response.query.diagnostics.map((d) => d.code)).toContain('too-many-terms')
    // The rarest words (zeppelin, and the fillers found in fewest articles) are kept.
    expect(response.hits.map((h) => h.id)).toContain('rare')
    const kept = new Set(response.hits.flatMap((h) => h.matches.map((m) => m.term)))
    expect(kept.has('zeppelin')).toBe(true)
    expect(kept.has(`filler${common.length - 1}`)).toBe(true)
    expect(kept.has('filler0')).toBe(false)
  })

  it('keeps typo tolerance for at most MAX_TYPO_TERMS words, those the index lacks first', () => {
    const known = ['government', 'minister', 'election', 'protest', 'officials', 'province', 'parliament', 'hospital', 'refugees', 'workers']
    const unknown = ['govrnment', 'ministre']
    const words = [...known, ...unknown]
    const sorted = [...known].sort()
    const dictionary = new SortedTerms(sorted, sorted.map((_, id): TermEntry => ({ id, df: 1 })))
    const plan = planQuery(parseQuery(words.join(' ')), 'english', { prefix: false, fuzzy: true })
    const { clauses } = budgetClauses(plan.must, dictionary)
    const tolerant = clauses.flatMap((c) => (c.kind === 'term' && c.spec.fuzzy > 0 ? [c.spec.term] : []))
    expect(tolerant).toHaveLength(MAX_TYPO_TERMS)
    expect(tolerant).toEqual(expect.arrayContaining(unknown))
    expect(clauses.map((c) => c.kind === 'term' && c.spec.term)).toEqual(words)
  })
})

describe('the search box never collapses while a word is typed', () => {
  const articles = generateArticles(200, 3)
  const index = new NewsIndex()
  index.addAll(articles)

  it('a one-letter last word is ignored, with a diagnostic, until it can be completed', () => {
    const oil = index.search('oil', { highlight: false })
    const typing = index.search('oil p', { highlight: false })
    expect(oil.total).toBeGreaterThan(5)
    expect(typing.total).toBe(oil.total)
    expect(typing.query.diagnostics.map((d) => d.code)).toEqual(['too-short'])
    // Two letters complete: 'oil pr' finds articles with oil and a word in pr… ('prices', 'prison', 'protest', 'province').
    const completing = index.search('oil pr', { highlight: false, limit: 1000 })
    expect(completing.total).toBeGreaterThan(0)
    const prWords = new Set(articles.filter((a) => analyzeTerms(`${a.title} ${a.body}`).some((t) => t.startsWith('pr'))).map((a) => a.id))
    for (const hit of completing.hits) expect(prWords.has(hit.id)).toBe(true)
  })
})

describe('typo tolerance for words the page needs', () => {
  const index = new NewsIndex()
  index.addAll([
    ...Array.from({ length: 12 }, (_, i) => makeArticle({ id: `rocket-${i}`, body: `A rocket landed on day ${i}.` })),
    makeArticle({ id: 'rocked', body: 'The boat rocked.' }),
  ])

  it('takes a word that fills the page as typed, and looks for typos when it does not', () => {
    const page = index.search('rocket', { limit: 10, highlight: false })
    expect(page.total).toBe(12)
    const longer = index.search('rocket', { limit: 20, highlight: false })
    expect(longer.total).toBe(13)
    expect(longer.hits.at(-1)!.id).toBe('rocked')
  })

  it('always looks for typos of a word the index lacks', () => {
    expect(index.search('rokcet', { highlight: false }).total).toBe(12)
  })
})
