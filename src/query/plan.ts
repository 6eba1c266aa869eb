import { analyzeTerms } from '../analysis/analyzer.js'
import type { AnalyzerPreset, ParsedQuery, QueryDiagnostic, QueryFilterField, QueryNode, TextField } from '../types.js'

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

/**
 * A clause of the query, with its text analyzed. `repeat` counts how often a term or phrase was
 * given (a long request may name its subject several times); it scales the clause's score.
 */
export type PlanClause =
  | { kind: 'term'; spec: TermSpec; field?: TextField; repeat?: number }
  | { kind: 'phrase'; terms: string[]; field?: TextField; repeat?: number }
  | { kind: 'any'; children: PlanClause[] }
  | { kind: 'filter'; field: QueryFilterField; value: string }
  | { kind: 'date'; from: string | null; to: string | null }

/** A query ready to run: clauses that must hold and clauses that must not, and what planning left out. */
export interface QueryPlan {
  must: PlanClause[]
  mustNot: PlanClause[]
  diagnostics: QueryDiagnostic[]
}

/** Whether prefix and typo tolerance apply, and the words left out next to others. */
export interface PlanOptions {
  prefix: boolean
  fuzzy: boolean
  /** Analyzed terms dropped from a query that has other words (none by default). */
  stopwords?: ReadonlySet<string>
}

/** Shortest term, in characters, that tolerates one typo. */
const ONE_TYPO_LENGTH = 4
/** Shortest term, in characters, that tolerates two typos. */
const TWO_TYPOS_LENGTH = 8
/** Shortest term whose stem family is matched (shorter stems cover too many words). */
const MIN_STEM_LENGTH = 3
/** Shortest last term that is prefix-matched (shorter prefixes expand to too many terms). */
const MIN_PREFIX_LENGTH = 2

/** Typos tolerated for a term of this length: none under 4 characters, 1 from 4, 2 from 8. */
export function typoBudget(term: string): number {
  const length = [...term].length
  if (length >= TWO_TYPOS_LENGTH) return 2
  if (length >= ONE_TYPO_LENGTH) return 1
  return 0
}

/**
 * Turns a parsed query into analyzed clauses. The last bare term is prefix-matched; excluded terms
 * match exactly. Next to other text clauses, stopwords (`options.stopwords`) are dropped, and so
 * is a last word too short to complete, which is still being typed. Repeated terms
 * and phrases become one clause with a `repeat` count.
 */
export function planQuery(query: ParsedQuery, preset: AnalyzerPreset, options: PlanOptions): QueryPlan {
  const plan: QueryPlan = { must: [], mustNot: [], diagnostics: [] }
  // The query's last node: a bare term there is the word being typed.
  const last = query.clauses.at(-1)
  const typed = last?.type === 'or' ? last.children.at(-1) : last
  const toClause = (node: QueryNode, negated: boolean): PlanClause | undefined => {
    if (node.type === 'or') {
      const children = node.children.map((child) => toClause(child, negated || child.negated)).filter((c) => c !== undefined)
      return children.length > 1 ? { kind: 'any', children } : children[0]
    }
    if (node.type === 'filter' || node.type === 'date') {
      // Filters and dates keep their field and value, or their bounds.
      const { type, negated, ...rest } = node
      return { kind: type, ...rest } as PlanClause
    }
    // A word that analyzes to several terms ('al-Kadhimi') is a phrase.
    const terms = analyzeTerms(node.value, preset)
    const [term] = terms
    if (!term) return
    const clause: PlanClause =
      node.type === 'phrase' || terms.length > 1
        ? { kind: 'phrase', terms }
        : {
            kind: 'term',
            spec: {
              term,
              prefix: options.prefix && node === typed && !negated && term.length >= MIN_PREFIX_LENGTH,
              fuzzy: options.fuzzy && !negated ? typoBudget(term) : 0,
              stem: preset === 'english' && term.length >= MIN_STEM_LENGTH,
            },
          }
    if (node.field) clause.field = node.field
    return clause
  }
  /** Top-level bare terms that other text clauses make unnecessary: stopwords, and the word being typed while too short to complete. */
  const droppable = new Set<PlanClause>()
  let tooShort: Extract<PlanClause, { kind: 'term' }> | undefined
  /** Terms and phrases met so far, by their analyzed form, to count repeats. */
  const seen = new Map<string, Extract<PlanClause, { kind: 'term' | 'phrase' }>>()
  for (const node of query.clauses) {
    const clause = toClause(node, node.negated)
    if (!clause) continue
    if (node.negated) {
      plan.mustNot.push(clause)
      continue
    }
    if (clause.kind === 'term' && !clause.field) {
      if (node === typed && options.prefix && clause.spec.term.length < MIN_PREFIX_LENGTH) {
        tooShort = clause
        droppable.add(clause)
      } else if (!clause.spec.prefix && options.stopwords?.has(clause.spec.term)) droppable.add(clause)
    }
    if (clause.kind === 'term' || clause.kind === 'phrase') {
      const key = JSON.stringify(clause)
      const same = seen.get(key)
      if (same) {
        same.repeat = (same.repeat ?? 1) + 1
        continue
      }
      seen.set(key, clause)
    }
    plan.must.push(clause)
  }
  const isText = (clause: PlanClause): boolean => clause.kind === 'term' || clause.kind === 'phrase' || clause.kind === 'any'
  if (plan.must.some((clause) => isText(clause) && !droppable.has(clause))) {
    if (tooShort && plan.must.includes(tooShort)) {
      const { term } = tooShort.spec
      plan.diagnostics.push({ code: 'too-short', message: `'${term}' is too short to complete; ignored until more is typed`, offset: Math.max(0, query.input.toLowerCase().lastIndexOf(term)) })
    }
    plan.must = plan.must.filter((clause) => !droppable.has(clause))
  }
  return plan
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
