/**
 * What the search box asks of the index, run where the index lives: in the worker (worker.ts) or,
 * as a fallback, on the main thread (worker-client.ts). One request gives everything a view shows:
 * a page of hits, the facet counts, and for no results, suggestions.
 */
import { NewsIndex } from '../engine/news-index.js'
import type { FacetCount, FacetField, Hit, SearchFilter, SearchOptions, SearchResponse } from '../types.js'

/** Facts about an opened index that the element shows. */
export interface IndexInfo {
  /** Number of articles. */
  articles: number
  /** Whether any article has a date: an undated archive offers no "newest first". */
  dated: boolean
}

/** One view of results. */
export interface ViewRequest {
  q: string
  sort: 'relevance' | 'newest'
  limit: number
  offset: number
  /** The facets to count (none for "show more"). */
  facets: string[]
  /** Selected values per facet field; `year` holds at most one. */
  selected: Record<string, string[]>
}

/** What a view shows. */
export interface ViewResponse {
  total: number
  hits: Hit[]
  /** Counts per facet; a field with a selection is counted without its own selection, so values can be added. */
  facets: Record<string, FacetCount[]>
  /** No article had all the words; these are partial matches. */
  relaxed: boolean
  /** The parser's notes on the query (unclosed quote, unknown field…). */
  notes: string[]
  /** For no results: queries to try instead, the corrected query ("did you mean") first. */
  suggestions: string[]
  /** For no results with filters selected: the number of results without them. */
  unfiltered: number
}

/** Opens an index and describes it. */
export async function openIndex(src: string, signal?: AbortSignal): Promise<{ index: NewsIndex; info: IndexInfo }> {
  const index = await NewsIndex.open(src, { signal })
  return { index, info: { articles: index.size, dated: index.stats().dateRange !== null } }
}

/** The search filter of a selection, leaving out the field `skip`. */
export function filterOf(selected: Record<string, string[]>, skip?: string): SearchFilter {
  const filter: Record<string, unknown> = {}
  for (const [field, values] of Object.entries(selected)) {
    if (field === skip || values.length === 0) continue
    if (field === 'year') filter.date = { from: `${values[0]}-01-01`, to: `${values[0]}-12-31` }
    else filter[field] = values
  }
  return filter as SearchFilter
}

/** Indexes whose remaining chunks are being fetched in the background. */
const preloading = new WeakSet<NewsIndex>()

/**
 * Runs a view request; rejects with the signal's reason when it is aborted. A page that lacks parts
 * is handed to `onPartial` first, without `highlight`, if its titles are in (or come in) before the
 * text of its snippets. From the first search on, once it has asked for its own chunks, the index's
 * packs are fetched in the background (`preload()`), so that later keystrokes wait for no download.
 */
export async function runView(index: NewsIndex, request: ViewRequest, signal?: AbortSignal, onPartial?: (partial: ViewResponse) => void): Promise<ViewResponse> {
  const options: SearchOptions = {
    filter: filterOf(request.selected),
    facets: request.facets as FacetField[],
    sort: request.sort,
    limit: request.limit,
    offset: request.offset,
    highlight: { snippets: 1, snippetLength: 180 },
  }
  // What is loaded answers at once. A page that lacks parts is fetched whole, and shown early
  // without its snippets if its titles come in (or are in) before their text.
  let res = index.search(request.q, options)
  if (res.query.diagnostics.some((d) => d.code === 'missing-part')) {
    let done = false
    const whole = index.searchAsync(request.q, { ...options, signal })
    // The rest is fetched from now on, behind this page's own chunks.
    startPreload(index)
    whole.then(() => (done = true), () => (done = true))
    if (onPartial) {
      const titled = res.hits.every((hit) => hit.article.title) ? Promise.resolve(res) : index.searchAsync(request.q, { ...options, highlight: false, signal })
      titled.then((early) => done || onPartial(viewOf(index, request, early)), () => undefined)
    }
    res = await whole
  }
  startPreload(index)
  return viewOf(index, request, res)
}

/** Fetches the index's other chunks in the background, once. */
function startPreload(index: NewsIndex): void {
  if (!preloading.has(index)) {
    preloading.add(index)
    // A failed fetch is tried again by the search that needs its chunk.
    index.preload().catch(() => preloading.delete(index))
  }
}

/** The view of a search response: facet counts (a field with a selection is counted without it), notes, and for no results, suggestions. */
function viewOf(index: NewsIndex, request: ViewRequest, res: SearchResponse): ViewResponse {
  const { q, selected } = request
  const facets: Record<string, FacetCount[]> = {}
  for (const field of request.facets) {
    facets[field] = selected[field]?.length
      ? (index.search(q, { filter: filterOf(selected, field), facets: [field as FacetField], limit: 0, highlight: false }).facets[field as FacetField] ?? [])
      : (res.facets[field as FacetField] ?? [])
  }
  const none = res.total === 0 && request.offset === 0 && q.trim() !== ''
  const count = (query: string, filter: SearchFilter = {}): number => index.search(query, { filter, limit: 0, highlight: false }).total
  return {
    total: res.total,
    hits: res.hits,
    facets,
    relaxed: res.query.relaxed,
    notes: res.query.diagnostics.filter((d) => d.code !== 'missing-part').map((d) => d.message),
    suggestions: none ? suggestions(index, q, (query) => count(query, filterOf(selected))) : [],
    unfiltered: none && Object.values(selected).some((values) => values.length > 0) ? count(q) : 0,
  }
}

/** The completions of a word's longest prefix that has any (of 3 letters or more), commonest first. */
function bestCompletions(index: NewsIndex, word: string, limit: number): string[] {
  for (let n = word.length; n >= 3; n--) {
    const found = index.suggest(word.slice(0, n), limit)
    if (found.length > 0) return found
  }
  return []
}

/**
 * Queries to offer when `q` found nothing: "did you mean" (each unknown word replaced by the
 * commonest completion of its longest known prefix), then completions of the last word after the
 * corrected words. Only plain words are
 * corrected (a query with quotes, fields or operators is the visitor's own); every query offered has
 * results (`count`).
 */
export function suggestions(index: NewsIndex, q: string, count: (query: string) => number): string[] {
  const words = q.trim().toLowerCase().split(/\s+/)
  if (words.length > 8 || words.some((w) => !/^[\p{L}\p{N}'’-]+$/u.test(w) || w === 'or')) return []
  const offers = new Set<string>()
  const fixed = words.map((w) => {
    const known = bestCompletions(index, w, 10_000)
    return known.includes(w) ? w : (known[0] ?? w)
  })
  offers.add(fixed.join(' '))
  const head = fixed.slice(0, -1).join(' ')
  for (const completion of bestCompletions(index, words.at(-1)!, 6)) offers.add(head ? `${head} ${completion}` : completion)
  return [...offers].filter((offer) => offer !== words.join(' ') && count(offer) > 0).slice(0, 5)
}
