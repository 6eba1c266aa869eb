/**
 * Public types of newsdex. Every type a user can see is declared here, once.
 */

/** One news article: text plus fielded metadata. */
export interface Article {
  /** Stable identifier: from front matter or JSON, else derived from the file path. */
  id: string
  /** Headline; `''` when none can be found. */
  title: string
  /** Plain text; paragraphs separated by a blank line. */
  body: string
  /** Publication date as ISO 8601 `YYYY-MM-DD`, or `null` when unknown. */
  date: string | null
  /** Credited news agencies and outlets, canonical names, most cited first: `['AP']`. */
  source: string[]
  /** Places named in the text, canonical names (one spelling each), most salient first. */
  location: string[]
  /**
   * ISO 3166-1 alpha-2 codes of every country a place named in the text lies in, most salient first
   * (the first are what the story is about): `['IQ', 'US', 'IR']`.
   */
  country: string[]
  /** Canonical URL of the article, when known. */
  url?: string
  /** Any other front-matter or JSON fields, kept as strings. */
  meta?: Record<string, string>
  /**
   * Values of the index's custom keyword fields (its `facets` option), by field:
   * `{ category: ['sport'] }`. Filtered and faceted like `source`. When an article has none for a
   * field, the index takes its `meta` value of that name as one value.
   */
  keywords?: Record<string, string[]>
}

/** The metadata `extractMetadata()` reads out of raw text. */
export interface ArticleMetadata {
  date: string | null
  source: string[]
  location: string[]
  country: string[]
}

/** An article as stored for display: everything but the body. */
export type StoredArticle = Omit<Article, 'body'>

/** The fields that full-text search runs over. */
export type TextField = 'title' | 'body'

/** The fields that can be filtered on and faceted by. */
export type FacetField = 'source' | 'location' | 'country' | 'year' | 'month'

/** Options of a `NewsIndex`, stored with its serialized data so `load()` needs none. */
export interface NewsIndexOptions {
  /** Relative weight of each text field in scoring. Default `{ title: 2, body: 1 }`. */
  boost?: Partial<Record<TextField, number>>
  /** Analyzer preset used at index and query time. Default `'english'`. */
  analyzer?: AnalyzerPreset
  /**
   * Words a query leaves out next to other words (never inside phrases); stored with the index.
   * Default: an English list (NLTK's) with the `english` analyzer, none with `simple`.
   */
  stopwords?: string[]
  /**
   * Custom keyword fields, filtered and faceted like `source`: `['category']` stores each article's
   * `keywords.category` (or `meta.category`) for `filter: { category: 'sport' }` and
   * `facets: ['category']`. Names are ASCII letters, digits and `_`, starting with a letter, and
   * not a field of `Article` nor `year` or `month`. Default none.
   */
  facets?: string[]
}

/** Name of an analyzer preset. `'english'` folds case and diacritics and strips possessives. */
/** Options of `serializeParts()`. */
export interface SerializePartsOptions {
  /**
   * Articles per display and text chunk. Default `256`. A browser fetches the chunk of each hit it
   * shows: smaller chunks cost the first result fewer bytes (BBC: 627 KB before the first result
   * with 7 articles a chunk, 1,053 KB with 256) but make more keystrokes wait for a download
   * (Reuters in Chromium: keystroke p95 58 ms with 49 articles a chunk, 14 ms with 256).
   */
  chunkSize?: number
  /**
   * Bytes of display and text (before compression) per pack, or `0` for no packs. Default
   * `1048576` (1 MiB). Packs (`pack-<i>`) hold the display and text chunks again, in order, several
   * to a file, for `NewsIndex.preload()`: a browser then fetches a few files rather than two a chunk
   * (Reuters: 10 packs for 75 chunks), which is what lets a search box's later keystrokes find
   * their text loaded within a fraction of a second; the chunks stay for the hits a search needs
   * before then. They double the display and text bytes stored, not those fetched. An index of one
   * chunk has no packs; a build without packs is not preloaded.
   */
  packBytes?: number
}

