import { checkIndex, checkOption, corruptIndex, NewsdexError } from '../errors.js'
import { attachDisplay, attachPositions, attachText, decodeSearchSections, readPart, type PartMeta } from '../format/index-file.js'
import { highlightArticle, snippetOptions } from '../highlight/highlight.js'
import { parseQuery } from '../query/parse-query.js'
import { planQuery, textClauses, type PlanClause } from '../query/plan.js'
import type {
  AnalyzerPreset,
  Article,
  Hit,
  IndexStats,
  NewsIndexOptions,
  ParsedQuery,
  QueryNode,
  RecencyBoost,
  SearchOptions,
  SearchResponse,
  StoredArticle,
  TextField,
} from '../types.js'
import { bm25f, idf } from './bm25.js'
import { countFacets } from './facets.js'
import { docFilter } from './filters.js'
import { findDoc, type Postings } from './postings.js'
import { Store, VALUE_FIELDS } from './store.js'
import { budgetClauses } from './query-budget.js'
import { lookupTerm, MAX_EXPANSIONS, type TermMatch } from './term-lookup.js'
import { topK } from './top-k.js'

/** Options with every default filled in; stored with the serialized index. */
export interface ResolvedOptions {
  boost: Record<TextField, number>
  analyzer: AnalyzerPreset
}

/** A class of index, `NewsIndex` or a subclass: what `load()` and `open()` create. */
export type IndexClass<T extends NewsIndex> = new (options?: NewsIndexOptions) => T

/** Fetches a part of an index by name (`'positions'`, `'display-3'`…), for `NewsIndex.open()`. */
export type PartLoader = (name: string) => Promise<Uint8Array | ArrayBuffer>

/** A clause, evaluated: each matching document's score, and the term matches that produced it. */
interface Evaluated {
  scores: Map<number, number>
  /** Term matches; those of phrases are reported in `hit.matches` but highlighted only as the phrase. */
  matches: (TermMatch & { phrase?: boolean })[]
}

const TEXT_FIELDS: TextField[] = ['title', 'body']

function resolveOptions({ analyzer = 'english', boost = {} }: NewsIndexOptions = {}): ResolvedOptions {
  const { title = 2, body = 1 } = Object(boost) as NewsIndexOptions['boost'] & object
  checkOption(analyzer === 'english' || analyzer === 'simple', 'analyzer', analyzer)
  checkOption([title, body].every((weight) => Number.isFinite(weight) && weight >= 0), 'boost', boost)
  return { boost: { title, body }, analyzer }
}

