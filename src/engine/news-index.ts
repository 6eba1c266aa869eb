import { checkIndex, checkOption, corruptIndex, NewsdexError } from '../errors.js'
import { parseQuery } from '../query/parse-query.js'
import { planQuery } from '../query/plan.js'
import { compareByDocumentCount } from '../term-order.js'
import type { Article, AsyncSearchOptions, IndexStats, LoadOptions, NewsIndexOptions, OpenOptions, ParsedQuery, QueryNode, SearchOptions, SearchResponse } from '../types.js'
import { pageHits, storedArticle } from './hits.js'
import { resolveOptions, type ResolvedOptions } from './options.js'
import { PartFetcher } from './part-fetcher.js'
import { rank, type IndexSettings, type Ranking } from './rank.js'
import { attachDisplay, attachPositions, attachText, decodeSearchSections, readPart, type PartMeta } from './store/store-decoder.js'
import { DEFAULT_CACHE_BYTES } from './store/decoded-cache.js'
import { Store } from './store/store.js'

export type { ResolvedOptions } from './options.js'
export type { PartLoader } from './part-fetcher.js'

/** A class of index, `NewsIndex` or a subclass: what `load()` and `open()` create. */
export type IndexClass<T extends NewsIndex> = new (options?: NewsIndexOptions) => T

/** Whether a query node is, or holds, a phrase. */
const hasPhrase = (node: QueryNode): boolean => node.type === 'phrase' || (node.type === 'or' && node.children.some(hasPhrase))

/**
 * A searchable collection of news articles: full text over title and body (BM25F), filters and
 * facets over date, source, location and country, and highlighted snippets. Postings are compact
 * and decoded per term on first use; see DESIGN.md. This is the read side, for prebuilt indexes
 * (`load()`, `open()`); the `NewsIndex` of `newsdex/indexer` also adds, removes and serializes.
 */
export class NewsIndex {
  /** The index's options, defaults filled in. */
  readonly options: Readonly<ResolvedOptions>
  /**
   * The index's data; subclasses that change the index work on it.
   * @internal (left out of the published declarations)
   */
  protected store: Store
  /** The header of the part this index was loaded from; `null` for an index built in memory. */
  #loadedFrom: PartMeta | null = null
  /** Fetches the other parts of an index opened with `open()`. */
  #fetcher: PartFetcher | null = null
  /** The options ranking reads. */
  #settings: IndexSettings

  constructor(options: NewsIndexOptions = {}) {
    this.options = resolveOptions(options)
    this.store = new Store(this.options.analyzer, this.options.facets)
    this.#settings = { boost: this.options.boost, stopwords: new Set(this.options.stopwords) }
  }

  /** Number of articles in the index. */
  get size(): number {
    return this.store.liveCount
  }

  /** Whether an article with this id is in the index. */
  has(id: string): boolean {
    return this.store.docOf(id) !== undefined
  }

  /** The article with this id, body included (`''` while its text part is not loaded), or `undefined`. */
  get(id: string): Article | undefined {
    const doc = this.store.docOf(id)
    if (doc === undefined) return undefined
    return { ...storedArticle(this.store, doc), body: this.store.text.body(doc) ?? '' }
  }

  /** Counts describing the index. */
  stats(): IndexStats {
    const store = this.store
    const dates: string[] = []
    for (let doc = 0; doc < store.documentCount; doc++) {
      const date = store.dateOf(doc)
      if (date && store.isLive(doc)) dates.push(date)
    }
    dates.sort()
    return {
      articles: this.size,
      terms: store.terms.size,
      dateRange: dates.length > 0 ? { from: dates[0]!, to: dates.at(-1)! } : null,
      cache: store.cache.usage,
    }
  }

  /** Completions of `prefix` from the indexed terms, those in most articles first. */
  suggest(prefix: string, limit = 8): string[] {
    const clause = planQuery(parseQuery(prefix), this.options.analyzer, { prefix: false, fuzzy: false }).must[0]
    if (clause?.kind !== 'term') return []
    return [...this.store.terms.atPrefix(clause.spec.term)]
      .sort(([a, entryA], [b, entryB]) => compareByDocumentCount(a, entryA.df, b, entryB.df))
      .slice(0, Math.max(0, limit))
      .map(([term]) => term)
  }

  /** Searches the index. The query string never throws; see `parseQuery()` for the syntax. */
  search(query: string | ParsedQuery = '', options: SearchOptions = {}): SearchResponse {
    return this.#respond(rank(this.store, this.#settings, query, options), options)
  }

