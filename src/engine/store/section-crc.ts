import { CRC_TABLE } from '../../format/crc32.js'

/** The CRC-32 of each section already computed (a section is never changed once encoded). */
const crcs = new WeakMap<Uint8Array, number>()

/** A CRC-32 function: of `bytes`, going on from `crc` (the CRC-32 of the bytes before them) when given. */
export type Crc32 = (bytes: Uint8Array, crc?: number) => number

/** What computes the build's CRC-32s (`fastCrc32` unless `useCrc32` gave another). */
let compute: Crc32 = fastCrc32

/**
 * Makes `crcOf` and `buildCrc32` compute with `crc32`, which must give the same numbers: on Node,
 * the build gives zlib's (`useNativeCrc32` in `src/ingest/native-crc.ts`), several times faster than `fastCrc32`.
 */
export function useCrc32(crc32: Crc32): void {
  compute = crc32
}

/** The CRC-32 of bytes (going on from `crc`), as the build computes it. */
export const buildCrc32: Crc32 = (bytes, crc) => compute(bytes, crc)

/** `crc32(bytes)`, computed once per section. */
export function crcOf(bytes: Uint8Array): number {
  let crc = crcs.get(bytes)
  if (crc === undefined) crcs.set(bytes, (crc = compute(bytes)))
  return crc
}

/**
 * CRC-32 tables for eight bytes at a time ("slicing by 8"): `SLICES[k][b]` is the CRC of byte `b`
 * followed by `k` zero bytes. Made on first use; the build's, not the runtime's (whose `crc32`
 * stays a byte at a time, the smaller code).
 */
let SLICES: Uint32Array[] | undefined

/**
 * `crc32(bytes)`, eight bytes at a time: the same number, about four times sooner. With `crc`, the
 * CRC-32 of some bytes before, it goes on from them (as zlib's `crc32(bytes, crc)` does).
 */
export function fastCrc32(bytes: Uint8Array, crc = 0): number {
  if (!SLICES) {
    // The first table is the byte-at-a-time one; each next one is a zero byte further.
    const t = [Uint32Array.from(CRC_TABLE), ...Array.from({ length: 7 }, () => new Uint32Array(256))]
    for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k]![n] = (t[k - 1]![n]! >>> 8) ^ t[0]![t[k - 1]![n]! & 0xff]!
    SLICES = t
  }
  const [t0, t1, t2, t3, t4, t5, t6, t7] = SLICES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array]
  crc = ~crc
  let i = 0
  const end8 = bytes.length - (bytes.length & 7)
  for (; i < end8; i += 8) {
    const a = (crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0
    crc = t7[a & 0xff]! ^ t6[(a >>> 8) & 0xff]! ^ t5[(a >>> 16) & 0xff]! ^ t4[a >>> 24]! ^ t3[bytes[i + 4]!]! ^ t2[bytes[i + 5]!]! ^ t1[bytes[i + 6]!]! ^ t0[bytes[i + 7]!]!
  }
  for (; i < bytes.length; i++) crc = t0[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return ~crc >>> 0
}

/** Records the known CRC-32 of a section (one read from a checked file), so that it is not computed again. */
export function knowCrc(bytes: Uint8Array, crc: number): void {
  crcs.set(bytes, crc)
}
