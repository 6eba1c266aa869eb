import { ByteReader, ByteWriter } from '../../format/bytes.js'

/** Whether two byte arrays hold the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** `fresh`, or `old` when it holds the same bytes (so that its CRC-32 is known already). */
export const reuse = (old: Uint8Array | undefined, fresh: Uint8Array): Uint8Array => (old && sameBytes(old, fresh) ? old : fresh)

/** Writes `value` as a varint. */
function varint(out: Uint8Array, at: number, value: number): number {
  let v = value
  for (; v >= 0x80; v >>>= 7) out[at++] = (v & 0x7f) | 0x80
  out[at++] = v
  return at
}

/**
 * A chunk's token text and positions with every term code renumbered by `recode` (the other
 * streams stay; the text index says how long each document's codes are, so it is written again).
 */
export function recodeChunk(text: Record<string, Uint8Array>, ranks: Uint8Array, recode: Uint32Array): { text: Record<string, Uint8Array>; positions: Uint8Array } {
  const index = new ByteReader(text.index!, 'snapshot')
  const codes = new ByteReader(text.codes!, 'snapshot')
  // A code takes 1 to 5 bytes: renumbered, at most 5 times the bytes.
  const out = new Uint8Array(text.codes!.length * 5)
  const newIndex = new ByteWriter()
  let at = 0
  while (!index.done) {
    const tokens = index.varint()
    index.varint()
    const gapBytes = index.varint()
    const literals = index.varint()
    const start = at
    for (let k = 0; k < tokens; k++) at = varint(out, at, recode[codes.varint()]!)
    newIndex.varint(tokens)
    newIndex.varint(at - start)
    newIndex.varint(gapBytes)
    newIndex.varint(literals)
  }
  const positions = new ByteReader(ranks, 'snapshot')
  const recoded = new Uint8Array(ranks.length * 5)
  let p = 0
  while (!positions.done) {
    const tokens = positions.varint()
    p = varint(recoded, p, tokens)
    for (let k = 0; k < tokens; k++) p = varint(recoded, p, recode[positions.varint()]!)
  }
  const codesNow = out.slice(0, at)
  const indexNow = newIndex.finish()
  return {
    text: { ...text, codes: reuse(text.codes, codesNow), index: reuse(text.index, indexNow) },
    positions: recoded.slice(0, p),
  }
}