/** Orders dates ascending (`1`) or descending (`-1`), undated articles last; `0` ignores dates. */
function compareDates(a: string | null, b: string | null, direction: -1 | 0 | 1): number {
  if (direction === 0 || a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return (a < b ? -1 : 1) * direction
}

/**
 * Most text clauses of a query ranked as keywords when nothing matches them all: articles holding
 * more of them come first. A longer query is a request in prose, ranked by score like `match: 'any'`.
 */
const MAX_KEYWORD_CLAUSES = 6

/** Whether a clause filters by value or date (rather than searching text). */
const isFilter = (clause: PlanClause): clause is Extract<PlanClause, { kind: 'filter' | 'date' }> => clause.kind === 'filter' || clause.kind === 'date'

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
  #meta: PartMeta | null = null
  #loader: PartLoader | null = null
  #pending = new Map<string, Promise<void>>()

  constructor(options: NewsIndexOptions = {}) {
    this.options = resolveOptions(options)
    this.store = new Store(this.options.analyzer)
  }

  /** Number of articles in the index. */
  get size(): number {
    return this.store.liveCount
  }

  /** Whether an article with this id is in the index. */
  has(id: string): boolean {
    return this.store.docOf.has(id)
  }

  /** The article with this id, body included (`''` while its text part is not loaded), or `undefined`. */
  get(id: string): Article | undefined {
    const doc = this.store.docOf.get(id)
    if (doc === undefined) return undefined
    return { ...this.#stored(doc), body: this.store.body(doc) ?? '' }
  }

  /** Counts describing the index. */
  stats(): IndexStats {
    const dates = this.store.dates.filter((date, doc) => date && this.store.live[doc]).sort()
    return { articles: this.size, terms: this.store.terms.size, dateRange: dates[0] ? { from: dates[0], to: dates.at(-1)! } : null }
  }

  /** Completions of `prefix` from the indexed terms, those in most articles first. */
  suggest(prefix: string, limit = 8): string[] {
    const spec = planQuery(parseQuery(prefix), this.options.analyzer, { prefix: false, fuzzy: false }).must[0]
    if (!spec || spec.kind !== 'term') return []
    return [...this.store.terms.atPrefix(spec.spec.term)]
      .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
      .slice(0, Math.max(0, limit))
      .map(([term]) => term)
  }

  /** The stored display fields of a document (title `''` while its display part is not loaded). */
  #stored(doc: number): StoredArticle {
    const { ids, display, dates, columns } = this.store
    const { title = '', url, meta } = display[doc] ?? {}
    const article: StoredArticle = { id: ids[doc]!, title, date: dates[doc]!, source: [], location: [], country: [] }
    for (const field of VALUE_FIELDS) article[field] = (columns[field].refs[doc] ?? []).map((v) => columns[field].values[v]!)
    if (url !== undefined) article.url = url
    if (meta) article.meta = { ...meta }
    return article
  }

  /** Searches the index. The query string never throws; see `parseQuery()` for the syntax. */
  search(query: string | ParsedQuery = '', options: SearchOptions = {}): SearchResponse {
    const store = this.store
    const parsed: ParsedQuery = typeof query === 'string' ? parseQuery(query) : { ...query, relaxed: false }
    const plan = planQuery(parsed, this.options.analyzer, { prefix: options.prefix ?? true, fuzzy: options.fuzzy ?? true })
    const budget = budgetClauses(plan.must.filter((c) => !isFilter(c)), store.terms)
    const text = budget.clauses
    const tests = [options.filter, ...plan.must.filter(isFilter)].map((f) => docFilter(store, f)).filter((t) => t !== null)
    // Query terms whose prefix or typo expansions were cut to the most frequent.
    const capped = new Set<string>()
    const excluded = new Set(plan.mustNot.flatMap((clause) => [...this.#evaluate(clause, (doc) => store.live[doc]!, capped).scores.keys()]))
    const allowed =
      tests.length > 0 || excluded.size > 0 ? (doc: number) => store.live[doc]! && !excluded.has(doc) && tests.every((t) => t(doc)) : (doc: number) => store.live[doc]!

    const evaluated = text.map((clause) => this.#evaluate(clause, allowed, capped))
    const lists = evaluated.map((e) => e.scores).sort((a, b) => a.size - b.size)
    const [shortest, ...others] = lists
    const all = (options.match ?? 'all') === 'all'
    let scores = new Map<number, number>()
    // AND: the documents of the shortest list that every other list holds, their scores summed.
    if (all && shortest) {
      for (const [doc, score] of shortest) {
        let total = score
        for (const list of others) total += list.get(doc) ?? NaN
        if (!Number.isNaN(total)) scores.set(doc, total)
      }
    }
    // OR (match 'any', or nothing matching all terms): summed scores, and how many clauses each
    // document matched. That count ranks first only for a relaxed keyword query (see DESIGN.md).
    let coverage: Map<number, number> | null = null
    let relaxed = false
    if (text.length === 0) scores = this.#every(allowed)
    else if (!all || (scores.size === 0 && lists.length > 1)) {
      coverage = new Map()
      for (const list of lists) {
        for (const [doc, score] of list) {
          scores.set(doc, (scores.get(doc) ?? 0) + score)
          coverage.set(doc, (coverage.get(doc) ?? 0) + 1)
        }
      }
      relaxed = all && scores.size > 0
      if (!relaxed || lists.length > MAX_KEYWORD_CLAUSES) coverage = null
    }
    if (options.recency && text.length > 0) applyRecency(scores, store.dates, options.recency)

    const sort = options.sort ?? 'relevance'
    // With no search terms there is no relevance: browsing shows the newest first.
    const direction = sort === 'oldest' ? 1 : sort === 'newest' || text.length === 0 ? -1 : 0
    const dates = store.dates
    const offset = Math.max(0, Math.floor(options.offset ?? 0))
    const limit = Math.max(0, Math.floor(options.limit ?? 10))
    const page = topK(
      scores.keys(),
      offset + limit,
      (x, y) => compareDates(dates[x]!, dates[y]!, direction) || (coverage ? coverage.get(y)! - coverage.get(x)! : 0) || scores.get(y)! - scores.get(x)! || x - y,
    ).slice(offset)

    const highlight = options.highlight === false ? null : snippetOptions(options.highlight)
    const matches = evaluated.flatMap((e) => e.matches)
    const { phrases } = textClauses(text)
    const hits = page.map((doc): Hit => {
      // Per term, the fields it matched in: bit 0 title, bit 1 body.
      const fieldsOf = new Map<string, number>()
      const loose = new Set<string>()
      for (const { term, entry, phrase } of matches) {
        const postings = store.postings(entry)
        const at = findDoc(postings.docs, doc)
        if (at < 0) continue
        fieldsOf.set(term, (fieldsOf.get(term) ?? 0) | (postings.title[at]! && 1) | (postings.body[at]! && 2))
        if (!phrase) loose.add(term)
      }
      const article = this.#stored(doc)
      const hit: Hit = {
        id: article.id,
        score: scores.get(doc)!,
        article,
        matches: [...fieldsOf].map(([term, fields]) => ({ term, fields: TEXT_FIELDS.filter((_, i) => (fields >> i) & 1) })),
      }
      // Only for highlights: the body may need its text chunk decoded.
      const body = highlight && store.display[doc] && store.body(doc)
      if (highlight && typeof body === 'string') {
        hit.highlight = highlightArticle(article.title, body, { isMatch: (term) => loose.has(term), phrases }, this.options.analyzer, highlight)
      }
      return hit
    })
    const diagnostics = [...parsed.diagnostics, ...plan.diagnostics, ...budget.diagnostics]
    for (const term of capped) {
      diagnostics.push({
        code: 'too-many-expansions',
        message: `'${term}' has over ${MAX_EXPANSIONS} prefix or typo matches; the ${MAX_EXPANSIONS} most frequent are searched`,
        offset: Math.max(0, parsed.input.toLowerCase().indexOf(term)),
      })
    }
    return {
      total: scores.size,
      hits,
      facets: options.facets?.length ? countFacets(store, [...scores.keys()], options.facets) : {},
      query: { ...parsed, diagnostics, relaxed },
    }
  }

  /** Every document that `allowed` lets through, scored 0. */
  #every(allowed: (doc: number) => boolean): Map<number, number> {
    const scores = new Map<number, number>()
    this.store.ids.forEach((_, doc) => allowed(doc) && scores.set(doc, 0))
    return scores
  }

  /** Runs one clause over the documents `allowed` lets through; adds the terms whose expansions were cut to `capped`. */
  #evaluate(clause: PlanClause, allowed: (doc: number) => boolean, capped: Set<string>): Evaluated {
    const store = this.store
    const result: Evaluated = { scores: new Map(), matches: [] }
    const n = store.liveCount
    // Average title and body lengths over live documents (NaN, read as 1, for none).
    const average: [number, number] = [store.titleTotal / n, store.bodyTotal / n]
    const fields = (clause.kind === 'term' || clause.kind === 'phrase') && clause.field ? [clause.field] : TEXT_FIELDS
    const boost: [number, number] = [fields.includes('title') ? this.options.boost.title : 0, fields.includes('body') ? this.options.boost.body : 0]
    const repeat = clause.kind === 'term' || clause.kind === 'phrase' ? (clause.repeat ?? 1) : 1
    const score = (postings: Postings, i: number, weight: number, termIdf: number): number => {
      const doc = postings.docs[i]!
      return weight * bm25f(termIdf, postings.title[i]!, postings.body[i]!, store.titleLength[doc]!, store.bodyLength[doc]!, average, boost)
    }
    switch (clause.kind) {
      case 'term': {
        const lookup = lookupTerm(store.terms, clause.spec)
        const matches = lookup.matches
        if (lookup.capped) capped.add(clause.spec.term)
        // The word's own forms (itself and its stem family) pool their frequencies, as one term of a
        // stemmed index would, and the score is scaled by the forms' mean weight (an article with
        // the plural only ranks below one with the word); a completion or a typo scores on its own,
        // and a document keeps its best score. One idf for the whole clause, from the documents holding any of the
        // word's forms or its most frequent match, whichever is more (Lucene's blended
        // frequencies): a rare variant must not outrank the word itself.
        const words = matches.filter((m) => m.sameWord)
        const termIdf = idf(n, Math.max(0, ...matches.map((m) => m.entry.df), words.length > 1 ? documentsWithAny(store, words) : 0))
        const pooled = new Map<number, [title: number, body: number, weighted: number]>()
        for (const match of matches) {
          const postings = store.postings(match.entry)
          let used = false
          for (let i = 0; i < postings.docs.length; i++) {
            const doc = postings.docs[i]!
            if (!allowed(doc)) continue
            used = true
            if (match.sameWord) {
              const tf = pooled.get(doc) ?? pooled.set(doc, [0, 0, 0]).get(doc)!
              tf[0] += postings.title[i]!
              tf[1] += postings.body[i]!
              tf[2] += match.weight * (postings.title[i]! + postings.body[i]!)
            } else {
              const s = repeat * score(postings, i, match.weight, termIdf)
              if (s > (result.scores.get(doc) ?? 0)) result.scores.set(doc, s)
            }
          }
          if (used) result.matches.push(match)
        }
        for (const [doc, [title, body, weighted]] of pooled) {
          const meanWeight = weighted / (title + body)
          const s = repeat * meanWeight * bm25f(termIdf, title, body, store.titleLength[doc]!, store.bodyLength[doc]!, average, boost)
          if (s > (result.scores.get(doc) ?? 0)) result.scores.set(doc, s)
        }
        return result
      }
      case 'phrase': {
        const matches = clause.terms.map((term) => ({ term, entry: store.terms.get(term)!, weight: 1, sameWord: true, phrase: true }))
        if (matches.some((m) => !m.entry)) return result
        const lists = matches.map((m) => store.postings(m.entry))
        const rarest = lists.reduce((a, b) => (b.docs.length < a.docs.length ? b : a))
        for (const doc of rarest.docs) {
          const at = lists.map((list) => findDoc(list.docs, doc))
          // Without positions or text (a partial index), a phrase degrades to all of its terms.
          if (!allowed(doc) || at.includes(-1) || store.phraseIn(doc, clause.terms, fields) === false) continue
          result.scores.set(doc, repeat * at.reduce((sum, i, k) => sum + score(lists[k]!, i, 1, idf(n, matches[k]!.entry.df)), 0))
        }
        if (result.scores.size > 0) result.matches.push(...matches)
        return result
      }
      case 'any': {
        for (const child of clause.children) {
          const sub = this.#evaluate(child, allowed, capped)
          for (const [doc, s] of sub.scores) result.scores.set(doc, (result.scores.get(doc) ?? 0) + s)
          result.matches.push(...sub.matches)
        }
        return result
      }
      default: {
        const test = docFilter(store, clause)!
        result.scores = this.#every((doc) => allowed(doc) && test(doc))
        return result
      }
    }
  }

  /** Loads an index written by `serialize()` or the `search` part of `serializeParts()`. Throws a `NewsdexError` on anything else. */
  static load<T extends NewsIndex>(this: IndexClass<T>, data: Uint8Array | ArrayBuffer): T {
    const { meta, sections } = readPart(data)
    if (meta.part !== 'all' && meta.part !== 'search') {
      throw new NewsdexError('E_NOT_AN_INDEX', `cannot load a '${meta.part}' part: load the 'search' part or a whole index`)
    }
    let index: T
    try {
      checkIndex((meta.options as object | null | undefined)?.constructor === Object, 'index options')
      index = new this(meta.options as NewsIndexOptions)
    } catch (error) {
      throw corruptIndex('index options', error)
    }
    index.store = decodeSearchSections(meta, sections, index.options.analyzer)
    index.#meta = meta
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
    const own = this.#meta
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
  static async open<T extends NewsIndex>(this: IndexClass<T>, url: string, options: { fetch?: typeof fetch } = {}): Promise<T> {
    const get = options.fetch ?? fetch
    const load: PartLoader = async (name) => {
      const response = await get(name === 'search' ? url : `${url}.${name}`)
      if (!response.ok) throw new NewsdexError('E_IO', `cannot fetch ${response.url || url}: HTTP ${response.status}`)
      return new Uint8Array(await response.arrayBuffer())
    }
    const index = NewsIndex.load.call(this, await load('search')) as T
    index.#loader = load
    return index
  }

  /**
   * Like `search()`, but first fetches the parts it needs (positions for phrases, display and text
   * chunks of the hits shown) when the index came from `NewsIndex.open()`.
   */
  async searchAsync(query: string | ParsedQuery = '', options: SearchOptions = {}): Promise<SearchResponse> {
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    const hasPhrase = (node: QueryNode): boolean => node.type === 'phrase' || (node.type === 'or' && node.children.some(hasPhrase))
    if (parsed.clauses.some(hasPhrase) && this.#meta?.part === 'search' && !this.store.positionChunks) await this.#fetchPart('positions')
    if (this.#loader) {
      const store = this.store
      const wanted = new Set<string>()
      for (const { id } of this.search(parsed, { ...options, highlight: false, facets: [] }).hits) {
        const doc = store.docOf.get(id)!
        const chunk = Math.floor(doc / store.chunkSize)
        if (!store.display[doc]) wanted.add(`display-${chunk}`)
        if (options.highlight !== false && !store.hasText(doc)) wanted.add(`text-${chunk}`)
      }
      await Promise.all([...wanted].map((name) => this.#fetchPart(name)))
    }
    return this.search(parsed, options)
  }

  /** Fetches and adds a part once (again after a failure); nothing without a loader. */
  #fetchPart(name: string): Promise<void> | undefined {
    const loader = this.#loader
    let pending = this.#pending.get(name)
    if (loader && !pending) {
      pending = loader(name).then((bytes) => this.addPart(bytes))
      pending.catch(() => this.#pending.delete(name))
      this.#pending.set(name, pending)
    }
    return pending
  }
}

/** Number of live documents holding any of the matched terms. */
function documentsWithAny(store: Store, matches: readonly TermMatch[]): number {
  const seen = new Uint8Array(store.ids.length)
  let count = 0
  for (const match of matches) {
    for (const doc of store.postings(match.entry).docs) {
      if (store.live[doc] && !seen[doc]) {
        seen[doc] = 1
        count++
      }
    }
  }
  return count
}

/** Multiplies each score by its article's recency boost (see `RecencyBoost`). */
function applyRecency(scores: Map<number, number>, dates: readonly (string | null)[], boost: RecencyBoost): void {
  const DAY = 86_400_000
  const { halfLife, weight = 0.5, now } = boost
  const today = now === undefined ? Date.now() : Date.parse(`${now}T00:00:00Z`)
  checkOption(halfLife > 0 && weight >= 0 && weight <= 1 && !Number.isNaN(today), 'recency', boost)
  for (const [doc, score] of scores) {
    const date = dates[doc]
    const age = date ? Math.max(0, (today - Date.parse(`${date}T00:00:00Z`)) / DAY) : Infinity
    scores.set(doc, score * (1 - weight + weight * 2 ** (-age / halfLife)))
  }
}
