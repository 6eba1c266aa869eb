/**
 * A huge article costs a search no more than a long one: highlighting reads at most
 * MAX_HIGHLIGHT_CHARS of a body, and snippets read only the text around their first matches.
 * Asserted on the work done (characters analyzed, decoded and scanned), never on time.
 */
import { describe, expect, it, vi } from 'vitest'
import { MAX_HIGHLIGHT_CHARS } from '../../src/engine/hits.js'
import { ByteReader } from '../../src/format/bytes.js'
import { NewsIndex as WritableNewsIndex } from '../../src/indexer.js'
import { NewsIndex } from '../../src/index.js'
import { GENERATED_VOCABULARY, makeArticle, mulberry32 } from '../helpers.js'

const work = vi.hoisted(() => ({ analyzed: 0, decoded: 0, sentences: 0 }))
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
vi.mock('../../src/format/token-text.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/format/token-text.js')>()
  return {
    ...original,
    layoutText: (...args: Parameters<typeof original.layoutText>) => {
      const laid = original.layoutText(...args)
      work.decoded += laid.length
      return laid
    },
  }
})
vi.mock('../../src/analysis/sentences.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/analysis/sentences.js')>()
  return {
    ...original,
    sentenceEndAt: (text: string, at: number) => {
      work.sentences++
      return original.sentenceEndAt(text, at)
    },
  }
})

/** About `size` characters of sentences of generated words, `word` in the first and the last. */
function hugeBody(size: number, word: string): string {
  const random = mulberry32(9)
  const sentences: string[] = [`The ${word} flew over the capital.`]
  let length = 0
  while (length < size) {
    const words = Array.from({ length: 12 }, () => GENERATED_VOCABULARY[Math.floor(random() * 70)]!)
    const sentence = `${words.join(' ')}.`
    sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1))
    length += sentence.length + 1
  }
  sentences.push(`At last the ${word} landed.`)
  return sentences.join(' ')
}

describe('a 4 MB article', () => {
  const body = hugeBody(4_000_000, 'zeppelin')
  const built = new WritableNewsIndex()
  built.addAll([makeArticle({ id: 'huge', title: 'A long day', body }), makeArticle({ id: 'short', title: 'Zeppelin', body: 'A zeppelin was seen.' })])
  const loaded = NewsIndex.load(built.serialize())

  it.each([
    ['built in memory', built],
    ['loaded', loaded],
  ])('%s: is highlighted from its first MAX_HIGHLIGHT_CHARS characters only', (_how, index) => {
    work.analyzed = work.decoded = work.sentences = 0
    const hit = index.search('zeppelin').hits.find((h) => h.id === 'huge')!
    expect(hit.highlight!.snippets.join(' ')).toContain('<mark>zeppelin</mark>')
    expect(body.length).toBeGreaterThan(40 * MAX_HIGHLIGHT_CHARS)
    // The query, the titles and one capped body; nothing like the 4 MB.
    expect(work.analyzed).toBeLessThan(MAX_HIGHLIGHT_CHARS + 1_000)
    expect(work.decoded).toBeLessThan(MAX_HIGHLIGHT_CHARS + 1_000)
    // Snippets scan the text around the first matches, not the whole capped body.
    // (Each probe is one word ending in a full stop: a window's stretch holds a few.)
    expect(work.sentences).toBeLessThan(100)
    expect(work.sentences).toBeGreaterThan(0)
  })

  it('loaded: reads the codes and separators of its first MAX_HIGHLIGHT_CHARS characters only, not its 4 MB', () => {
    const varints = vi.spyOn(ByteReader.prototype, 'varint')
    try {
      const fresh = NewsIndex.load(built.serialize())
      varints.mockClear()
      expect(fresh.search('zeppelin').hits.find((h) => h.id === 'huge')!.highlight!.snippets.join(' ')).toContain('<mark>zeppelin</mark>')
      // About two varints a token laid out (its code and the separator before it), a token being
      // six characters or so; the whole body holds some 700,000 tokens.
      expect(varints.mock.calls.length).toBeLessThan(MAX_HIGHLIGHT_CHARS / 2)
      expect(varints.mock.calls.length).toBeGreaterThan(MAX_HIGHLIGHT_CHARS / 20)
    } finally {
      varints.mockRestore()
    }
  })

  it('built in memory: its body is analyzed once, then its tokens come from the cache for any query', () => {
    const index = new WritableNewsIndex()
    index.addAll([makeArticle({ id: 'huge', title: 'A long day', body }), makeArticle({ id: 'short', title: 'Zeppelin', body: 'A zeppelin was seen.' })])
    work.analyzed = 0
    index.search('zeppelin')
    expect(work.analyzed).toBeGreaterThan(MAX_HIGHLIGHT_CHARS)
    work.analyzed = 0
    const again = index.search('zeppelins capital').hits.find((h) => h.id === 'huge')!
    expect(again.highlight!.snippets.join(' ')).toContain('<mark>capital</mark>')
    // The query and the titles only.
    expect(work.analyzed).toBeLessThan(100)
    // With no room in the cache, each search analyzes the capped body again.
    const tight = WritableNewsIndex.load(new WritableNewsIndex().serialize(), { cacheBytes: 1024 })
    tight.add(makeArticle({ id: 'huge', title: 'A long day', body }))
    tight.search('zeppelin')
    work.analyzed = 0
    tight.search('zeppelin')
    expect(work.analyzed).toBeGreaterThan(MAX_HIGHLIGHT_CHARS)
  })

  it('keeps its whole text: get() returns all of it', () => {
    expect(loaded.get('huge')!.body).toBe(body)
  })
})
