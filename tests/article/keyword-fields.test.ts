/**
 * Custom keyword fields on the input side: `parseArticles({ facets })` reads the named keys into
 * `article.keywords`, and `buildIndex({ facets })` indexes them as filters and facets.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex, parseArticle, parseArticles } from '../../src/build.js'
import { NewsIndex } from '../../src/index.js'
import { NewsIndex as WritableIndex } from '../../src/indexer.js'
import { expectNewsdexError, makeTempDir, removeTempDirs } from '../helpers.js'

afterAll(removeTempDirs)

/** Records shaped like the BBC corpus: id, title, category, body. */
const BBC = [
  { id: 'bbc-business-1', title: 'Shell boss payoff', category: 'business', body: 'Shell is to pay $1m to its former finance chief.' },
  { id: 'bbc-sport-1', title: 'Wenger praises Henry', category: 'sport', body: 'Arsenal manager Arsene Wenger praised Thierry Henry.', tags: ['football', 'arsenal'] },
  { id: 'bbc-sport-2', title: 'Henry scores twice', category: 'sport', body: 'Thierry Henry scored twice for Arsenal.' },
]

describe('parseArticles({ facets })', () => {
  it('reads the named keys into keywords (a string is one value, a list several), not into meta', () => {
    const [business, sport] = parseArticles(BBC.map((r) => JSON.stringify(r)).join('\n'), { path: 'bbc.jsonl', facets: ['category', 'tags'] })
    expect(business!.keywords).toEqual({ category: ['business'], tags: [] })
    expect(business!.meta).toBeUndefined()
    expect(sport!.keywords).toEqual({ category: ['sport'], tags: ['football', 'arsenal'] })
  })

  it('does not split a string value at commas', () => {
    const article = parseArticle(JSON.stringify({ title: 'T', body: 'B', category: 'Business, Finance' }), { path: 'a.json', facets: ['category'] })
    expect(article.keywords).toEqual({ category: ['Business, Finance'] })
  })

  it('applies to front matter', () => {
    const article = parseArticle('---\ntitle: Match report\ncategory: sport\ntags: [football, arsenal]\n---\nArsenal won.', { path: 'a.md', facets: ['category', 'tags'] })
    expect(article.keywords).toEqual({ category: ['sport'], tags: ['football', 'arsenal'] })
  })

  it('without facets keeps such keys in meta, as text', () => {
    const article = parseArticle(JSON.stringify(BBC[1]), { path: 'a.json' })
    expect(article.keywords).toBeUndefined()
    expect(article.meta).toEqual({ category: 'sport', tags: 'football, arsenal' })
  })

  it('refuses a value that is not text, naming the record, and a facets option that is not a list of names', () => {
    expectNewsdexError(() => parseArticle(JSON.stringify({ title: 'T', category: { a: 1 } }), { path: 'a.json', facets: ['category'] }), 'E_PARSE', 'a.json: category must be a string or a list of strings')
    expectNewsdexError(() => parseArticles('{}', { facets: 'category' as unknown as string[] }), 'E_INVALID_ARGUMENT', 'facets must be a list of field names')
  })

  it('refuses field names every object has, or that are not names (the fuzz campaign found constructor and __proto__ read from Object.prototype)', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', '', '1st', 'a-b']) {
      expectNewsdexError(() => parseArticle('T', { facets: [name] }), 'E_INVALID_ARGUMENT', 'facets must be a list of field names')
      expectNewsdexError(() => new WritableIndex({ facets: [name] }), 'E_INVALID_ARGUMENT', 'facets')
    }
  })
})

describe('buildIndex({ facets })', () => {
  function bbcDir(): string {
    const dir = makeTempDir('newsdex-facets-')
    writeFileSync(join(dir, 'bbc.jsonl'), BBC.map((r) => JSON.stringify(r)).join('\n'))
    return dir
  }

  it('indexes them as filters and facets that survive serialize() and load()', async () => {
    const { index, errors } = await buildIndex({ patterns: '*.jsonl', cwd: bbcDir(), facets: ['category'] })
    expect(errors).toEqual([])
    expect(index.options.facets).toEqual(['category'])
    const loaded = NewsIndex.load(index.serialize())
    const response = loaded.search('henry', { filter: { category: 'sport' }, facets: ['category'] })
    expect(response.hits.map((h) => h.id).sort()).toEqual(['bbc-sport-1', 'bbc-sport-2'])
    expect(loaded.search('', { facets: ['category'] }).facets.category).toEqual([{ value: 'sport', count: 2 }, { value: 'business', count: 1 }])
    expect(loaded.search('', { filter: { category: 'business' } }).hits.map((h) => h.id)).toEqual(['bbc-business-1'])
  })

  it('adds them to the facets of the index options given', async () => {
    const { index } = await buildIndex({ patterns: '*.jsonl', cwd: bbcDir(), facets: ['category'], index: { facets: ['tags'] } })
    expect(index.options.facets).toEqual(['tags', 'category'])
    expect(index.search('', { filter: { tags: 'arsenal' } }).hits.map((h) => h.id)).toEqual(['bbc-sport-1'])
  })

  it('refuses a built-in name before reading any file', async () => {
    await expect(buildIndex({ patterns: '*', cwd: '/nonexistent', facets: ['source'] })).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' })
  })
})