  /**
   * Like `search()`, but first fetches the parts it needs when the index came from
   * `NewsIndex.open()`: positions for phrases, then the display and text chunks of the page shown.
   * `options.signal` drops it: it then rejects with the signal's reason (a search box drops each
   * stale keystroke so); parts already asked for still arrive and are kept.
   */
  async searchAsync(query: string | ParsedQuery = '', options: AsyncSearchOptions = {}): Promise<SearchResponse> {
    const { signal } = options
    signal?.throwIfAborted()
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const fetcher = this.#fetcher
    if (fetcher && parsed.clauses.some(hasPhrase) && !this.store.text.hasPositions) await fetcher.fetch(['positions'], signal)
    const ranking = rank(this.store, this.#settings, parsed, options)
    if (fetcher) await fetcher.fetch(PartFetcher.partsFor(this.store, ranking.page, options.highlight !== false), signal)
    return this.#respond(ranking, options)
  }

  /** The response of a ranked page; what the page lacks (parts not loaded) is said in the diagnostics. */
  #respond(ranking: Ranking, options: SearchOptions): SearchResponse {
    const missing = PartFetcher.partsFor(this.store, ranking.page, options.highlight !== false)
    const query = { ...ranking.query, diagnostics: [...ranking.query.diagnostics] }
    if (missing.length > 0) {
      query.diagnostics.push({
        code: 'missing-part',
        message: `parts ${missing.join(', ')} not loaded: hits lack titles or snippets (searchAsync() fetches them)`,
        offset: 0,
      })
    }
    return { total: ranking.scores.size, hits: pageHits(this.store, ranking, options.highlight), facets: ranking.facets, query }
  }

  /** Loads an index written by `serialize()` or the `search` part of `serializeParts()`. Throws a `NewsdexError` on anything else. */
  static load<T extends NewsIndex>(this: IndexClass<T>, data: Uint8Array | ArrayBuffer, options: LoadOptions = {}): T {
    const { cacheBytes = DEFAULT_CACHE_BYTES } = options
    checkOption(Number.isFinite(cacheBytes) && cacheBytes >= 0, 'cacheBytes', cacheBytes)
    const { meta, sections } = readPart(data)
    if (meta.part !== 'all' && meta.part !== 'search') {
      throw new NewsdexError('E_NOT_AN_INDEX', `cannot load a '${meta.part}' part: load the 'search' part or a whole index`)
    }
    let index: T
    try {
      checkIndex((meta.options as object | null | undefined)?.constructor === Object, 'index options in the header')
      index = new this(meta.options as NewsIndexOptions)
    } catch (error) {
      throw corruptIndex('index options in the header', error)
    }
    decodeSearchSections(meta, sections, index.store)
    index.store.cache.limit = cacheBytes
    index.#loadedFrom = meta
    if (meta.part === 'all') {
      for (let i = 0; i < meta.chunks; i++) {
        attachDisplay(index.store, meta, i, sections, `display-${i}`)
        attachText(index.store, i, sections, `text-${i}.`)
      }
    }
    return index
  }

  /** Adds a `positions`, `display-<i>` or `text-<i>` part from `serializeParts()` to an index loaded from its `search` part. */
  addPart(data: Uint8Array | ArrayBuffer): void {
    const { meta, sections } = readPart(data)
    const own = this.#loadedFrom
    if (own?.part !== 'search' || meta.part === 'all' || meta.part === 'search') {
      throw new NewsdexError('E_INVALID_ARGUMENT', `cannot add a '${meta.part}' part: only positions, display and text parts go to an index loaded from its search part`)
    }
    checkIndex(meta.build === own.build, 'part: it belongs to another build of the index')
    if (meta.part === 'positions') attachPositions(this.store, own, sections)
    else if (meta.part === 'display') attachDisplay(this.store, own, meta.chunk!, sections, 'display')
    else attachText(this.store, meta.chunk!, sections)
  }

  /**
   * Opens an index published with `newsdex build --split`: fetches `url` (the search part) now, and
   * the other parts (`<url>.positions`, `<url>.display-<i>`, `<url>.text-<i>`) only when a search needs them.
   */
  static async open<T extends NewsIndex>(this: IndexClass<T>, url: string, options: OpenOptions = {}): Promise<T> {
    const get = options.fetch ?? fetch
    const load = async (name: string, signal?: AbortSignal): Promise<Uint8Array> => {
      const response = await get(name === 'search' ? url : `${url}.${name}`, { signal })
      if (!response.ok) throw new NewsdexError('E_IO', `cannot fetch ${response.url || url}: HTTP ${response.status}`)
      return new Uint8Array(await response.arrayBuffer())
    }
    const index = NewsIndex.load.call(this, await load('search', options.signal), options) as T
    // A whole index (one file) has every part already.
    if (index.#loadedFrom?.part === 'search') index.#fetcher = new PartFetcher(load, (bytes) => index.addPart(bytes))
    return index
  }
}
