/**
 * Relevance fixtures: a small hand-written wire archive and the orderings a news reader expects
 * from it. Every expectation is an ordering or a set (never just a count), and each holds whatever
 * order the articles were added in and after a serialize → load round trip.
 */
import { describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/indexer.js'
import type { Article, SearchOptions, SearchResponse } from '../../src/types.js'

// ---------------------------------------------------------------------------------------------
// The archive. Ids say what each article is for; the comments say what it holds that matters.

const ARCHIVE: Article[] = [
  // Same day as iq-airport-rocket, less relevant to "baghdad" and "rocket": added first, so that a
  // tie broken by insertion order instead of relevance shows.
  {
    id: 'iq-green-zone',
    title: 'Rockets strike near U.S. Embassy in Baghdad',
    body:
      'Two rockets struck near the U.S. Embassy in the heavily fortified Green Zone late on Monday, the Iraqi military said. ' +
      'Sirens sounded across the compound and there were no immediate reports of injuries. No group claimed responsibility for the attack.',
    date: '2020-06-23',
    source: ['Reuters'],
    location: ['Baghdad', 'Iraq'],
    country: ['IQ', 'US'],
  },
  {
    id: 'iq-airport-rocket',
    title: 'Katyusha rocket lands near Baghdad airport',
    body:
      'A Katyusha rocket landed near Baghdad airport on Monday but caused no casualties, Iraqi security officials said.\n\n' +
      'The rocket was launched from a village west of the capital near the Abu Ghraib district, according to a military statement. ' +
      'It was the fourth attack on the U.S. presence in Iraq since strategic talks began this month.',
    date: '2020-06-23',
    source: ['AP'],
    location: ['Baghdad', 'Abu Ghraib', 'Iraq'],
    country: ['IQ', 'US'],
    url: 'https://news.example/iq-airport-rocket',
  },
  // "Baghdad" and "airport" both, but never next to each other.
  {
    id: 'iq-strategic-talks',
    title: 'U.S. and Iraq begin strategic talks on future of troops',
    body:
      'Washington and Baghdad opened strategic talks on Thursday on the future of American troops in Iraq, after months of tension ' +
      'over a U.S. drone strike near the airport in January.\n\n' +
      'Iraqi officials said the talks would also cover the economy, electricity and the fight against the Islamic State group.',
    date: '2020-06-11',
    source: ['AP'],
    location: ['Baghdad', 'Washington', 'Iraq'],
    country: ['IQ', 'US'],
  },
  // "Baghdad airport" in the title; "Baghdad International Airport" in the body.
  {
    id: 'iq-flights-resume',
    title: 'Commercial flights resume at Baghdad airport',
    body:
      'Commercial flights resumed at Baghdad International Airport on Thursday after a four-month suspension due to the coronavirus ' +
      'pandemic, the civil aviation authority said.',
    date: '2020-07-23',
    source: ['AFP'],
    location: ['Baghdad', 'Iraq'],
    country: ['IQ'],
  },

  // The "militia" family, one form each, in bodies of about the same length and never in a title:
  // exact 'militia', plural 'militias', completion 'militiaman', typo 'milita'.
  {
    id: 'iq-militiaman-prefix',
    title: 'Mosul court jails former fighter for 15 years',
    body:
      'A court in Mosul sentenced a former militiaman to 15 years in prison on Wednesday for his role in the killing of civilians ' +
      'in 2016, judicial officials said.',
    date: '2021-01-20',
    source: ['AFP'],
    location: ['Mosul', 'Iraq'],
    country: ['IQ'],
  },
  {
    id: 'iq-milita-typo',
    title: 'Kirkuk oil workers return after security scare',
    body:
      'Workers returned to the oil fields near Kirkuk on Tuesday after a milita threat forced a brief evacuation of the site, ' +
      'the North Oil Company said in a statement.',
    date: '2021-01-05',
    source: ['BBC'],
    location: ['Kirkuk', 'Iraq'],
    country: ['IQ'],
  },
  {
    id: 'iq-militias-stem',
    title: 'Iraq sends reinforcements to restive Diyala province',
    body:
      'Iraq sent army reinforcements to Diyala on Sunday after a week of attacks on farming villages, security sources said. ' +
      'Tribal militias have set up checkpoints on the main roads.',
    date: '2021-02-14',
    source: ['Reuters'],
    location: ['Diyala', 'Iraq'],
    country: ['IQ'],
  },
  {
    id: 'iq-militia-exact',
    title: 'Gunmen ambush army patrol in western Iraq',
    body:
      'Gunmen ambushed an army patrol near the town of Rutba in Anbar province on Tuesday, killing two soldiers, police said. ' +
      'A local militia later joined the hunt for the attackers.',
    date: '2021-03-03',
    source: ['AP'],
    location: ['Anbar', 'Rutba', 'Iraq'],
    country: ['IQ'],
  },

  // "ceasefire": in a long body only; in a short body only; in the title only; in title and body.
  {
    id: 'tr-lira-long-body',
    title: 'Turkish lira slides to 18-month low',
    body:
      'The Turkish lira weakened to its lowest level in eighteen months on Monday as a global selloff in equities deepened and oil ' +
      'prices collapsed. Traders said investors were also weighing the risks of Turkey’s military involvement in northern Syria, ' +
      'where a fragile ceasefire agreed last week has so far held.\n\n' +
      'The central bank said it was ready to take all necessary measures to support financial stability. Analysts expect ' +
      'policymakers to cut interest rates again next week, adding to pressure on the currency, which has lost around eight ' +
      'percent of its value against the dollar since the start of the year.',
    date: '2020-03-09',
    source: ['Reuters'],
    location: ['Istanbul', 'Turkey'],
    country: ['TR'],
  },
  {
    id: 'ye-ceasefire-body',
    title: 'Saudi coalition announces pause in Yemen fighting',
    body:
      'The Saudi-led coalition said on Wednesday it would halt military operations in Yemen for two weeks, a unilateral ceasefire ' +
      'it said was meant to support United Nations efforts against the coronavirus.',
    date: '2020-04-09',
    source: ['AP'],
    location: ['Yemen', 'Riyadh'],
    country: ['YE', 'SA'],
  },
  {
    id: 'ly-ceasefire-title',
    title: 'Libya rivals sign permanent ceasefire',
    body:
      'Libya’s warring sides signed a nationwide truce in Geneva on Friday, the United Nations said, calling it a historic ' +
      'achievement that could pave the way for elections.',
    date: '2020-10-23',
    source: ['BBC'],
    location: ['Geneva', 'Libya'],
    country: ['LY', 'CH'],
  },
  {
    id: 'sy-idlib-ceasefire',
    title: 'Russia-Turkey ceasefire takes hold in Syria’s Idlib',
    body:
      'A ceasefire brokered by Russia and Turkey took effect in northwest Syria at midnight, bringing calm to Idlib province after ' +
      'months of heavy bombardment. Residents said the skies were quiet for the first time in weeks.',
    date: '2020-03-06',
    source: ['AFP'],
    location: ['Idlib', 'Syria'],
    country: ['SY', 'TR', 'RU'],
  },

  // "locusts" never in a title: three times in a short body; once in a medium body; once in a long body.
  {
    id: 'ke-economy-long-body',
    title: 'Kenya’s central bank holds key rate as growth slows',
    body:
      'Kenya’s central bank left its benchmark lending rate unchanged at 8.25 percent on Wednesday, saying inflation remained ' +
      'within its target range despite higher food prices.\n\n' +
      'The bank cut its forecast for economic growth this year, citing weaker tea and horticulture exports, a slowdown in credit to ' +
      'small businesses and damage to crops and pasture from desert locusts in the north of the country. Governor Patrick Njoroge ' +
      'told reporters that the bank would continue to monitor developments closely and stood ready to act if needed.\n\n' +
      'The shilling was little changed against the dollar after the decision, traders said, and yields on government bonds ' +
      'were steady at the weekly auction.',
    date: '2020-02-12',
    source: ['Reuters'],
    location: ['Nairobi', 'Kenya'],
    country: ['KE'],
  },
  // Undated: a feature without a dateline.
  {
    id: 'et-harvest-medium-body',
    title: 'Ethiopia’s farmers count the cost of a poor harvest',
    body:
      'Farmers in Tigray say this year’s sorghum harvest is the smallest in a decade. Late rains were followed by desert locusts, ' +
      'and many families now depend on food aid from the government and charities. Grain prices in local markets have doubled ' +
      'since October, traders say.',
    date: null,
    source: ['BBC'],
    location: ['Tigray', 'Ethiopia'],
    country: ['ET'],
  },
  {
    id: 'ke-locusts-short-body',
    title: 'Kenya battles worst swarms in 70 years',
    body:
      'Desert locusts have stripped pastures across northern Kenya, officials said on Monday. The locusts arrived from Somalia ' +
      'in December, and aerial spraying against the locusts has begun in Marsabit.',
    date: '2020-02-10',
    source: ['AP'],
    location: ['Marsabit', 'Kenya'],
    country: ['KE'],
  },
]

const byId = new Map(ARCHIVE.map((a) => [a.id, a]))

function built(articles: readonly Article[]): NewsIndex {
  const index = new NewsIndex()
  index.addAll(articles.map((a) => structuredClone(a)))
  return index
}

/** The same archive three ways: as listed, added in reverse, and serialized then loaded. */
const VARIANTS: [string, () => NewsIndex][] = [
  ['added in listed order', () => built(ARCHIVE)],
  ['added in reverse order', () => built([...ARCHIVE].reverse())],
  ['serialized and loaded', () => NewsIndex.load(built(ARCHIVE).serialize())],
]

const ids = (response: SearchResponse): string[] => response.hits.map((h) => h.id)

const ranked = (index: NewsIndex, query: string, options: SearchOptions = {}): string[] => ids(index.search(query, { limit: 100, ...options }))
const sorted = (list: readonly string[]): string[] => [...list].sort()

describe.each(VARIANTS)('relevance fixtures (%s)', (_name, make) => {
  const index = make()
  const search = (query: string, options: SearchOptions = {}): SearchResponse => index.search(query, { limit: 100, ...options })

  it('the archive is what the expectations below assume', () => {
    expect(index.size).toBe(ARCHIVE.length)
    expect(ARCHIVE.length).toBeGreaterThanOrEqual(10)
    expect(ARCHIVE.length).toBeLessThanOrEqual(15)
  })

  it('a title match ranks above a body-only mention, and a short body above a long one (ceasefire)', () => {
    // title and body > title only > a short body > a long body
    expect(ranked(index, 'ceasefire')).toEqual(['sy-idlib-ceasefire', 'ly-ceasefire-title', 'ye-ceasefire-body', 'tr-lira-long-body'])
  })

  it('BM25 length normalization: three mentions in a short body > one in a medium body > one in a long body (locusts)', () => {
    expect(ranked(index, 'locusts')).toEqual(['ke-locusts-short-body', 'et-harvest-medium-body', 'ke-economy-long-body'])
  })

  it('an exact word ranks above its plural, the plural above a completion, a completion above a typo (militia)', () => {
    const response = search('militia')
    expect(ids(response)).toEqual(['iq-militia-exact', 'iq-militias-stem', 'iq-militiaman-prefix', 'iq-milita-typo'])
    expect(response.hits.map((h) => h.matches)).toEqual([
      [{ term: 'militia', fields: ['body'] }],
      [{ term: 'militias', fields: ['body'] }],
      [{ term: 'militiaman', fields: ['body'] }],
      [{ term: 'milita', fields: ['body'] }],
    ])
    const scores = response.hits.map((h) => h.score)
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!)
    // Each kind of match can be turned off on its own.
    expect(ranked(index, 'militia', { prefix: false })).toEqual(['iq-militia-exact', 'iq-militias-stem', 'iq-milita-typo'])
    expect(ranked(index, 'militia', { fuzzy: false })).toEqual(['iq-militia-exact', 'iq-militias-stem', 'iq-militiaman-prefix'])
    expect(ranked(index, 'militia', { prefix: false, fuzzy: false })).toEqual(['iq-militia-exact', 'iq-militias-stem'])
    // Not the last word: no prefix matching, but stems and typos still count.
    expect(ranked(index, 'militia iraq')).toEqual(['iq-militia-exact', 'iq-militias-stem'])
  })

  it('the plural in the query still finds the singular, below the exact plural (rockets)', () => {
    expect(ranked(index, 'rockets')).toEqual(['iq-green-zone', 'iq-airport-rocket'])
    expect(ranked(index, 'rocket')).toEqual(['iq-airport-rocket', 'iq-green-zone'])
  })

  it('a phrase finds only articles with the words adjacent and in order', () => {
    expect(sorted(ranked(index, '"baghdad airport"'))).toEqual(['iq-airport-rocket', 'iq-flights-resume'])
    // iq-strategic-talks has both words apart: found without quotes, but ranked below the adjacent ones.
    const loose = ranked(index, 'baghdad airport')
    expect(sorted(loose)).toEqual(['iq-airport-rocket', 'iq-flights-resume', 'iq-strategic-talks'])
    expect(loose[2]).toBe('iq-strategic-talks')
    expect(ranked(index, '"airport baghdad"')).toEqual([])
    expect(search('"baghdad airport"').hits.every((h) => h.highlight!.title.includes('<mark>Baghdad airport</mark>'))).toBe(true)
  })

  it('AND by default: only articles holding every word; match: any ranks those holding both first', () => {
    const all = search('rocket embassy')
    expect(ids(all)).toEqual(['iq-green-zone'])
    expect(all.query.relaxed).toBe(false)
    expect(ranked(index, 'baghdad airport')).not.toContain('iq-green-zone') // Baghdad only
    const any = search('rocket embassy', { match: 'any' })
    expect(ids(any)).toEqual(['iq-green-zone', 'iq-airport-rocket'])
    expect(any.query.relaxed).toBe(false)
  })

  it("match: 'any' returns the union, articles with both words first (ceasefire syria)", () => {
    expect(ranked(index, 'ceasefire syria')).toEqual(['sy-idlib-ceasefire', 'tr-lira-long-body'])
    const any = ranked(index, 'ceasefire syria', { match: 'any' })
    expect(any.slice(0, 2)).toEqual(['sy-idlib-ceasefire', 'tr-lira-long-body'])
    expect(sorted(any.slice(2))).toEqual(['ly-ceasefire-title', 'ye-ceasefire-body'])
  })

  it('with no article holding every word, the search relaxes: more of the words first, then score', () => {
    const response = search('ceasefire idlib locusts')
    expect(response.query.relaxed).toBe(true)
    const got = ids(response)
    expect(got[0]).toBe('sy-idlib-ceasefire')
    expect(sorted(got.slice(1))).toEqual(sorted(['ly-ceasefire-title', 'ye-ceasefire-body', 'tr-lira-long-body', 'ke-locusts-short-body', 'et-harvest-medium-body', 'ke-economy-long-body']))
    // Each word's own ranking is kept among the articles holding one word.
    expect(got.filter((id) => id.includes('ceasefire') || id.startsWith('tr-'))).toEqual(['sy-idlib-ceasefire', 'ly-ceasefire-title', 'ye-ceasefire-body', 'tr-lira-long-body'])
    expect(got.filter((id) => id.startsWith('ke-') || id.startsWith('et-'))).toEqual(['ke-locusts-short-body', 'et-harvest-medium-body', 'ke-economy-long-body'])
  })

  it('relaxed ranking puts two words of three above one word, even when the one word scores higher', () => {
    const response = search('ceasefire syria locusts')
    expect(response.query.relaxed).toBe(true)
    const got = ids(response)
    expect(got.slice(0, 2)).toEqual(['sy-idlib-ceasefire', 'tr-lira-long-body'])
    const tr = response.hits.find((h) => h.id === 'tr-lira-long-body')!
    const locusts = response.hits.find((h) => h.id === 'ke-locusts-short-body')!
    expect(locusts.score).toBeGreaterThan(tr.score) // so only the word count puts tr-lira first
    expect(got.indexOf('ke-locusts-short-body')).toBeGreaterThan(1)
  })

  it("sort: 'newest' / 'oldest' orders by date, relevance breaking ties between same-day articles", () => {
    // iq-airport-rocket and iq-green-zone are both from 2020-06-23; the first is more about Baghdad.
    expect(ranked(index, 'baghdad').indexOf('iq-airport-rocket')).toBeLessThan(ranked(index, 'baghdad').indexOf('iq-green-zone'))
    expect(ranked(index, 'baghdad', { sort: 'newest' })).toEqual(['iq-flights-resume', 'iq-airport-rocket', 'iq-green-zone', 'iq-strategic-talks'])
    expect(ranked(index, 'baghdad', { sort: 'oldest' })).toEqual(['iq-strategic-talks', 'iq-airport-rocket', 'iq-green-zone', 'iq-flights-resume'])
    // The same day's pair the other way round: for 'rockets', iq-green-zone (the exact plural) ranks first.
    expect(ranked(index, 'rockets')).toEqual(['iq-green-zone', 'iq-airport-rocket'])
    expect(ranked(index, 'rockets', { sort: 'newest' })).toEqual(['iq-green-zone', 'iq-airport-rocket'])
    expect(ranked(index, 'rockets', { sort: 'oldest' })).toEqual(['iq-green-zone', 'iq-airport-rocket'])
  })

  it('undated articles come last when sorting by date, either way', () => {
    expect(ranked(index, 'locusts', { sort: 'newest' })).toEqual(['ke-economy-long-body', 'ke-locusts-short-body', 'et-harvest-medium-body'])
    expect(ranked(index, 'locusts', { sort: 'oldest' })).toEqual(['ke-locusts-short-body', 'ke-economy-long-body', 'et-harvest-medium-body'])
  })

  it('date and location filters combine with a query (in the query string or as options)', () => {
    // 'attack' finds attack, attacks (stem) and attackers (completion) across Iraq...
    expect(sorted(ranked(index, 'attack location:Iraq'))).toEqual(['iq-airport-rocket', 'iq-green-zone', 'iq-militia-exact', 'iq-militias-stem'])
    // ...and the date narrows it to June 2020.
    expect(sorted(ranked(index, 'attack location:Iraq date:2020-06'))).toEqual(['iq-airport-rocket', 'iq-green-zone'])
    expect(sorted(ranked(index, 'attack', { filter: { location: 'Iraq', date: { from: '2021-01-01' } } }))).toEqual(['iq-militia-exact', 'iq-militias-stem'])
    expect(ranked(index, 'attack date:>=2021-01-01', { filter: { location: 'anbar' } })).toEqual(['iq-militia-exact'])
    expect(ranked(index, 'attack location:Iraq date:<=2020-06-22')).toEqual([])
    // A date range in the query keeps the relevance order of what is inside it.
    expect(ranked(index, 'date:2020-06-01..2020-06-30 baghdad')).toEqual(['iq-airport-rocket', 'iq-green-zone', 'iq-strategic-talks'])
    expect(ranked(index, 'baghdad location:Washington')).toEqual(['iq-strategic-talks'])
    expect(sorted(ranked(index, 'ceasefire country:TR'))).toEqual(['sy-idlib-ceasefire', 'tr-lira-long-body'])
  })

  it('facets count source, location and year over all matches, not the page', () => {
    const response = index.search('officials', { limit: 1, facets: ['source', 'location', 'year'] })
    expect(response.hits).toHaveLength(1)
    expect(response.total).toBe(4)
    expect(sorted(ranked(index, 'officials'))).toEqual(['iq-airport-rocket', 'iq-militiaman-prefix', 'iq-strategic-talks', 'ke-locusts-short-body'])
    expect(response.facets).toEqual({
      source: [{ value: 'AP', count: 3 }, { value: 'AFP', count: 1 }],
      location: [
        { value: 'Iraq', count: 3 },
        { value: 'Baghdad', count: 2 },
        { value: 'Abu Ghraib', count: 1 },
        { value: 'Kenya', count: 1 },
        { value: 'Marsabit', count: 1 },
        { value: 'Mosul', count: 1 },
        { value: 'Washington', count: 1 },
      ],
      year: [{ value: '2020', count: 3 }, { value: '2021', count: 1 }],
    })
    // Filters narrow the facets too; an undated article counts in no year.
    expect(index.search('locusts', { limit: 1, facets: ['year', 'source'] }).facets).toEqual({
      year: [{ value: '2020', count: 2 }],
      source: [{ value: 'AP', count: 1 }, { value: 'BBC', count: 1 }, { value: 'Reuters', count: 1 }],
    })
    expect(index.search('officials source:AP', { limit: 1, facets: ['source'] }).facets.source).toEqual([{ value: 'AP', count: 3 }])
  })

  it('an empty query with filters browses the archive newest first, undated last', () => {
    expect(ranked(index, '', { filter: { country: 'KE' } })).toEqual(['ke-economy-long-body', 'ke-locusts-short-body'])
    expect(ranked(index, 'source:BBC')).toEqual(['iq-milita-typo', 'ly-ceasefire-title', 'et-harvest-medium-body'])
    expect(ranked(index, 'date:2020-03')).toEqual(['tr-lira-long-body', 'sy-idlib-ceasefire'])
    const iraq = search('', { filter: { location: 'Iraq' } })
    expect(sorted(ids(iraq))).toEqual(sorted(ARCHIVE.filter((a) => a.location.includes('Iraq')).map((a) => a.id)))
    const dates = iraq.hits.map((h) => h.article.date!)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(ranked(index, '', { filter: { location: 'Iraq' }, sort: 'oldest' })[0]).toBe('iq-strategic-talks')
    // No filter at all: every article, newest first.
    const everything = ranked(index, '')
    expect(everything).toHaveLength(ARCHIVE.length)
    expect(everything[0]).toBe('iq-militia-exact')
    expect(everything[everything.length - 1]).toBe('et-harvest-medium-body')
  })

  it('a negated word removes the articles holding it or its plural (not only the exact word)', () => {
    expect(sorted(ranked(index, 'baghdad'))).toEqual(['iq-airport-rocket', 'iq-flights-resume', 'iq-green-zone', 'iq-strategic-talks'])
    expect(ranked(index, 'baghdad -rocket')).toEqual(['iq-flights-resume', 'iq-strategic-talks'])
    expect(ranked(index, 'baghdad -rockets')).toEqual(['iq-flights-resume', 'iq-strategic-talks'])
    expect(sorted(ranked(index, 'iraq'))).toEqual(['iq-airport-rocket', 'iq-green-zone', 'iq-militia-exact', 'iq-militias-stem', 'iq-strategic-talks'])
    expect(sorted(ranked(index, '-militia iraq'))).toEqual(['iq-airport-rocket', 'iq-green-zone', 'iq-strategic-talks'])
    expect(sorted(ranked(index, 'baghdad -"baghdad airport"'))).toEqual(['iq-green-zone', 'iq-strategic-talks'])
    // Exclusion is exact: no typo or prefix expansion removes iq-milita-typo or iq-militiaman-prefix.
    expect(sorted(ranked(index, 'officials -militia'))).toEqual(['iq-airport-rocket', 'iq-militiaman-prefix', 'iq-strategic-talks', 'ke-locusts-short-body'])
  })

  it('OR joins alternatives; the group is ANDed with the other words', () => {
    expect(sorted(ranked(index, 'idlib OR locusts'))).toEqual(['et-harvest-medium-body', 'ke-economy-long-body', 'ke-locusts-short-body', 'sy-idlib-ceasefire'])
    expect(sorted(ranked(index, 'ceasefire libya OR yemen'))).toEqual(['ly-ceasefire-title', 'ye-ceasefire-body'])
    expect(sorted(ranked(index, 'kenya OR ethiopia locusts'))).toEqual(['et-harvest-medium-body', 'ke-economy-long-body', 'ke-locusts-short-body'])
    expect(ranked(index, 'ceasefire libya OR yemen', { sort: 'newest' })).toEqual(['ly-ceasefire-title', 'ye-ceasefire-body'])
  })

  it('title: and body: restrict a word to one field', () => {
    expect(sorted(ranked(index, 'title:ceasefire'))).toEqual(['ly-ceasefire-title', 'sy-idlib-ceasefire'])
    const body = ranked(index, 'body:ceasefire')
    expect(sorted(body)).toEqual(['sy-idlib-ceasefire', 'tr-lira-long-body', 'ye-ceasefire-body'])
    expect(body[2]).toBe('tr-lira-long-body')
    expect(ranked(index, 'title:locusts')).toEqual([])
  })

  it('the last word is completed as typed; typos in the query are forgiven with the same ranking', () => {
    expect(ranked(index, 'katyu')).toEqual(['iq-airport-rocket'])
    expect(ranked(index, 'katyu', { prefix: false })).toEqual([])
    expect(ranked(index, 'kirk')).toEqual(['iq-milita-typo'])
    expect(ranked(index, 'ceasfire')).toEqual(ranked(index, 'ceasefire'))
    expect(ranked(index, 'locsuts')).toEqual(ranked(index, 'locusts')) // swapped letters: one typo
    expect(ranked(index, 'ceasfire', { fuzzy: false })).toEqual([])
  })

  it('pages of a ranking concatenate to the whole ranking', () => {
    const whole = ranked(index, 'ceasefire idlib locusts')
    const paged: string[] = []
    for (let offset = 0; offset < whole.length + 2; offset += 2) paged.push(...ids(index.search('ceasefire idlib locusts', { limit: 2, offset })))
    expect(paged).toEqual(whole)
  })
})

