import * as zlib from 'node:zlib'
import { fastCrc32, useCrc32, type Crc32 } from '../engine/store/section-crc.js'

/**
 * CRC-32 as zlib computes it (Node 20.15 and later: several times faster than `fastCrc32`, the same
 * number), else `fastCrc32`; with `crc`, going on from the bytes that gave it.
 */
export const nativeCrc32: Crc32 = (zlib as { crc32?: Crc32 }).crc32 ?? fastCrc32

// The Node side of the build (this module is part of it) checks every section it encodes with it.
useCrc32(nativeCrc32)
