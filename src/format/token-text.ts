import { analyze } from '../analysis/analyzer.js'
import { checkIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { ByteReader, ByteWriter } from './bytes.js'

/**
 * Text stored as its token stream (a forward index): per token, the rank of its term in the
 * dictionary and how its surface is written (lower case, Capitalized, UPPER, or a literal), plus the
 * separators between tokens. It rebuilds the text exactly, and its ranks are also what phrases
 * are checked on. It is smaller than gzip'd text (see DESIGN.md).
 */
export interface TokenText {
  /** Per document: token count, then each token's term rank (varints). */
  ranks: Uint8Array
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

function caseOf(surface: string, term: string): number {
  if (surface === term) return Case.Lower
  if (surface === term.toUpperCase()) return Case.Upper
  if (surface === term.charAt(0).toUpperCase() + term.slice(1)) return Case.Capitalized
  return Case.Literal
}

/**
 * Encodes the texts of consecutive documents; `rankOf` numbers each term (frequent terms small).
 * Also returns each document's token ranks (for the positions part).
 */
export function encodeTokenText(texts: readonly string[], analyzer: AnalyzerPreset, rankOf: (term: string) => number): TokenText & { tokenRanks: number[][] } {
  const ranks = new ByteWriter()
  const tokenRanks: number[][] = []
  const cases: number[] = []
  const literals: string[] = []
  const separators: string[] = []
  for (const text of texts) {
    const tokens = analyze(text, analyzer)
    const own = tokens.map((token) => rankOf(token.term))
    tokenRanks.push(own)
    ranks.varint(tokens.length)
    let cursor = 0
    tokens.forEach((token, i) => {
      separators.push(text.slice(cursor, token.start))
      cursor = token.end
      const surface = text.slice(token.start, token.end)
      ranks.varint(own[i]!)
      const kind = caseOf(surface, token.term)
      cases.push(kind)
      if (kind === Case.Literal) literals.push(surface)
    })
    separators.push(text.slice(cursor))
  }
  return { ranks: ranks.finish(), cases: Uint8Array.from(cases), literals, separators, tokenRanks }
}

/** The term ranks of a chunk's documents: all in one array, and where each document's start (count + 1). */
export interface ChunkRanks {
  ranks: Uint32Array
  starts: Uint32Array
}

/**
 * Decodes a ranks stream of `count` documents (per document, its token count and then each token's
 * term rank) holding `total` tokens in all; `terms` bounds the ranks.
 */
export function decodeRanks(bytes: Uint8Array, count: number, total: number, terms: number): ChunkRanks {
  const reader = new ByteReader(bytes, 'text chunk')
  const ranks = new Uint32Array(total)
  const starts = new Uint32Array(count + 1)
  let token = 0
  for (let d = 0; d < count; d++) {
    const n = reader.varint()
    checkIndex(n <= ranks.length - token, reader.what)
    for (let i = 0; i < n; i++) {
      const rank = reader.varint()
      checkIndex(rank < terms, reader.what)
      ranks[token++] = rank
    }
    starts[d + 1] = token
  }
  checkIndex(reader.done && token === ranks.length, reader.what)
  return { ranks, starts }
}

/** Rebuilds the texts of a chunk's documents from their decoded ranks; `termOf` names each rank. */
export function decodeTexts(data: TokenText, { ranks, starts }: ChunkRanks, termOf: (rank: number) => string): string[] {
  const texts: string[] = []
  let literal = 0
  let separator = 0
  for (let d = 0; d + 1 < starts.length; d++) {
    // Parts joined once: a string grown by += is a rope that holds far more memory than its text.
    const parts: (string | undefined)[] = []
    for (let t = starts[d]!; t < starts[d + 1]!; t++) {
      const term = termOf(ranks[t]!)
      const kind = data.cases[t]
      parts.push(
        data.separators[separator++],
        kind === Case.Lower ? term : kind === Case.Upper ? term.toUpperCase() : kind === Case.Capitalized ? term.charAt(0).toUpperCase() + term.slice(1) : kind === Case.Literal ? data.literals[literal++] : undefined,
      )
    }
    parts.push(data.separators[separator++])
    checkIndex(parts.every((part) => typeof part === 'string'), 'text chunk')
    texts.push(parts.join(''))
  }
  checkIndex(literal === data.literals.length && separator === data.separators.length, 'text chunk')
  return texts
}

/** Term ranks for token text: terms in most documents first, then alphabetically (`rank → term`). */
export function rankTerms(entries: Iterable<[string, number]>): string[] {
  return [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term]) => term)
}
