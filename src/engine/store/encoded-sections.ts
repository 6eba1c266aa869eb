import type { PartMeta } from './store-decoder.js'

/** Every section of every part of an encoded index (the positions part's empty when not asked for). */
export interface EncodedSections {
  meta: Omit<PartMeta, 'part' | 'build'>
  search: Record<string, Uint8Array>
  positions: Record<string, Uint8Array>
  chunks: EncodedChunk[]
}

/** One chunk of documents: its display section and its token text sections. */
export interface EncodedChunk {
  display: Uint8Array
  text: Record<string, Uint8Array>
}
