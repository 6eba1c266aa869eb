import fc from 'fast-check'
import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { SortedTerms } from '../../src/terms/sorted-terms.js'

/** A dictionary entry of the tests: the term's place in the sorted list. */
interface Entry {
  id: number
  df: number
}

/** The same terms as a frozen sorted list and as MiniSearch's radix tree (the reference). */
function both(words: string[]): { sorted: SortedTerms<Entry>; tree: SearchableMap<Entry> } {
  const terms = [...new Set(words)].sort()
  const entries = terms.map((_, id): Entry => ({ id, df: id + 1 }))
  const tree = new SearchableMap<Entry>()
  terms.forEach((term, i) => tree.set(term, entries[i]!))
  return { sorted: new SortedTerms(terms, entries), tree }
}

const sortedEntries = (map: Map<string, [Entry, number]>): [string, number, number][] =>
  [...map].map(([term, [entry, distance]]): [string, number, number] => [term, entry.id, distance]).sort((a, b) => (a[0] < b[0] ? -1 : 1))

// A small alphabet makes shared prefixes, near misses and exact hits common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é'), minLength: 1, maxLength: 8 })

describe('SortedTerms answers like SearchableMap', () => {
  it('get, atPrefix and fuzzyGet match the radix tree (property)', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', 'x'), maxLength: 9 }), fc.integer({ min: 0, max: 3 }), (words, query, distance) => {
        const { sorted, tree } = both(words)
        expect(sorted.size).toBe(tree.size)
        expect(sorted.get(query)).toBe(tree.get(query))
        expect(sorted.atPrefix(query)).toEqual([...tree.atPrefix(query)].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
        expect(sortedEntries(sorted.fuzzyGet(query, distance))).toEqual(sortedEntries(tree.fuzzyGet(query, distance)))
        expect([...sorted].map(([term]) => term)).toEqual([...tree.keys()].sort())
      }),
      { numRuns: 400 },
    )
  })

  it('finds typos across a real-looking vocabulary, and skips what is out of reach', () => {
    const { sorted } = both(['rocket', 'rockets', 'pocket', 'rock', 'racket', 'socket', 'airport', 'baghdad'])
    expect(sortedEntries(sorted.fuzzyGet('rocket', 1)).map(([term, , d]) => `${term}:${d}`)).toEqual(['pocket:1', 'racket:1', 'rocket:0', 'rockets:1', 'socket:1'])
    expect(sorted.fuzzyGet('zzzz', 1).size).toBe(0)
    expect(sorted.atPrefix('rock').map(([term]) => term)).toEqual(['rock', 'rocket', 'rockets'])
    expect(sorted.atPrefix('')).toHaveLength(8)
    expect(sorted.get('rocke')).toBeUndefined()
  })
})
