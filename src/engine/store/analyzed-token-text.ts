import type { AnalyzedArticle } from './analyzed-text.js'
import { ByteWriter } from '../../format/bytes.js'
import type { TokenText } from '../../format/token-text.js'

/**
 * `encodeTokenText()` of consecutive documents from their analyses (which number terms and
 * separators in the same tables), without analyzing their bodies again: the same bytes.
 * `codes[n]` is the term code of term number `n` of the tables. Also returns each document's token
 * codes (for the positions part).
 */
export function encodeAnalyzedTokenText(docs: readonly AnalyzedArticle[], codes: Uint32Array): TokenText & { tokenCodes: Uint32Array[] } {
  // The chunk's separators, most frequent first; ties in the order first seen (a stable sort, as
  // encodeTokenText). Counted in arrays by separator number: a Map lookup per token costs more.
  const strings = docs[0]?.tables.gaps.strings ?? []
  const frequency = new Uint32Array(strings.length)
  const seen: number[] = []
  for (const doc of docs) {
    for (const gap of doc.gaps) if (frequency[gap]!++ === 0) seen.push(gap)
  }
  const byFrequency = seen.sort((a, b) => frequency[b]! - frequency[a]!)
  const gapStrings = byFrequency.map((gap) => strings[gap]!)
  const gapNumber = new Uint32Array(strings.length)
  byFrequency.forEach((gap, i) => (gapNumber[gap] = i))
  const index = new ByteWriter()
  let tokens = 0
  for (const doc of docs) tokens += doc.body.length
  // Varints written in place (at most 5 bytes a 32-bit number), not through a ByteWriter call each.
  const codeBytes = new Uint8Array(tokens * 5)
  const gapBytes = new Uint8Array((tokens + docs.length) * 5)
  let [c, g] = [0, 0]
  const cases = new Uint8Array(tokens)
  const literals: string[] = []
  const tokenCodes: Uint32Array[] = []
  let at = 0
  for (const doc of docs) {
    const [codes0, gaps0] = [c, g]
    const own = new Uint32Array(doc.body.length)
    for (let t = 0; t < own.length; t++) {
      let v = (own[t] = codes[doc.body[t]!]!)
      for (; v >= 0x80; v >>>= 7) codeBytes[c++] = (v & 0x7f) | 0x80
      codeBytes[c++] = v
    }
    for (let t = 0; t < doc.gaps.length; t++) {
      let v = gapNumber[doc.gaps[t]!]!
      for (; v >= 0x80; v >>>= 7) gapBytes[g++] = (v & 0x7f) | 0x80
      gapBytes[g++] = v
    }
    cases.set(doc.cases, at)
    at += doc.cases.length
    for (const literal of doc.literals) literals.push(literal)
    index.varint(own.length)
    index.varint(c - codes0)
    index.varint(g - gaps0)
    index.varint(doc.literals.length)
    tokenCodes.push(own)
  }
  return { codes: codeBytes.slice(0, c), cases, literals, gaps: gapBytes.slice(0, g), gapStrings, index: index.finish(), tokenCodes }
}
