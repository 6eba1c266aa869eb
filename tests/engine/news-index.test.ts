import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeTerms } from '../../src/analysis/analyzer.js'
import { parseArticle } from '../../src/build.js'
import { highlight, NewsIndex, parseQuery } from '../../src/indexer.js'
import type { Article, FacetCount, SearchOptions, SearchResponse } from '../../src/types.js'
import { expectNewsdexError, makeArticle, markedTexts, readSeed, SEED_RELATIVE_PATH, stripTags, unescapeHtml } from '../helpers.js'

/** A small hand-written archive; each article is there to tell one behaviour apart. */
const ARTICLES: Article[] = [
  makeArticle({
    id: 'rocket',
    title: 'Rocket hits Baghdad airport',
    body: 'A katyusha rocket attack near the airport. Nobody was hurt.',
    date: '2020-06-23',
    source: ['AP'],
    location: ['Baghdad', 'Iraq'],
    country: ['IQ'],
  }),
  makeArticle({
    id: 'drone',
    title: 'Drone strike kills general',
    body: 'A drone strike near Baghdad airport killed Qassim Soleimani.',
    date: '2020-01-03',
    source: ['Reuters', 'AP'],
    location: ['Baghdad'],
    country: ['IQ', 'US', 'IR'],
  }),
  makeArticle({
    id: 'talks',
    title: 'Talks in Tehran',
    body: 'Iran and Iraq held talks about security.',
    date: '2019-11-05',
    source: ['AFP'],
    location: ['Tehran'],
    country: ['IR'],
  }),
  makeArticle({ id: 'undated', title: 'A note about rocketry', body: 'Rockets and rocketry explained.' }),
  makeArticle({
    id: 'visit',
    title: 'Kāẓimī visits Washington',
    body: 'Prime Minister al-Kāẓimī met officials in Washington.',
    date: '2020-08-20',
    source: ['AP'],
    location: ['Washington'],
    country: ['US', 'IQ'],
  }),
]

function archive(options?: ConstructorParameters<typeof NewsIndex>[0]): NewsIndex {
  const index = new NewsIndex(options)
  index.addAll(ARTICLES)
  return index
}

const ids = (response: SearchResponse): string[] => response.hits.map((hit) => hit.id)
const sorted = (values: string[]): string[] => [...values].sort()
/** Ids of all matches (no paging), in result order. */
const find = (index: NewsIndex, query: string, options: SearchOptions = {}): string[] => ids(index.search(query, { limit: 100, ...options }))

