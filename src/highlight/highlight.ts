import { stem } from '../analysis/stem.js'
import { parseQuery } from '../query/parse-query.js'
import { planQuery, textClauses, type TermSpec } from '../query/plan.js'
import type { AnalyzerPreset, HighlightOptions, HighlightResult, ParsedQuery } from '../types.js'
import { boundedEditDistance } from './edit-distance.js'
import { markRanges } from './html.js'
import { matchRanges, type MatchSpec } from './match-ranges.js'
import { snippets, type SnippetOptions } from './snippets.js'

/** Options of the standalone `highlight()`. */
export interface HighlightTextOptions extends Pick<HighlightOptions, 'tags'> {
  /** Analyzer preset; must be the one the text was indexed with. Default `'english'`. */
  analyzer?: AnalyzerPreset
  /** Prefix-match the last query term. Default `true`. */
  prefix?: boolean
  /** Tolerate typos scaled by term length. Default `true`. */
  fuzzy?: boolean
}

export const DEFAULT_TAGS: [string, string] = ['<mark>', '</mark>']

/** Resolves highlight options with their defaults. */
export function snippetOptions(options: HighlightOptions = {}): SnippetOptions {
  return {
    tags: options.tags ?? DEFAULT_TAGS,
    snippetLength: options.snippetLength ?? 160,
    snippets: options.snippets ?? 2,
    ellipsis: options.ellipsis ?? '…',
  }
}

/** Whether an indexed term matches a query term: exactly, by stem, by prefix, or within its typo budget. */
export function termMatches(spec: TermSpec, term: string): boolean {
  if (term === spec.term) return true
  if (spec.stem && stem(term) === stem(spec.term)) return true
  if (spec.prefix && term.startsWith(spec.term)) return true
  return spec.fuzzy > 0 && boundedEditDistance(spec.term, term, spec.fuzzy) <= spec.fuzzy
}

/** The match spec of a query's positive text clauses. */
export function matchSpecOf(query: ParsedQuery, preset: AnalyzerPreset, options: { prefix: boolean; fuzzy: boolean }): MatchSpec {
  const { terms, phrases } = textClauses(planQuery(query, preset, options).must)
  return { isMatch: (term) => terms.some((spec) => termMatches(spec, term)), phrases }
}

/**
 * Marks what `query` matches in `text`, with the same analysis as indexing (case, diacritics,
 * prefix and fuzzy matches, phrases). `ranges` are offsets into the original text; `html` is
 * escaped text in which only the tags are markup.
 */
export function highlight(text: string, query: string | ParsedQuery, options: HighlightTextOptions = {}): HighlightResult {
  const parsed = typeof query === 'string' ? parseQuery(query) : query
  const preset = options.analyzer ?? 'english'
  const spec = matchSpecOf(parsed, preset, { prefix: options.prefix ?? true, fuzzy: options.fuzzy ?? true })
  const ranges = matchRanges(text, spec, preset)
  return {
    html: markRanges(text, ranges, options.tags ?? DEFAULT_TAGS),
    ranges: ranges.map((r): [number, number] => [r.start, r.end]),
  }
}

/** Highlighted title and snippets of one article for a match spec. */
export function highlightArticle(
  title: string,
  body: string,
  spec: MatchSpec,
  preset: AnalyzerPreset,
  options: SnippetOptions,
): { title: string; snippets: string[] } {
  return {
    title: markRanges(title, matchRanges(title, spec, preset), options.tags),
    snippets: snippets(body, matchRanges(body, spec, preset), options, [title]),
  }
}
