import { sentenceEnds } from '../analysis/sentences.js'
import { lowerBound } from '../lower-bound.js'
import { escapeHtml, markRanges } from './html.js'
import type { MatchRange } from './match-ranges.js'

/** Most matches that anchor a candidate window: the cost per hit stays bounded. */
const MAX_ANCHORS = 16
/** Characters read past a window's reach on each side, so that the words and sentence ends at its edges are seen whole. */
const CONTEXT = 64

/** Resolved snippet options (see `HighlightOptions`). */
export interface SnippetOptions {
  tags: readonly [string, string]
  snippetLength: number
  snippets: number
  ellipsis: string
}

/** A candidate snippet: `text[start, end)`. */
interface Window {
  start: number
  end: number
  /** Its words, lowercased, as `repeats()` compares them (read only for windows that may be shown). */
  words: () => WordsOf
  /** Its text as HTML, with the ellipsis where it cuts a sentence (built only for the windows shown). */
  html: () => string
}

/** The words of a text as `repeats()` compares them: the distinct words, and every run of `RUN` in a row. */
interface WordsOf {
  distinct: Set<string>
  runs: Set<string>
}

/** A run of this many words found in another window also makes it show the same text (a repeated quote). */
const RUN = 7
/** Share of a window's distinct words found in another for it to show the same text. */
const SAME_TEXT = 0.8

const collapse = (chunk: string): string => chunk.replace(/\s+/g, ' ')

/** `make`, called on first use only. */
function once<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

function wordsOf(text: string): WordsOf {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const runs = new Set<string>()
  for (let i = 0; i + RUN <= words.length; i++) runs.add(words.slice(i, i + RUN).join(' '))
  return { distinct: new Set(words), runs }
}

/** Whether the words `a` repeat text of `b`: most of them are in it, or a run of `RUN` of them is. */
function repeats(a: WordsOf, b: WordsOf): boolean {
  let shared = 0
  for (const word of a.distinct) if (b.distinct.has(word)) shared++
  if (shared >= a.distinct.size * SAME_TEXT) return true
  for (const run of a.runs) if (b.runs.has(run)) return true
  return false
}

/** Most matches after a match that its rating counts: rating every match stays linear in their number. */
const RATED = 64

/**
 * The matches in the order their windows are tried: each is rated by the distinct things matched
 * and the matches in the `length` characters from it (at most `RATED`), best first, earliest
 * first among equals.
 */
function byRating(ranges: readonly MatchRange[], length: number): MatchRange[] {
  const rating = ranges.map((r, k) => {
    const keys = new Set<string>()
    let next = k
    for (; next < ranges.length && next - k < RATED && ranges[next]!.end <= r.start + length; next++) keys.add(ranges[next]!.key)
    return keys.size * 1e6 + next - k
  })
  return ranges.map((_, k) => k).sort((a, b) => rating[b]! - rating[a]! || a - b).map((k) => ranges[k]!)
}

/** A word (run of non-space) and `cut`: how full (a share of the length) a window must be to end with it. */
interface Word {
  start: number
  end: number
  cut: number
}

/**
 * The words of `text[from, to)`, with their `cut`: at once at a paragraph end (the text's last word
 * included), 60% at a sentence end, else never.
 */
function wordsIn(text: string, from: number, to: number): Word[] {
  const stretch = text.slice(from, to)
  const ends = new Set(sentenceEnds(stretch).map((end) => from + end))
  // A paragraph ends with the word before two line breaks, and with the text's last word.
  return [...stretch.matchAll(/\S+(?=(\s*\n\s*\n)|(\s*$)|)/g)].map((m) => {
    const start = from + m.index!
    const end = start + m[0].length
    const paragraphEnd = m[1] !== undefined || (m[2] !== undefined && to === text.length)
    return { start, end, cut: paragraphEnd ? 0 : ends.has(end) ? 0.6 : Infinity }
  })
}

