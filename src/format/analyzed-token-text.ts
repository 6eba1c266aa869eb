import type { AnalyzedArticle } from '../engine/store/analyzed-text.js'
import { ByteWriter } from './bytes.js'
import type { TokenText } from './token-text.js'

/**
 * `encodeTokenText()` of consecutive documents from their analyses (which number terms and
 * separators in the same tables), without analyzing their bodies again: the same bytes.
 * `codes[n]` is the term code of term number `n` of the tables. Also returns each document's token
 * codes (for the positions part).
 */
export function encodeAnalyzedTokenText(docs: readonly AnalyzedArticle[], codes: Uint32Array): TokenText & { tokenCodes: Uint32Array[] } {
  // The chunk's separators, most frequent first; ties in the order first seen (a stable sort, as encodeTokenText).
  const frequency = new Map<number, number>()
  for (const doc of docs) for (const gap of doc.gaps) frequency.set(gap, (frequency.get(gap) ?? 0) + 1)
  const byFrequency = [...frequency].sort((a, b) => b[1] - a[1])
  const strings = docs[0]?.tables.gaps.strings ?? []
  const gapStrings = byFrequency.map(([gap]) => strings[gap]!)
  const gapNumber = new Map(byFrequency.map(([gap], i) => [gap, i]))
  const codeBytes = new ByteWriter()
  const gapBytes = new ByteWriter()
  const index = new ByteWriter()
  let tokens = 0
  for (const doc of docs) tokens += doc.body.length
  const cases = new Uint8Array(tokens)
  const literals: string[] = []
  const tokenCodes: Uint32Array[] = []
  let at = 0
  for (const doc of docs) {
    const [codes0, gaps0] = [codeBytes.length, gapBytes.length]
    const own = new Uint32Array(doc.body.length)
    for (let t = 0; t < own.length; t++) codeBytes.varint((own[t] = codes[doc.body[t]!]!))
    for (const gap of doc.gaps) gapBytes.varint(gapNumber.get(gap)!)
    cases.set(doc.cases, at)
    at += doc.cases.length
    for (const literal of doc.literals) literals.push(literal)
    index.varint(own.length)
    index.varint(codeBytes.length - codes0)
    index.varint(gapBytes.length - gaps0)
    index.varint(doc.literals.length)
    tokenCodes.push(own)
  }
  return { codes: codeBytes.finish(), cases, literals, gaps: gapBytes.finish(), gapStrings, index: index.finish(), tokenCodes }
}
