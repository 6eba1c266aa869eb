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
    const space = text.slice(start, anchor.start).search(/\s/)
    if (space !== -1 && start > floor) start += space + 1
  }
  let end = Math.min(ceiling, start + length)
  if (end < ceiling) {
    const cut = text.slice(start, end)
    const sentenceCut = (sentenceEnds(text, start, end).pop() ?? start) - start
    const lastSpace = cut.search(/\s\S*$/)
    if (sentenceCut > length * 0.6 && start + sentenceCut >= anchor.end) end = start + sentenceCut
    else if (lastSpace > 0 && start + lastSpace >= anchor.end) end = start + lastSpace
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
  return { start, end, coverage: keys.size, count, plain }
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

const contains = (a: string, b: string): boolean => a.includes(b) || b.includes(a)

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
  const seen = shown.map((t) => collapse(t).trim().toLowerCase()).filter(Boolean)
  const fresh = candidates.filter((c) => !seen.some((t) => contains(t, c.plain)))
  const chosen: Window[] = []
  for (const c of fresh.length > 0 ? fresh : candidates) {
    if (chosen.length >= options.snippets) break
    if (c.end <= c.start) continue
    if (!chosen.some((w) => (c.start < w.end && w.start < c.end) || contains(w.plain, c.plain))) chosen.push(c)
  }
  chosen.sort((a, b) => a.start - b.start)
  const ellipsis = escapeHtml(options.ellipsis)
  return chosen.map((w) => {
    const html = markRanges(text, ranges, options.tags, w.start, w.end, collapse)
    return (beginsSentence(text, w.start) ? '' : ellipsis) + html + (endsSentence(text, w.end) ? '' : ellipsis)
  })
}
