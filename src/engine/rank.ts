import { parseQuery } from '../query/parse-query.js'
import { planQuery, textClauses, type PlanClause } from '../query/plan.js'
import { MAX_EXPANSIONS } from '../terms/term-lookup.js'
import type { FacetCount, ParsedQuery, QueryDiagnostic, SearchOptions, TextField } from '../types.js'
import { evaluateClause, everyDocument, type ClauseMatch, type EvaluationContext, type Evaluated } from './evaluate-clause.js'
import { countFacets } from './facets.js'
import { clauseTest, filterTests, type DocTest } from './filters.js'
import { budgetClauses } from './query-budget.js'
import { applyRecency } from './recency.js'
import type { Store } from './store/store.js'
import { topK } from './top-k.js'

/**
 * Most text clauses of a query ranked as keywords when nothing matches them all: articles holding
 * more of them come first. A longer query is a request in prose, ranked by score like `match: 'any'`.
 */
const MAX_KEYWORD_CLAUSES = 6

/** Most hits one search returns: a larger `limit` is cut to it (and said), so a page's work is bounded. */
export const MAX_LIMIT = 1000

/** What ranking needs of an index's options. */
export interface IndexSettings {
  boost: Readonly<Record<TextField, number>>
  stopwords: ReadonlySet<string>
}

/** A search up to its page: what matched, how it scored, and the documents of the page, in order. */
export interface Ranking {
  query: ParsedQuery
  /** Score of every matching document. */
  scores: Map<number, number>
  /** The page's documents, best first. */
  page: number[]
  /** The term matches of every text clause. */
  matches: ClauseMatch[]
  /** The query's phrases, as analyzed terms. */
  phrases: string[][]
  /** Counts by facet: built-in and custom keyword fields. */
  facets: Record<string, FacetCount[]>
}

/** Whether a clause filters by value or date (rather than searching text). */
const isFilter = (clause: PlanClause): clause is Extract<PlanClause, { kind: 'filter' | 'date' }> => clause.kind === 'filter' || clause.kind === 'date'

