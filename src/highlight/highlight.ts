import { analyzeTerms, normalizeTerm } from '../analysis/analyzer.js'
import { checkOption } from '../errors.js'
import { parseQuery } from '../query/parse-query.js'
import { planQuery, textClauses } from '../query/plan.js'
import { SortedTerms } from '../terms/sorted-terms.js'
import { lookupTerm } from '../terms/term-lookup.js'
import type { AnalyzerPreset, HighlightOptions, HighlightResult, ParsedQuery } from '../types.js'
import { markRanges, type TextSource } from './html.js'
import { analyzedTokens, matchRanges, type MatchSpec, type TokenList } from './match-ranges.js'
import { snippets, type SnippetOptions } from './snippets.js'

/** Options of the standalone `highlight()`. */
export interface HighlightTextOptions extends Pick<HighlightOptions, 'tags'> {
  /** Analyzer preset; must be the one the text was indexed with. Default `'english'`. */
  analyzer?: AnalyzerPreset
  /** Prefix-match the last query term. Default `true`. */
  prefix?: boolean
  /** Tolerate typos scaled by term length. Default `true`. */
  fuzzy?: boolean
  /** Words left out of a query that has other words, as a search of an index with them does. Default none. */
  stopwords?: readonly string[]
}

/** Resolves highlight options with their defaults. */
export function snippetOptions(options: HighlightOptions = {}): SnippetOptions {
  // Options from JavaScript may be of any type: null is the defaults; what cannot be read is refused.
  const { tags = ['<mark>', '</mark>'], snippetLength = 160, snippets = 2, ellipsis = '…' } = Object(options) as HighlightOptions
  checkOption(Array.isArray(tags) && [snippetLength, snippets].every((n) => n >= 0) && typeof ellipsis == 'string', 'highlight', options)
  return { tags, snippetLength, snippets, ellipsis }
}

/**
 * Marks what `query` matches in `text`, with the same analysis and term lookup as search (case,
 * diacritics, stems, prefix and typo matches, phrases). `ranges` are offsets into the original
 * text; `html` is escaped text in which only the tags are markup.
 */
export function highlight(text: string, query: string | ParsedQuery, options: HighlightTextOptions = {}): HighlightResult {
  const preset = options.analyzer ?? 'english'
  const plan = planQuery(typeof query === 'string' ? parseQuery(query) : query, preset, {
    prefix: options.prefix ?? true,
    fuzzy: options.fuzzy ?? true,
    stopwords: new Set(options.stopwords?.map((word) => normalizeTerm(word, preset))),
  })
  const { terms, phrases } = textClauses(plan.must)
  // The query's terms are looked up among the text's own terms exactly as a search looks them up in
  // an index of that one text (stems, prefix, typos; every term's document frequency is 1).
  const own = [...new Set(analyzeTerms(text, preset))].sort()
  const vocabulary = new SortedTerms(own, own.map((_, id) => ({ id, df: 1 })))
  const matched = new Set(terms.flatMap((spec) => lookupTerm(vocabulary, spec).matches.map((m) => m.term)))
  const ranges = matchRanges({ isMatch: (term) => matched.has(term), phrases }, analyzedTokens(text, preset))
  return {
    html: markRanges(text, ranges, snippetOptions(options).tags),
    ranges: ranges.map((r): [number, number] => [r.start, r.end]),
  }
}

/** Highlighted title and snippets of one article for a match spec; `body.tokens` are its analyzed tokens. */
export function highlightArticle(
  title: string,
  body: { text: TextSource; tokens: TokenList },
  spec: MatchSpec,
  preset: AnalyzerPreset,
  options: SnippetOptions,
): { title: string; snippets: string[] } {
  const titleTokens = analyzedTokens(title, preset)
  return {
    title: markRanges(title, matchRanges(spec, titleTokens), options.tags),
    snippets: snippets(body, matchRanges(spec, body.tokens), options, titleTokens),
  }
}
