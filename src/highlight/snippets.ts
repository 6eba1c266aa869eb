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

interface Window {
  start: number
  end: number
  coverage: number
  count: number
  plain: string
  words: Set<string>
  /** Every run of `SHINGLE` consecutive words of the window. */
  shingles: Set<string>
}

const WHITESPACE = /\s+/g
const collapse = (chunk: string): string => chunk.replace(WHITESPACE, ' ')

/** Start of the paragraph holding `offset`. */
function paragraphStart(text: string, offset: number): number {
  const i = text.lastIndexOf('\n\n', offset)
  return i === -1 ? 0 : i + 2
}

/** End of the paragraph holding `offset`. */
function paragraphEnd(text: string, offset: number): number {
  const i = text.indexOf('\n\n', offset)
  return i === -1 ? text.length : i
}

/** Start of the sentence holding `offset`, not before `floor`. */
function sentenceStart(text: string, offset: number, floor: number): number {
  const ends = sentenceEnds(text, floor, offset)
  return ends[ends.length - 1] ?? floor
}

/** The window of at most `length` characters around `anchor`, cut at sentence or word boundaries. */
function windowAround(text: string, anchor: MatchRange, length: number): { start: number; end: number } {
  const floor = paragraphStart(text, anchor.start)
  const ceiling = paragraphEnd(text, anchor.end)
  const sentence = sentenceStart(text, anchor.start, floor)
  let start = sentence
  if (anchor.start - sentence > length * 0.4) {
    start = Math.max(floor, anchor.start - Math.floor(length * 0.25))
    if (start > floor && !/\s/.test(text[start - 1]!)) {
      // Never start inside a word: skip to the next one (or to the anchor itself).
      const space = text.slice(start, anchor.start).search(/\s/)
      start = space === -1 ? anchor.start : start + space + 1
    }
  }
  let end = Math.min(ceiling, start + length)
  if (end < ceiling && !/\s/.test(text[end] ?? ' ')) {
    // Never end inside a word: end at a sentence end, else after the last whole word.
    const cut = text.slice(start, end)
    const sentenceCut = (sentenceEnds(text, start, end).pop() ?? start) - start
    const lastSpace = cut.search(/\s\S*$/)
    if (sentenceCut > length * 0.6 && start + sentenceCut >= anchor.end) end = start + sentenceCut
    else if (lastSpace > 0 && start + lastSpace >= anchor.end) end = start + lastSpace
    else {
      // No whole word fits after the match: end right after it, starting at it if need be.
      if (anchor.end > start + length) start = anchor.start
      end = Math.min(start + length, anchor.end)
    }
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--
  while (start < end && /\s/.test(text[start]!)) start++
  return { start, end }
}

function describe(text: string, ranges: readonly MatchRange[], start: number, end: number): Window {
  const keys = new Set<string>()
  let count = 0
  for (const r of ranges) {
    if (r.start >= start && r.end <= end) {
      keys.add(r.key)
      count++
    }
  }
  const plain = collapse(text.slice(start, end)).toLowerCase()
  const sequence = plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const shingles = new Set<string>()
  for (let i = 0; i + SHINGLE <= sequence.length; i++) shingles.add(sequence.slice(i, i + SHINGLE).join(' '))
  return { start, end, coverage: keys.size, count, plain, words: new Set(sequence), shingles }
}

/** Whether a window starting at `start` begins a paragraph or a sentence (no ellipsis needed). */
function beginsSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start)
  const trimmed = before.trimEnd()
  if (trimmed === '' || before.slice(trimmed.length).includes('\n\n')) return true
  const floor = Math.max(0, start - 40)
  return sentenceEnds(text, floor, floor + trimmed.length).includes(floor + trimmed.length)
}

/** Whether a window ending at `end` closes a paragraph or a sentence (no ellipsis needed). */
function endsSentence(text: string, end: number): boolean {
  if (text.slice(end).trim() === '' || /^\s*\n\s*\n/.test(text.slice(end, end + 40))) return true
  return sentenceEnds(text, Math.max(0, end - 12), end).includes(end)
}

const wordsOf = (plain: string): Set<string> => new Set(plain.split(/[^\p{L}\p{N}]+/u).filter(Boolean))

/** Share of the words of `part` found in `whole`. */
function within(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 1
  let shared = 0
  for (const word of part) if (whole.has(word)) shared++
  return shared / part.size
}

/** Share of the smaller window's words found in the other: 1 when one repeats the other. */
const overlap = (a: Set<string>, b: Set<string>): number => (a.size <= b.size ? within(a, b) : within(b, a))

/** Windows at least this similar (by `overlap`) count as the same text, such as a repeated paragraph. */
const SAME_TEXT = 0.8
/** Consecutive words two windows may share before they count as showing the same text. */
const SHINGLE = 7
/** Whether two windows show the same text: one holds the other, most words are shared, or a run of words repeats. */
const sameText = (a: Window, b: Window): boolean =>
  a.plain.includes(b.plain) ||
  b.plain.includes(a.plain) ||
  overlap(a.words, b.words) >= SAME_TEXT ||
  [...a.shingles].some((s) => b.shingles.has(s))

/**
 * Picks the best windows of `text` around the matches: most distinct query terms first, then most
 * matches, then earliest. Windows never overlap and never repeat the same text, nor text already
 * `shown` elsewhere (such as a title taken from the first sentence) unless nothing else matched.
 * Returned in text order, with the ellipsis where a window cuts a sentence.
 */
export function snippets(text: string, ranges: readonly MatchRange[], options: SnippetOptions, shown: readonly string[] = []): string[] {
  if (options.snippets <= 0 || options.snippetLength <= 0 || text.trim() === '') return []
  const anchors = ranges.length > 0 ? ranges : [{ start: 0, end: 0, key: '' }]
  const candidates = anchors.map((r) => {
    const w = windowAround(text, r, options.snippetLength)
    return describe(text, ranges, w.start, w.end)
  })
  candidates.sort((a, b) => b.coverage - a.coverage || b.count - a.count || a.start - b.start)
  const seen = shown.map((t) => collapse(t).trim().toLowerCase()).filter(Boolean).map((plain) => ({ plain, words: wordsOf(plain) }))
  const fresh = candidates.filter((c) => !seen.some((t) => t.plain.includes(c.plain) || within(c.words, t.words) >= SAME_TEXT))
  const chosen: Window[] = []
  for (const c of fresh.length > 0 ? fresh : candidates) {
    if (chosen.length >= options.snippets) break
    if (c.end <= c.start) continue
    if (!chosen.some((w) => (c.start < w.end && w.start < c.end) || sameText(w, c))) chosen.push(c)
  }
  chosen.sort((a, b) => a.start - b.start)
  const ellipsis = escapeHtml(options.ellipsis)
  return chosen.map((w) => {
    const inside = ranges.filter((r) => r.start >= w.start && r.end <= w.end)
    const html = markRanges(text, inside, options.tags, w.start, w.end, collapse)
    return (beginsSentence(text, w.start) ? '' : ellipsis) + html + (endsSentence(text, w.end) ? '' : ellipsis)
  })
}
