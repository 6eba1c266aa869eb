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

/**
 * Picks the best windows of `text` around the matches: most distinct query terms first, then most
 * matches, then earliest. Windows never overlap and never repeat the same text. Returned in text order.
 */
export function snippets(text: string, ranges: readonly MatchRange[], options: SnippetOptions): string[] {
  if (options.snippets <= 0 || options.snippetLength <= 0 || text.trim() === '') return []
  const candidates = ranges.length > 0
    ? ranges.map((r) => { const w = windowAround(text, r, options.snippetLength); return describe(text, ranges, w.start, w.end) })
    : [(() => { const w = windowAround(text, { start: 0, end: 0, key: '' }, options.snippetLength); return describe(text, ranges, w.start, w.end) })()]
  candidates.sort((a, b) => b.coverage - a.coverage || b.count - a.count || a.start - b.start)
  const chosen: Window[] = []
  for (const c of candidates) {
    if (chosen.length >= options.snippets) break
    if (c.end <= c.start) continue
    const clash = chosen.some((w) => (c.start < w.end && w.start < c.end) || w.plain.includes(c.plain) || c.plain.includes(w.plain))
    if (!clash) chosen.push(c)
  }
  chosen.sort((a, b) => a.start - b.start)
  return chosen.map((w) => {
    const html = markRanges(text, ranges, options.tags, w.start, w.end, collapse)
    const ellipsis = escapeHtml(options.ellipsis)
    return (w.start > 0 ? ellipsis : '') + html + (w.end < text.length ? ellipsis : '')
  })
}
