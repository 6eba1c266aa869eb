import { analyze } from '../analysis/analyzer.js'
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

/** Finds the spans of `text` that the spec matches, in order and without overlap. */
export function matchRanges(text: string, spec: MatchSpec, preset: AnalyzerPreset): MatchRange[] {
  const tokens = analyze(text, preset)
  const ranges: MatchRange[] = []
  const covered = new Uint8Array(tokens.length)
  for (const phrase of spec.phrases) {
    if (phrase.length === 0) continue
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let k = 0
      while (k < phrase.length && tokens[i + k]!.term === phrase[k]) k++
      if (k < phrase.length) continue
      for (let j = i; j < i + k; j++) covered[j] = 1
      ranges.push({ start: tokens[i]!.start, end: tokens[i + k - 1]!.end, key: phrase.join(' ') })
      i += k - 1
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!covered[i] && spec.isMatch(token.term)) ranges.push({ start: token.start, end: token.end, key: token.term })
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: MatchRange[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end)
    } else {
      merged.push({ ...range })
    }
  }
  return merged
}
