import type { ArticleMetadata } from '../types.js'
import { DATE_ANY, dateInYear, findDate, formatDate, normalizeDate, yearHint } from './date.js'
import { findDateline } from './dateline.js'
import { extractLocations } from './locations.js'
import { extractSources } from './sources.js'

/**
 * Hints that sharpen extraction: a known title (weighted as salient), a known date and the home
 * country. A full date is the answer; a year ("2020") or month ("2020-06") gives datelines their year.
 */
export interface ExtractHints {
  title?: string
  date?: string
  /**
   * The publication's home country (ISO 3166-1 alpha-2, `'US'`): ambiguous and small local names
   * resolve there ("Athens" in a Georgia paper). Default none: inferred from the text's own places.
   */
  country?: string
}

/** Text past this length is not scanned: metadata lives at the top, and the cost stays bounded. */
const MAX_SCAN = 1_000_000
/** Header lines (bylines, date lines) are looked for in this many characters. */
const HEADER_CHARS = 1500
const HEADER_LINE = 120
const DATE_CUE = /(?:^|\n)[ \t]*(?:published|posted|updated|last updated|last modified|date)\b\s*(?:on|at)?\s*:?\s*/gi

/**
 * Reads date, sources, locations and countries out of raw article text. Never throws; returns
 * empty fields when there is nothing to find. See docs/extraction.md.
 */
export function extractMetadata(text: string, hints: ExtractHints = {}): ArticleMetadata {
  const raw = typeof text === 'string' ? text : ''
  const body = raw.length > MAX_SCAN ? raw.slice(0, MAX_SCAN) : raw
  const { combined, titleEnd } = withTitle(body, typeof hints.title === 'string' ? hints.title : undefined)
  const dateline = findDateline(combined, titleEnd)
  const storyStart = dateline ? dateline.end : titleEnd
  const zones = {
    titleEnd,
    datelineStart: dateline ? dateline.placeStart : -1,
    datelineEnd: dateline ? dateline.placeEnd : -1,
    ledeEnd: ledeEnd(combined, storyStart),
  }
  const hintCountry = typeof hints.country === 'string' && /^[A-Za-z]{2}$/.test(hints.country) ? hints.country.toUpperCase() : null
  const { location, country } = extractLocations(combined, zones, hintCountry)
  const source = extractSources(combined)
  const headerEnd = dateline ? dateline.placeStart : combined.length
  return { date: extractDate(combined, dateline, headerEnd, hints.date), source, location, country }
}

/** Puts the title in front of the text (unless the text already starts with it) and says where it ends. */
function withTitle(text: string, hint: string | undefined): { combined: string; titleEnd: number } {
  const title = hint?.trim().replace(/…$/, '').trim() ?? ''
  const start = text.length - text.trimStart().length
  if (title) {
    if (text.startsWith(title, start)) return { combined: text, titleEnd: start + title.length }
    return { combined: `${title}\n\n${text}`, titleEnd: title.length }
  }
  // No title given: a short first line followed by more text is one ("BAHIA COCOA REVIEW").
  const eol = text.indexOf('\n', start)
  if (eol > start && eol - start <= 160 && !/[.,;:]["”’]?\s*$/.test(text.slice(start, eol)) && text.slice(eol).trim()) {
    return { combined: text, titleEnd: eol }
  }
  return { combined: text, titleEnd: 0 }
}

/** End of the story's first sentence (at most 400 characters on). */
function ledeEnd(text: string, from: number): number {
  const window = text.slice(from, from + 400)
  const m = /[.!?]["”’]?(?=\s+["“‘]?\p{Lu}|\s*\n|\s*$)/u.exec(window)
  return from + (m ? m.index + 1 : window.length)
}

/**
 * The publication date: a full hint; else a dateline with its year; else a date on a short header
 * line or after "Published"/"Updated"; else a dateline's month and day in the hint's year. Never a
 * guess: a dateline without a known year gives no date.
 */
function extractDate(
  text: string,
  dateline: ReturnType<typeof findDateline>,
  headerEnd: number,
  hint: string | undefined,
): string | null {
  const known = typeof hint === 'string' ? normalizeDate(hint) : null
  if (known) return known
  if (dateline?.month && dateline.day && dateline.year) {
    const d = formatDate(dateline.year, dateline.month, dateline.day)
    if (d) return d
  }
  const header = headerDate(text, headerEnd)
  if (header) return header
  const year = yearHint(typeof hint === 'string' ? hint : undefined)
  if (dateline?.month && dateline.day && year) return dateInYear(dateline.month, dateline.day, year)
  return null
}

/**
 * A date in the header: after a cue that opens a line ("Published: June 23, 2020", "date 2020-06-23"),
 * or on a short line of its own before the story starts ("By Jane Doe | 23 June 2020").
 */
function headerDate(text: string, headerEnd: number): string | null {
  const head = text.slice(0, HEADER_CHARS)
  DATE_CUE.lastIndex = 0
  for (let m = DATE_CUE.exec(head); m; m = DATE_CUE.exec(head)) {
    const d = normalizeDate(head.slice(m.index + m[0].length, m.index + m[0].length + 60))
    if (d) return d
  }
  let offset = 0
  const end = Math.min(head.length, headerEnd)
  const words = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length
  while (offset < end) {
    const eol = head.indexOf('\n', offset)
    const lineEnd = eol < 0 ? head.length : eol
    const line = head.slice(offset, lineEnd)
    // The story has started: a long line, or a sentence.
    if (line.length > HEADER_LINE || (/[.,;]\s*$/.test(line) && words(line) > 4)) break
    const d = findDate(line)
    if (d && words(line.replace(DATE_ANY, ' ')) <= 4) return d
    offset = lineEnd + 1
  }
  return null
}
