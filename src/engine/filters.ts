import { fold } from '../analysis/fold.js'
import type { PlanClause } from '../query/plan.js'
import type { Article, SearchFilter } from '../types.js'

/** A test an article must pass. */
export type ArticlePredicate = (article: Article) => boolean

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== '')

const anyFolded = (values: readonly string[], wanted: readonly string[]): boolean => {
  const folded = new Set(values.map((v) => fold(v.trim())))
  return wanted.some((w) => folded.has(fold(w.trim())))
}

/** Whether the article's date lies in `[from, to]`; an article without a date lies in no range. */
export function inDateRange(article: Article, from: string | null | undefined, to: string | null | undefined): boolean {
  if (!from && !to) return true
  if (article.date === null) return false
  return (!from || article.date >= from) && (!to || article.date <= to)
}

/** The predicate of a `SearchFilter`: every given field must hold; within a field, any value. */
export function filterPredicate(filter: SearchFilter | undefined): ArticlePredicate | null {
  if (!filter) return null
  const tests: ArticlePredicate[] = []
  if (filter.date && (filter.date.from || filter.date.to)) {
    const { from, to } = filter.date
    tests.push((a) => inDateRange(a, from, to))
  }
  const source = asList(filter.source)
  if (source.length > 0) tests.push((a) => anyFolded(a.source, source))
  const location = asList(filter.location)
  if (location.length > 0) tests.push((a) => anyFolded(a.location, location))
  const country = asList(filter.country)
  if (country.length > 0) tests.push((a) => anyFolded(a.country, country))
  if (tests.length === 0) return null
  return (a) => tests.every((t) => t(a))
}

/** The predicate of a `filter` or `date` query clause. */
export function clausePredicate(clause: Extract<PlanClause, { kind: 'filter' | 'date' }>): ArticlePredicate {
  if (clause.kind === 'date') return (a) => inDateRange(a, clause.from, clause.to)
  const wanted = [clause.value]
  return (a) => anyFolded(a[clause.field], wanted)
}
