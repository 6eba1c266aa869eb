import { checkIndex, checkOption, corruptIndex, NewsdexError } from '../errors.js'
import { parseQuery } from '../query/parse-query.js'
import { planQuery } from '../query/plan.js'
import { compareByDocumentCount } from '../term-order.js'
import type { Article, AsyncSearchOptions, IndexStats, LoadOptions, NewsIndexOptions, OpenOptions, ParsedQuery, QueryNode, SearchOptions, SearchResponse } from '../types.js'
import { pageHits, storedArticle } from './hits.js'
import { resolveOptions, type ResolvedOptions } from './options.js'
import { decodeManifest } from '../format/manifest.js'
import { fetchPart, partFetcher, partsFor, type PartFetcher } from './part-fetcher.js'
import { rank, type IndexSettings, type Ranking } from './rank.js'
import { attachChunks, attachDisplay, attachPositions, attachText, decodeSearchSections, readPart, type PartMeta } from './store/store-decoder.js'
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
  /** Opens the index's URL again, for an index opened with `open()`. */
  #connect: ((init: RequestInit) => Promise<NewsIndex>) | null = null
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
      dateRange: dates[0] ? { from: dates[0], to: dates.at(-1)! } : null,
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
    return this.#respond(rank(this.store, this.#settings, query, options), options, this.store)
  }

  /**
   * Like `search()`, but first fetches the parts it needs when the index came from
   * `NewsIndex.open()`: positions for phrases, then the display and text chunks of the page shown.
   * `options.signal` drops it: it then rejects with the signal's reason (a search box drops each
   * stale keystroke so); parts already asked for still arrive and are kept.
   */
  async searchAsync(query: string | ParsedQuery = '', options: AsyncSearchOptions = {}): Promise<SearchResponse> {
    const from = this.#loadedFrom
    try {
      return await this.#searchAsync(query, options)
    } catch (error) {
      // A part that fails may be of a build that has since been replaced: the index's URL is read
      // again, once, and if it holds another build, the index moves to it and the search runs again.
      if (!this.#connect || options.signal?.aborted) throw error
      const fresh = await this.#connect({ cache: 'no-cache' })
      if (fresh.#loadedFrom!.build === from!.build) throw error
      Object.assign(this, fresh)
      this.#loadedFrom = fresh.#loadedFrom
      this.#fetcher = fresh.#fetcher
      this.#settings = fresh.#settings
      return this.#searchAsync(query, options)
    }
  }

  /**
   * Fetches, one file at a time, the packs of an index opened with `open()`: its display and text
   * chunks again, about a megabyte to a file (`serializeParts({ packBytes })`), so that a few
   * requests bring in what two files a chunk would (phrases still fetch the positions when they
   * need them). A search box calls it once its first results show, so that later keystrokes find
   * their hits' text loaded; a search meanwhile fetches its own chunks beside it. Resolves when all
   * are in; at once for a whole index, or a build without packs (`packBytes: 0`), which then
   * fetches each chunk when a search needs it. `signal` stops it.
   */
  async preload(signal?: AbortSignal): Promise<void> {
    // Only an index from open() fetches: one from load() has no fetcher, and nothing to preload.
    const fetcher = this.#fetcher
    for (let i = 0; fetcher && i < this.#loadedFrom!.packs!; i++) await fetcher([`pack-${i}`], signal)
  }

  async #searchAsync(query: string | ParsedQuery, options: AsyncSearchOptions): Promise<SearchResponse> {
    const { signal } = options
    signal?.throwIfAborted()
    // The store this search ranks in, even if another search moves the index to a newer build meanwhile.
    const store = this.store
    const parsed = typeof query === 'string' ? parseQuery(query, { fields: store.valueFields }) : query
    const fetcher = this.#fetcher
    if (fetcher && parsed.clauses.some(hasPhrase) && !store.text.hasPositions) await fetcher(['positions'], signal)
    const ranking = rank(store, this.#settings, parsed, options)
    if (fetcher) await fetcher(partsFor(store, ranking.page, options.highlight !== false), signal)
    return this.#respond(ranking, options, store)
  }

  /** The response of a ranked page; what the page lacks (parts not loaded) is said in the diagnostics. */
  #respond(ranking: Ranking, options: SearchOptions, store: Store): SearchResponse {
    const missing = partsFor(store, ranking.page, options.highlight !== false)
    // rank() made this query and its diagnostics for this search alone.
    const { query } = ranking
    if (missing[0]) {
      query.diagnostics.push({
        code: 'missing-part',
        message: `parts ${missing.join(', ')} not loaded: hits lack titles or snippets (searchAsync() fetches them)`,
        offset: 0,
      })
    }
    return { total: ranking.scores.size, hits: pageHits(store, ranking, options.highlight), facets: ranking.facets, query }
  }

  /** Loads an index written by `serialize()` or the `search` part of `serializeParts()`. Throws a `NewsdexError` on anything else. */
  static load<T extends NewsIndex>(this: IndexClass<T>, data: Uint8Array | ArrayBuffer, options: LoadOptions = {}): T {
    const { cacheBytes = DEFAULT_CACHE_BYTES } = options
    checkOption(Number.isFinite(cacheBytes) && cacheBytes >= 0, 'cacheBytes', cacheBytes)
    const { meta, sections } = readPart(data)
    if (meta.part !== 'all' && meta.part !== 'search') {
      throw new NewsdexError('E_NOT_AN_INDEX', `cannot load a '${meta.part}' part: only a search part or a whole index`)
    }
    let index: T
    try {
      // Plain options only (a crafted header could hold anything); invalid values throw in the constructor.
      if ((meta.options as object | null | undefined)?.constructor !== Object) throw meta.options
      index = new this(meta.options as NewsIndexOptions)
    } catch (error) {
      throw corruptIndex('index options in the header', error)
    }
    decodeSearchSections(meta, sections, index.store)
    index.store.cache.limit = cacheBytes
    index.#loadedFrom = meta
    // Every chunk of a whole index (none of a search part).
    attachChunks(index.store, meta, sections)
    return index
  }

  /** Adds a `positions`, `display-<i>` or `text-<i>` part from `serializeParts()` to an index loaded from its `search` part. */
  addPart(data: Uint8Array | ArrayBuffer): void {
    const { meta, sections } = readPart(data)
    const own = this.#loadedFrom
    if (own?.part !== 'search' || meta.part === 'all' || meta.part === 'search') {
      throw new NewsdexError('E_INVALID_ARGUMENT', `cannot add a '${meta.part}' part: only to the index of a search part`)
    }
    checkIndex(meta.build === own.build, 'part of another build of the index')
    if (meta.part === 'positions') attachPositions(this.store, own, sections)
    else if (meta.part === 'display') attachDisplay(this.store, own, meta.chunk!, sections, 'display')
    else if (meta.part === 'pack') attachChunks(this.store, meta, sections)
    else attachText(this.store, meta.chunk!, sections)
  }

  /**
   * Opens an index published with `newsdex build --split`: fetches the manifest `url` (`news.json`)
   * and the search part it names now, and the other parts (relative to the manifest) only when a
   * search needs them. `url` may also name a whole index (one file), or the search part of the
   * older layout, whose parts are `<url>.positions`, `<url>.display-<i>`, `<url>.text-<i>`. A query
   * string on `url` is added to every part's URL. When a part fails, `searchAsync()` reads `url`
   * again once, and moves to the build it names if that is a newer one.
   */
  static async open<T extends NewsIndex>(this: IndexClass<T>, url: string, options: OpenOptions = {}): Promise<T> {
    const get = options.fetch ?? fetch
    const { signal } = options
    const [, path = '', query = ''] = /^([^?#]*)(\?[^#]*)?/.exec(url)!
    /** The index of a search part (or whole index), whose other parts `partUrl` names. */
    const opened = (bytes: Uint8Array, partUrl: (name: string) => string): T => {
      const index = NewsIndex.load.call(this, bytes, options) as T
      // A whole index (one file) has every part already.
      if (index.#loadedFrom!.part === 'search') index.#fetcher = partFetcher((name) => fetchPart(get, partUrl(name), {}, (part) => index.addPart(part)))
      return index
    }
    /** The index `url` holds now: a manifest ('{'; a file starts with 'NDEX') and the search part it names, or a file. */
    const connect = (init: RequestInit): Promise<T> =>
      fetchPart(get, url, init, (bytes) => {
        if (bytes[0] !== 123) return opened(bytes, (name) => `${path}.${name}${query}`)
        const { parts } = decodeManifest(bytes)
        const partUrl = (name: string): string => `${path.replace(/[^/]*$/, '')}${parts[name]?.file ?? name}${query}`
        return fetchPart(get, partUrl('search'), init, (search) => opened(search, partUrl))
      })
    // Once more on a failure, past any cache: a cached manifest may name parts that are gone.
    const index = await connect({ signal }).catch(() => {
      signal?.throwIfAborted()
      return connect({ signal, cache: 'no-cache' })
    })
    index.#connect = connect
    return index
  }
}