describe('NewsIndex: the collection', () => {
  it('adds, counts, finds and returns articles, body included', () => {
    const index = new NewsIndex()
    expect(index.size).toBe(0)
    index.add(ARTICLES[0]!)
    expect(index.size).toBe(1)
    expect(index.has('rocket')).toBe(true)
    expect(index.has('nope')).toBe(false)
    expect(index.get('rocket')).toEqual(ARTICLES[0])
    expect(index.get('nope')).toBeUndefined()
  })

  it('returns copies: changing what get() returned or what was added changes nothing inside', () => {
    const index = new NewsIndex()
    const article = makeArticle({ id: 'x', title: 'Original title', body: 'Original body.', source: ['AP'] })
    index.add(article)
    article.source.push('AFP')
    article.title = 'Changed'
    const copy = index.get('x')!
    copy.source.push('Reuters')
    expect(index.get('x')).toMatchObject({ title: 'Original title', source: ['AP'] })
  })

  it('adds many with addAll()', () => {
    expect(archive().size).toBe(ARTICLES.length)
  })

  it('removes an article from lookups and from search, and reports whether it was there', () => {
    const index = archive()
    expect(index.remove('rocket')).toBe(true)
    expect(index.remove('rocket')).toBe(false)
    expect(index.has('rocket')).toBe(false)
    expect(index.size).toBe(ARTICLES.length - 1)
    expect(find(index, 'katyusha')).toEqual([])
    expect(find(index, '')).not.toContain('rocket')
    index.add(ARTICLES[0]!)
    expect(find(index, 'katyusha')).toEqual(['rocket'])
  })

  it('refuses a duplicate id with E_DUPLICATE_ID and keeps the first article', () => {
    const index = archive()
    expectNewsdexError(() => index.add(makeArticle({ id: 'rocket', title: 'Impostor', body: 'impostor' })), 'E_DUPLICATE_ID', 'rocket')
    expect(index.size).toBe(ARTICLES.length)
    expect(index.get('rocket')?.title).toBe('Rocket hits Baghdad airport')
    expect(find(index, 'impostor')).toEqual([])
  })

  it('stops addAll() at the first bad article, keeping those before it', () => {
    const index = new NewsIndex()
    expectNewsdexError(() => index.addAll([ARTICLES[0]!, ARTICLES[0]!, ARTICLES[1]!]), 'E_DUPLICATE_ID')
    expect(index.size).toBe(1)
  })

  it.each([
    ['not an object', 'rocket'],
    ['null', null],
    ['an array', []],
    ['no id', { title: 'T', body: 'B', date: null, source: [], location: [], country: [] }],
    ['an empty id', { ...ARTICLES[0], id: '' }],
    ['a numeric id', { ...ARTICLES[0], id: 7 }],
    ['a body that is not a string', { ...ARTICLES[0], body: 42 }],
    ['a date that is not YYYY-MM-DD', { ...ARTICLES[0], date: '23/06/2020' }],
    ['a source that is not a list of strings', { ...ARTICLES[0], source: 'AP' }],
    ['a country list holding a number', { ...ARTICLES[0], country: [1] }],
    ['meta that is not an object of strings', { ...ARTICLES[0], meta: { words: 3 } }],
  ])('refuses an article with %s (E_INVALID_ARGUMENT)', (_what, value) => {
    const index = new NewsIndex()
    expectNewsdexError(() => index.add(value as Article), 'E_INVALID_ARGUMENT')
    expect(index.size).toBe(0)
  })

  it.each([
    ['an unknown analyzer', { analyzer: 'klingon' }],
    ['a negative boost', { boost: { title: -1 } }],
    ['a boost that is not a number', { boost: { body: '2' } }],
    ['an infinite boost', { boost: { title: Infinity } }],
  ])('refuses index options with %s (E_INVALID_ARGUMENT)', (_what, options) => {
    expectNewsdexError(() => new NewsIndex(options as never), 'E_INVALID_ARGUMENT')
  })

  it('reports stats', () => {
    expect(archive().stats()).toMatchObject({ articles: 5, dateRange: { from: '2019-11-05', to: '2020-08-20' } })
    expect(new NewsIndex().stats()).toEqual({ articles: 0, terms: 0, dateRange: null, cache: { bytes: 0, entries: 0, limit: 6 * 1024 * 1024 } })
  })

  it('reports the date range of the articles still in the index', () => {
    const index = archive()
    const oldest = index.search('', { sort: 'oldest', limit: 2 }).hits
    index.remove(oldest[0]!.id)
    expect(index.stats().dateRange?.from).toBe(oldest[1]!.article.date)
    expect(oldest[1]!.article.date! > '2019-11-05').toBe(true)
  })
})

