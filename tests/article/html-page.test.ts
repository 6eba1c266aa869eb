/**
 * Built HTML pages as articles (src/article/html-page.ts, through parseArticles): the article's text
 * without page furniture, and its metadata from JSON-LD, OpenGraph and `<time>`; pages with no
 * article are skipped. Fixtures: tests/fixtures/site/, a small built site.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { htmlToText, readHtmlPage } from '../../src/article/html-page.js'
import { parseArticle, parseArticles } from '../../src/article/parse-article.js'
import type { NewsdexError } from '../../src/errors.js'
import { expectNewsdexError, REPO_ROOT } from '../helpers.js'

const SITE = join(REPO_ROOT, 'tests', 'fixtures', 'site')
const page = (path: string): string => readFileSync(join(SITE, path), 'utf8')

describe('a page with JSON-LD NewsArticle metadata', () => {
  const article = parseArticle(page('world/rocket-attack/index.html'), { path: 'world/rocket-attack/index.html' })

  it('takes the article text, without navigation, headers, footers, asides, scripts, styles and ignored elements', () => {
    expect(article.body).toBe(
      "A Katyusha rocket landed near Baghdad's international airport on Tuesday, the Iraqi military said. No one was hurt.\n\n" +
        'The attack was the third this month & flights continued\nas scheduled.\n\nThe airport road.',
    )
    for (const furniture of ['Home', 'Related', 'Drone strike', 'Share on', 'trackRead', 'color: gray', '©', 'By Jane Doe']) expect(article.body).not.toContain(furniture)
  })

  it('reads headline, date, authors, publisher, dateline, place, section and keywords', () => {
    expect(article).toMatchObject({
      id: 'world/rocket-attack/index',
      title: 'Rocket hits Baghdad airport',
      date: '2020-06-23',
      url: 'https://courier.example/world/rocket-attack/',
      meta: { author: 'Jane Doe, Ali Hassan', publisher: 'The Daily Courier', dateline: 'BAGHDAD', description: 'No one was hurt, officials said.', section: 'World', tags: 'iraq, security' },
    })
    // The given place, rolled up to its country.
    expect(article.location.slice(0, 2)).toEqual(['Baghdad', 'Iraq'])
    expect(article.country[0]).toBe('IQ')
  })

  it('takes the URL given over its own, and its keys as keyword fields', () => {
    const own = parseArticle(page('world/rocket-attack/index.html'), { path: 'x.html', url: '/world/rocket-attack/', facets: ['section', 'tags'] })
    expect(own.url).toBe('/world/rocket-attack/')
    expect(own.keywords).toEqual({ section: ['World'], tags: ['iraq', 'security'] })
  })
})

describe('a page with OpenGraph metadata only', () => {
  const article = parseArticle(page('business/oil-prices.html'), { path: 'business/oil-prices.html' })

  it('reads og:title, article:published_time, the section and every article:tag', () => {
    expect(article).toMatchObject({ title: 'Oil prices fall as supply rises', date: '2020-03-09', meta: { description: 'Crude fell 3% in New York.', section: 'Business', tags: 'oil, markets' } })
  })

  it('leaves the heading that is the title out of the body', () => {
    expect(article.body).toBe('Crude oil fell 3% in New York on Monday as OPEC talks broke down, traders said.\n\nBrent crude fell too.')
  })
})

describe('a page with one <article> and no metadata', () => {
  it('reads the title from the <h1>, the date from <time datetime>, lists as paragraphs', () => {
    const article = parseArticle(page('blog/2020/cocoa/index.html'), { path: 'blog/2020/cocoa/index.html' })
    expect(article.title).toBe('Cocoa harvest late')
    expect(article.date).toBe('2020-02-26')
    expect(article.body).toBe('26 February\n\nRains in Bahia delayed the cocoa harvest, exporters said in Salvador.\n\nExports: down 10%\n\nPrices: up')
    expect(article.country).toContain('BR')
  })
})

describe('pages with no article', () => {
  it.each([['index.html', 'a listing: several articles'], ['about/index.html', 'no article element or metadata'], ['404.html', 'an error page']])('%s (%s) is skipped, as having no text', (path) => {
    expect(readHtmlPage(page(path))).toBeNull()
    const skipped: NewsdexError[] = []
    expect(parseArticles(page(path), { path, onSkip: (e) => skipped.push(e) })).toEqual([])
    expect(skipped.map((e) => e.message)).toEqual([`${path}: the page has no article`])
    expectNewsdexError(() => parseArticle(page(path), { path }), 'E_PARSE', 'the page has no article')
  })
})

describe('choosing the article and its metadata', () => {
  it('of several articles on an article page, takes the one with the <h1>', () => {
    const html = '<meta property="og:type" content="article"><main><article><p>Teaser one.</p></article><article><h1>The story</h1><p>Its text.</p></article></main>'
    expect(parseArticle(html, { path: 'p.html' })).toMatchObject({ title: 'The story', body: 'Its text.' })
  })

  it('takes <main> when there is no <article>, and the first readable date of the candidates', () => {
    const html = `<script type="application/ld+json">[{"@type":"BlogPosting","datePublished":"sometime","dateCreated":"2021-05-04"}]</script>
      <title>Title tag</title><body><nav>Menu</nav><main><p>Main text.</p></main><footer>Foot</footer></body>`
    expect(parseArticle(html, { path: 'p.html' })).toMatchObject({ title: 'Title tag', body: 'Main text.', date: '2021-05-04' })
  })

  it('ignores JSON-LD that does not parse, and reads a page of text with no paragraphs', () => {
    const html = '<script type="application/ld+json">{ not json</script><article>Just   some\ntext</article>'
    expect(parseArticle(html, { path: 'p.html' })).toMatchObject({ title: 'Just some text', body: 'Just some text' })
  })

  it('uses the description as the body of an article page with no text', () => {
    const html = '<meta property="og:type" content="article"><meta property="og:title" content="Video: the flood"><meta name="description" content="Rivers rose in Bahia."><body><video src="x"></video></body>'
    expect(parseArticle(html, { path: 'p.html' })).toMatchObject({ title: 'Video: the flood', body: 'Rivers rose in Bahia.' })
  })
})

describe('htmlToText()', () => {
  it('keeps paragraphs and line breaks, table cells apart, and drops scripts', () => {
    expect(htmlToText('<p>One <b>two</b></p><p>Three<br/>four</p><table><tr><td>a</td><td>b</td></tr></table><script>x</script>')).toBe('One two\n\nThree\nfour\n\na b')
  })
})
