/**
 * `parseQuery` + `search` on a small generated index, with random (often invalid) options: limit,
 * offset, filters, sort, match, prefix, fuzzy, highlight, facets, recency. `parseQuery` must never
 * throw; `search` answers or throws `E_INVALID_ARGUMENT`, and its answer has the documented shape.
 */
import fc from 'fast-check'
import { parseQuery } from '../../src/index.js'
import type { NewsIndex } from '../../src/indexer.js'
import type { SearchOptions } from '../../src/types.js'
import { smallIndex } from './corpus.js'
import { FuzzFailure, type Campaign } from './harness.js'
import { hostileText, repeated, WORDS } from './text.js'

const OPERATORS = ['"', '"', '-', '+', 'OR ', '(', ')', '*', '~', 'title:', 'source:', 'location:', 'country:', 'date:', 'date:2020..2021', 'date:..2015', 'year:', ':', ' ']
const query = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...OPERATORS), fc.constantFrom('rock', 'baghdd', 'reuter', 'iraq*', 'a', 'zzz')), { maxLength: 50 }).map((parts) => parts.join(' ')) },
  { weight: 2, arbitrary: hostileText(15) },
  { weight: 1, arbitrary: repeated(2000) },
  { weight: 1, arbitrary: fc.constantFrom('"a" '.repeat(300), 'baghdd '.repeat(40), '('.repeat(500), '-'.repeat(500) + 'a', 'OR '.repeat(400), 'date:' + '9'.repeat(400)) },
)

const odd = fc.constantFrom<unknown>(undefined, null, NaN, -1, 0, 1.5, Infinity, 1e9, '10', [], {}, true)
const stringOrList = fc.oneof(fc.constantFrom(...WORDS, 'AP', 'Reuters', 'IQ', 'gb', ''), fc.array(fc.constantFrom('AP', 'London', 'US', '', '__proto__'), { maxLength: 3 }), odd)
const options = fc.record(
  {
    limit: fc.oneof(fc.integer({ min: 0, max: 100 }), odd, fc.constant(2 ** 31)),
    offset: fc.oneof(fc.integer({ min: 0, max: 60 }), odd, fc.constant(2 ** 53)),
    sort: fc.constantFrom<unknown>('relevance', 'newest', 'oldest', 'random', undefined, 1),
    match: fc.constantFrom<unknown>('all', 'any', 'none', undefined),
    prefix: fc.oneof(fc.boolean(), odd),
    fuzzy: fc.oneof(fc.boolean(), odd),
    highlight: fc.oneof(
      fc.constant(false),
      fc.record({ tags: fc.constantFrom<unknown>(['<b>', '</b>'], ['<script>', ''], ['x'], 'ab', undefined), snippetLength: fc.oneof(fc.integer({ min: 0, max: 400 }), odd), snippets: fc.oneof(fc.integer({ min: 0, max: 5 }), odd), ellipsis: fc.constantFrom<unknown>('…', '', 5, undefined) }, { requiredKeys: [] }),
      odd,
    ),
    facets: fc.oneof(fc.subarray(['source', 'location', 'country', 'year', 'month']), fc.constantFrom<unknown>(['nope'], 'source', undefined)),
    filter: fc.oneof(
      fc.record({ source: stringOrList, location: stringOrList, country: stringOrList, date: fc.oneof(fc.record({ from: fc.constantFrom<unknown>('2015', '2015-01-01', '2020-13-45', 'x', undefined, 5), to: fc.constantFrom<unknown>('2019', '2019-12', undefined, '') }, { requiredKeys: [] }), odd) }, { requiredKeys: [] }),
      odd,
    ),
    recency: fc.oneof(fc.record({ halfLife: fc.oneof(fc.integer({ min: -5, max: 5000 }), odd), weight: fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), odd), now: fc.constantFrom<unknown>('2021-01-01', 'x', undefined) }, { requiredKeys: [] }), odd),
  },
  { requiredKeys: [] },
)

export interface SearchInput {
  query: string
  options: Record<string, unknown>
}

let index: NewsIndex | null = null

function checkResponse(response: unknown, options: SearchOptions): void {
  const r = response as ReturnType<NewsIndex['search']>
  const limit = typeof options.limit === 'number' ? options.limit : 10
  const problem =
    !Number.isInteger(r.total) || r.total < 0 ? 'total' :
    !Array.isArray(r.hits) || r.hits.length > Math.max(limit, 0) || r.hits.length > r.total ? `${r.hits.length} hits of ${r.total}` :
    r.hits.some((h) => typeof h.id !== 'string' || !Number.isFinite(h.score) || typeof h.article?.title !== 'string' || (h.highlight !== undefined && (typeof h.highlight.title !== 'string' || h.highlight.snippets.some((s) => typeof s !== 'string')))) ? `a hit: ${JSON.stringify(r.hits).slice(-300)}` : null
  if (problem) throw new FuzzFailure(`malformed response (${problem}) ${JSON.stringify(r).slice(0, 300)}`)
}

export const searchCampaign: Campaign<SearchInput> = {
  name: 'search',
  entry: 'parseQuery + NewsIndex.search (random options)',
  setup: () => {
    index ??= smallIndex()
  },
  arbitrary: () => fc.record({ query, options: options as fc.Arbitrary<Record<string, unknown>> }),
  size: (i) => i.query.length * 3 + 1024,
  run: (i) => {
    const parsed = parseQuery(i.query)
    if (!Array.isArray(parsed.clauses)) throw new FuzzFailure('parseQuery returned no clauses')
    const options = i.options as SearchOptions
    checkResponse(index!.search(i.query, options), options)
  },
  codes: ['E_INVALID_ARGUMENT'],
}
