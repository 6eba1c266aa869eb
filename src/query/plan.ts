import { analyzeTerms } from '../analysis/analyzer.js'
import type { AnalyzerPreset, ParsedQuery, QueryFilterField, QueryNode, TextField } from '../types.js'

/** One query term as the engine looks it up. */
export interface TermSpec {
  term: string
  /** Also match indexed terms that start with `term`. */
  prefix: boolean
  /** Maximum edit distance tolerated (0: exact only). */
  fuzzy: number
  /** Also match indexed terms with the same English stem ('rockets' finds 'rocket'). */
  stem: boolean
}

/** A clause of the query, with its text analyzed. */
export type PlanClause =
  | { kind: 'term'; spec: TermSpec; field?: TextField }
  | { kind: 'phrase'; terms: string[]; field?: TextField }
  | { kind: 'any'; children: PlanClause[] }
  | { kind: 'filter'; field: QueryFilterField; value: string }
  | { kind: 'date'; from: string | null; to: string | null }

/** A query ready to run: clauses that must hold and clauses that must not. */
export interface QueryPlan {
  must: PlanClause[]
  mustNot: PlanClause[]
}

/** Whether prefix and typo tolerance apply. */
export interface PlanOptions {
  prefix: boolean
  fuzzy: boolean
}

/** Typos tolerated for a term of this length: none under 4 letters, 1 from 4, 2 from 8. */
export function typoBudget(term: string): number {
  const length = [...term].length
  return length < 4 ? 0 : length < 8 ? 1 : 2
}

/** Shortest term whose stem family is matched (shorter stems cover too many words). */
const MIN_STEM_LENGTH = 3

/** Shortest last term that is prefix-matched (shorter prefixes expand to too many terms). */
const MIN_PREFIX_LENGTH = 2

/** Turns a parsed query into analyzed clauses; the last bare term is prefix-matched. */
export function planQuery(query: ParsedQuery, preset: AnalyzerPreset, options: PlanOptions): QueryPlan {
  const plan: QueryPlan = { must: [], mustNot: [] }
  const toClause = (node: QueryNode): PlanClause | null => {
    switch (node.type) {
      case 'term': {
        const terms = analyzeTerms(node.value, preset)
        if (terms.length === 0) return null
        if (terms.length > 1) return withField({ kind: 'phrase', terms }, node.field)
        const term = terms[0]!
        return withField({ kind: 'term', spec: { term, prefix: false, fuzzy: options.fuzzy ? typoBudget(term) : 0, stem: preset === 'english' && term.length >= MIN_STEM_LENGTH } }, node.field)
      }
      case 'phrase': {
        const terms = analyzeTerms(node.value, preset)
        if (terms.length === 0) return null
        return withField({ kind: 'phrase', terms }, node.field)
      }
      case 'or': {
        const children = node.children.map(toClause).filter((c): c is PlanClause => c !== null)
        return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'any', children }
      }
      case 'filter':
        return { kind: 'filter', field: node.field, value: node.value }
      case 'date':
        return { kind: 'date', from: node.from, to: node.to }
    }
  }
  for (const node of query.clauses) {
    const clause = toClause(node)
    if (clause) (node.negated ? plan.mustNot : plan.must).push(clause)
  }
  if (options.prefix) {
    const last = lastTerm(plan.must)
    if (last && last.spec.term.length >= MIN_PREFIX_LENGTH && endsWithTerm(query)) last.spec.prefix = true
  }
  return plan
}

function withField<T extends PlanClause>(clause: T, field: TextField | undefined): T {
  return field ? { ...clause, field } : clause
}

function lastTerm(clauses: PlanClause[]): Extract<PlanClause, { kind: 'term' }> | null {
  const last = clauses[clauses.length - 1]
  if (!last) return null
  if (last.kind === 'term') return last
  if (last.kind === 'any') return lastTerm(last.children)
  return null
}

/** Prefix matching is for the word being typed: the query must end with a bare word. */
function endsWithTerm(query: ParsedQuery): boolean {
  const last = query.clauses[query.clauses.length - 1]
  const node = last?.type === 'or' ? last.children[last.children.length - 1] : last
  return node?.type === 'term' && !node.negated
}

/** The text clauses (terms and phrases, through OR groups) of a list of clauses. */
export function textClauses(clauses: readonly PlanClause[]): { terms: TermSpec[]; phrases: string[][] } {
  const terms: TermSpec[] = []
  const phrases: string[][] = []
  const visit = (clause: PlanClause): void => {
    if (clause.kind === 'term') terms.push(clause.spec)
    else if (clause.kind === 'phrase') phrases.push(clause.terms)
    else if (clause.kind === 'any') clause.children.forEach(visit)
  }
  clauses.forEach(visit)
  return { terms, phrases }
}