export type AnalyzerPreset = 'english' | 'simple'

/** A date range; both ends inclusive, ISO `YYYY-MM-DD`, either end optional. */
export interface DateRange {
  from?: string
  to?: string
}

/** Restrictions on which articles a search may return. All given filters must hold. */
export interface SearchFilter {
  /** Publication date range, inclusive. */
  date?: DateRange
  /** Keep articles crediting any of these sources (case-insensitive). */
  source?: string | string[]
  /** Keep articles about any of these places (case- and diacritics-insensitive). */
  location?: string | string[]
  /** Keep articles involving any of these ISO alpha-2 country codes. */
  country?: string | string[]
  /** A custom keyword field of the index (its `facets` option): keep articles with any of these values (case-insensitive). */
  [keywordField: string]: string | string[] | DateRange | undefined
}

/** How snippets and highlighted titles are produced. */
export interface HighlightOptions {
  /** Opening and closing markup around each match. Default `['<mark>', '</mark>']`. */
  tags?: readonly [string, string]
  /** Maximum length of one snippet, in characters of original text. Default `160`. */
  snippetLength?: number
  /** Maximum number of snippets per hit. Default `2`. */
  snippets?: number
  /** Text put where a snippet cuts the original text. Default `'…'`. */
  ellipsis?: string
}

/** Options of `NewsIndex.search()`. */
export interface SearchOptions {
  /** Restrict results; combined (AND) with any filters written in the query string. */
  filter?: SearchFilter
  /** Facets to count over all matches (not just the returned page): built-in, or custom keyword fields of the index. Default none. */
  facets?: (FacetField | (string & {}))[]
  /** Result order. Default `'relevance'`; date orders break ties by relevance. */
  sort?: 'relevance' | 'newest' | 'oldest'
  /** Maximum number of hits returned, at most 1,000 (a larger one is cut, with a `limit-capped` diagnostic). Default `10`. */
  limit?: number
  /** Number of hits skipped, for paging. Default `0`. */
  offset?: number
  /** `'all'` query terms must match (default; relaxes to partial matches when none match all) or `'any'`. */
  match?: 'all' | 'any'
  /** Prefix-match the last query term, for search as you type. Default `true`. */
  prefix?: boolean
  /** Tolerate typos, scaled by term length (none under 4 letters, 1 from 4, 2 from 8). Default `true`. */
  fuzzy?: boolean
  /** Produce `hit.highlight`; `false` to skip. Default `{}` (highlight with the defaults). */
  highlight?: HighlightOptions | false
  /** Favour recent articles in relevance order. Default none. */
  recency?: RecencyBoost
}

/**
 * A recency boost: each score is multiplied by `(1 − weight) + weight · 2^(−age / halfLife)`, where
 * `age` is the article's age in days at `now`; an undated article gets `1 − weight`.
 */
export interface RecencyBoost {
  /** Days after which an article's boost has halved. Required, > 0. */
  halfLife: number
  /** Share of the score that depends on age, from 0 to 1. Default `0.5`. */
  weight?: number
  /** The day ages are counted from, `YYYY-MM-DD`. Default today. */
  now?: string
}

/** A count of matches for one facet value. */
export interface FacetCount {
  value: string
  count: number
}

/** One search result. */
export interface Hit {
  id: string
  score: number
  /** Stored display fields. */
  article: StoredArticle
  /** HTML-safe: input text escaped, only the configured tags are markup. */
  highlight?: { title: string; snippets: string[] }
  /** The indexed terms that matched, and in which fields. */
  matches: { term: string; fields: TextField[] }[]
}

/** The answer of `NewsIndex.search()`. */
export interface SearchResponse {
  /** Number of matching articles, before limit and offset. */
  total: number
  hits: Hit[]
  /** Counts of the facets asked for, most frequent values first (at most 20 a facet). */
  facets: Partial<Record<FacetField, FacetCount[]>> & { [keywordField: string]: FacetCount[] | undefined }
  /** What was understood of the query, with diagnostics for malformed input. */
  query: ParsedQuery
}

