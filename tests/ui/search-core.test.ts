/** What the search box asks of the index (src/ui/search-core.ts): views, disjunctive facets, suggestions. */
import { describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/indexer.js'
import { filterOf, runView, suggestions, type ViewRequest } from '../../src/ui/search-core.js'
import { makeArticle } from '../helpers.js'

const index = new NewsIndex()
const CITIES = ['Berlin', 'Paris', 'Rome']
for (let i = 0; i < 12; i++) {
  index.add(makeArticle({
    id: `a${i}`,
    title: `${CITIES[i % 3]} council meets`,
    body: `The council of ${CITIES[i % 3]} discussed the tram budget.`,
    date: `${2019 + (i % 2)}-0${(i % 9) + 1}-10`,
    source: [i % 2 ? 'AP' : 'Reuters'],
    location: [CITIES[i % 3]!],
  }))
}
const view = (request: Partial<ViewRequest>) => runView(index, { q: 'council', sort: 'relevance', limit: 5, offset: 0, facets: ['source', 'year'], selected: {}, ...request })

describe('search core', () => {
  it('turns a selection into a filter: values per field, a year as a date range, one field left out', () => {
    const selected = { source: ['AP', 'AFP'], year: ['2020'], location: [] }
    expect(filterOf(selected)).toEqual({ source: ['AP', 'AFP'], date: { from: '2020-01-01', to: '2020-12-31' } })
    expect(filterOf(selected, 'source')).toEqual({ date: { from: '2020-01-01', to: '2020-12-31' } })
  })

  it('returns a page, the total and facets; a selected field is counted without its own selection', async () => {
    const all = await view({})
    expect(all.total).toBe(12)
    expect(all.hits).toHaveLength(5)
    expect(all.hits[0]!.highlight!.title).toContain('<mark>council</mark>')
    const ap = await view({ selected: { source: ['AP'] } })
    expect(ap.total).toBe(6)
    expect(ap.facets.source).toEqual(expect.arrayContaining([{ value: 'AP', count: 6 }, { value: 'Reuters', count: 6 }]))
    expect(ap.facets.year).toEqual([{ value: '2020', count: 6 }])
    const page2 = await view({ offset: 10, facets: [] })
    expect(page2.hits).toHaveLength(2)
    expect(page2.facets).toEqual({})
  })

  it('sorts newest first', async () => {
    const { hits } = await view({ sort: 'newest', limit: 12 })
    const dates = hits.map((hit) => hit.article.date!)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('for no results, offers corrections and completions that have results, and the count without filters', async () => {
    const none = await view({ q: 'councilxyz' })
    expect(none.total).toBe(0)
    expect(none.suggestions[0]).toBe('council')
    const filtered = await view({ q: 'tram', selected: { location: ['Lisbon'] } })
    expect(filtered.total).toBe(0)
    expect(filtered.unfiltered).toBe(12)
    expect((await view({})).suggestions).toEqual([])
  })

  it('corrects plain words only, keeps known words, offers only queries with results', () => {
    const count = (q: string) => index.search(q, { limit: 0 }).total
    expect(suggestions(index, 'berlinn councilz', count)).toEqual(['berlin council'])
    expect(suggestions(index, 'source:AP councilz', count)).toEqual([])
    expect(suggestions(index, '"council xyz"', count)).toEqual([])
    expect(suggestions(index, 'qqqqq', count)).toEqual([])
    expect(suggestions(index, 'council', () => 0)).toEqual([])
  })

  it('reports the parser notes and partial matches', async () => {
    const res = await view({ q: 'council "tram' })
    expect(res.notes.length).toBeGreaterThan(0)
    const relaxed = await view({ q: 'council xylophone' })
    expect(relaxed.relaxed).toBe(true)
  })
})
