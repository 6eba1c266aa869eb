import { analyze } from '../analysis/analyzer.js'
import { checkIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { lowerBound } from '../lower-bound.js'
import { ByteReader, ByteWriter } from './bytes.js'

/**
 * Text stored as its token stream (a forward index), a chunk of documents at a time: per token, the
 * code of its term (see `termCodes()`), how its surface is written (lower case, Capitalized,
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

/** How a token's surface is written, against its term (lower case, Capitalized, UPPER or a literal). */
export function caseOf(surface: string, term: string): Case {
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
 * Encodes the texts of consecutive documents; `codeOf` numbers each term (see `termCodes()`).
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
  // Read to its end, and adding up to every stream: one case per token, the codes, gaps and
  // literals as long as it says (one message for all: the runtime bundle pays for each).
  checkIndex(
    reader.done && starts.tokens[count] === data.cases.length && starts.codes[count] === data.codes.length && starts.gaps[count] === data.gaps.length && starts.literals[count] === data.literals.length,
    reader.what,
  )
  return starts
}

/**
 * A document's text as token text lays it out: where each of its tokens is, computed from the
 * lengths of its terms and separators, with the text itself rebuilt only for the stretches asked
 * for (see `layoutText`).
 */
export interface LaidOutText {
  /** The length of the text laid out (up to the first token end past `maxChars`, or all of it). */
  length: number
  /** Whether the whole text was laid out. */
  complete: boolean
  /** The number of tokens laid out. */
  tokens: number
  /** Per token (at least those laid out), its term code. */
  codes: Uint32Array
  /** Where token `t` starts in the text. */
  start(t: number): number
  /** Where token `t` ends in the text. */
  end(t: number): number
  /** `text[from, to)` (default all of it), rebuilt from the tokens and separators it overlaps. */
  slice(from?: number, to?: number): string
}

/** Tokens between two marks of a laid-out text (see `layoutText`). */
const MARK = 64

/** The terms by code (see `termCodes()`), with what laying text out and matching read of them. */
export interface CodedTerms {
  terms: readonly string[]
  /**
   * Per code, its term's length, which its Capitalized and UPPER surfaces share, or -1 where they
   * may not; 0 until first needed (see `termLength`).
   */
  lengths: Int32Array
  /** Per term in sorted order, its code. */
  codes: Uint32Array
}

/** Numbers sorted `terms` (`documents[i]` holding the `i`th) as token text does. */
export function codedTerms(terms: readonly string[], documents: ArrayLike<number>): CodedTerms {
  const codes = termCodes(documents)
  const byCode: string[] = new Array(terms.length)
  for (let i = 0; i < terms.length; i++) byCode[codes[i]!] = terms[i]!
  return { terms: byCode, lengths: new Int32Array(terms.length), codes }
}

/** The length of the term of `code` (kept in `coded.lengths`), or -1 when upper-casing may change it: it holds a letter from U+00DF (ß, ŉ, ǰ, ligatures…). */
function termLength(coded: CodedTerms, code: number): number {
  let length = coded.lengths[code]!
  if (length === 0) {
    const term = coded.terms[code]!
    length = term.length
    for (let k = 0; k < term.length && length >= 0; k++) if (term.charCodeAt(k) >= 0xdf) length = -1
    coded.lengths[code] = length
  }
  return length
}

/**
 * Lays out document `d` of a chunk, its codes bounded by `coded.terms`. Stops after the token that
 * reaches `maxChars` characters. Reads every stream of the document once, and builds no text:
 * `slice()` does, for what it is asked.
 */
export function layoutText(data: TokenText, index: TextIndex, d: number, coded: CodedTerms, maxChars = Infinity): LaidOutText {
  const { terms } = coded
  // Codes are read as the tokens are laid out: a huge text's tail is not decoded at all.
  const reader = new ByteReader(data.codes.subarray(index.codes[d], index.codes[d + 1]), 'text chunk codes')
  const gaps = new ByteReader(data.gaps.subarray(index.gaps[d], index.gaps[d + 1]), 'text chunk gaps')
  const separator = (): string => {
    const gap = gaps.varint()
    checkIndex(gap < data.gapStrings.length, gaps.what)
    return data.gapStrings[gap]!
  }
  const count = index.tokens[d + 1]! - index.tokens[d]!
  // A token takes a character at least: no more than `maxChars + 1` of them are laid out.
  const room = Math.min(count, maxChars + 1)
  // Per token, its code, and its start and end in the text (one array: a typed array costs more to
  // allocate than to fill); and every `MARK` tokens, where its separator is in the gaps and how many
  // literals come before it, from which `slice()` reads the separators and literals again.
  const codes = new Uint32Array(room)
  const cells = new Uint32Array(2 * room)
  const marks = new Uint32Array(2 * (Math.floor(room / MARK) + 1))
  const firstToken = index.tokens[d]!
  const firstLiteral = index.literals[d]!
  let literal = firstLiteral
  const nextLiteral = (): string | undefined => (literal < index.literals[d + 1]! ? data.literals[literal++] : undefined)
  // How far the text is laid out (a variable of the loop alone: closures read `length`, set after it).
  let reach = 0
  let t = 0
  for (; t <= room; t++) {
    // Every `MARK` tokens, and at the separator after the last token laid out when it falls on one.
    if (t % MARK === 0) {
      marks[(2 * t) / MARK] = gaps.offset
      marks[(2 * t) / MARK + 1] = literal - firstLiteral
    }
    if (t === room || reach >= maxChars) break
    const code = reader.varint()
    checkIndex(code < terms.length, reader.what)
    codes[t] = code
    const start = reach + separator().length
    const kind = data.cases[firstToken + t]!
    // The term's length, unless the token is a literal or its case changes its length.
    let size = kind < Case.Literal ? termLength(coded, code) : -1
    if (size < 0) {
      const own = surfaceOf(kind, terms[code]!, nextLiteral)
      checkIndex(own !== undefined, 'text chunk: a token with no surface')
      size = own.length
    }
    cells[2 * t] = start
    cells[2 * t + 1] = reach = start + size
  }
  const laid = t
  let length = reach
  const complete = laid === count
  if (complete) {
    length += separator().length
    checkIndex(gaps.done, gaps.what)
    checkIndex(reader.done, reader.what)
  }
  const end = (t: number): number => cells[2 * t + 1]!
  return {
    length,
    complete,
    tokens: laid,
    codes,
    start: (t) => cells[2 * t]!,
    end,
    slice(from = 0, to = length) {
      from = Math.max(0, from)
      to = Math.min(length, to)
      if (from >= to) return ''
      // From the separator before the first token that ends past `from`: its separators and
      // literals are read again from the mark before it.
      let t = lowerBound(0, laid, (k) => end(k) <= from)
      const before = Math.floor(t / MARK)
      gaps.offset = marks[2 * before]!
      literal = firstLiteral + marks[2 * before + 1]!
      for (let k = before * MARK; k < t; k++) {
        gaps.varint()
        if (data.cases[firstToken + k] === Case.Literal) literal++
      }
      const begin = t > 0 ? end(t - 1) : 0
      let text = ''
      for (let at = begin; at < to; t++) {
        text += separator()
        // After the last token, its separator alone (when the text was laid out whole).
        if (t === laid) break
        text += surfaceOf(data.cases[firstToken + t], terms[codes[t]!]!, nextLiteral)
        at = end(t)
      }
      return text.slice(from - begin, to - begin)
    },
  }
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
 * The code of each term in token text: terms in most documents first, then alphabetically, so that
 * frequent terms get small codes (short varints). `documents[i]` is the number of documents holding
 * the `i`th term in sorted order. A counting sort on the counts: no comparison of terms.
 */
export function termCodes(documents: ArrayLike<number>): Uint32Array {
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
  const codes = new Uint32Array(documents.length)
  for (let i = 0; i < documents.length; i++) codes[i] = next[documents[i]!]!++
  return codes
}
