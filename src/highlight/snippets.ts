import { sentenceEndAt } from '../analysis/sentences.js'
import { lowerBound } from '../lower-bound.js'
import { escapeHtml, markRanges, type TextSource } from './html.js'
import type { MatchRange, TokenList } from './match-ranges.js'

/** Characters read for the first word, which anchors the window of a text without matches. */
const LEAD = 4096

/** The first word (run of non-space, as `word` matches it) of `lead`, the start of a text; `undefined` when it has none. */
function firstWord(lead: string, word = /\S+/): { start: number; end: number } | undefined {
  const found = word.exec(lead)
  return found ? { start: found.index, end: found.index + found[0].length } : undefined
}

/** Most matches that anchor a candidate window: the cost per hit stays bounded. */
const MAX_ANCHORS = 16
/** Characters read past a window's reach on each side, so that the words and sentence ends at its edges are seen whole. */
const CONTEXT = 24

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
  /** Its terms as `repeats()` compares them (read only for windows that may be shown). */
  words: () => WordsOf
  /** Its text as HTML, with the ellipsis where it cuts a sentence (built only for the windows shown). */
  html: () => string
}

/** The terms of a stretch of text as `repeats()` compares them: the distinct ones, and every run of `RUN` in a row (hashed). */
interface WordsOf {
  distinct: Set<number>
  runs: Set<number>
}

/** A run of this many terms found in another window also makes it show the same text (a repeated quote). */
const RUN = 7
/** Share of a window's distinct terms found in another for it to show the same text. */
const SAME_TEXT = 0.8

const collapse = (chunk: string): string => chunk.replace(/\s+/g, ' ')

/** FNV-1a step: a 32-bit hash of a run of terms, folded in one term number at a time. */
const fold = (hash: number, value: number): number => Math.imul(hash ^ value, 0x01000193)

/** The `WordsOf` tokens `[from, to)` of `list`; `numbers` numbers their terms (a term met first gets the next number). */
function wordsOf(list: TokenList, from: number, to: number, numbers: Map<string, number>): WordsOf {
  const terms: number[] = []
  for (let t = from; t < to; t++) {
    const term = list.term(t)
    terms.push(numbers.get(term) ?? numbers.set(term, numbers.size).size - 1)
  }
  const runs = new Set<number>()
  for (let i = 0; i + RUN <= terms.length; i++) {
    let hash = 0x811c9dc5
    for (let k = i; k < i + RUN; k++) hash = fold(hash, terms[k]!)
    runs.add(hash)
  }
  return { distinct: new Set(terms), runs }
}

/** Whether the terms `a` repeat text of `b`: most of them are in it, or a run of `RUN` of them is. */
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

/** Whether the character of code `c` is white space (`\s`). */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && /\s/.test(String.fromCharCode(c)))
/** Whether the character of code `c` is a closing quote or bracket, which may follow a sentence's end: " ” ’ ) ]. */
const isCloser = (c: number): boolean => c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 93
/** Whether the character of code `c` is sentence-ending punctuation: . ! ? …. */
const isStop = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x2026

/**
 * The words of `stretch` (the text from `from`), with their `cut`: at once at a paragraph end (two
 * line breaks after it, or the text's last word when `last`), 60% at a sentence end (see
 * `sentenceEndAt`, tried only on words ending in its punctuation), else never.
 */
function wordsIn(stretch: string, from: number, last: boolean): Word[] {
  const words: Word[] = []
  let breaks = 0
  for (let at = 0; at <= stretch.length; ) {
    // The space before the word: two line breaks in it end the previous word's paragraph.
    for (breaks = 0; at < stretch.length && isSpace(stretch.charCodeAt(at)); at++) breaks += +(stretch.charCodeAt(at) === 10)
    if (breaks > 1 && words[0]) words.at(-1)!.cut = 0
    if (at === stretch.length) break
    const start = at
    while (at < stretch.length && !isSpace(stretch.charCodeAt(at))) at++
    let stop = at
    while (stop > start && isCloser(stretch.charCodeAt(stop - 1))) stop--
    while (stop > start && isStop(stretch.charCodeAt(stop - 1))) stop--
    words.push({ start: from + start, end: from + at, cut: stop < at && sentenceEndAt(stretch, stop) === at ? 0.6 : Infinity })
  }
  if (last && words[0]) words.at(-1)!.cut = 0
  return words
}

/**
 * Picks the best windows of a body's `text` around the matches (`ranges`, in order). Each match
 * anchors a window of at most `snippetLength` characters that holds it and stays in its paragraph:
 * from its sentence's start if that is within 40% of the length before the match, else from the
 * earliest word that is, up to the first sentence end past 60% of the length, else to the last
 * whole word that fits (a word too long to fit, such as a URL, leaves only the match). Matches are
 * tried best rated first (see `byRating`), skipping those inside a window taken, at most
 * `MAX_ANCHORS` of them; a window is taken unless it overlaps or repeats (`repeats`, on the
 * analyzed `tokens`) one taken, or the tokens already `shown`, such as the title's (when all of
 * them do, the first alone is shown). Each window reads only the text it can reach, so the cost per
 * hit is bounded whatever the text's size. Windows come in text order, with the ellipsis where
 * they cut a sentence.
 */
export function snippets(body: { text: TextSource; tokens: TokenList }, ranges: readonly MatchRange[], options: SnippetOptions, shown?: TokenList): string[] {
  const { text, tokens } = body
  const length = options.snippetLength
  if (options.snippets <= 0 || length <= 0) return []
  // Terms by number, for `repeats()`.
  const numbers = new Map<string, number>()
  // Without matches, the text's first word anchors the one window (read from the first 64
  // characters when it ends in them).
  const first = ranges[0] ?? firstWord(text.slice(0, 64), /\S+(?=\s)/) ?? firstWord(text.slice(0, LEAD))
  if (!first) return []
  const mark = escapeHtml(options.ellipsis)
  const windowAt = (r: { start: number; end: number }): Window => {
    const earliest = r.start - length * 0.4
    // The stretch the window can reach, read once.
    const from = Math.max(0, Math.floor(earliest) - CONTEXT)
    const to = Math.min(text.length, r.start + length + CONTEXT)
    const stretch = text.slice(from, to)
    const local: TextSource = { length: text.length, slice: (a, b) => stretch.slice(a - from, b - from) }
    const words = wordsIn(stretch, from, to === text.length)
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
    let terms: WordsOf | undefined
    const inside: MatchRange[] = []
    for (let m = lowerBound(0, ranges.length, (k) => ranges[k]!.start < start); m < ranges.length && ranges[m]!.end <= end; m++) inside.push(ranges[m]!)
    return {
      start,
      end,
      words: () => {
        if (!terms) {
          // Its tokens: those from the first starting in it to the last ending in it.
          const first = lowerBound(0, tokens.length, (t) => tokens.start(t) < start)
          terms = wordsOf(tokens, first, lowerBound(first, tokens.length, (t) => tokens.end(t) <= end), numbers)
        }
        return terms
      },
      html: () =>
        (start !== words[i]!.start || (i > 0 && words[i - 1]!.cut > 1) ? mark : '') +
        markRanges(local, inside, options.tags, start, end, collapse) +
        (end !== words[j]!.end || words[j]!.cut > 1 ? mark : ''),
    }
  }
  const seen = wordsOf(shown ?? tokens, 0, shown ? shown.length : 0, numbers)
  const made: Window[] = []
  const chosen: Window[] = []
  for (const r of ranges[0] ? byRating(ranges, length) : [first]) {
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
