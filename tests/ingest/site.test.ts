/**
 * `buildIndex({ site })`: the HTML pages of a built site, each article with its URL from its path,
 * pages with no article skipped and counted. Fixture: tests/fixtures/site/.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/build.js'
import { pageUrl } from '../../src/ingest/page-url.js'
import { REPO_ROOT } from '../helpers.js'

const SITE = join(REPO_ROOT, 'tests', 'fixtures', 'site')

describe('pageUrl()', () => {
  it.each([
    ['world/rocket-attack/index.html', '/world/rocket-attack/'],
    ['index.html', '/'],
    ['business/oil-prices.html', '/business/oil-prices.html'],
    ['./a/index.htm', '/a/'],
    ['a\\b\\index.html', '/a/b/'],
    ['news/café story.html', '/news/caf%C3%A9%20story.html'],
    ['reindex.html', '/reindex.html'],
  ])('%s → %s', (path, url) => expect(pageUrl(path)).toBe(url))
})

describe('buildIndex({ site })', () => {
  it('indexes the pages that hold an article, with their URLs, and counts the others as skipped', async () => {
    const { index, errors, skipped } = await buildIndex({ site: SITE })
    expect(errors).toEqual([])
    expect(skipped).toBe(3)
    const hits = index.search('', { limit: 10, sort: 'newest' }).hits.map((h) => [h.article.url, h.article.title, h.article.date])
    expect(hits).toEqual([
      ['/world/rocket-attack/', 'Rocket hits Baghdad airport', '2020-06-23'],
      ['/business/oil-prices.html', 'Oil prices fall as supply rises', '2020-03-09'],
      ['/blog/2020/cocoa/', 'Cocoa harvest late', '2020-02-26'],
    ])
    expect(index.search('katyusha').hits.map((h) => h.id)).toEqual(['world/rocket-attack/index'])
    // The navigation of every page is not indexed.
    expect(index.search('home').total).toBe(0)
  })

  it('takes patterns relative to the site, and the site relative to cwd', async () => {
    const { index, skipped } = await buildIndex({ site: 'site', cwd: join(REPO_ROOT, 'tests', 'fixtures'), patterns: ['world/**/*.html', 'index.html'] })
    expect(index.size).toBe(1)
    expect(skipped).toBe(1)
    expect(index.get('world/rocket-attack/index')!.url).toBe('/world/rocket-attack/')
  })

  it('needs patterns or a site', async () => {
    await expect(buildIndex({})).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' })
  })
})
