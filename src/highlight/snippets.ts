import { sentenceEnds } from '../analysis/sentences.js'
import { escapeHtml, markRanges } from './html.js'
import type { MatchRange } from './match-ranges.js'

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
  /** Distinct things matched (query terms, phrases) it holds, then matches: `distinct * 1e6 + matches`. */
  rank: number
  /** Its words, lowercased, in order. */
  words: string[]
  /** Its text as HTML, with the ellipsis where it cuts a sentence (built only for the windows shown). */
  html: () => string
}

const collapse = (chunk: string): string => chunk.replace(/\s+/g, ' ')
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Whether the words `a` repeat text of `b`: most of them are in it, or a run of `RUN` of them is. */
function repeats(a: string[], b: string[]): boolean {
  /** Share of a window's distinct words found in another for it to show the same text. */
  const SAME_TEXT = 0.8
  /** A run of this many words found in another window also makes it show the same text (a repeated quote). */
  const RUN = 7
  const other = ` ${b.join(' ')} `
  const has = (run: string[]): boolean => other.includes(` ${run.join(' ')} `)
  const distinct = [...new Set(a)]
  return distinct.filter((word) => has([word])).length >= distinct.length * SAME_TEXT || a.some((_, i) => i + RUN <= a.length && has(a.slice(i, i + RUN)))
}

/**
 * Picks the best windows of `text` around the matches (`ranges`, in order): most distinct query
 * terms, then most matches, then earliest. Each match anchors a window of at most `snippetLength`
 * characters that holds it and stays in its paragraph: from its sentence's start if that is within
 * 40% of the length before the match, else from the earliest word that is, up to the first sentence
 * end past 60% of the length, else to the last whole word that fits (a word too long to fit, such as
 * a URL, leaves only the match). Windows never overlap nor repeat one another's text (`repeats`),
 * nor text already `shown`, such as the title (when all of them do, the best one alone is shown).
 * They come in text order, with the ellipsis where they cut a sentence.
 */
export function snippets(text: string, ranges: readonly MatchRange[], options: SnippetOptions, shown = ''): string[] {
  const length = options.snippetLength
  if (options.snippets <= 0 || length <= 0 || !text.trim()) return []
  const ends = new Set(sentenceEnds(text))
  const mark = escapeHtml(options.ellipsis)
  // Every word (run of non-space) and `cut`: how full (a share of `length`) a window must be to end
  // with it: at once at a paragraph end (the text's last word included), 60% at a sentence end, else never.
  const words = [...text.matchAll(/\S+(?=(\s*\n\s*\n|\s*$)|)/g)].map((m) => {
    const end = m.index! + m[0].length
    return { start: m.index!, end, cut: m[1] !== undefined ? 0 : ends.has(end) ? 0.6 : Infinity }
  })
  // Without matches, the text's first word anchors the one window.
  const windows = (ranges[0] ? ranges : [words[0]!]).map((r: { start: number; end: number }): Window => {
    const earliest = r.start - length * 0.4
    let i = words.findIndex((w) => w.end > r.start)
    while (i > 0 && words[i - 1]!.cut > 1 && words[i - 1]!.start >= earliest) i--
    let start = words[i]!.start
    // The first word from the match's last one that the window may end with or after which the next
    // word does not fit.
    const j = words.findIndex((w, k) => w.end >= r.end && ((w.end - start) / length >= w.cut || words[k + 1]!.end > start + length))
    let end = words[j]!.end
    if (end > start + length) {
      // The words around the match do not fit (a long URL): the window is the match alone.
      start = r.start
      end = Math.min(r.end, start + length)
    }
    const inside = ranges.filter((m) => m.start >= start && m.end <= end)
    return {
      start,
      end,
      rank: new Set(inside.map((m) => m.key)).size * 1e6 + inside.length,
      words: wordsOf(text.slice(start, end)),
      html: () =>
        (start !== words[i]!.start || (i > 0 && words[i - 1]!.cut > 1) ? mark : '') +
        markRanges(text, inside, options.tags, start, end, collapse) +
        (end !== words[j]!.end || words[j]!.cut > 1 ? mark : ''),
    }
  })
  windows.sort((a, b) => b.rank - a.rank)
  const seen = wordsOf(shown)
  const chosen: Window[] = []
  for (const w of windows) {
    const clash = (c: Window): boolean => (w.start < c.end && c.start < w.end) || repeats(w.words, c.words) || repeats(c.words, w.words)
    if (chosen.length < options.snippets && !repeats(w.words, seen) && !chosen.some(clash)) chosen.push(w)
  }
  // When every window repeats the title, the best one is shown all the same.
  if (!chosen[0]) chosen.push(windows[0]!)
  return chosen.sort((a, b) => a.start - b.start).map((w) => w.html())
}
