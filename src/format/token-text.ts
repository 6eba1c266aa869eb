import { analyze } from '../analysis/analyzer.js'
import { corruptIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { ByteReader, ByteWriter } from './bytes.js'

/**
 * Text stored as its token stream (a forward index): per token, the rank of its term in the
 * dictionary and how its surface is written (lower case, Capitalized, UPPER, or a literal), plus the
 * separators between tokens. It rebuilds the text exactly, and it is also the text's positions:
 * phrases are checked on it directly. It is smaller than gzip'd text plus positions (see DESIGN.md).
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

const LOWER = 0
const CAPITALIZED = 1
const UPPER = 2
const LITERAL = 3

function caseOf(surface: string, term: string): number {
  if (surface === term) return LOWER
  if (surface === term.toUpperCase()) return UPPER
  if (surface === term.charAt(0).toUpperCase() + term.slice(1)) return CAPITALIZED
  return LITERAL
}

/** Encodes the texts of consecutive documents; `rankOf` numbers each term (frequent terms small). */
export function encodeTokenText(texts: readonly string[], analyzer: AnalyzerPreset, rankOf: (term: string) => number): TokenText {
  const ranks = new ByteWriter()
  const cases: number[] = []
  const literals: string[] = []
  const separators: string[] = []
  for (const text of texts) {
    const tokens = analyze(text, analyzer)
    ranks.varint(tokens.length)
    let cursor = 0
    for (const token of tokens) {
      separators.push(text.slice(cursor, token.start))
      cursor = token.end
      const surface = text.slice(token.start, token.end)
      ranks.varint(rankOf(token.term))
      const kind = caseOf(surface, token.term)
      cases.push(kind)
      if (kind === LITERAL) literals.push(surface)
    }
    separators.push(text.slice(cursor))
  }
  return { ranks: ranks.finish(), cases: Uint8Array.from(cases), literals, separators }
}

/** One document's tokens as term ranks, and its rebuilt text. */
export interface DecodedDocument {
  ranks: Uint32Array
  text: string
}


/** Decodes `count` documents written by `encodeTokenText`; `termOf` names each rank. */
export function decodeTokenText(data: TokenText, count: number, termOf: (rank: number) => string | undefined): DecodedDocument[] {
  const reader = new ByteReader(data.ranks)
  const documents: DecodedDocument[] = []
  let token = 0
  let literal = 0
  let separator = 0
  for (let d = 0; d < count; d++) {
    const n = reader.varint()
    if (n > data.cases.length - token) throw corruptIndex('a text has more tokens than its data')
    const ranks = new Uint32Array(n)
    let text = ''
    for (let i = 0; i < n; i++, token++) {
      const rank = reader.varint()
      const term = termOf(rank)
      if (term === undefined) throw corruptIndex('a text names an unknown term')
      ranks[i] = rank
      const sep = data.separators[separator++]
      if (typeof sep !== 'string') throw corruptIndex('a text lacks its separators')
      const kind = data.cases[token]
      let surface: string | undefined
      if (kind === LOWER) surface = term
      else if (kind === UPPER) surface = term.toUpperCase()
      else if (kind === CAPITALIZED) surface = term.charAt(0).toUpperCase() + term.slice(1)
      else if (kind === LITERAL) surface = data.literals[literal++]
      if (typeof surface !== 'string') throw corruptIndex('a text lacks a token surface')
      text += sep + surface
    }
    const last = data.separators[separator++]
    if (typeof last !== 'string') throw corruptIndex('a text lacks its separators')
    documents.push({ ranks, text: text + last })
  }
  if (!reader.done || token !== data.cases.length || literal !== data.literals.length || separator !== data.separators.length) {
    throw corruptIndex('a text chunk has data left over')
  }
  return documents
}

/** Term ranks for token text: terms in most documents first, then alphabetically (`rank → term`). */
export function rankTerms(entries: Iterable<[string, number]>): string[] {
  return [...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([term]) => term)
}