describe('NewsIndex.search(): matching', () => {
  const index = archive()

  it('requires all terms by default', () => {
    const response = index.search('rocket airport')
    expect(ids(response)).toEqual(['rocket'])
    expect(response.total).toBe(1)
    expect(response.query.relaxed).toBe(false)
    expect(sorted(find(index, 'baghdad airport'))).toEqual(['drone', 'rocket'])
  })

  it('falls back to the best partial matches when no article has every term, and says so', () => {
    const response = index.search('tehran soleimani', { limit: 100 })
    expect(response.query.relaxed).toBe(true)
    expect(sorted(ids(response))).toEqual(['drone', 'talks'])
    expect(response.total).toBe(2)
  })

  it('does not relax a single term that matches nothing', () => {
    const response = index.search('zanzibar')
    expect(response).toMatchObject({ total: 0, hits: [] })
    expect(response.query.relaxed).toBe(false)
  })

  it('ranks articles matching more terms first when relaxed', () => {
    const response = index.search('baghdad airport tehran', { limit: 100 })
    expect(response.query.relaxed).toBe(true)
    expect(sorted(ids(response).slice(0, 2))).toEqual(['drone', 'rocket'])
    expect(ids(response)[2]).toBe('talks')
  })

  it("ranks any term with match: 'any' and never reports it as relaxed", () => {
    const response = index.search('tehran soleimani', { match: 'any', limit: 100 })
    expect(sorted(ids(response))).toEqual(['drone', 'talks'])
    expect(response.query.relaxed).toBe(false)
    expect(sorted(find(index, 'katyusha washington', { match: 'any' }))).toEqual(['rocket', 'visit'])
  })

  it('matches phrases only as consecutive terms, in order', () => {
    expect(find(index, '"drone strike"')).toEqual(['drone'])
    expect(find(index, '"strike drone"')).toEqual([])
    expect(sorted(find(index, '"baghdad airport"'))).toEqual(['drone', 'rocket'])
    expect(find(index, '"kazimi met"')).toEqual(['visit'])
  })

  it('excludes terms (and their stems) and phrases, with no prefix or typo matching', () => {
    expect(find(index, 'baghdad -soleimani')).toEqual(['rocket'])
    expect(find(index, 'baghdad -"drone strike"')).toEqual(['rocket'])
    expect(find(index, 'baghdad -"strike drone"', { sort: 'newest' })).toEqual(['rocket', 'drone'])
    // '-rocketing' excludes 'Rockets' (same stem); '-rocke' (no prefix matching) excludes nothing
    expect(find(index, 'rocketry -rocketing')).toEqual([])
    expect(find(index, 'rocketry -rocke')).toContain('undated')
  })

  it('excludes from an empty query too', () => {
    expect(sorted(find(index, '-baghdad'))).toEqual(['talks', 'undated', 'visit'])
  })

  it('matches either side of OR', () => {
    expect(sorted(find(index, 'tehran OR soleimani'))).toEqual(['drone', 'talks'])
    expect(find(index, 'tehran OR soleimani iran')).toEqual(['talks'])
  })

  it('restricts terms and phrases to a field', () => {
    expect(find(index, 'title:airport')).toEqual(['rocket'])
    expect(sorted(find(index, 'body:airport'))).toEqual(['drone', 'rocket'])
    expect(find(index, 'title:"drone strike"')).toEqual(['drone'])
    expect(find(index, 'body:"baghdad airport"')).toEqual(['drone'])
    expect(find(index, 'title:washington body:officials')).toEqual(['visit'])
  })

  it('prefix-matches the last term only', () => {
    expect(sorted(find(index, 'rock', { fuzzy: false }))).toEqual(['rocket', 'undated'])
    expect(find(index, 'baghdad rock', { fuzzy: false })).toEqual(['rocket'])
    const notLast = index.search('rock baghdad', { fuzzy: false, limit: 100 })
    expect(notLast.query.relaxed).toBe(true)
    expect(find(index, 'rock', { fuzzy: false, prefix: false })).toEqual([])
  })

  it('does not prefix-match a last term that is excluded or a phrase', () => {
    expect(find(index, '"katyusha rock"', { fuzzy: false })).toEqual([])
    expect(find(index, 'baghdad -rock', { fuzzy: false, sort: 'newest' })).toEqual(['rocket', 'drone'])
  })

  it('tolerates one typo from 4 letters and none under 4', () => {
    expect(find(index, 'rockt', { prefix: false })).toEqual(['rocket'])
    expect(find(index, 'rockt', { prefix: false, fuzzy: false })).toEqual([])
    expect(find(index, 'tehrn', { prefix: false })).toEqual(['talks'])
    expect(find(index, 'irax', { prefix: false })).toEqual(['talks'])
    expect(find(index, 'irn', { prefix: false })).toEqual([])
    expect(find(index, 'ira', { prefix: false })).toEqual([])
  })

  it('tolerates two typos from 8 letters', () => {
    expect(find(index, 'soleimanu', { prefix: false })).toEqual(['drone'])
    expect(find(index, 'suleimanu', { prefix: false })).toEqual(['drone'])
    expect(find(index, 'sulaimanu', { prefix: false })).toEqual([])
  })

  it('folds case and diacritics in queries and text alike', () => {
    expect(find(index, 'KAZIMI')).toEqual(['visit'])
    expect(find(index, 'Kāẓimī')).toEqual(['visit'])
  })

  it('finds a number written with a fraction sign, by its own text', () => {
    const fractions = new NewsIndex()
    fractions.add(makeArticle({ id: 'fraction', title: 'Rents', body: 'Rents rose 2½ percent in the capital.' }))
    fractions.add(makeArticle({ id: 'other', title: 'Rents', body: 'Rents rose 21 percent, and 2 more.' }))
    expect(find(fractions, '2½', { prefix: false, fuzzy: false })).toEqual(['fraction'])
    expect(find(fractions, '"rose 2½ percent"')).toEqual(['fraction'])
  })

  it('accepts a ParsedQuery and reports relaxed afresh', () => {
    const parsed = { ...parseQuery('katyusha'), relaxed: true }
    const response = index.search(parsed)
    expect(ids(response)).toEqual(['rocket'])
    expect(response.query.relaxed).toBe(false)
  })

  it('returns what it understood of a malformed query, and still searches', () => {
    const response = index.search('katyusha "unclosed source: -')
    expect(response.query.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['unclosed-quote']))
    expect(response.query.input).toBe('katyusha "unclosed source: -')
  })

  it('reports the matched terms and their fields in hit.matches', () => {
    const [hit] = index.search('baghdad rocket', { fuzzy: false, prefix: false }).hits
    expect(hit?.id).toBe('rocket')
    const matches = Object.fromEntries(hit!.matches.map((m) => [m.term, m.fields]))
    expect(matches).toEqual({ baghdad: ['title'], rocket: ['title', 'body'] })
  })

  it('reports typo and prefix matches under the indexed term', () => {
    const [hit] = index.search('rockt').hits
    expect(hit?.matches.map((m) => m.term)).toContain('rocket')
  })

  it('ranks a title match above a body-only match', () => {
    expect(find(index, 'airport')).toEqual(['rocket', 'drone'])
    const [first, second] = index.search('airport').hits
    expect(first!.score).toBeGreaterThan(second!.score)
  })
})

