import type { Article, FacetCount, FacetField } from '../types.js'

/** Most values returned per facet. */
export const FACET_LIMIT = 20

function facetValues(article: Article, field: FacetField): readonly string[] {
  switch (field) {
    case 'year': return article.date ? [article.date.slice(0, 4)] : []
    case 'month': return article.date ? [article.date.slice(0, 7)] : []
    default: return article[field]
  }
}

/** Counts each value of each facet over all `articles`; most frequent first, then by value. */
export function countFacets(articles: Iterable<Article>, fields: readonly FacetField[], limit = FACET_LIMIT): Partial<Record<FacetField, FacetCount[]>> {
  const counters = new Map<FacetField, Map<string, number>>(fields.map((f) => [f, new Map()]))
  for (const article of articles) {
    for (const [field, counter] of counters) {
      for (const value of new Set(facetValues(article, field))) counter.set(value, (counter.get(value) ?? 0) + 1)
    }
  }
  const facets: Partial<Record<FacetField, FacetCount[]>> = {}
  for (const [field, counter] of counters) {
    facets[field] = [...counter]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, limit)
  }
  return facets
}
