import type { PlanClause } from '../query/plan.js'
import type { QueryDiagnostic } from '../types.js'
import type { TermDictionary } from '../terms/term-dictionary.js'

/** Most text clauses one search scores; a longer request keeps its rarest, most informative ones. */
export const MAX_QUERY_TERMS = 64
/** Most terms of one query looked up with typo tolerance (each such lookup walks the dictionary). */
export const MAX_TYPO_TERMS = 8

/**
 * Bounds the cost of a long query without dropping what carries its meaning: past
 * `MAX_QUERY_TERMS` text clauses, the most common terms (lowest idf) are left out and reported;
 * past `MAX_TYPO_TERMS` typo-tolerant terms, words the index lacks keep their tolerance first.
 */
export function budgetClauses(clauses: readonly PlanClause[], terms: TermDictionary<{ df: number }>): { clauses: PlanClause[]; diagnostics: QueryDiagnostic[] } {
  const diagnostics: QueryDiagnostic[] = []
  const documentsWith = (clause: PlanClause): number => {
    if (clause.kind === 'term') return terms.get(clause.spec.term)?.df ?? 0
    if (clause.kind === 'phrase') return Math.min(...clause.terms.map((term) => terms.get(term)?.df ?? 0))
    return 0
  }
  let kept = [...clauses]
  if (kept.length > MAX_QUERY_TERMS) {
    const rarest = new Set(kept.map((clause) => [clause, documentsWith(clause)] as const).sort((a, b) => a[1] - b[1]).slice(0, MAX_QUERY_TERMS).map(([clause]) => clause))
    diagnostics.push({
      code: 'too-many-terms',
      message: `the query has ${kept.length} terms; the ${kept.length - MAX_QUERY_TERMS} most common are left out`,
      offset: 0,
    })
    kept = kept.filter((clause) => rarest.has(clause))
  }
  const tolerant: Extract<PlanClause, { kind: 'term' }>[] = []
  const visit = (clause: PlanClause): void => {
    if (clause.kind === 'term' && clause.spec.fuzzy > 0) tolerant.push(clause)
    else if (clause.kind === 'any') clause.children.forEach(visit)
  }
  kept.forEach(visit)
  if (tolerant.length > MAX_TYPO_TERMS) {
    const known = (clause: PlanClause): number => Number(clause.kind === 'term' && terms.get(clause.spec.term) !== undefined)
    const exactOnly = new Set<PlanClause>([...tolerant].sort((a, b) => known(a) - known(b)).slice(MAX_TYPO_TERMS))
    const withoutTypos = (clause: PlanClause): PlanClause => {
      if (clause.kind === 'any') return { ...clause, children: clause.children.map(withoutTypos) }
      if (clause.kind === 'term' && exactOnly.has(clause)) return { ...clause, spec: { ...clause.spec, fuzzy: 0 } }
      return clause
    }
    kept = kept.map(withoutTypos)
  }
  return { clauses: kept, diagnostics }
}
