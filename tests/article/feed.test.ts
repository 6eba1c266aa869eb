/**
 * RSS and Atom feeds as inputs (src/article/feed.ts, through parseArticles): each item an article,
 * HTML in descriptions and content read as text. Fixtures: tests/fixtures/feeds/.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseArticles } from '../../src/article/parse-article.js'
import type { NewsdexError } from '../../src/errors.js'
import { expectNewsdexError, REPO_ROOT } from '../helpers.js'

const feed = (name: string): string => readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'feeds', name), 'utf8')

describe('RSS 2.0', () => {
  const errors: NewsdexError[] = []
  const skipped: NewsdexError[] = []
  const [oil, cocoa, ...rest] = parseArticles(feed('news.rss'), { path: 'news.rss', onError: (e) => errors.push(e), onSkip: (e) => skipped.push(e) })

  it('makes each item an article: guid, title, link, pubDate, content:encoded, creator, categories', () => {
    expect(oil).toMatchObject({
      id: 'courier-oil-1',
      title: 'Oil prices fall & OPEC talks stall',
      url: 'https://courier.example/business/oil-prices.html',
      date: '2020-03-09',
      body: 'Crude oil fell 3% in New York on Monday.\n\nBrent fell too.',
      meta: { author: 'Sam Lee', category: 'business, oil', description: 'Crude oil fell in New York.' },
    })
  })

  it('uses the description (HTML, escaped or in CDATA) as the body when there is no content, and <source> as the source', () => {
    expect(cocoa).toMatchObject({ id: 'news#2', title: 'Cocoa harvest late', body: 'Rains in Bahia delayed the cocoa harvest.', date: '2020-02-26', source: ['Reuters'] })
  })

  it('skips an item with no text, naming it by its place in the feed', () => {
    expect(rest).toEqual([])
    expect(errors).toEqual([])
    expect(skipped.map((e) => e.message)).toEqual(['news.rss[2]: the article has no text'])
  })

  it('reads categories as a keyword field when asked', () => {
    const [first] = parseArticles(feed('news.rss'), { path: 'news.rss', facets: ['category'], onSkip: () => {} })
    expect(first!.keywords).toEqual({ category: ['business', 'oil'] })
  })
})

describe('Atom', () => {
  const [rocket, drones] = parseArticles(feed('news.atom'), { path: 'news.atom' })

  it('reads id, the alternate link, published over updated, authors, categories, XHTML content', () => {
    expect(rocket).toMatchObject({
      id: 'tag:courier.example,2020:rocket',
      title: 'Rocket hits Baghdad airport',
      url: 'https://courier.example/world/rocket-attack/',
      date: '2020-06-23',
      body: "A Katyusha rocket landed near Baghdad's airport.\n\nNo one was hurt.",
      meta: { author: 'Jane Doe, Ali Hassan', category: 'world', description: 'A rocket landed near the airport.' },
    })
  })

  it('reads an HTML summary as the body when there is no content', () => {
    expect(drones).toMatchObject({ title: 'Drone strike near airport', url: 'https://courier.example/world/drones/', date: '2020-01-03', body: 'A drone strike killed a general.' })
  })
})

describe('RSS 1.0 and other XML', () => {
  it('reads the items of an RDF feed', () => {
    expect(parseArticles(feed('rdf.xml'), { path: 'rdf.xml' })).toMatchObject([{ title: 'Wheat exports rise', date: '2020-04-01', url: 'https://courier.example/a', body: 'Wheat exports rose in April.' }])
  })

  it('refuses XML that is not a feed, and skips a feed with no items', () => {
    expectNewsdexError(() => parseArticles('<?xml version="1.0"?><urlset><url/></urlset>', { path: 'sitemap.xml' }), 'E_PARSE', 'sitemap.xml: not an RSS or Atom feed')
    const skipped: NewsdexError[] = []
    expect(parseArticles('<rss><channel><title>Empty</title></channel></rss>', { path: 'empty.rss', onSkip: (e) => skipped.push(e) })).toEqual([])
    expect(skipped.map((e) => e.message)).toEqual(['empty.rss: the feed has no items'])
  })

  it('reports an item whose date is not one, with the others indexed', () => {
    const errors: NewsdexError[] = []
    const xml = '<rss><channel><item><title>A</title><pubDate>someday</pubDate></item><item><title>B</title></item></channel></rss>'
    expect(parseArticles(xml, { path: 'f.rss', onError: (e) => errors.push(e) }).map((a) => a.title)).toEqual(['B'])
    expect(errors.map((e) => e.message)).toEqual(['f.rss[0]: date "someday" is not a recognizable date'])
  })

  it('recognizes a feed by its content when the name does not say', () => {
    expect(parseArticles(feed('news.atom'), { path: 'feed' }).length).toBe(2)
  })
})
