import MiniSearch from 'minisearch'
import { analyzeTerms } from '../analysis/analyzer.js'
import { validateArticle } from '../article/validate.js'
import { NewsdexError } from '../errors.js'
import { decodeContainer, decodeJsonSection, encodeContainer, encodeJsonSection } from '../format/container.js'
import { highlightArticle, snippetOptions } from '../highlight/highlight.js'
import type { MatchSpec } from '../highlight/match-ranges.js'
import { parseQuery } from '../query/parse-query.js'
import { planQuery, textClauses, type PlanClause } from '../query/plan.js'
import type {
  AnalyzerPreset,
  Article,
  Hit,
  IndexStats,
  NewsIndexOptions,
  ParsedQuery,
  SearchOptions,
  SearchResponse,
  StoredArticle,
  TextField,
} from '../types.js'
import { engineJsonProblem } from './engine-json.js'
import { countFacets } from './facets.js'
import { clausePredicate, filterPredicate, type ArticlePredicate } from './filters.js'

/** Options with every default filled in; stored with the serialized index. */
export interface ResolvedOptions {
  boost: Record<TextField, number>
  analyzer: AnalyzerPreset
}

interface IndexedFields {
  id: string
  title: string
  body: string
}

/** What one clause found in one article: its score and the indexed terms that matched, by field. */
interface ClauseMatch {
  score: number
  terms: Map<string, Set<TextField>>
  /** Terms matched by term clauses (highlighted wherever they occur); phrase terms are not. */
  loose: Set<string>
  /** Number of query clauses matched. */
  clauses: number
}

const emptyMatch = (): ClauseMatch => ({ score: 0, terms: new Map(), loose: new Set(), clauses: 0 })

const TEXT_FIELDS: TextField[] = ['title', 'body']

function resolveOptions(options: NewsIndexOptions = {}): ResolvedOptions {
  const analyzer = options.analyzer ?? 'english'
  if (analyzer !== 'english' && analyzer !== 'simple') throw new NewsdexError('E_INVALID_ARGUMENT', `unknown analyzer preset '${String(analyzer)}'`)
  const boost = { title: options.boost?.title ?? 2, body: options.boost?.body ?? 1 }
  for (const [field, value] of Object.entries(boost)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new NewsdexError('E_INVALID_ARGUMENT', `boost.${field} must be a finite number ≥ 0, got ${String(value)}`)
  }
  return { boost, analyzer }
}

function storedFields(article: Article): StoredArticle {
  const { body: _body, ...stored } = article
  return stored
}

function mergeInto(target: ClauseMatch, source: ClauseMatch): void {
  target.score += source.score
  target.clauses += source.clauses
  for (const [term, fields] of source.terms) {
    const known = target.terms.get(term)
    if (known) fields.forEach((f) => known.add(f))
    else target.terms.set(term, new Set(fields))
  }
  source.loose.forEach((t) => target.loose.add(t))
}

/** The positions at which `phrase` occurs in `text`, as analyzed terms in a row. */
function containsPhrase(text: string, phrase: readonly string[], preset: AnalyzerPreset): boolean {
  const terms = analyzeTerms(text, preset)
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (terms[i + k] !== phrase[k]) continue outer
    return true
  }
  return false
}

/**
 * A searchable collection of news articles: full text over title and body (BM25), filters and
 * facets over date, source, location and country, and highlighted snippets.
 */
export class NewsIndex {
  /** The index's options, defaults filled in. */
  readonly options: Readonly<ResolvedOptions>
  readonly #articles = new Map<string, Article>()
  #engine: MiniSearch<IndexedFields>

  constructor(options: NewsIndexOptions = {}) {
    this.options = resolveOptions(options)
    this.#engine = NewsIndex.#createEngine(this.options)
  }

