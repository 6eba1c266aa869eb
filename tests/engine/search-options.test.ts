/**
 * Regressions found by `npm run fuzz` (bench/fuzz/search.ts): search options of the wrong type, as
 * JavaScript callers may pass them, either work or are refused with `E_INVALID_ARGUMENT`; before,
 * they threw a `TypeError` from deep inside filtering, faceting or highlighting (or scored NaN).
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
  const refused: [string, unknown][] = [
    ['highlight', { highlight: { tags: 'ab' } }],
    ['highlight', { highlight: { snippets: {} } }],
    ['highlight', { highlight: { snippetLength: -1 } }],
    ['highlight', { highlight: { ellipsis: 5 } }],
    ['recency', { recency: { halfLife: Infinity } }],
  ]
  it.each(refused)('%s: %j is E_INVALID_ARGUMENT', (name, options) => {
    expectNewsdexError(() => index.search('rocket', options as SearchOptions), 'E_INVALID_ARGUMENT', `invalid ${name}`)
  })

  // What can be read without harm works: a filter that is not an object filters nothing, an unknown
  // facet name counts nothing, a highlight of null is the defaults.
  const plain = index.search('rocket').hits.map((h) => h.id)
  // A filter with a `kind` key was taken for a query clause (and threw a TypeError).
  const tolerated: unknown[] = [{ filter: -1 }, { filter: 'AP' }, { filter: { kind: 'filter' } }, { filter: { kind: 'date' } }, { facets: 'source' }, { facets: ['nope', 'toString', '__proto__'] }, { highlight: null }, { highlight: 1 }]
  it.each(tolerated)('%j works', (options) => {
    const response = index.search('rocket', options as SearchOptions)
    expect(response.hits.map((h) => h.id)).toEqual(plain)
    expect(Object.values(response.facets).every((counts) => counts!.length === 0)).toBe(true)
  })

  it('still accepts every valid form', () => {
    const response = index.search('rocket', { filter: { source: 'AP' }, facets: ['source', 'year'], highlight: { tags: ['<b>', '</b>'], snippets: 1, snippetLength: 80, ellipsis: '' }, recency: { halfLife: 30, now: '2021-01-01' } })
    expect(response.hits.map((h) => h.id)).toEqual(['a'])
    expect(response.facets.source).toEqual([{ value: 'AP', count: 1 }])
    expect(response.hits[0]!.highlight!.title).toBe('<b>Rocket</b> attack')
    // An undated article with a finite half-life keeps a finite score.
    expect(index.search('rocket', { recency: { halfLife: 30, now: '2021-01-01' } }).hits.every((h) => Number.isFinite(h.score))).toBe(true)
  })
})
