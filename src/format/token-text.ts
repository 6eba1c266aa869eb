import { analyze } from '../analysis/analyzer.js'
import { checkIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { ByteReader, ByteWriter } from './bytes.js'

/**
 * Text stored as its token stream (a forward index), a chunk of documents at a time: per token, the
 * code of its term (see `termsByCode()`), how its surface is written (lower case, Capitalized,
 * UPPER, or a literal) and the number of the separator before it; the chunk's distinct separators
 * once. It rebuilds the text exactly; an index says where each document's share of every stream
 * starts, so one document is rebuilt alone. Its term codes are also what phrases are checked on.
 */
export interface TokenText {
  /** Per token, its term code (varints). */
  codes: Uint8Array
  /** One byte per token: 0 lower case, 1 Capitalized, 2 UPPER, 3 literal. */
  cases: Uint8Array
  /** Surfaces that no case flag rebuilds (diacritics, possessives, "U.S."), in order. */
  literals: string[]
  /** Per separator (before each token, and one after a document's last), its number in `gapStrings` (varints). */
  gaps: Uint8Array
  /** The chunk's distinct separators, most frequent first (so the usual one takes one byte). */
  gapStrings: string[]
  /** Per document: its token count, the byte lengths of its codes and of its gaps, its literal count (varints). */
  index: Uint8Array
}

/** How a token's surface is written. */
const enum Case {
  Lower,
  Capitalized,
  Upper,
  Literal,
}

const capitalize = (term: string): string => term.charAt(0).toUpperCase() + term.slice(1)

function caseOf(surface: string, term: string): Case {
  if (surface === term) return Case.Lower
  if (surface === term.toUpperCase()) return Case.Upper
  if (surface === capitalize(term)) return Case.Capitalized
  return Case.Literal
}

/** A token's surface, rebuilt from its term and case; a literal is the next of `literals`. */
function surfaceOf(kind: number | undefined, term: string, nextLiteral: () => string | undefined): string | undefined {
  switch (kind) {
    case Case.Lower:
      return term
    case Case.Capitalized:
      return capitalize(term)
    case Case.Upper:
      return term.toUpperCase()
    case Case.Literal:
      return nextLiteral()
    default:
      return undefined
  }
}

/**
 * Encodes the texts of consecutive documents; `codeOf` numbers each term (see `termsByCode()`).
 * Also returns each document's token codes (for the positions part).
 */
export function encodeTokenText(texts: readonly string[], analyzer: AnalyzerPreset, codeOf: (term: string) => number): TokenText & { tokenCodes: number[][] } {
  const tokenCodes: number[][] = []
  const cases: number[] = []
  const literals: string[] = []
  const separatorsOf: string[][] = []
  const frequency = new Map<string, number>()
  const tokensOf = texts.map((text) => analyze(text, analyzer))
  tokensOf.forEach((tokens, d) => {
    const text = texts[d]!
    const separators: string[] = []
    let cursor = 0
    for (const token of tokens) {
      separators.push(text.slice(cursor, token.start))
      cursor = token.end
      const kind = caseOf(text.slice(token.start, token.end), token.term)
      cases.push(kind)
      if (kind === Case.Literal) literals.push(text.slice(token.start, token.end))
    }
    separators.push(text.slice(cursor))
    for (const separator of separators) frequency.set(separator, (frequency.get(separator) ?? 0) + 1)
    separatorsOf.push(separators)
    tokenCodes.push(tokens.map((token) => codeOf(token.term)))
  })
  const gapStrings = [...frequency].sort((a, b) => b[1] - a[1]).map(([separator]) => separator)
  const gapNumber = new Map(gapStrings.map((separator, i) => [separator, i]))
  const codes = new ByteWriter()
  const gaps = new ByteWriter()
  const index = new ByteWriter()
  let firstToken = 0
  tokenCodes.forEach((own, d) => {
    const [codes0, gaps0] = [codes.length, gaps.length]
    for (const code of own) codes.varint(code)
    for (const separator of separatorsOf[d]!) gaps.varint(gapNumber.get(separator)!)
    const literalCount = cases.slice(firstToken, firstToken + own.length).filter((kind) => kind === Case.Literal).length
    index.varint(own.length)
    index.varint(codes.length - codes0)
    index.varint(gaps.length - gaps0)
    index.varint(literalCount)
    firstToken += own.length
  })
  return { codes: codes.finish(), cases: Uint8Array.from(cases), literals, gaps: gaps.finish(), gapStrings, index: index.finish(), tokenCodes }
}

/** Where each document of a chunk starts in each stream of its token text (count + 1 each). */
export interface TextIndex {
  tokens: Float64Array
  codes: Float64Array
  gaps: Float64Array
  literals: Float64Array
}

/** Reads a chunk's index of `count` documents, checking that it adds up to the chunk's streams. */
export function decodeTextIndex(data: TokenText, count: number): TextIndex {
  const reader = new ByteReader(data.index, 'text chunk index')
  // Float64Array, not Uint32Array: a start past 2^32 must not wrap around into agreeing with the streams' lengths.
  const starts: TextIndex = { tokens: new Float64Array(count + 1), codes: new Float64Array(count + 1), gaps: new Float64Array(count + 1), literals: new Float64Array(count + 1) }
  for (let d = 0; d < count; d++) {
    starts.tokens[d + 1] = starts.tokens[d]! + reader.varint()
    starts.codes[d + 1] = starts.codes[d]! + reader.varint()
    starts.gaps[d + 1] = starts.gaps[d]! + reader.varint()
    starts.literals[d + 1] = starts.literals[d]! + reader.varint()
  }
  const ends = [[starts.tokens, data.cases], [starts.codes, data.codes], [starts.gaps, data.gaps], [starts.literals, data.literals]] as const
  checkIndex(reader.done && ends.every(([at, stream]) => at[count] === stream.length), "text chunk index: does not add up to the chunk's streams")
  return starts
}

/** The term codes of document `d` of a chunk; `terms` bounds them. */
export function decodeDocumentCodes(data: TokenText, index: TextIndex, d: number, terms: number): Uint32Array {
  const reader = new ByteReader(data.codes.subarray(index.codes[d], index.codes[d + 1]), 'text chunk codes')
  const codes = new Uint32Array(index.tokens[d + 1]! - index.tokens[d]!)
  for (let t = 0; t < codes.length; t++) {
    codes[t] = reader.varint()
    checkIndex(codes[t]! < terms, reader.what)
  }
  checkIndex(reader.done, reader.what)
  return codes
}

/** A document's text rebuilt from token text, and where each of its tokens is in it. */
export interface DecodedText {
  text: string
  /** Whether the whole text was rebuilt (decoding may stop early, see `decodeText`). */
  complete: boolean
  /** Per token rebuilt: its term code, and its `[start, end)` offsets in `text`. */
  codes: Uint32Array
  starts: Uint32Array
  ends: Uint32Array
}

/**
 * Rebuilds document `d` of a chunk alone; `termOf` names each code (`terms` of them). Stops after
 * the token that reaches `maxChars` characters.
 */
export function decodeText(data: TokenText, index: TextIndex, d: number, termOf: (code: number) => string, terms: number, maxChars = Infinity): DecodedText {
  const codes = decodeDocumentCodes(data, index, d, terms)
  const gaps = new ByteReader(data.gaps.subarray(index.gaps[d], index.gaps[d + 1]), 'text chunk gaps')
  const separator = (): string => {
    const number = gaps.varint()
    checkIndex(number < data.gapStrings.length, gaps.what)
    return data.gapStrings[number]!
  }
  const firstToken = index.tokens[d]!
  let literal = index.literals[d]!
  const nextLiteral = (): string | undefined => (literal < index.literals[d + 1]! ? data.literals[literal++] : undefined)
  // Parts joined once: a string grown by += is a rope that holds far more memory than its text.
  const parts: string[] = []
  const starts = new Uint32Array(codes.length)
  const ends = new Uint32Array(codes.length)
  let length = 0
  let t = 0
  for (; t < codes.length && length < maxChars; t++) {
    const before = separator()
    const surface = surfaceOf(data.cases[firstToken + t], termOf(codes[t]!), nextLiteral)
    checkIndex(surface !== undefined, 'text chunk: a token with no surface')
    parts.push(before, surface)
    starts[t] = length + before.length
    length += before.length + surface.length
    ends[t] = length
  }
  const complete = t === codes.length
  if (complete) {
    parts.push(separator())
    checkIndex(gaps.done, gaps.what)
  }
  return { text: parts.join(''), complete, codes: codes.subarray(0, t), starts: starts.subarray(0, t), ends: ends.subarray(0, t) }
}

/** The term codes of a chunk's documents: all in one array, and where each document's start (count + 1). */
export interface ChunkCodes {
  codes: Uint32Array
  starts: Uint32Array
}

/**
 * Decodes a stream of `count` documents' term codes (per document, its token count and then each
 * token's code) holding `total` tokens in all; `terms` bounds the codes. (The positions part.)
 */
export function decodeChunkCodes(bytes: Uint8Array, count: number, total: number, terms: number): ChunkCodes {
  const reader = new ByteReader(bytes, 'positions chunk')
  // Each code takes at least a byte: document lengths claiming more tokens are refused before allocating.
  checkIndex(total <= bytes.length, reader.what)
  const codes = new Uint32Array(total)
  const starts = new Uint32Array(count + 1)
  let token = 0
  for (let d = 0; d < count; d++) {
    const n = reader.varint()
    checkIndex(n <= codes.length - token, reader.what)
    for (let i = 0; i < n; i++) {
      const code = reader.varint()
      checkIndex(code < terms, reader.what)
      codes[token++] = code
    }
    starts[d + 1] = token
  }
  checkIndex(reader.done && token === codes.length, reader.what)
  return { codes, starts }
}

/**
 * The terms by their code in token text: terms in most documents first, then alphabetically, so that
 * frequent terms get small codes (short varints). `terms` are sorted; `documents[i]` is the number of
 * documents holding `terms[i]`. A counting sort on the counts: no comparison of terms.
 */
export function termsByCode(terms: readonly string[], documents: ArrayLike<number>): string[] {
  let most = 0
  for (let i = 0; i < documents.length; i++) most = Math.max(most, documents[i]!)
  // Per count, how many terms have it; then, per count, where its terms start (higher counts first).
  const next = new Uint32Array(most + 1)
  for (let i = 0; i < documents.length; i++) next[documents[i]!]!++
  for (let count = most, at = 0; count >= 0; count--) {
    const size = next[count]!
    next[count] = at
    at += size
  }
  const byCode: string[] = new Array(terms.length)
  for (let i = 0; i < terms.length; i++) byCode[next[documents[i]!]!++] = terms[i]!
  return byCode
}