// ---------------------------------------------------------------------------------------------
// Regression: expansions were once scored with their own idf, so in an archive where the query
// word is common, a rarer plural, completion or even typo outranked the exact word. A clause now
// scores all its expansions with one idf (that of its most frequent match).

/** Wire briefs of the same shape (12 words; the exact word in 8 of them), differing only in the form of 'rocket' and the place. */
const ROCKET_BRIEFS: Article[] = [
  ['exact-erbil', 'A rocket hit the airport in Erbil late on Tuesday, officials said.', '2021-02-16', 'Erbil'],
  ['exact-mosul', 'A rocket hit the airport in Mosul late on Tuesday, officials said.', '2021-03-02', 'Mosul'],
  ['exact-kandahar', 'A rocket hit the airport in Kandahar late on Tuesday, officials said.', '2021-03-09', 'Kandahar'],
  ['exact-sderot', 'A rocket hit the airport in Sderot late on Tuesday, officials said.', '2021-05-11', 'Sderot'],
  ['exact-nasiriyah', 'A rocket hit the airport in Nasiriyah late on Tuesday, officials said.', '2021-05-18', 'Nasiriyah'],
  ['exact-ramadi', 'A rocket hit the airport in Ramadi late on Tuesday, officials said.', '2021-05-25', 'Ramadi'],
  ['exact-jalalabad', 'A rocket hit the airport in Jalalabad late on Tuesday, officials said.', '2021-06-01', 'Jalalabad'],
  ['exact-ashkelon', 'A rocket hit the airport in Ashkelon late on Tuesday, officials said.', '2021-06-08', 'Ashkelon'],
  ['plural-basra', 'Two rockets hit the airport in Basra late on Tuesday, officials said.', '2021-04-06', 'Basra'],
  ['prefix-kabul', 'A rocketry expert visited the airport in Kabul on Tuesday, officials said.', '2021-04-13', 'Kabul'],
  ['typo-tikrit', 'A rokcet hit the airport in Tikrit late on Tuesday, officials said.', '2021-04-20', 'Tikrit'],
].map(([id, body, date, place]) => ({ id: id!, title: `Airport attack reported in ${place}`, body: body!, date: date!, source: ['AP'], location: [place!], country: [] }))

describe('exact words above their variants when the exact word is common', () => {
  const index = built([...ARCHIVE, ...ROCKET_BRIEFS])
  const exact = ROCKET_BRIEFS.filter((a) => a.id.startsWith('exact-')).map((a) => a.id)
  const rank = ranked(index, 'rocket', { filter: { date: { from: '2021-02-01' } } })

  it('all the briefs are found, each by its own form of the word', () => {
    expect(sorted(rank)).toEqual(sorted(ROCKET_BRIEFS.map((a) => a.id)))
  })

  // With per-expansion idf, plural-basra, prefix-kabul and typo-tikrit all ranked above the eight exact briefs.
  it('a brief with the plural ranks below the same brief with the exact word', () => {
    for (const id of exact) expect(rank.indexOf(id)).toBeLessThan(rank.indexOf('plural-basra'))
  })
  it('a brief with a completion of the word ranks below the same brief with the exact word', () => {
    for (const id of exact) expect(rank.indexOf(id)).toBeLessThan(rank.indexOf('prefix-kabul'))
  })
  it('a brief with a typo of the word ranks below the same brief with the exact word', () => {
    for (const id of exact) expect(rank.indexOf(id)).toBeLessThan(rank.indexOf('typo-tikrit'))
  })
})
