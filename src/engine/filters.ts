import { fold } from '../analysis/fold.js'
import type { PlanClause } from '../query/plan.js'
import type { SearchFilter } from '../types.js'
import { VALUE_FIELDS, type Store, type ValueField } from './store/store.js'

/** A test a document (by number) must pass. */
export type DocTest = (doc: number) => boolean

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' && v.trim() !== '')

/** The test "has any of these values" on a value column, matching case- and diacritics-insensitively. */
function valueTest(store: Store, field: ValueField, wanted: readonly string[]): DocTest {
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

/**
 * The test of a `SearchFilter` (every given field must hold; within a field, any value) or of a
 * query's `filter`/`date` clause; `null` when it restricts nothing.
 */
export function docFilter(store: Store, filter: SearchFilter | Extract<PlanClause, { kind: 'filter' | 'date' }> | undefined): DocTest | null {
  // A filter that is not an object (from JavaScript callers) filters nothing.
  if (typeof filter != 'object' || !filter) return null
  if ('kind' in filter) {
    return filter.kind === 'date' ? dateTest(store, filter.from, filter.to) : valueTest(store, filter.field, [filter.value])
  }
  const tests: DocTest[] = []
  if (filter.date && (filter.date.from || filter.date.to)) tests.push(dateTest(store, filter.date.from, filter.date.to))
  for (const field of VALUE_FIELDS) {
    const wanted = asList(filter[field])
    if (wanted.length > 0) tests.push(valueTest(store, field, wanted))
  }
  if (tests.length === 0) return null
  return (doc) => tests.every((t) => t(doc))
}