describe('NewsIndex.search(): filters', () => {
  const index = archive()

  it.each([
    ['a date range', { date: { from: '2020-01-01', to: '2020-06-30' } }, ['drone', 'rocket']],
    ['an open-ended date range', { date: { from: '2020-06-23' } }, ['rocket', 'visit']],
    ['one source, any case', { source: 'ap' }, ['drone', 'rocket', 'visit']],
    ['any of several sources', { source: ['afp', 'REUTERS'] }, ['drone', 'talks']],
    ['a location', { location: 'baghdad' }, ['drone', 'rocket']],
    ['a location with diacritics folded', { location: 'Téhran' }, ['talks']],
    ['a country', { country: 'us' }, ['drone', 'visit']],
    ['several fields at once (AND)', { source: 'AP', country: 'IR' }, ['drone']],
  ])('filters by %s (options.filter)', (_what, filter, expected) => {
    expect(sorted(find(index, '', { filter }))).toEqual(expected)
  })

  it('never lets an undated article into a date range', () => {
    expect(find(index, 'rocketry', { filter: { date: { to: '2100-01-01' } }, prefix: false, fuzzy: false })).toEqual([])
    expect(find(index, 'rocketry', { filter: { date: { from: '1900-01-01' } }, prefix: false, fuzzy: false })).toEqual([])
  })

  it.each([
    ['date:2020', ['drone', 'rocket', 'visit']],
    ['date:2020-06', ['rocket']],
    ['date:2020-06-23', ['rocket']],
    ['date:>=2020-06-01', ['rocket', 'visit']],
    ['date:<2020', ['talks']],
    ['date:2019-12..2020-01', ['drone']],
    ['source:AP', ['drone', 'rocket', 'visit']],
    ['-source:AP', ['talks', 'undated']],
    ['location:"baghdad"', ['drone', 'rocket']],
    ['country:IQ country:US', ['drone', 'visit']],
    ['airport source:reuters', ['drone']],
    ['source:AFP OR country:US', ['drone', 'talks', 'visit']],
  ])('filters with the query syntax %s', (query, expected) => {
    expect(sorted(find(index, query))).toEqual(expected)
  })

  it('combines query filters and options.filter with AND', () => {
    expect(find(index, 'date:2020', { filter: { source: 'AFP' } })).toEqual([])
    expect(find(index, 'date:2020', { filter: { country: 'IR' } })).toEqual(['drone'])
  })

  // Bounds outside the years 0000–9999 are not dates: `date:>9999` is reported and ignored, never
  // turned into a bound such as '10000-01-01' that compares below every real date.
  it('reports a date bound past the year 9999 instead of searching with it', () => {
    const response = index.search('date:>9999')
    expect(response.query.diagnostics.map((d) => d.code)).toContain('bad-date')
    expect(response.query.clauses).toEqual([])
  })
})

