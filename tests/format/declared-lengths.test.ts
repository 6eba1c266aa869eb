/**
 * Regressions found by `npm run fuzz` (bench/fuzz/index-file.ts): counts and lengths declared in an
 * index file whose checksums are all valid are checked against the bytes actually present before
 * anything is allocated for them, each with an `E_CORRUPT` naming what is wrong.
 */
import { describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/indexer.js'
import { NewsIndex as RuntimeIndex } from '../../src/index.js'
import { ByteReader, ByteWriter } from '../../src/format/bytes.js'
import { decodeContainer, encodeContainer } from '../../src/format/container.js'
import { expectNewsdexError, makeArticle } from '../helpers.js'

const ARTICLES = Array.from({ length: 6 }, (_, i) =>
  makeArticle({ id: `a${i}`, title: `Rocket attack ${i}`, body: `A rocket attack near the airport, number ${i}.\n\nNobody was hurt in Baghdad.`, date: '2020-06-23', source: ['AP'] }),
)

function parts(): Record<string, Uint8Array> {
  const index = new NewsIndex()
  index.addAll(ARTICLES)
  return index.serializeParts()
}

/** Rewrites one section of a file with `change`; the container is packed again, every checksum valid. */
function tamper(bytes: Uint8Array, section: string, change: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  const { meta, sections } = decodeContainer(bytes)
  const copy = Object.fromEntries([...sections].map(([name, b]) => [name, name === section ? change(b.slice()) : b.slice()]))
  return encodeContainer(meta, copy)
}

function readVarints(bytes: Uint8Array): number[] {
  const reader = new ByteReader(bytes)
  const values: number[] = []
  while (!reader.done) values.push(reader.varint())
  return values
}

function writeVarints(values: readonly number[]): Uint8Array {
  const writer = new ByteWriter()
  for (const v of values) writer.varint(v)
  return writer.finish()
}

const editVarints = (edit: (values: number[]) => void) => (bytes: Uint8Array): Uint8Array => {
  const values = readVarints(bytes)
  edit(values)
  return writeVarints(values)
}

/** The largest Uint32Array `fn` asks for, in bytes; one over 64 MiB is refused (a RangeError) rather than made. */
function largestUint32Array(fn: () => void): number {
  const original = globalThis.Uint32Array
  let largest = 0
  globalThis.Uint32Array = new Proxy(original, {
    construct(target, args, newTarget) {
      if (typeof args[0] === 'number') largest = Math.max(largest, args[0] * 4)
      if (largest > 2 ** 26) throw new RangeError(`test: a Uint32Array of ${largest} bytes`)
      return Reflect.construct(target, args, newTarget === globalThis.Uint32Array ? target : newTarget)
    },
  })
  try {
    fn()
  } finally {
    globalThis.Uint32Array = original
  }
  return largest
}

describe('declared lengths are checked before allocating', () => {
  it('a document length of 2^31 tokens is refused before the positions chunk (8 GiB of codes) is allocated', () => {
    const p = parts()
    // lengths: title lengths of every article, then body lengths.
    const search = tamper(p.search!, 'lengths', editVarints((v) => void (v[0] = 2 ** 31)))
    const index = RuntimeIndex.load(search)
    index.addPart(p.positions!)
    const largest = largestUint32Array(() => expectNewsdexError(() => index.search('"rocket attack"'), 'E_CORRUPT', 'positions chunk'))
    expect(largest).toBeLessThan(2 ** 16)
  })

  it('a text chunk index whose starts wrap around 2^32 is refused (a negative token count before)', () => {
    const p = parts()
    // Per document: tokens, codes, gaps, literals. The first document claims 2^32 − 1 tokens and the
    // second makes up the difference, so that the sums agree modulo 2^32 with the streams' lengths.
    const text = tamper(p['text-0']!, 'index', editVarints((v) => {
      const [first, second] = [v[0]!, v[4]!]
      v[0] = 2 ** 32 - 1
      v[4] = first + second + 1
    }))
    const index = RuntimeIndex.load(p.search!)
    index.addPart(p['display-0']!)
    index.addPart(text)
    const largest = largestUint32Array(() => expectNewsdexError(() => index.get('a0'), 'E_CORRUPT', "text chunk index: does not add up to the chunk's streams"))
    expect(largest).toBeLessThan(2 ** 16)
  })

  // The two checks below are defence in depth: the counts they bound are already bounded by other
  // sections (articles by 'ids', a term's postings by the article count).
  it('a varint section too short for the rows its header declares is refused', () => {
    const search = tamper(parts().search!, 'dates', (b) => b.subarray(0, 1))
    expectNewsdexError(() => RuntimeIndex.load(search), 'E_CORRUPT', "section 'dates'")
  })

  it('a posting count larger than its bytes can hold is refused', () => {
    const p = parts()
    const { sections } = decodeContainer(p.search!)
    const terms = new TextDecoder().decode(sections.get('terms')).split('\n')
    const stats = readVarints(sections.get('termStats')!)
    // A term in one document only: its posting bytes hold one posting, and it now claims all six.
    const term = terms.findIndex((_, i) => stats[3 * i] === 1)
    expect(term).toBeGreaterThanOrEqual(0)
    const search = tamper(p.search!, 'termStats', editVarints((v) => void (v[3 * term] = ARTICLES.length)))
    const index = RuntimeIndex.load(search)
    expectNewsdexError(() => index.search(terms[term]!, { fuzzy: false, prefix: false }), 'E_CORRUPT', 'posting list')
  })
})
