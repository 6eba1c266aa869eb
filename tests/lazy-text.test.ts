import { describe, expect, it, vi } from 'vitest'
import { NewsIndex as WritableNewsIndex } from '../src/indexer.js'
import { NewsIndex } from '../src/index.js'
import { generateArticles } from './helpers.js'

// Count the text chunks decoded: a search must decode only what it shows.
const decoded = vi.hoisted(() => ({ chunks: 0 }))
vi.mock('../src/format/token-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/format/token-text.js')>()
  return {
    ...original,
    decodeTokenText: (...args: Parameters<typeof original.decodeTokenText>) => {
      decoded.chunks++
      return original.decodeTokenText(...args)
    },
  }
})

describe('a loaded index decodes text only for what it shows', () => {
  const source = new WritableNewsIndex()
  source.addAll(generateArticles(1200, 7))
  const bytes = source.serialize()

  it('search() with highlight: false decodes no text chunk, and the default highlighting decodes those of the hits', () => {
    const index = NewsIndex.load(bytes)
    decoded.chunks = 0
    const plain = index.search('the', { highlight: false, limit: 20 })
    expect(plain.hits.length).toBeGreaterThan(0)
    expect(decoded.chunks).toBe(0)
    const shown = index.search('the', { limit: 20 })
    expect(decoded.chunks).toBeGreaterThan(0)
    expect(decoded.chunks).toBeLessThanOrEqual(Math.ceil(1200 / 256))
    expect(shown.hits.every((hit) => hit.highlight !== undefined)).toBe(true)
  })
})
