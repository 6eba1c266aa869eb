/**
 * Regressions found by `npm run fuzz` (bench/fuzz/search.ts): search options of the wrong type,
 * as JavaScript callers may pass them, are refused with `E_INVALID_ARGUMENT` rather than a
 * `TypeError` from deep inside the ranking or highlighting (or a score of NaN).
 */
import { describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/indexer.js'
import type { SearchOptions } from '../../src/types.js'
import { expectNewsdexError, makeArticle } from '../helpers.js'

const index = new NewsIndex()
index.addAll([
  makeArticle({ id: 'a', title: 'Rocket attack', body: 'A rocket attack near Baghdad airport.', date: '2020-06-23', source: ['AP'] }),
  makeArticle({ id: 'b', title: 'Oil prices', body: 'The rocket price of oil.', date: null, source: ['Reuters'] }),
])

describe('search options of the wrong type', () => {
  const bad: [string, unknown][] = [
    ['filter', { filter: -1 }],
    ['filter', { filter: 'AP' }],
    ['facets', { facets: 'source' }],
    ['facets', { facets: ['nope'] }],
    ['highlight', { highlight: null }],
    ['highlight', { highlight: 1 }],
    ['highlight tags', { highlight: { tags: ['x'] } }],
    ['highlight lengths', { highlight: { snippets: {} } }],
    ['highlight lengths', { highlight: { snippetLength: '10' } }],
    ['highlight ellipsis', { highlight: { ellipsis: 5 } }],
    ['recency', { recency: { halfLife: Infinity } }],
  ]
  it.each(bad)('%s: %j is E_INVALID_ARGUMENT', (name, options) => {
    expectNewsdexError(() => index.search('rocket', options as SearchOptions), 'E_INVALID_ARGUMENT', `invalid ${name}`)
  })

  it('still accepts every valid form', () => {
    const response = index.search('rocket', { filter: { source: 'AP' }, facets: ['source', 'year'], highlight: { tags: ['<b>', '</b>'], snippets: 1, snippetLength: 80, ellipsis: '' }, recency: { halfLife: 30, now: '2021-01-01' } })
    expect(response.hits.map((h) => h.id)).toEqual(['a'])
    expect(response.hits[0]!.highlight!.title).toBe('<b>Rocket</b> attack')
    expect(index.search('rocket', { recency: { halfLife: 30, now: '2021-01-01' } }).hits.every((h) => Number.isFinite(h.score))).toBe(true)
  })
})
