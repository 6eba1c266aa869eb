import { analyze, type Token } from '../analysis/analyzer.js'
import type { AnalyzerPreset } from '../types.js'

/** What counts as a match when highlighting: single terms by a predicate, and phrases as term sequences. */
export interface MatchSpec {
  /** Whether an analyzed term of the text matches a (non-phrase) query term. */
  isMatch(term: string): boolean
  /** Phrases, as analyzed term sequences; marked only where the whole sequence occurs. */
  phrases: readonly (readonly string[])[]
}

/** A highlighted span of the original text, with the key of what it matched (for snippet coverage). */
export interface MatchRange {
  start: number
  end: number
  key: string
}

/**
 * Finds the spans of `text` that the spec matches, in order and without overlap: each phrase
 * occurrence is one span (overlapping occurrences merge), and its words are not matched on their own.
 * `tokens` are the text's analyzed tokens, when they are at hand.
 */
export function matchRanges(text: string, spec: MatchSpec, preset: AnalyzerPreset, tokens: readonly Token[] = analyze(text, preset)): MatchRange[] {
  const ranges: MatchRange[] = []
  // Tokens before `reach` belong to a phrase occurrence found so far.
  let reach = 0
  tokens.forEach(({ term, start, end }, i) => {
    const continued = i < reach
    for (const phrase of spec.phrases) {
      if (phrase.every((word, k) => tokens[i + k]?.term === word)) reach = Math.max(reach, i + phrase.length)
    }
    const last = ranges.at(-1)!
    if (continued) {
      last.end = end
      last.key += ' ' + term
    } else if (i < reach || spec.isMatch(term)) {
      ranges.push({ start, end, key: term })
    }
  })
  return ranges
}
