/**
 * The build's faster coders give the runtime's numbers and bytes: the CRC-32 of sections eight
 * bytes at a time (src/engine/store/section-crc.ts), and Rice coding 16 bits at a time
 * (src/format/rice.ts) against the bit-at-a-time coding it replaced.
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ByteWriter } from '../../src/format/bytes.js'
import { crc32 } from '../../src/format/crc32.js'
import { readRice, writeRice } from '../../src/format/rice.js'
import { buildCrc32, crcOf, fastCrc32, useCrc32 } from '../../src/engine/store/section-crc.js'
import { nativeCrc32 } from '../../src/ingest/native-crc.js'
import { writeIndex } from '../../src/ingest/write-index.js'
import { NewsIndex } from '../../src/indexer.js'
import { makeTempDir, removeTempDirs } from '../helpers.js'

/** Rice coding one bit at a time, as the format defines it. */
function riceBitByBit(out: ByteWriter, values: ArrayLike<number>, k: number): void {
  let [acc, bits] = [0, 0]
  const push = (bit: number): void => {
    acc = (acc << 1) | bit
    if (++bits === 8) {
      out.byte(acc)
      ;[acc, bits] = [0, 0]
    }
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    for (let q = v >>> k; q > 0; q--) push(1)
    push(0)
    for (let b = k - 1; b >= 0; b--) push((v >>> b) & 1)
  }
  if (bits > 0) out.byte(acc << (8 - bits))
}

afterAll(removeTempDirs)

describe('build coders', () => {
  it('fastCrc32 is crc32, for every length up to 40 and long random arrays', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 2654435761) >>> 24)
    for (let n = 0; n <= 40; n++) expect(fastCrc32(bytes.subarray(3, 3 + n))).toBe(crc32(bytes.subarray(3, 3 + n)))
    expect(fastCrc32(bytes)).toBe(crc32(bytes))
    expect(fastCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it("the build cache's CRC-32 (Node's own where it has one) is crc32", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 2654435761) >>> 24)
    for (let n = 0; n <= 40; n++) expect(nativeCrc32(bytes.subarray(3, 3 + n))).toBe(crc32(bytes.subarray(3, 3 + n)))
    expect(nativeCrc32(bytes)).toBe(crc32(bytes))
  })

  it('both CRC-32s go on from the CRC of the bytes before (the cache records chain so)', () => {
    const bytes = Uint8Array.from({ length: 10_007 }, (_, i) => (i * 2654435761) >>> 24)
    for (const cut of [0, 1, 7, 8, 4099, 10_007]) {
      const [a, b] = [bytes.subarray(0, cut), bytes.subarray(cut)]
      expect(fastCrc32(b, fastCrc32(a))).toBe(crc32(bytes))
      expect(nativeCrc32(b, nativeCrc32(a))).toBe(crc32(bytes))
    }
  })

  it("the Node side's writers compute every section's CRC-32 with zlib's (one function, set in one place)", async () => {
    const bytes = Uint8Array.from({ length: 4097 }, (_, i) => (i * 2654435761) >>> 24)
    const seen: number[] = []
    useCrc32((b, crc) => (seen.push(b.length), fastCrc32(b, crc)))
    expect(crcOf(bytes)).toBe(crc32(bytes))
    // Once per section: a second ask is answered from what was computed.
    expect(crcOf(bytes)).toBe(crc32(bytes))
    expect(seen).toEqual([4097])
    // writeIndex makes zlib's the build's function again: the one set above computes nothing more.
    const index = new NewsIndex()
    index.add({ id: 'a', title: 'Rocket lands', body: 'A rocket landed near the airport.', date: null, source: [], location: [], country: [] })
    await writeIndex(index, join(makeTempDir(), 'news.idx'))
    expect(seen).toEqual([4097])
    expect(buildCrc32(bytes)).toBe(crc32(bytes))
    expect(buildCrc32(bytes.subarray(1), buildCrc32(bytes.subarray(0, 1)))).toBe(crc32(bytes))
  })

  it('writeRice writes the bytes of bit-by-bit coding, and reads back, for parameters 0 to 25', () => {
    let seed = 1
    const next = (): number => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)
    for (let trial = 0; trial < 2000; trial++) {
      const k = trial % 26
      const values = Array.from({ length: 1 + (trial % 37) }, () => Math.floor(next() * 2 ** Math.min(31, k + (trial % 9))))
      const [fast, slow] = [new ByteWriter(), new ByteWriter()]
      writeRice(fast, values, k)
      riceBitByBit(slow, values, k)
      const bytes = fast.finish()
      expect(Buffer.from(bytes).equals(Buffer.from(slow.finish()))).toBe(true)
      const back = new Uint32Array(values.length)
      readRice(bytes, values.length, k, back)
      expect([...back]).toEqual(values)
    }
  })
})
