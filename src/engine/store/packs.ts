import type { EncodedChunk } from './encoded-sections.js'

/**
 * Bytes of display and text (before compression) in a pack, unless `serializeParts({ packBytes })`
 * says otherwise: `preload()` fetches a few packs rather than two files a chunk.
 */
export const PACK_BYTES = 1 << 20

/**
 * The sections of the packs of a split index: the chunks' display and text sections again, in
 * order, a pack closed once it holds `packBytes` of them (none with a single chunk, or when
 * `packBytes` is 0). `preload()` fetches a few packs rather than two files a chunk.
 */
export function packChunks(chunks: readonly EncodedChunk[], packBytes: number): Record<string, Uint8Array>[] {
  const packs: Record<string, Uint8Array>[] = []
  if (packBytes <= 0 || chunks.length < 2) return packs
  let size = Infinity
  chunks.forEach((chunk, i) => {
    if (size >= packBytes) packs.push({}), (size = 0)
    const pack = packs.at(-1)!
    pack[`display-${i}`] = chunk.display
    size += chunk.display.length
    for (const [name, bytes] of Object.entries(chunk.text)) {
      pack[`text-${i}.${name}`] = bytes
      size += bytes.length
    }
  })
  return packs
}
