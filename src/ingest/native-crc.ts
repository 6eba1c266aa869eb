import * as zlib from 'node:zlib'
import { fastCrc32, useCrc32, type Crc32 } from '../engine/store/section-crc.js'

/**
 * CRC-32 as zlib computes it (Node 20.15 and later: several times faster than `fastCrc32`, the same
 * number), else `fastCrc32`; with `crc`, going on from the bytes that gave it.
 */
export const nativeCrc32: Crc32 = (zlib as { crc32?: Crc32 }).crc32 ?? fastCrc32

/**
 * Makes every section the build encodes checked with `nativeCrc32` (the same numbers): called by
 * the Node side's entry points (`buildIndex`, `writeIndex`, `writeIndexParts`), not on import, so
 * that no bundler can drop it as a side effect.
 */
export function useNativeCrc32(): void {
  useCrc32(nativeCrc32)
}
