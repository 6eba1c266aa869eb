/** Recent searches of <newsdex-search> (src/ui/recent.ts), over an in-memory Storage. */
import { describe, expect, it } from 'vitest'
import { RecentSearches, type RecentStorage } from '../../src/ui/recent.js'

function memory(initial: Record<string, string> = {}): RecentStorage & { data: Record<string, string> } {
  const data = { ...initial }
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => void (data[key] = value),
    removeItem: (key) => void delete data[key],
  }
}

describe('RecentSearches', () => {
  it('keeps the newest first, without duplicates (ignoring case and spaces), at most max', () => {
    const storage = memory()
    const recent = new RecentSearches(storage, 'k', 3)
    recent.add('rocket')
    recent.add('  baghdad   airport ')
    recent.add('Rocket')
    expect(recent.list()).toEqual(['Rocket', 'baghdad airport'])
    recent.add('iran')
    recent.add('iraq')
    expect(recent.list()).toEqual(['iraq', 'iran', 'Rocket'])
    expect(JSON.parse(storage.data.k!)).toEqual(['iraq', 'iran', 'Rocket'])
  })

  it('ignores empty queries, removes one, clears all', () => {
    const recent = new RecentSearches(memory())
    recent.add('   ')
    expect(recent.list()).toEqual([])
    recent.add('a')
    recent.add('b')
    expect(recent.remove('a')).toEqual(['b'])
    recent.clear()
    expect(recent.list()).toEqual([])
  })

  it('reads only a list of strings: anything else in storage is an empty list', () => {
    for (const stored of ['not json', '{"a":1}', '42', 'null']) expect(new RecentSearches(memory({ k: stored }), 'k').list()).toEqual([])
    expect(new RecentSearches(memory({ k: '["a", 3, "", null, "b"]' }), 'k').list()).toEqual(['a', 'b'])
  })

  it('never throws when storage is missing, full or disabled', () => {
    const broken: RecentStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    }
    for (const storage of [null, broken]) {
      const recent = new RecentSearches(storage)
      expect(recent.add('rocket')).toEqual(['rocket'])
      expect(recent.list()).toEqual([])
      expect(() => recent.clear()).not.toThrow()
    }
  })
})
