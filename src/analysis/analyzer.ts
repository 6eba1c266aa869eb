import type { AnalyzerPreset } from '../types.js'
import { fold } from './fold.js'

/** One analyzed token: its indexed `term`, its `[start, end)` offsets in the original text and its `position`. */
export interface Token {
  term: string
  start: number
  end: number
  position: number
}

/** Letters and digits, with inner apostrophes ("don't", "Iraq’s") and inner dots of abbreviations ("U.S."). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*|\.(?=\p{L}\.)\p{L})*\.?/gu
const POSSESSIVE = /['’]s$/
/** Whatever folding leaves that is not a letter or digit ('½' folds to '1⁄2'). */
const NOT_WORD = /[^\p{L}\p{N}]/gu
/** Longest term kept, in UTF-16 units; longer words are cut so that garbage input stays cheap. */
export const MAX_TOKEN_LENGTH = 40

/** Turns the surface of one token into its indexed term, or `''` when it should be dropped. */
export function normalizeTerm(surface: string, preset: AnalyzerPreset = 'english'): string {
  let term = fold(surface)
  if (preset === 'english') term = term.replace(POSSESSIVE, '')
  term = term.replace(NOT_WORD, '')
  if (term.length <= MAX_TOKEN_LENGTH) return term
  // Cut in UTF-16 units, but never inside a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(term[MAX_TOKEN_LENGTH - 1]!) ? MAX_TOKEN_LENGTH - 1 : MAX_TOKEN_LENGTH
  return term.slice(0, cut)
}

/**
 * The one analyzer: tokenizes `text` and normalizes each token, keeping original offsets.
 * Indexing, query parsing and highlighting all call it, so what is highlighted is what matched.
 */
export function analyze(text: string, preset: AnalyzerPreset = 'english'): Token[] {
  const tokens: Token[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let surface = m[0]
    // A trailing dot belongs to the token only for abbreviations such as "U.S."
    if (surface.endsWith('.') && !/\.[\p{L}]\.$/u.test(surface)) surface = surface.slice(0, -1)
    const term = normalizeTerm(surface, preset)
    if (term === '') continue
    tokens.push({ term, start: m.index, end: m.index + surface.length, position: tokens.length })
  }
  return tokens
}

/** The terms of `text`, in order. */
export function analyzeTerms(text: string, preset: AnalyzerPreset = 'english'): string[] {
  return analyze(text, preset).map((token) => token.term)
}
