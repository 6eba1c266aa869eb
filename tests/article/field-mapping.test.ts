import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex, parseArticle, parseArticles, type BuildProgress } from '../../src/build.js'
import type { NewsdexError } from '../../src/errors.js'
import { expectNewsdexError, makeTempDir, removeTempDirs } from '../helpers.js'

afterAll(removeTempDirs)

describe('parseArticles({ fields })', () => {
  it('reads mapped fields from their keys only; the usual spellings then stay in meta', () => {
    const json = JSON.stringify({ headline: 'Mapped title', title: 'Section name', content: 'The body text.', stamp: '2004-05-01' })
    const article = parseArticle(json, { path: 'a.json', fields: { title: 'headline', body: 'content', date: 'stamp' } })
    expect(article).toMatchObject({ title: 'Mapped title', body: 'The body text.', date: '2004-05-01' })
    expect(article.meta).toEqual({ title: 'Section name' })
  })

  it('takes the first present key of a list', () => {
    const articles = parseArticles('{"t":"A","text":"a"}\n{"t":"B","summary":"b"}\n', { path: 'f.ndjson', fields: { title: 't', body: ['text', 'summary'] } })
    expect(articles.map((a) => [a.title, a.body])).toEqual([['A', 'a'], ['B', 'b']])
  })

  it('applies to front matter too', () => {
    expect(parseArticle('---\nheadline: From front matter\n---\nBody.\n', { path: 'a.md', fields: { title: 'headline' } }).title).toBe('From front matter')
  })

  it('rejects an unknown article field or an empty key with E_INVALID_ARGUMENT', () => {
    expectNewsdexError(() => parseArticles('{}', { fields: { heading: 'h' } as never }), 'E_INVALID_ARGUMENT', "unknown article field 'heading'")
    expectNewsdexError(() => parseArticles('{}', { fields: { title: '' } }), 'E_INVALID_ARGUMENT', 'fields.title')
  })
})

describe('meta and description', () => {
  it('keeps lists of plain values as readable text, not JSON', () => {
    const article = parseArticle(JSON.stringify({ title: 'T', body: 'B', tags: ['economy', ' trade ', null, 3], extra: { a: 1 } }), { path: 'a.json' })
    expect(article.meta).toEqual({ tags: 'economy, trade, 3', extra: '{"a":1}' })
  })

  it('uses description as the body only when there is none', () => {
    expect(parseArticle(JSON.stringify({ title: 'T', description: 'Teaser.' }), { path: 'a.json' })).toMatchObject({ body: 'Teaser.' })
    const both = parseArticle(JSON.stringify({ title: 'T', body: 'Body.', description: 'Teaser.' }), { path: 'a.json' })
    expect(both.body).toBe('Body.')
    expect(both.meta).toEqual({ description: 'Teaser.' })
  })
})

describe('records without text', () => {
  it('go to onSkip when given, apart from real errors', () => {
    const skipped: NewsdexError[] = []
    const errors: NewsdexError[] = []
    const articles = parseArticles('{"title":"A","body":"a"}\n{"date":"2001-01-01"}\n{"title":"C","date":"nope"}\n', {
      path: 'f.ndjson',
      onSkip: (e) => skipped.push(e),
      onError: (e) => errors.push(e),
    })
    expect(articles.map((a) => a.title)).toEqual(['A'])
    expect(skipped.map((e) => e.path)).toEqual(['f.ndjson:2'])
    expect(errors.map((e) => e.path)).toEqual(['f.ndjson:3'])
  })

  it('are errors without onSkip, as before', () => {
    expectNewsdexError(() => parseArticles('{"date":"2001-01-01"}', { path: 'a.json' }), 'E_PARSE', 'the article has no text')
  })
})

describe('buildIndex', () => {
  function inputs(): string {
    const dir = makeTempDir('newsdex-build-')
    writeFileSync(join(dir, 'feed.jsonl'), ['{"id":"a","headline":"A","content":"Rocket."}', '{"id":"b"}', '{"id":"c","headline":"C","content":"Rocket too."}', '{"id":"d"}'].join('\n'))
    writeFileSync(join(dir, 'empty.md'), '')
    writeFileSync(join(dir, 'one.txt'), 'date 2020-06-23 A rocket landed.')
    return dir
  }

  it('counts records and files without text in skipped, and maps fields', async () => {
    const { index, errors, skipped } = await buildIndex({ patterns: '*', cwd: inputs(), fields: { title: 'headline', body: 'content' } })
    expect(errors).toEqual([])
    expect(skipped).toBe(3)
    expect(index.size).toBe(3)
    expect(index.search('rocket').hits.map((h) => h.article.title).sort()).toEqual(['A', 'A rocket landed.', 'C'])
  })

  it('with strict reports each of them as an error with its line', async () => {
    const { errors, skipped } = await buildIndex({ patterns: '*', cwd: inputs(), fields: { title: 'headline', body: 'content' }, strict: true })
    expect(skipped).toBe(0)
    expect(errors).toEqual([
      { path: 'empty.md', message: 'the file is empty' },
      { path: 'feed.jsonl', line: 2, message: 'the article has no text' },
      { path: 'feed.jsonl', line: 4, message: 'the article has no text' },
    ])
  })

  it('reports progress per indexed article, then per file', async () => {
    const seen: BuildProgress[] = []
    await buildIndex({ patterns: '*', cwd: inputs(), onProgress: (p) => seen.push({ ...p }) })
    expect(seen.map((p) => [p.path, p.articles, p.done])).toEqual([
      ['empty.md', 1, 1],
      ['feed.jsonl', 2, 1],
      ['feed.jsonl', 3, 1],
      ['feed.jsonl', 5, 2],
      ['one.txt', 6, 3],
    ])
    expect(seen.at(-1)).toMatchObject({ total: 3, bytes: seen.at(-1)!.totalBytes })
    expect(seen.every((p, i) => i === 0 || p.bytes >= seen[i - 1]!.bytes)).toBe(true)
  })

  it('rejects an unknown field before reading any file', async () => {
    await expect(buildIndex({ patterns: '*', cwd: inputs(), fields: { nope: 'x' } as never })).rejects.toMatchObject({ code: 'E_INVALID_ARGUMENT' })
  })

  it('keeps a file whose id another file took out entirely', async () => {
    const dir = makeTempDir('newsdex-dup-')
    writeFileSync(join(dir, 'a.jsonl'), '{"id":"x","title":"X","body":"x"}')
    writeFileSync(join(dir, 'b.jsonl'), '{"id":"y","title":"Y","body":"y"}\n{"id":"x","title":"X2","body":"x2"}\n{"id":"y","title":"Y2","body":"y2"}')
    const { index, errors } = await buildIndex({ patterns: '*', cwd: dir })
    expect(errors).toEqual([{ path: 'b.jsonl', message: "article id 'x' is already used by another file" }])
    expect(index.size).toBe(1)
    expect(index.has('y')).toBe(false)
  })
})
