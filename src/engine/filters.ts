import { fold } from '../analysis/fold.js'
import type { PlanClause } from '../query/plan.js'
import type { SearchFilter } from '../types.js'
import type { Store } from './store/store.js'

/** A test a document (by number) must pass. */
export type DocTest = (doc: number) => boolean

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' && v.trim() !== '')

/** The test "has any of these values" on a value column, matching case- and diacritics-insensitively. */
function valueTest(store: Store, field: string, wanted: readonly string[]): DocTest {
  const folded = new Set(wanted.map((w) => fold(w.trim())))
  const numbers = new Set<number>()
  store.values(field).forEach((value, n) => {
    if (folded.has(fold(value.trim()))) numbers.add(n)
  })
  return (doc) => store.valueNumbers(field, doc).some((v) => numbers.has(v))
}

/** The test "dated within `[from, to]`"; an undated article is in no range. */
function dateTest(store: Store, from: string | null | undefined, to: string | null | undefined): DocTest {
  return (doc) => {
    const date = store.dateOf(doc)
    return date !== null && (!from || date >= from) && (!to || date <= to)
  }
}

/** The test of a query's `filter` or `date` clause. */
export function clauseTest(store: Store, clause: Extract<PlanClause, { kind: 'filter' | 'date' }>): DocTest {
  return clause.kind === 'date' ? dateTest(store, clause.from, clause.to) : valueTest(store, clause.field, [clause.value])
}

/**
 * The tests of a `SearchFilter`, all of which must hold: one per field given (custom keyword fields
 * too), each passed by any of the field's values. None when it restricts nothing.
 */
export function filterTests(store: Store, filter: SearchFilter | undefined): DocTest[] {
  const tests: DocTest[] = []
  // A filter that is not an object (from JavaScript callers) filters nothing.
  if (typeof filter != 'object' || !filter) return tests
  if (filter.date && (filter.date.from || filter.date.to)) tests.push(dateTest(store, filter.date.from, filter.date.to))
  for (const field of store.valueFields) {
    const wanted = asList(filter[field] as string | string[] | undefined)
    if (wanted.length > 0) tests.push(valueTest(store, field, wanted))
  }
  return tests
}
