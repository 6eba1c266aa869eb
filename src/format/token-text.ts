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

/** Rebuilds the texts of a chunk's documents from their decoded codes; `termOf` names each code. */
export function decodeTexts(data: TokenText, { codes, starts }: ChunkCodes, termOf: (code: number) => string): string[] {
  const texts: string[] = []
  let literal = 0
  let separator = 0
  for (let d = 0; d + 1 < starts.length; d++) {
    // Parts joined once: a string grown by += is a rope that holds far more memory than its text.
    const parts: (string | undefined)[] = []
    for (let t = starts[d]!; t < starts[d + 1]!; t++) {
      parts.push(data.separators[separator++], surfaceOf(data.cases[t], termOf(codes[t]!), () => data.literals[literal++]))
    }
    parts.push(data.separators[separator++])
    checkIndex(parts.every((part) => typeof part === 'string'), 'text chunk')
    texts.push(parts.join(''))
  }
  checkIndex(literal === data.literals.length && separator === data.separators.length, 'text chunk')
  return texts
}

/**
 * The terms by their code in token text: terms in most documents first, then alphabetically, so that
 * frequent terms get small codes (short varints). `entries` are `[term, document count]`.
 */
export function termsByCode(entries: Iterable<[string, number]>): string[] {
  return [...entries].sort((a, b) => compareByDocumentCount(a[0], a[1], b[0], b[1])).map(([term]) => term)
}