describe('NewsIndex.search(): browsing, sorting, paging and facets', () => {
  const index = archive()

  it('browses every article newest first for an empty query, undated last', () => {
    const response = index.search('')
    expect(ids(response)).toEqual(['visit', 'rocket', 'drone', 'talks', 'undated'])
    expect(response.total).toBe(5)
  })

  it('sorts matches by date either way, undated last, when asked', () => {
    expect(find(index, 'baghdad', { sort: 'newest' })).toEqual(['rocket', 'drone'])
    expect(find(index, 'baghdad', { sort: 'oldest' })).toEqual(['drone', 'rocket'])
    expect(find(index, '', { sort: 'oldest' })).toEqual(['talks', 'drone', 'rocket', 'visit', 'undated'])
    expect(find(index, 'rock', { sort: 'oldest', fuzzy: false })).toEqual(['rocket', 'undated'])
  })

  it('pages with limit and offset while total counts every match', () => {
    const page = index.search('', { limit: 2, offset: 1 })
    expect(ids(page)).toEqual(['rocket', 'drone'])
    expect(page.total).toBe(5)
    expect(index.search('', { limit: 10, offset: 4 }).hits.map((h) => h.id)).toEqual(['undated'])
    expect(index.search('', { offset: 99 })).toMatchObject({ hits: [], total: 5 })
    expect(index.search('', { limit: 0 })).toMatchObject({ hits: [], total: 5 })
  })

  it('returns 10 hits by default', () => {
    const big = new NewsIndex()
    big.addAll(Array.from({ length: 25 }, (_, i) => makeArticle({ id: `n${i}`, title: `Note ${i}`, body: 'rocket' })))
    const response = big.search('rocket')
    expect(response.hits).toHaveLength(10)
    expect(response.total).toBe(25)
  })

  it('counts facets over all matches, not just the returned page', () => {
    const response = index.search('', { facets: ['source', 'location', 'country', 'year', 'month'], limit: 1 })
    expect(response.hits).toHaveLength(1)
    const facets = response.facets
    expect(facets.source).toEqual([{ value: 'AP', count: 3 }, { value: 'AFP', count: 1 }, { value: 'Reuters', count: 1 }])
    expect(facets.country).toEqual([{ value: 'IQ', count: 3 }, { value: 'IR', count: 2 }, { value: 'US', count: 2 }])
    expect(facets.location).toEqual([{ value: 'Baghdad', count: 2 }, { value: 'Iraq', count: 1 }, { value: 'Tehran', count: 1 }, { value: 'Washington', count: 1 }])
    expect(facets.year).toEqual([{ value: '2020', count: 3 }, { value: '2019', count: 1 }])
    expect(facets.month).toEqual([
      { value: '2019-11', count: 1 },
      { value: '2020-01', count: 1 },
      { value: '2020-06', count: 1 },
      { value: '2020-08', count: 1 },
    ])
  })

  it('counts facets over the matches of the query and filters only', () => {
    const response = index.search('baghdad', { facets: ['source', 'year'], filter: { date: { from: '2020-01-01' } } })
    expect(response.facets).toEqual({ source: [{ value: 'AP', count: 2 }, { value: 'Reuters', count: 1 }], year: [{ value: '2020', count: 2 }] })
  })

  it('returns no facets unless asked', () => {
    expect(index.search('baghdad').facets).toEqual({})
  })

  it('counts a value once per article', () => {
    const dup = new NewsIndex()
    dup.add(makeArticle({ id: 'd', title: 'T', body: 'B', source: ['AP', 'AP'] }))
    expect(dup.search('', { facets: ['source'] }).facets.source).toEqual<FacetCount[]>([{ value: 'AP', count: 1 }])
  })

  it('returns stored fields without the body in hits', () => {
    const [hit] = index.search('katyusha').hits
    expect(hit!.article).toEqual({ id: 'rocket', title: 'Rocket hits Baghdad airport', date: '2020-06-23', source: ['AP'], location: ['Baghdad', 'Iraq'], country: ['IQ'] })
    expect('body' in hit!.article).toBe(false)
  })
})

