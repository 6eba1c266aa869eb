import { checkIndex } from '../errors.js'
import type { ByteWriter } from './bytes.js'

/**
 * Golomb–Rice coding of gaps: the quotient `gap >> k` in unary (ones, then a zero), then the low
 * `k` bits. With `k` chosen from the density of a posting list, a gap costs about log2(N/df) + 1.5
 * bits: the classic inverted-file compression (Witten, Moffat and Bell, "Managing Gigabytes").
 */
export function riceParameter(documents: number, postings: number): number {
  if (postings <= 0 || documents <= postings) return 0
  return Math.max(0, Math.floor(Math.log2((0.69 * documents) / postings)))
}

/** Writes `values` (each ≥ 0) Rice-coded with parameter `k`, padded to a whole byte. */
export function writeRice(out: ByteWriter, values: ArrayLike<number>, k: number): void {
  // Bits are gathered in `acc` (its low `bits` bits pending, fewer than 8 between writes), up to 24 at a time.
  let acc = 0
  let bits = 0
  const put = (value: number, width: number): void => {
    acc = (acc << width) | value
    bits += width
    while (bits >= 8) {
      bits -= 8
      out.byte((acc >>> bits) & 0xff)
    }
    acc &= (1 << bits) - 1
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    // The quotient in unary: ones, then a zero.
    let q = Math.floor(v / 2 ** k)
    for (; q >= 16; q -= 16) put(0xffff, 16)
    put(((1 << q) - 1) << 1, q + 1)
    // The low k bits, 16 at a time from the highest.
    for (let b = k; b > 0; b -= 16) {
      const width = Math.min(16, b)
      put(Math.floor(v / 2 ** (b - width)) & ((1 << width) - 1), width)
    }
  }
  if (bits > 0) out.byte(acc << (8 - bits))
}

/** Reads `count` Rice-coded values with parameter `k` from `bytes`. Throws `E_CORRUPT` past the end. */
export function readRice(bytes: Uint8Array, count: number, k: number, into: Uint32Array | number[]): void {
  let pos = 0
  const limit = bytes.length * 8
  for (let i = 0; i < count; i++) {
    let q = 0
    for (;;) {
      checkIndex(pos < limit, 'posting list')
      const bit = (bytes[pos >>> 3]! >>> (7 - (pos & 7))) & 1
      pos++
      if (bit === 0) break
      q++
    }
    checkIndex(pos + k <= limit, 'posting list')
    let r = 0
    for (let b = 0; b < k; b++, pos++) r = (r << 1) | ((bytes[pos >>> 3]! >>> (7 - (pos & 7))) & 1)
    into[i] = q * 2 ** k + r
  }
}