  static #engineOptions(options: ResolvedOptions) {
    const tokenize = (text: string): string[] => analyzeTerms(text, options.analyzer)
    return {
      fields: TEXT_FIELDS,
      idField: 'id',
      storeFields: [],
      tokenize,
      processTerm: (term: string) => term,
      // Query terms reach the engine already analyzed.
      searchOptions: { boost: { ...options.boost }, tokenize: (term: string) => [term], processTerm: (term: string) => term },
    }
  }

  static #createEngine(options: ResolvedOptions): MiniSearch<IndexedFields> {
    return new MiniSearch<IndexedFields>(NewsIndex.#engineOptions(options))
  }

  /** Number of articles in the index. */
  get size(): number {
    return this.#articles.size
  }

  /** Adds one article. Throws `E_DUPLICATE_ID` if its id is taken, `E_INVALID_ARGUMENT` if it is malformed. */
  add(article: Article): void {
    const clean = validateArticle(article)
    if (this.#articles.has(clean.id)) throw new NewsdexError('E_DUPLICATE_ID', `an article with id '${clean.id}' is already in the index`)
    this.#engine.add({ id: clean.id, title: clean.title, body: clean.body })
    this.#articles.set(clean.id, clean)
  }

  /** Adds many articles; stops at the first invalid one (those before it stay added). */
  addAll(articles: Iterable<Article>): void {
    for (const article of articles) this.add(article)
  }

  /** Removes an article; returns whether it was there. */
  remove(id: string): boolean {
    const article = this.#articles.get(id)
    if (!article) return false
    this.#engine.remove({ id, title: article.title, body: article.body })
    this.#articles.delete(id)
    return true
  }

  /** Whether an article with this id is in the index. */
  has(id: string): boolean {
    return this.#articles.has(id)
  }

  /** The article with this id, body included, or `undefined`. */
  get(id: string): Article | undefined {
    const article = this.#articles.get(id)
    return article && structuredClone(article)
  }

  /** Counts describing the index. */
  stats(): IndexStats {
    let from: string | null = null
    let to: string | null = null
    for (const { date } of this.#articles.values()) {
      if (date === null) continue
      if (from === null || date < from) from = date
      if (to === null || date > to) to = date
    }
    return { articles: this.size, terms: this.#engine.termCount, dateRange: from && to ? { from, to } : null }
  }

  /** Completions of `prefix` from the indexed terms, most frequent first. */
  suggest(prefix: string, limit = 8): string[] {
    const [term] = analyzeTerms(prefix, this.options.analyzer)
    if (!term) return []
    const counts = new Map<string, number>()
    for (const result of this.#engine.search({ queries: [term], prefix: true, fuzzy: false })) {
      for (const t of result.terms) counts.set(t, (counts.get(t) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([t]) => t)
  }

  /** Searches the index. The query string never throws; see `parseQuery()` for the syntax. */
  search(query: string | ParsedQuery = '', options: SearchOptions = {}): SearchResponse {
    const parsed: ParsedQuery = typeof query === 'string' ? parseQuery(query) : { ...query, relaxed: false }
    const preset = this.options.analyzer
    const plan = planQuery(parsed, preset, { prefix: options.prefix ?? true, fuzzy: options.fuzzy ?? true })

    const predicates: ArticlePredicate[] = []
    const fromOptions = filterPredicate(options.filter)
    if (fromOptions) predicates.push(fromOptions)
    const textMust: PlanClause[] = []
    for (const clause of plan.must) {
      if (clause.kind === 'filter' || clause.kind === 'date') predicates.push(clausePredicate(clause))
      else textMust.push(clause)
    }
    const excluded = new Set<string>()
    for (const clause of plan.mustNot) {
      for (const id of this.#evaluate(exact(clause), null).keys()) excluded.add(id)
    }
    // `null`: every article is allowed, and the text clauses run unfiltered.
    let allowed: Set<string> | null = null
    if (predicates.length > 0 || excluded.size > 0 || textMust.length === 0) {
      allowed = new Set<string>()
      for (const [id, article] of this.#articles) {
        if (!excluded.has(id) && predicates.every((p) => p(article))) allowed.add(id)
      }
    }

    let matches: Map<string, ClauseMatch>
    let relaxed = false
    if (textMust.length === 0) {
      matches = new Map([...(allowed ?? [])].map((id) => [id, emptyMatch()]))
    } else {
      const perClause = textMust.map((clause) => this.#evaluate(clause, allowed))
      const mode = options.match ?? 'all'
      matches = mode === 'all' ? intersect(perClause) : union(perClause)
      if (mode === 'all' && matches.size === 0 && perClause.length > 1) {
        matches = union(perClause)
        relaxed = matches.size > 0
      }
    }

    const sort = options.sort ?? 'relevance'
    const ranked = [...matches].map(([id, m]) => ({ id, m, article: this.#articles.get(id)! }))
    // With no search terms there is no relevance: browsing shows the newest first.
    const direction = sort === 'oldest' ? 1 : sort === 'newest' || textMust.length === 0 ? -1 : 0
    ranked.sort((x, y) => compareDates(x.article.date, y.article.date, direction) || y.m.clauses - x.m.clauses || y.m.score - x.m.score)

    const offset = Math.max(0, Math.floor(options.offset ?? 0))
    const limit = Math.max(0, Math.floor(options.limit ?? 10))
    const page = ranked.slice(offset, offset + limit)
    const highlight = options.highlight === false ? null : snippetOptions(options.highlight)
    const phrases = textClauses(textMust).phrases
    const hits: Hit[] = page.map(({ id, m, article }) => {
      const hit: Hit = {
        id,
        score: m.score,
        article: structuredClone(storedFields(article)),
        matches: [...m.terms].map(([term, fields]) => ({ term, fields: TEXT_FIELDS.filter((f) => fields.has(f)) })),
      }
      if (highlight) {
        const spec: MatchSpec = { isMatch: (term) => m.loose.has(term), phrases }
        hit.highlight = highlightArticle(article.title, article.body, spec, preset, highlight)
      }
      return hit
    })
    const facets = options.facets?.length ? countFacets(ranked.map((r) => r.article), options.facets) : {}
    return { total: ranked.length, hits, facets, query: { ...parsed, relaxed } }
  }

  /** Runs one text clause; `allowed` restricts the articles considered (`null`: all). */
  #evaluate(clause: PlanClause, allowed: Set<string> | null): Map<string, ClauseMatch> {
    const found = new Map<string, ClauseMatch>()
    const filter = allowed ? (r: { id: unknown }) => allowed.has(r.id as string) : undefined
    const fields: TextField[] = (clause.kind === 'term' || clause.kind === 'phrase') && clause.field ? [clause.field] : TEXT_FIELDS
    switch (clause.kind) {
      case 'term': {
        const { spec } = clause
        const results = this.#engine.search(
          { queries: [spec.term], prefix: spec.prefix, fuzzy: spec.fuzzy > 0 ? spec.fuzzy : false, fields },
          filter ? { filter } : {},
        )
        for (const r of results) {
          const terms = new Map(Object.entries(r.match).map(([t, f]) => [t, new Set(f as TextField[])]))
          found.set(r.id as string, { score: r.score, terms, loose: new Set(terms.keys()), clauses: 1 })
        }
        return found
      }
      case 'phrase': {
        const results = this.#engine.search({ queries: clause.terms, combineWith: 'AND', prefix: false, fuzzy: false, fields }, filter ? { filter } : {})
        for (const r of results) {
          const article = this.#articles.get(r.id as string)!
          const inFields = fields.filter((f) => containsPhrase(article[f], clause.terms, this.options.analyzer))
          if (inFields.length === 0) continue
          const terms = new Map(clause.terms.map((t) => [t, new Set(inFields)]))
          found.set(r.id as string, { score: r.score, terms, loose: new Set(), clauses: 1 })
        }
        return found
      }
      case 'any': {
        for (const child of clause.children) {
          for (const [id, m] of this.#evaluate(child, allowed)) {
            const known = found.get(id)
            if (known) mergeInto(known, { ...m, clauses: 0 })
            else found.set(id, m)
          }
        }
        return found
      }
      case 'filter':
      case 'date': {
        const test = clausePredicate(clause)
        for (const [id, article] of this.#articles) {
          if ((!allowed || allowed.has(id)) && test(article)) found.set(id, { ...emptyMatch(), clauses: 1 })
        }
        return found
      }
    }
  }

  /** The whole index, options included, as bytes that `NewsIndex.load()` reads back. */
  serialize(): Uint8Array {
    return encodeContainer(
      { options: this.options, articles: this.#articles.size },
      {
        articles: encodeJsonSection([...this.#articles.values()]),
        engine: encodeJsonSection(this.#engine),
      },
    )
  }

  /** Loads an index written by `serialize()`. Throws a `NewsdexError` on anything else. */
  static load(data: Uint8Array | ArrayBuffer): NewsIndex {
    const { meta, sections } = decodeContainer(data)
    const corrupt = (message: string, cause?: unknown) => new NewsdexError('E_CORRUPT', `corrupt newsdex index: ${message}`, cause === undefined ? undefined : { cause })
    if (typeof meta !== 'object' || meta === null) throw corrupt('missing index options')
    const { options, articles: count } = meta as { options?: unknown; articles?: unknown }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) throw corrupt('missing or invalid index options')
    let index: NewsIndex
    try {
      index = new NewsIndex(options as NewsIndexOptions)
    } catch (error) {
      throw corrupt('invalid index options', error)
    }
    const articles = decodeJsonSection(sections, 'articles')
    if (!Array.isArray(articles) || articles.length !== count) throw corrupt('the article list does not match the header')
    for (const raw of articles) {
      const article = validateArticle(raw, 'E_CORRUPT')
      if (index.#articles.has(article.id)) throw corrupt(`duplicate article id '${article.id}'`)
      index.#articles.set(article.id, article)
    }
    const engineJson = decodeJsonSection(sections, 'engine')
    const problem = engineJsonProblem(engineJson, TEXT_FIELDS.length)
    if (problem) throw corrupt(`the term index is invalid (${problem})`)
    let engine: MiniSearch<IndexedFields>
    try {
      engine = MiniSearch.loadJS<IndexedFields>(engineJson as Parameters<typeof MiniSearch.loadJS>[0], NewsIndex.#engineOptions(index.options))
    } catch (error) {
      throw corrupt('the term index cannot be read', error)
    }
    if (engine.documentCount !== index.#articles.size || ![...index.#articles.keys()].every((id) => engine.has(id))) {
      throw corrupt('the term index does not match the articles')
    }
    index.#engine = engine
    return index
  }

}

/** Orders dates ascending (`1`) or descending (`-1`), undated articles last; `0` ignores dates. */
function compareDates(a: string | null, b: string | null, direction: -1 | 0 | 1): number {
  if (direction === 0 || a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return (a < b ? -1 : 1) * direction
}

function exact(clause: PlanClause): PlanClause {
  if (clause.kind === 'term') return { ...clause, spec: { ...clause.spec, prefix: false, fuzzy: 0 } }
  if (clause.kind === 'any') return { kind: 'any', children: clause.children.map(exact) }
  return clause
}

function intersect(perClause: Map<string, ClauseMatch>[]): Map<string, ClauseMatch> {
  const [first, ...rest] = [...perClause].sort((a, b) => a.size - b.size)
  const result = new Map<string, ClauseMatch>()
  if (!first) return result
  for (const [id, m] of first) {
    if (!rest.every((other) => other.has(id))) continue
    const merged = emptyMatch()
    mergeInto(merged, m)
    for (const other of rest) mergeInto(merged, other.get(id)!)
    result.set(id, merged)
  }
  return result
}

function union(perClause: Map<string, ClauseMatch>[]): Map<string, ClauseMatch> {
  const result = new Map<string, ClauseMatch>()
  for (const clause of perClause) {
    for (const [id, m] of clause) {
      const known = result.get(id)
      if (known) mergeInto(known, m)
      else {
        const copy = emptyMatch()
        mergeInto(copy, m)
        result.set(id, copy)
      }
    }
  }
  return result
}