/**
 * Picks the best windows of `text` around the matches (`ranges`, in order). Each match anchors a
 * window of at most `snippetLength` characters that holds it and stays in its paragraph: from its
 * sentence's start if that is within 40% of the length before the match, else from the earliest
 * word that is, up to the first sentence end past 60% of the length, else to the last whole word
 * that fits (a word too long to fit, such as a URL, leaves only the match). Matches are tried best
 * rated first (see `byRating`), skipping those inside a window taken, at most `MAX_ANCHORS` of
 * them; a window is taken unless it overlaps or repeats (`repeats`) one taken, or text already
 * `shown`, such as the title (when all of them do, the first alone is shown). Each window reads
 * only the text it can reach, so the cost per hit is bounded whatever the text's size. Windows
 * come in text order, with the ellipsis where they cut a sentence.
 */
export function snippets(text: string, ranges: readonly MatchRange[], options: SnippetOptions, shown = ''): string[] {
  const length = options.snippetLength
  if (options.snippets <= 0 || length <= 0 || !text.trim()) return []
  const mark = escapeHtml(options.ellipsis)
  const windowAt = (r: { start: number; end: number }): Window => {
    const earliest = r.start - length * 0.4
    const words = wordsIn(text, Math.max(0, Math.floor(earliest) - CONTEXT), Math.min(text.length, r.start + length + CONTEXT))
    // The first word ending after `offset`.
    const wordAfter = (offset: number): number => lowerBound(0, words.length, (k) => words[k]!.end <= offset)
    let i = Math.min(wordAfter(r.start), words.length - 1)
    while (i > 0 && words[i - 1]!.cut > 1 && words[i - 1]!.start >= earliest) i--
    let start = words[i]!.start
    // The first word from the match's last one that the window may end with or after which the next
    // word does not fit (the stretch's last word ends every window).
    let j = Math.min(wordAfter(r.end - 1), words.length - 1)
    while (j + 1 < words.length && (words[j]!.end - start) / length < words[j]!.cut && words[j + 1]!.end <= start + length) j++
    let end = words[j]!.end
    if (end > start + length) {
      // The words around the match do not fit (a long URL): the window is the match alone.
      start = r.start
      end = Math.min(r.end, start + length)
    }
    const inside: MatchRange[] = []
    for (let m = lowerBound(0, ranges.length, (k) => ranges[k]!.start < start); m < ranges.length && ranges[m]!.end <= end; m++) inside.push(ranges[m]!)
    return {
      start,
      end,
      words: once(() => wordsOf(text.slice(start, end))),
      html: () =>
        (start !== words[i]!.start || (i > 0 && words[i - 1]!.cut > 1) ? mark : '') +
        markRanges(text, inside, options.tags, start, end, collapse) +
        (end !== words[j]!.end || words[j]!.cut > 1 ? mark : ''),
    }
  }
  const seen = wordsOf(shown)
  const made: Window[] = []
  const chosen: Window[] = []
  // Without matches, the text's first word anchors the one window.
  const first = /\S+/.exec(text)!
  for (const r of ranges[0] ? byRating(ranges, length) : [{ start: first.index, end: first.index + first[0].length }]) {
    if (chosen.length === options.snippets || made.length === MAX_ANCHORS) break
    if (chosen.some((w) => w.start <= r.start && r.start < w.end)) continue
    const w = windowAt(r)
    made.push(w)
    // Overlap is checked first: it is cheap, and most candidates around a frequent word overlap.
    if (chosen.some((c) => w.start < c.end && c.start < w.end)) continue
    const clash = (c: Window): boolean => repeats(w.words(), c.words()) || repeats(c.words(), w.words())
    if (!repeats(w.words(), seen) && !chosen.some(clash)) chosen.push(w)
  }
  // When every window repeats the title, the best one is shown all the same.
  if (!chosen[0]) chosen.push(made[0]!)
  return chosen.sort((a, b) => a.start - b.start).map((w) => w.html())
}
