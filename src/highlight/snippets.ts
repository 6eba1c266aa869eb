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
  /** The window's sentences (or the parts of them it holds) of at least four words. */
  fragments: string[]
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
    else if (lastSpace > 0) end = start + lastSpace
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
  const fragments = plain.split(/[.!?…]["”’)\]]*\s+/).map((f) => f.trim()).filter((f) => f.split(' ').length >= MIN_FRAGMENT_WORDS)
  return { start, end, coverage: keys.size, count, plain, words: wordsOf(plain), fragments }
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
/** Shortest sentence (or part of one), in words, whose repetition makes two windows show the same text. */
const MIN_FRAGMENT_WORDS = 4
/** Whether two windows show the same text: one holds the other, most words are shared, or a sentence repeats. */
const sameText = (a: Window, b: Window): boolean =>
  a.plain.includes(b.plain) ||
  b.plain.includes(a.plain) ||
  overlap(a.words, b.words) >= SAME_TEXT ||
  a.fragments.some((f) => b.plain.includes(f)) ||
  b.fragments.some((f) => a.plain.includes(f))

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
