import type { FacetCount } from '../types.js'
import type { Store } from './store/store.js'

/** Most values returned per facet. */
export const FACET_LIMIT = 20

/** Counts each value of each facet (built-in or custom keyword field) over all `docs`; most frequent first, then by value. */
export function countFacets(store: Store, docs: readonly number[], fields: readonly string[], limit = FACET_LIMIT): Record<string, FacetCount[]> {
  const facets: Record<string, FacetCount[]> = {}
  for (const field of new Set(fields)) {
    const counts = new Map<string, number>()
    if (field === 'year' || field === 'month') {
      const width = field === 'year' ? 4 : 7
      for (const doc of docs) {
        const date = store.dateOf(doc)
        if (date) counts.set(date.slice(0, width), (counts.get(date.slice(0, width)) ?? 0) + 1)
      }
    } else if (store.valueFields.includes(field)) {
      // Other names (from JavaScript callers) count nothing.
      const values = store.values(field)
      const byNumber = new Uint32Array(values.length)
      for (const doc of docs) for (const v of store.valueNumbers(field, doc)) byNumber[v]!++
      byNumber.forEach((count, v) => {
        if (count > 0) counts.set(values[v]!, (counts.get(values[v]!) ?? 0) + count)
      })
    }
    facets[field] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, limit)
  }
  return facets
}