/** A field a query term can be restricted to. */
export type QueryField = TextField

/** A field that filters rather than searches: a built-in one, or a custom keyword field of the index (`ParseQueryOptions.fields`). */
export type QueryFilterField = 'source' | 'location' | 'country' | (string & {})

/** Options of `parseQuery()`. */
export interface ParseQueryOptions {
  /**
   * Custom keyword fields (an index's `facets`) that `name:value` filters on, as `source:` does
   * (`category:sport`); names of ASCII letters, matched in any case. A search passes its index's.
   * Default none: an unknown field name is searched as text, with an `unknown-field` diagnostic.
   */
  fields?: readonly string[]
}

/** A node of the parsed query. */
export type QueryNode =
  | { type: 'term'; value: string; field?: QueryField; negated: boolean }
  | { type: 'phrase'; value: string; field?: QueryField; negated: boolean }
  | { type: 'or'; children: QueryNode[]; negated: boolean }
  | { type: 'filter'; field: QueryFilterField; value: string; negated: boolean }
  | { type: 'date'; from: string | null; to: string | null; negated: boolean }

/** Something the parser had to repair or ignore. */
export interface QueryDiagnostic {
  code:
    | 'unclosed-quote'
    | 'empty-field'
    | 'unknown-field'
    | 'dangling-operator'
    | 'bad-date'
    | 'empty-phrase'
    | 'no-terms'
    | 'too-many-terms'
    | 'too-many-expansions'
    | 'too-short'
    | 'missing-part'
    | 'too-long'
    | 'limit-capped'
  message: string
  /** Offset in the query string where the problem starts. */
  offset: number
}

/** A query string parsed into clauses that are ANDed together. */
export interface ParsedQuery {
  /** The query string as given. */
  input: string
  /** Top-level clauses, all of which must hold (or any, with `match: 'any'`). */
  clauses: QueryNode[]
  diagnostics: QueryDiagnostic[]
  /** `true` when no article matched all terms and partial matches were returned instead. */
  relaxed: boolean
}

/** What `highlight()` returns. */
export interface HighlightResult {
  /** Escaped text with the matches wrapped in the tags. */
  html: string
  /** `[start, end)` offsets into the original text, in order, not overlapping. */
  ranges: [number, number][]
}

/** Counts describing an index, as `NewsIndex.stats()` returns them. */
export interface IndexStats {
  /** Number of articles. */
  articles: number
  /** Number of distinct indexed terms. */
  terms: number
  /** Earliest and latest article date, or `null` when no article has a date. */
  dateRange: { from: string; to: string } | null
  /** What the cache of decoded data (postings, term codes, texts) holds. */
  cache: CacheUsage
}

/** What a loaded index's cache of decoded data holds, and its budget. */
export interface CacheUsage {
  /** Approximate bytes held. */
  bytes: number
  /** Number of decoded items held. */
  entries: number
  /** The budget in bytes (`cacheBytes`). */
  limit: number
}

/** Options of `searchAsync()`: those of `search()`, and a signal to drop it. */
export interface AsyncSearchOptions extends SearchOptions {
  /** Aborts the search: `searchAsync()` rejects with the signal's reason (parts already asked for still arrive and are kept). */
  signal?: AbortSignal
}

/** Options of `NewsIndex.load()`. */
export interface LoadOptions {
  /**
   * Bytes of decoded data (postings, term codes, texts) kept for reuse; past it, the least recently
   * used go first. Default 6 MiB.
   */
  cacheBytes?: number
}

/** Options of `NewsIndex.open()`. */
export interface OpenOptions extends LoadOptions {
  /** The `fetch` to get the parts with. Default the global `fetch`. */
  fetch?: typeof fetch
  /** Aborts fetching the search part (`open()` then rejects with the signal's reason). */
  signal?: AbortSignal
}
