import { describe, expect, it } from 'vitest'
import { NewsIndex, NewsdexError } from '../../src/indexer.js'
import { makeArticle } from '../helpers.js'

/** Three articles alike but for their dates: the older ones score higher on their own. */
function archive(): NewsIndex {
  const index = new NewsIndex()
  index.addAll([
    makeArticle({ id: 'old', title: 'Oil prices', body: 'Oil prices rose. Oil traders said oil demand was strong.', date: '2020-01-01' }),
    makeArticle({ id: 'recent', title: 'Market report', body: 'Oil prices rose on Monday in a long and busy trading session.', date: '2020-06-20' }),
    makeArticle({ id: 'undated', title: 'Oil notes', body: 'Oil prices rose. Oil traders said oil demand was strong.' }),
  ])
  return index
}

const ids = (index: NewsIndex, options = {}): string[] => index.search('oil', { limit: 10, ...options }).hits.map((h) => h.id)
const score = (index: NewsIndex, id: string, options = {}): number => index.search('oil', { limit: 10, ...options }).hits.find((h) => h.id === id)!.score

describe('search(): recency boost', () => {
  it('leaves relevance order alone without it', () => {
    expect(ids(archive()).indexOf('recent')).toBeGreaterThan(ids(archive()).indexOf('old'))
  })

  it('lifts recent articles above older, more relevant ones', () => {
    const boosted = ids(archive(), { recency: { halfLife: 7, weight: 0.9, now: '2020-06-23' } })
    expect(boosted[0]).toBe('recent')
  })

  it('multiplies each score by (1 − weight) + weight · 2^(−age / halfLife)', () => {
    const index = archive()
    const recency = { halfLife: 10, weight: 0.5, now: '2020-06-30' }
    expect(score(index, 'recent', { recency })).toBeCloseTo(score(index, 'recent') * (0.5 + 0.5 * 2 ** (-10 / 10)), 10)
    expect(score(index, 'undated', { recency })).toBeCloseTo(score(index, 'undated') * 0.5, 10)
    // An article dated after `now` counts as new, not as boosted beyond 1.
    expect(score(index, 'recent', { recency: { ...recency, now: '2020-01-01' } })).toBeCloseTo(score(index, 'recent') * (0.5 + 0.5 * 2 ** (-0 / 10)), 10)
  })

  it('does not reorder a date sort or a browse', () => {
    const recency = { halfLife: 1, weight: 1, now: '2020-06-23' }
    expect(archive().search('', { recency }).hits.map((h) => h.id)).toEqual(['recent', 'old', 'undated'])
    expect(ids(archive(), { sort: 'oldest', recency })).toEqual(['old', 'recent', 'undated'])
  })

  it('rejects a bad half-life, weight or date with E_INVALID_ARGUMENT', () => {
    for (const recency of [{ halfLife: 0 }, { halfLife: -3 }, { halfLife: 7, weight: 2 }, { halfLife: 7, now: 'yesterday' }]) {
      try {
        archive().search('oil', { recency })
        expect.unreachable(JSON.stringify(recency))
      } catch (error) {
        expect(error).toBeInstanceOf(NewsdexError)
        expect((error as NewsdexError).code).toBe('E_INVALID_ARGUMENT')
      }
    }
  })
})

describe('search(): bounded expansions', () => {
  it('says when a prefix matches more words than are searched', () => {
    const index = new NewsIndex()
    index.addAll(Array.from({ length: 80 }, (_, i) => makeArticle({ id: `a${i}`, title: `Report ${i}`, body: `The word pre${'abcdefghij'[i % 10]}${'klmnopqrst'[Math.floor(i / 10)]}x appears here.` })))
    const response = index.search('pre')
    expect(response.query.diagnostics.map((d) => d.code)).toContain('too-many-expansions')
    expect(index.search('prea').query.diagnostics.map((d) => d.code)).not.toContain('too-many-expansions')
  })
})
