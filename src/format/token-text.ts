import { analyze } from '../analysis/analyzer.js'
import { checkIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { ByteReader, ByteWriter } from './bytes.js'

import { compareByDocumentCount } from '../term-order.js'

/**
 * Text stored as its token stream (a forward index): per token, the code of its term (see
 * `termsByCode()`) and how its surface is written (lower case, Capitalized, UPPER, or a literal),
 * plus the separators between tokens. It rebuilds the text exactly, and its term codes are also
 * what phrases are checked on.
 */
export interface TokenText {
  /** Per document: token count, then each token's term code (varints). */
  codes: Uint8Array
  /** One byte per token: 0 lower case, 1 Capitalized, 2 UPPER, 3 literal. */
  cases: Uint8Array
  /** Surfaces that no case flag rebuilds (diacritics, possessives, "U.S."), in order. */
  literals: string[]
  /** Per document, the text between tokens: token count + 1 strings. */
  separators: string[]
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
  const codes = new ByteWriter()
  const tokenCodes: number[][] = []
  const cases: number[] = []
  const literals: string[] = []
  const separators: string[] = []
  for (const text of texts) {
    const tokens = analyze(text, analyzer)
    const own = tokens.map((token) => codeOf(token.term))
    tokenCodes.push(own)
    codes.varint(tokens.length)
    let cursor = 0
    tokens.forEach((token, i) => {
      separators.push(text.slice(cursor, token.start))
      cursor = token.end
      const surface = text.slice(token.start, token.end)
      codes.varint(own[i]!)
      const kind = caseOf(surface, token.term)
      cases.push(kind)
      if (kind === Case.Literal) literals.push(surface)
    })
    separators.push(text.slice(cursor))
  }
  return { codes: codes.finish(), cases: Uint8Array.from(cases), literals, separators, tokenCodes }
}

/** The term codes of a chunk's documents: all in one array, and where each document's start (count + 1). */
export interface ChunkCodes {
  codes: Uint32Array
  starts: Uint32Array
}

/**
 * Decodes a stream of `count` documents' term codes (per document, its token count and then each
 * token's code) holding `total` tokens in all; `terms` bounds the codes.
 */
export function decodeChunkCodes(bytes: Uint8Array, count: number, total: number, terms: number): ChunkCodes {
  const reader = new ByteReader(bytes, 'text chunk')
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
 * Where each document of a chunk starts among the chunk's literals (count + 1), checking that the
 * chunk's cases, literals and separators agree with its codes.
 */
export function literalStarts(data: TokenText, { starts }: ChunkCodes): Uint32Array {
  const count = starts.length - 1
  const literalsAt = new Uint32Array(count + 1)
  let literal = 0
  for (let d = 0; d < count; d++) {
    for (let t = starts[d]!; t < starts[d + 1]!; t++) if (data.cases[t] === Case.Literal) literal++
    literalsAt[d + 1] = literal
  }
  checkIndex(data.cases.length === starts[count], 'text chunk: not one case per token')
  checkIndex(literal === data.literals.length, 'text chunk: not one literal per literal case')
  checkIndex(data.separators.length === starts[count]! + count, 'text chunk: not one separator around each token')
  return literalsAt
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
 * Rebuilds document `d` of a chunk from its decoded codes, given where it starts among the literals
 * (`literalStarts()`); `termOf` names each code. Stops after the token that reaches `maxChars`
 * characters.
 */
export function decodeText(
  data: TokenText,
  { codes, starts }: ChunkCodes,
  d: number,
  literalStart: number,
  termOf: (code: number) => string,
  maxChars = Infinity,
): DecodedText {
  // Parts joined once: a string grown by += is a rope that holds far more memory than its text.
  const parts: (string | undefined)[] = []
  let literal = literalStart
  // Each document has one separator before each token and one after the last.
  let separator = starts[d]! + d
  let length = 0
  const first = starts[d]!
  let t = first
  const tokenStarts = new Uint32Array(starts[d + 1]! - first)
  const tokenEnds = new Uint32Array(tokenStarts.length)
  for (; t < starts[d + 1]! && length < maxChars; t++) {
    const before = data.separators[separator++]
    const surface = surfaceOf(data.cases[t], termOf(codes[t]!), () => data.literals[literal++])
    checkIndex(typeof before === 'string' && typeof surface === 'string', 'text chunk')
    parts.push(before, surface)
    tokenStarts[t - first] = length + before.length
    length += before.length + surface.length
    tokenEnds[t - first] = length
  }
  const complete = t === starts[d + 1]
  if (complete) parts.push(data.separators[separator])
  checkIndex(parts.every((part) => typeof part === 'string'), 'text chunk')
  const count = t - first
  return { text: parts.join(''), complete, codes: codes.subarray(first, t), starts: tokenStarts.subarray(0, count), ends: tokenEnds.subarray(0, count) }
}

/**
 * The terms by their code in token text: terms in most documents first, then alphabetically, so that
 * frequent terms get small codes (short varints). `entries` are `[term, document count]`.
 */
export function termsByCode(entries: Iterable<[string, number]>): string[] {
  const list = [...entries]
  if (list.some((entry, i) => i > 0 && list[i - 1]![0] >= entry[0])) list.sort((a, b) => compareByDocumentCount(a[0], 0, b[0], 0))
  // A stable sort by count keeps the alphabetical order of equal counts (and compares numbers only).
  return list.sort((a, b) => b[1] - a[1]).map(([term]) => term)
}