/** Orders dates ascending (`1`) or descending (`-1`), undated articles last; `0` ignores dates. */
function compareDates(a: string | null, b: string | null, direction: -1 | 0 | 1): number {
  if (direction === 0 || a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return (a < b ? -1 : 1) * direction
}

/** Runs a query up to its page: plan, filters, clause scores, AND or OR, recency, facets, top k. */
export function rank(store: Store, index: IndexSettings, query: string | ParsedQuery, options: SearchOptions): Ranking {
  const { boost, stopwords } = index
  const parsed: ParsedQuery = typeof query === 'string' ? parseQuery(query, { fields: store.valueFields }) : { ...query, relaxed: false }
  const plan = planQuery(parsed, store.analyzer, { prefix: options.prefix ?? true, fuzzy: options.fuzzy ?? true, stopwords })
  const budget = budgetClauses(plan.must.filter((c) => !isFilter(c)), store.terms)
  const text = budget.clauses
  const tests = [...filterTests(store, options.filter), ...plan.must.filter(isFilter).map((clause) => clauseTest(store, clause))]
  const live: DocTest = (doc) => store.isLive(doc)
  const capped = new Set<string>()
  const offset = Math.max(0, Math.floor(options.offset ?? 0))
  const asked = Math.max(0, Math.floor(options.limit ?? 10))
  const limit = Math.min(asked, MAX_LIMIT)
  const wanted = Math.max(1, offset + limit)
  const excluded = new Set(plan.mustNot.flatMap((clause) => [...evaluateClause(clause, { store, allowed: live, boost, capped, wanted }).scores.keys()]))
  const allowed: DocTest = tests.length > 0 || excluded.size > 0 ? (doc) => live(doc) && !excluded.has(doc) && tests.every((t) => t(doc)) : live
  const context: EvaluationContext = { store, allowed, boost, capped, wanted }
  const all = (options.match ?? 'all') === 'all'

  // AND: each clause scored only over the documents that hold the ones before it.
  let evaluated = all && text.length > 1 ? evaluateIntersecting(text, context) : null
  let scores = evaluated ? intersect(evaluated.map((e) => e.scores)) : new Map<number, number>()
  // OR (match 'any', or nothing matching all terms): summed scores, and how many clauses each
  // document matched. That count ranks first only for a relaxed keyword query (see DESIGN.md).
  let coverage: Map<number, number> | null = null
  let relaxed = false
  if (!evaluated) {
    evaluated = text.map((clause) => evaluateClause(clause, context))
    const lists = evaluated.map((e) => e.scores)
    if (text.length === 0) scores = everyDocument(store, allowed)
    else if (all && lists.length === 1) scores = lists[0]!
    else {
      ;({ scores, coverage } = unite(lists))
      relaxed = all && scores.size > 0
      if (!relaxed || lists.length > MAX_KEYWORD_CLAUSES) coverage = null
    }
  }
  if (options.recency && text.length > 0) applyRecency(scores, (doc) => store.dateOf(doc), options.recency)

  const sort = options.sort ?? 'relevance'
  // With no search terms there is no relevance: browsing shows the newest first.
  const direction = sort === 'oldest' ? 1 : sort === 'newest' || text.length === 0 ? -1 : 0
  const byCoverage = (x: number, y: number): number => (coverage ? coverage.get(y)! - coverage.get(x)! : 0)
  const page = topK(
    scores.keys(),
    offset + limit,
    (x, y) => compareDates(store.dateOf(x), store.dateOf(y), direction) || byCoverage(x, y) || scores.get(y)! - scores.get(x)! || x - y,
  ).slice(offset)

  const diagnostics: QueryDiagnostic[] = [...parsed.diagnostics, ...plan.diagnostics, ...budget.diagnostics]
  if (asked > limit) diagnostics.push({ code: 'limit-capped', message: `limit cut to ${MAX_LIMIT}`, offset: 0 })
  if (context.phrasesUnchecked) {
    diagnostics.push({ code: 'missing-part', message: "part positions not loaded: phrases matched as words (searchAsync() fetches it)", offset: 0 })
  }
  for (const term of capped) {
    diagnostics.push({
      code: 'too-many-expansions',
      message: `'${term}' has over ${MAX_EXPANSIONS} prefix or typo matches; the ${MAX_EXPANSIONS} most frequent are searched`,
      offset: Math.max(0, parsed.input.toLowerCase().indexOf(term)),
    })
  }
  return {
    query: { ...parsed, diagnostics, relaxed },
    scores,
    page,
    matches: evaluated.flatMap((e) => e.matches),
    phrases: textClauses(text).phrases,
    facets: options.facets?.length ? countFacets(store, [...scores.keys()], options.facets) : {},
  }
}

/**
 * Scores the clauses one after another, the one whose exact term is in fewest documents first, each
 * over the documents that hold all the clauses before it; `null` as soon as none is left.
 */
function evaluateIntersecting(clauses: readonly PlanClause[], context: EvaluationContext): Evaluated[] | null {
  const documentsWith = (clause: PlanClause): number => (clause.kind === 'term' ? (context.store.terms.get(clause.spec.term)?.df ?? 0) : 0)
  const results: Evaluated[] = []
  let holdingAll: Map<number, number> | null = null
  for (const clause of [...clauses].sort((a, b) => documentsWith(a) - documentsWith(b))) {
    const within: Map<number, number> | null = holdingAll
    const evaluated = evaluateClause(clause, within ? { ...context, allowed: (doc) => within.has(doc) } : context)
    if (evaluated.scores.size === 0) return null
    results.push(evaluated)
    holdingAll = evaluated.scores
  }
  return results
}

/** AND: the documents of the shortest list that every other list holds, their scores summed. */
function intersect(lists: readonly Map<number, number>[]): Map<number, number> {
  const scores = new Map<number, number>()
  const [shortest, ...others] = [...lists].sort((a, b) => a.size - b.size)
  if (!shortest) return scores
  next: for (const [doc, score] of shortest) {
    let total = score
    for (const list of others) {
      const other = list.get(doc)
      if (other === undefined) continue next
      total += other
    }
    scores.set(doc, total)
  }
  return scores
}

/** OR: every document of any list, its scores summed, and how many lists hold it. */
function unite(lists: readonly Map<number, number>[]): { scores: Map<number, number>; coverage: Map<number, number> } {
  const scores = new Map<number, number>()
  const coverage = new Map<number, number>()
  for (const list of lists) {
    for (const [doc, score] of list) {
      scores.set(doc, (scores.get(doc) ?? 0) + score)
      coverage.set(doc, (coverage.get(doc) ?? 0) + 1)
    }
  }
  return { scores, coverage }
}
