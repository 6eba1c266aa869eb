import { analyze } from '../analysis/analyzer.js'
import type { AnalyzerPreset } from '../types.js'

/** What counts as a match when highlighting: single terms by a predicate, and phrases as term sequences. */
export interface MatchSpec {
  /** Whether an analyzed term of the text matches a (non-phrase) query term. */
  isMatch(term: string): boolean
  /** Phrases, as analyzed term sequences; marked only where the whole sequence occurs. */
  phrases: readonly (readonly string[])[]
  /** The term codes that `isMatch` accepts as a bit set, for tokens read with their codes (checked without their terms). */
  codes?: Uint32Array
  /** The code, when `codes` holds one: found with `indexOf`, several times faster on a long text than a bit test a token. */
  onlyCode?: number | undefined
}

/** A text's analyzed tokens, read by index: its term, and its `[start, end)` offsets in the text. */
export interface TokenList {
  length: number
  term(i: number): string
  start(i: number): number
  end(i: number): number
  /** Per token (at least `length` of them), its term's code in token text, for a stored text's tokens. */
  codes?: Uint32Array
}

/** The tokens of `analyze(text)` as a `TokenList`. */
export function analyzedTokens(text: string, preset: AnalyzerPreset): TokenList {
  const tokens = analyze(text, preset)
  return { length: tokens.length, term: (i) => tokens[i]!.term, start: (i) => tokens[i]!.start, end: (i) => tokens[i]!.end }
}

/** A highlighted span of the original text, with the key of what it matched (for snippet coverage). */
export interface MatchRange {
  start: number
  end: number
  key: string
}

/**
 * Finds the spans of a text that the spec matches, in order and without overlap, from its analyzed
 * `tokens`: each phrase occurrence is one span (overlapping occurrences merge), and its words are
 * not matched on their own.
 */
export function matchRanges(spec: MatchSpec, tokens: TokenList): MatchRange[] {
  const ranges: MatchRange[] = []
  // Tokens before `reach` belong to a phrase occurrence found so far.
  let reach = 0
  // Without phrases, a token whose code is not matched is passed over without reading its term.
  const bits = spec.phrases.length ? undefined : spec.codes
  const count = tokens.length
  const codes = bits && tokens.codes?.subarray(0, count)
  const only = spec.onlyCode
  for (let i = 0; i < count; i++) {
    if (codes && only !== undefined) i = Math.min(count, codes.indexOf(only, i) >>> 0)
    else if (codes) while (i < count && !((bits![codes[i]! >>> 5]! >>> codes[i]!) & 1)) i++
    if (i === count) break
    const term = tokens.term(i)
    const continued = i < reach
    for (const phrase of spec.phrases) {
      if (phrase.every((word, k) => i + k < count && tokens.term(i + k) === word)) reach = Math.max(reach, i + phrase.length)
    }
    const last = ranges.at(-1)!
    if (continued) {
      last.end = tokens.end(i)
      last.key += ' ' + term
    } else if (i < reach || spec.isMatch(term)) {
      ranges.push({ start: tokens.start(i), end: tokens.end(i), key: term })
    }
  }
  return ranges
}