describe('NewsIndex.search(): highlighting', () => {
  const hostile = makeArticle({
    id: 'hostile',
    title: 'Alert: <script>alert("x")</script> & <b>rocket</b>',
    body: 'The <img src=x onerror=alert(1)> rocket & "quotes" \'single\' <script>alert(1)</script> fell.',
  })
  const index = archive()
  index.add(hostile)

  it('escapes the article text and uses only <mark> as markup', () => {
    const [hit] = index.search('rocket alert', { match: 'all' }).hits
    expect(hit?.id).toBe('hostile')
    const parts = [hit!.highlight!.title, ...hit!.highlight!.snippets]
    for (const html of parts) {
      expect(html.match(/<[^>]*>/g)?.every((tag) => tag === '<mark>' || tag === '</mark>')).toBe(true)
      expect(stripTags(html)).not.toMatch(/[<>"']/)
    }
    expect(unescapeHtml(stripTags(hit!.highlight!.title))).toBe(hostile.title)
    expect(hit!.highlight!.title).toContain('&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt;')
    expect(hit!.highlight!.snippets.join(' ')).toContain('&lt;img src=x onerror=<mark>alert</mark>(1)&gt; <mark>rocket</mark> &amp; &quot;quotes&quot; &#39;single&#39;')
  })

  it('marks every match in the title, including prefix and typo matches', () => {
    const [hit] = index.search('katyusha airpor').hits
    expect(markedTexts(hit!.highlight!.title)).toEqual(['airport'])
    expect(markedTexts(hit!.highlight!.snippets.join(' '))).toEqual(['katyusha', 'airport'])
  })

  it('marks a phrase as one range', () => {
    const [hit] = index.search('"drone strike"').hits
    expect(markedTexts(hit!.highlight!.title)).toEqual(['Drone strike'])
  })

  it('does not mark the words of a phrase where they are not in the phrase', () => {
    const response = index.search('"baghdad airport"', { sort: 'newest' })
    const rocket = response.hits.find((h) => h.id === 'rocket')!
    expect(markedTexts(rocket.highlight!.title)).toEqual(['Baghdad airport'])
    expect(markedTexts(rocket.highlight!.snippets.join(' '))).toEqual([])
  })

  it('uses custom tags, unescaped, and the custom ellipsis escaped', () => {
    const [hit] = index.search('katyusha', { highlight: { tags: ['<em class="hit">', '</em>'], snippetLength: 20, ellipsis: '<…>' } }).hits
    const snippet = hit!.highlight!.snippets[0]!
    expect(snippet).toContain('<em class="hit">katyusha</em>')
    expect(snippet).not.toContain('<mark>')
    expect(snippet.endsWith('&lt;…&gt;')).toBe(true)
  })

  it('returns at most the asked number of snippets, each at most snippetLength characters of text', () => {
    const long = new NewsIndex()
    const sentence = 'The rocket fell on the market while the rocket crews fled the scene of the attack. '
    long.add(makeArticle({ id: 'long', title: 'Long', body: `${sentence.repeat(4)}\n\n${'Other words entirely here. '.repeat(6)}\n\n${sentence.replace(/market/g, 'harbour').repeat(3)}` }))
    for (const [snippets, snippetLength] of [[1, 60], [2, 40], [3, 100]] as const) {
      const [hit] = long.search('rocket', { highlight: { snippets, snippetLength } }).hits
      const got = hit!.highlight!.snippets
      expect(got.length).toBeGreaterThan(0)
      expect(got.length).toBeLessThanOrEqual(snippets)
      for (const snippet of got) {
        const text = unescapeHtml(stripTags(snippet)).replace(/^…|…$/g, '')
        expect(text.length).toBeLessThanOrEqual(snippetLength)
        expect(snippet).toContain('<mark>rocket</mark>')
      }
    }
  })

  it('gives no snippets with snippets: 0 and no highlight with highlight: false', () => {
    expect(index.search('katyusha', { highlight: { snippets: 0 } }).hits[0]!.highlight!.snippets).toEqual([])
    expect(index.search('katyusha', { highlight: false }).hits[0]!.highlight).toBeUndefined()
  })

  it('shows the start of the text when browsing with no terms', () => {
    const hit = index.search('', { filter: { source: 'AFP' } }).hits[0]!
    expect(hit.highlight!.snippets).toEqual(['Iran and Iraq held talks about security.'])
    expect(hit.highlight!.title).toBe('Talks in Tehran')
  })
})

describe('NewsIndex.search(): snippets of the seed', () => {
  const seed = parseArticle(readSeed(), { path: SEED_RELATIVE_PATH })
  const index = new NewsIndex()
  index.add(seed)
  const plain = (snippet: string): string => unescapeHtml(stripTags(snippet)).replace(/…/g, ' ')
  const REPEATED = 'It is the fourth attack to target the U.S. presence in Iraq since Washington and Baghdad embarked on strategic talks on June 11.'

  it('finds the seed and marks the query in its title', () => {
    const [hit] = index.search('rocket').hits
    expect(hit!.id).toBe('seeds/000_cc6d660af43d4c59')
    expect(hit!.highlight!.title).toBe('A katyusha <mark>rocket</mark> landed in the vicinity of Baghdad airport on Monday, but this attack didn’t cause any casualties.')
  })

  it('shows the sentence of the repeated paragraph once for a term that only occurs there', () => {
    expect(seed.body.split(REPEATED)).toHaveLength(3) // the seed really repeats it
    const snippets = index.search('kadhimi').hits[0]!.highlight!.snippets
    expect(snippets.length).toBeGreaterThanOrEqual(1)
    expect(snippets.filter((s) => plain(s).includes('Prime Minister Mustafa al-Kadhimi'))).toHaveLength(1)
  })

  it('never shows the repeated paragraph twice, for any single-term query', () => {
    const terms = new Set(seed.body.toLowerCase().match(/\p{L}{3,}/gu))
    for (const term of terms) {
      const snippets = index.search(term, { prefix: false, fuzzy: false }).hits[0]?.highlight?.snippets ?? []
      const showing = snippets.filter((s) => plain(s).includes('fourth attack to target the U.S. presence'))
      expect(showing.length, `query '${term}': ${JSON.stringify(snippets)}`).toBeLessThanOrEqual(1)
    }
  })
})

describe('NewsIndex.search(): the engine and the highlighter agree (property)', () => {
  const WORDS = ['rocket', 'rockets', 'baghdad', 'airport', 'drone', 'strike', 'iraq', 'iran', 'talks', 'Kāẓimī', 'attack', 'attacks', 'U.S.', 'the']
  const corpus = fc.array(
    fc.record({ title: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), body: fc.array(fc.constantFrom(...WORDS, '.'), { minLength: 1, maxLength: 25 }) }),
    { minLength: 1, maxLength: 8 },
  )
  const query = fc.array(fc.constantFrom(...WORDS, 'rock', 'atack', 'iraqq', 'OR', '-drone', '"baghdad airport"', 'title:rocket'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '))

  it('every hit of a text query has something the standalone highlight() marks, and every mark is in hit.matches', () => {
    fc.assert(
      fc.property(corpus, query, fc.boolean(), fc.boolean(), (records, q, prefix, fuzzy) => {
        const index = new NewsIndex()
        index.addAll(records.map((r, i) => makeArticle({ id: `d${i}`, title: r.title.join(' '), body: r.body.join(' ') })))
        const response = index.search(q, { prefix, fuzzy, limit: 100 })
        const positive = response.query.clauses.some((c) => !c.negated && (c.type === 'term' || c.type === 'phrase' || c.type === 'or'))
        fc.pre(positive && !response.query.relaxed)
        for (const hit of response.hits) {
          const article = index.get(hit.id)!
          const marked = [highlight(article.title, q, { prefix, fuzzy }), highlight(article.body, q, { prefix, fuzzy })]
          expect(marked.some((m) => m.ranges.length > 0), `${hit.id} found by '${q}' but nothing is highlighted`).toBe(true)
          const matchedTerms = new Set(hit.matches.map((m) => m.term))
          for (const html of [hit.highlight!.title, ...hit.highlight!.snippets]) {
            for (const text of markedTexts(html)) {
              for (const term of analyzeTerms(unescapeHtml(text))) expect(matchedTerms.has(term), `'${term}' marked for '${q}'`).toBe(true)
            }
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('NewsIndex.suggest()', () => {
  const index = archive()

  it('completes a prefix from the indexed terms', () => {
    const suggestions = index.suggest('rock')
    expect(sorted(suggestions)).toEqual(['rocket', 'rocketry', 'rockets'])
  })

  it('folds the prefix like the text', () => {
    expect(index.suggest('KĀẒ')).toEqual(['kazimi'])
  })

  it('puts terms found in more articles first', () => {
    const suggestions = index.suggest('a')
    expect(suggestions.indexOf('airport')).toBeLessThan(suggestions.indexOf('attack'))
  })

  it('returns nothing for an empty or unknown prefix and respects the limit', () => {
    expect(index.suggest('')).toEqual([])
    expect(index.suggest('  --  ')).toEqual([])
    expect(index.suggest('zzz')).toEqual([])
    expect(index.suggest('a', 2)).toHaveLength(2)
  })
})
