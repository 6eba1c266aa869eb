import { describe, expect, it, vi } from 'vitest'
import { NewsIndex as WritableNewsIndex } from '../../src/indexer.js'
import { NewsIndex } from '../../src/index.js'
import { generateArticles } from '../helpers.js'

// Count the documents laid out (their term codes and token offsets read): a search must read only what it needs.
const decoded = vi.hoisted(() => ({ texts: 0 }))
vi.mock('../../src/format/token-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/format/token-text.js')>()
  return {
    ...original,
    layoutText: (...args: Parameters<typeof original.layoutText>) => {
      decoded.texts++
      return original.layoutText(...args)
    },
  }
})

describe('a loaded index decodes text only for what it needs', () => {
  const source = new WritableNewsIndex()
  source.addAll(generateArticles(1200, 7))
  const bytes = source.serialize()

  it('search() with highlight: false decodes no text; the default highlighting decodes the texts of the hits shown, and nothing else', () => {
    const index = NewsIndex.load(bytes)
    decoded.texts = 0
    expect(index.search('government', { highlight: false, limit: 20 }).hits.length).toBeGreaterThan(0)
    expect(decoded.texts).toBe(0)
    const shown = index.search('government', { limit: 20 })
    expect(shown.hits).toHaveLength(20)
    expect(shown.hits.every((hit) => hit.highlight !== undefined)).toBe(true)
    expect(decoded.texts).toBe(20)
    // Decoded once: searching again decodes nothing more.
    const before = { ...decoded }
    index.search('government', { limit: 20 })
    expect(decoded).toEqual(before)
  })

  it('a phrase is checked on the candidates alone, each laid out once, and their highlights read the same layouts', () => {
    const index = NewsIndex.load(bytes)
    decoded.texts = 0
    const phrase = index.search('"government minister"', { highlight: false, limit: 5 })
    expect(phrase.total).toBeGreaterThan(0)
    // Only the candidates holding both words are read, one document each.
    const candidates = index.search('government minister', { highlight: false, limit: 0 }).total
    expect(decoded.texts).toBeGreaterThan(0)
    expect(decoded.texts).toBeLessThanOrEqual(candidates)
    expect(phrase.total).toBe(source.search('"government minister"', { highlight: false }).total)
    // Highlighting the hits lays nothing out again.
    const before = decoded.texts
    const marked = index.search('"government minister"', { limit: 5 }).hits.map((hit) => [hit.highlight!.title, ...hit.highlight!.snippets].join(' '))
    for (const html of marked) expect(html.toLowerCase()).toContain('<mark>government minister</mark>')
    expect(decoded.texts).toBe(before)
  })

  it('keeps decoded data within the cache budget, least recently used out first', () => {
    const budget = 64 * 1024
    const index = NewsIndex.load(bytes, { cacheBytes: budget })
    for (const word of ['government', 'minister', 'talks', 'attack', 'militia', 'forces', 'border', 'election', 'oil', 'prices']) {
      index.search(word, { limit: 50 })
      expect(index.stats().cache.bytes).toBeLessThanOrEqual(budget)
    }
    expect(index.stats().cache).toMatchObject({ limit: budget })
    expect(index.stats().cache.entries).toBeGreaterThan(0)
    // A search after evictions decodes again and answers the same.
    const roomy = NewsIndex.load(bytes)
    expect(index.search('government', { limit: 50 })).toEqual(roomy.search('government', { limit: 50 }))
    expect(roomy.stats().cache.limit).toBe(6 * 1024 * 1024)
  })
})
