import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildIndex, parseArticle, parseArticles } from '../../src/build.js'
import { MAX_TITLE_LENGTH } from '../../src/article/title.js'
import { catchNewsdexError, expectNewsdexError, makeTempDir, readSeed, SEED_RELATIVE_PATH } from '../helpers.js'

const SEED_TITLE = 'A katyusha rocket landed in the vicinity of Baghdad airport on Monday, but this attack didn’t cause any casualties.'

describe('parseArticle(): the seed format', () => {
  const seed = parseArticle(readSeed(), { path: SEED_RELATIVE_PATH })

  it('reads the date from the header that shares its line with the text', () => {
    expect(seed.date).toBe('2020-06-23')
  })

  it('takes the first sentence as the title', () => {
    expect(seed.title).toBe(SEED_TITLE)
  })

  it('keeps the text, without the header, as paragraphs separated by blank lines', () => {
    expect(seed.body.startsWith('A katyusha rocket landed')).toBe(true)
    expect(seed.body).not.toMatch(/^\s*date\b/)
    expect(seed.body).not.toContain('2020-06-23')
    const paragraphs = seed.body.split('\n\n')
    expect(paragraphs).toHaveLength(6)
    for (const paragraph of paragraphs) {
      expect(paragraph.trim()).toBe(paragraph)
      expect(paragraph).not.toBe('')
      expect(paragraph).not.toContain('\n')
    }
    expect(paragraphs[1]!.startsWith('“The rocket was launched from a village west of the capital')).toBe(true)
    expect(paragraphs[5]!.endsWith('to oust U.S. troops from the country.”')).toBe(true)
  })

  it('derives the id from the path, without the extension', () => {
    expect(seed.id).toBe('seeds/000_cc6d660af43d4c59')
    expect(parseArticle(readSeed(), { path: './news\\2020\\a.txt' }).id).toBe('news/2020/a')
  })

  it('prefers an explicit id option', () => {
    expect(parseArticle(readSeed(), { path: SEED_RELATIVE_PATH, id: 'seed-1' }).id).toBe('seed-1')
  })

  it('reads several header lines, the text following on the next line', () => {
    const article = parseArticle('date 2021-03-04\ntitle A Given Title\nsource Reuters\nThe body. More body.', { path: 'x/h.txt' })
    expect(article).toMatchObject({ id: 'x/h', title: 'A Given Title', date: '2021-03-04', source: ['Reuters'], body: 'The body. More body.' })
  })

  it('treats a first line that is not a header as text', () => {
    const article = parseArticle('datelines are tricky. Second sentence.', { path: 'd.txt' })
    expect(article.date).toBeNull()
    expect(article.body).toBe('datelines are tricky. Second sentence.')
    expect(article.title).toBe('datelines are tricky.')
  })

  it('does not end the first sentence at abbreviations or initials', () => {
    const article = parseArticle('date 2020-01-01 The U.S. envoy met Gen. Smith and George W. Bush in Baghdad. Then he left.', { path: 'a.txt' })
    expect(article.title).toBe('The U.S. envoy met Gen. Smith and George W. Bush in Baghdad.')
  })

  it('cuts a long first sentence at a word boundary', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')
    const article = parseArticle(`date 2020-01-01 ${words}, end of it. Next sentence.`, { path: 'long.txt' })
    expect(article.title.endsWith('…')).toBe(true)
    const kept = article.title.slice(0, -1)
    expect(kept.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
    expect(kept.length).toBeGreaterThan(MAX_TITLE_LENGTH / 2)
    expect(article.body.startsWith(kept)).toBe(true)
    expect(article.body[kept.length]).toBe(' ')
  })

  it('normalizes CRLF line ends, stray spaces and runs of blank lines', () => {
    const article = parseArticle('date 2020-01-01\r\n  First para.  \r\n\r\n\r\n\r\n   Second para.\r\n', { path: 'crlf.txt' })
    expect(article.body).toBe('First para.\n\nSecond para.')
  })
})

const MARKDOWN = `---
title: "Rocket hits Baghdad airport"
date: 2020-06-23
source: [Reuters, AFP]
location: Mosul, Abu Ghraib
country: [iq, us]
id: rocket-2020
url: https://example.com/rocket
author: Jane Doe
words: 120
tags: [war, iraq]
---
# A heading that is not the title

AP reported on 1 January 2019 that **rockets** hit _near_ the [airport](https://example.com/airport) in Baghdad, Iran.
`

describe('parseArticle(): Markdown with front matter', () => {
  const article = parseArticle(MARKDOWN, { path: 'news/rocket.md' })

  it('reads the known fields from the front matter, normalized', () => {
    expect(article).toMatchObject({
      id: 'rocket-2020',
      title: 'Rocket hits Baghdad airport',
      date: '2020-06-23',
      source: ['Reuters', 'AFP'],
      location: ['Mosul', 'Abu Ghraib', 'Iraq'],
      country: ['IQ', 'US'],
      url: 'https://example.com/rocket',
    })
  })

  it('keeps the other fields in meta, as strings (a list as readable text)', () => {
    expect(article.meta).toEqual({ author: 'Jane Doe', words: '120', tags: 'war, iraq' })
  })

  it('lets explicit metadata win over what the text says', () => {
    // The text names another date, another agency, other places: the front matter still wins.
    expect(article.date).toBe('2020-06-23')
    expect(article.source).toEqual(['Reuters', 'AFP'])
    expect(article.location).toEqual(['Mosul', 'Abu Ghraib', 'Iraq']) // given places first, then what contains them
    expect(article.country).toEqual(['IQ', 'US'])
  })

  it('strips the Markdown markup from the body, keeping link text', () => {
    expect(article.body).toContain('AP reported on 1 January 2019 that rockets hit near the airport in Baghdad, Iran.')
    expect(article.body).not.toMatch(/[*_#[\]]|\]\(|https:/)
  })

  it('takes the first # heading as the title when the front matter has none', () => {
    const withHeading = parseArticle('---\ndate: 2021-01-02\n---\n# The *Big* Heading\n\nBody text here. Second sentence.\n', { path: 'x/h.md' })
    expect(withHeading).toMatchObject({ id: 'x/h', title: 'The Big Heading', date: '2021-01-02', body: 'Body text here. Second sentence.' })
  })

  it('reads Markdown without front matter, by extension or by format option', () => {
    expect(parseArticle('# Heading\n\nText.', { path: 'a.md' })).toMatchObject({ title: 'Heading', body: 'Text.' })
    expect(parseArticle('# Heading\n\nText.', { format: 'markdown', id: 'm' })).toMatchObject({ id: 'm', title: 'Heading', body: 'Text.' })
  })

  it('detects front matter without a file extension', () => {
    expect(parseArticle('---\ntitle: T\n---\nText.', { id: 'auto' })).toMatchObject({ title: 'T', body: 'Text.' })
  })

  it('decodes HTML entities and drops inline HTML', () => {
    expect(parseArticle('Tom &amp; Jerry <b>bold</b> &#8220;quoted&#8221;.', { path: 'e.md' }).body).toBe('Tom & Jerry bold “quoted”.')
  })

  it('keeps paragraphs separated by blank lines', () => {
    expect(parseArticle('# Head\n\nPara one.\n\nPara two.\n', { path: 'p.md' }).body).toBe('Para one.\n\nPara two.')
  })

  it('keeps the blank lines around sub-headings, lists and block quotes', () => {
    expect(parseArticle('# Head\n\nPara one.\n\n## Sub\n\nPara two.\n', { path: 'p.md' }).body).toBe('Para one.\n\nSub\n\nPara two.')
    expect(parseArticle('# Head\n\nPara one.\n\n- a\n- b\n\nPara two.\n', { path: 'p.md' }).body).toBe('Para one.\n\na\nb\n\nPara two.')
    expect(parseArticle('# Head\n\nPara one.\n\n> quoted\n\nPara two.\n', { path: 'p.md' }).body).toBe('Para one.\n\nquoted\n\nPara two.')
  })
})

describe('parseArticle() / parseArticles(): JSON', () => {
  it('reads one JSON object; unknown fields go to meta as strings', () => {
    const text = JSON.stringify({ id: 'j1', title: ' Title ', body: 'One.\n\n\n\nTwo.', date: '2020-06-23', source: 'AP; Reuters', extra: { a: 1 }, n: 5, flag: true })
    expect(parseArticle(text, { path: 'a/j.json' })).toEqual({
      id: 'j1',
      title: 'Title',
      body: 'One.\n\nTwo.',
      date: '2020-06-23',
      source: ['AP', 'Reuters'],
      location: [],
      country: [],
      meta: { extra: '{"a":1}', n: '5', flag: 'true' },
    })
  })

  it('accepts common aliases of the known fields', () => {
    const text = JSON.stringify({ slug: 's1', headline: 'H', text: 'Body.', publishedAt: '2020-06-23', agency: ['AFP'], places: ['Basra'], countries: ['iq'], link: 'https://x.y/z' })
    expect(parseArticle(text, { path: 'a.json' })).toMatchObject({ id: 's1', title: 'H', body: 'Body.', date: '2020-06-23', source: ['AFP'], location: ['Basra', 'Iraq'], country: ['IQ'], url: 'https://x.y/z' })
  })

  it('derives the id from the path when the object has none', () => {
    expect(parseArticle(JSON.stringify({ title: 'T', body: 'B' }), { path: 'a/j.json' }).id).toBe('a/j')
  })

  it('reads a JSON array, one article per element, with path-derived ids unless given', () => {
    const articles = parseArticles(JSON.stringify([{ title: 'T1', body: 'B1' }, { id: 'x', title: 'T2', body: 'B2' }]), { path: 'a/arr.json' })
    expect(articles.map((a) => [a.id, a.title])).toEqual([['a/arr#1', 'T1'], ['x', 'T2']])
  })

  it('reads NDJSON, one article per non-blank line, ids numbered by line', () => {
    const articles = parseArticles('{"title":"A","body":"a"}\n\n{"id":"z","title":"B","body":"b"}\r\n{"title":"C","body":"c"}\n', { path: 'feed/l.ndjson' })
    expect(articles.map((a) => [a.id, a.title, a.body])).toEqual([['feed/l#1', 'A', 'a'], ['z', 'B', 'b'], ['feed/l#4', 'C', 'c']])
  })

  it('names the file and the line of a bad NDJSON record', () => {
    expectNewsdexError(() => parseArticles('{"title":"A","body":"a"}\n{"title": oops}\n', { path: 'feed/l.ndjson' }), 'E_PARSE', 'feed/l.ndjson:2')
    expectNewsdexError(() => parseArticles('{"title":"A","body":"a"}\n[1]\n', { path: 'feed/l.jsonl' }), 'E_PARSE', 'feed/l.jsonl:2')
  })

  it('names the element of a bad JSON array record', () => {
    expectNewsdexError(() => parseArticles('[{"title":"A","body":"a"}, 42]', { path: 'arr.json' }), 'E_PARSE', 'arr.json[1]')
  })

  it('refuses several articles in parseArticle()', () => {
    expectNewsdexError(() => parseArticle('[{"title":"A","body":"a"},{"title":"B","body":"b"}]', { path: 'two.json' }), 'E_PARSE', 'two.json')
  })
})

describe('parseArticle(): errors are E_PARSE and name the file', () => {
  it.each([
    ['the empty file', 'empty.txt', ''],
    ['a file of blanks', 'blank.txt', '  \n\n\t '],
    ['a binary file (NUL bytes)', 'image.txt', 'GIF89a\u0000\u0001\u0002rocket'],
    ['invalid JSON', 'bad.json', '{ "title": '],
    ['a JSON value that is not an object', 'num.json', '42'],
    ['an empty JSON array', 'none.json', '[]'],
    ['a JSON body that is not a string', 'body.json', '{"title":"T","body":42}'],
    ['bad front-matter YAML', 'bad.md', '---\ntitle: [unclosed\n---\nText.'],
    ['front matter that is not a mapping', 'list.md', '---\n- a\n- b\n---\nText.'],
    ['a date value that is not a date', 'date.md', '---\ndate: banana\n---\nText.'],
    ['a date value that is not a date (JSON)', 'date.json', '{"title":"T","body":"B","date":"soon"}'],
    ['a bad country code', 'country.json', '{"title":"T","body":"B","country":"IRQ"}'],
    ['a bad country code (front matter)', 'country.md', '---\ncountry: [IQ, Iraq]\n---\nText.'],
    ['a JSON article without any text', 'notext.json', '{"id":"x"}'],
  ])('%s', (_what, path, text) => {
    const error = expectNewsdexError(() => parseArticle(text, { path }), 'E_PARSE')
    expect(error.message.startsWith(path)).toBe(true)
  })
})

describe('parseArticle(): given places roll up to what contains them', () => {
  it('adds the country (and region) of a given city, keeping the given places first', () => {
    const article = parseArticle(JSON.stringify({ id: 'x', title: 'T', body: 'B.', location: ['Baghdad', 'Nowhere Town'] }), { path: 'a.json' })
    expect(article.location).toEqual(['Baghdad', 'Nowhere Town', 'Iraq'])
    expect(article.country).toEqual(['IQ'])
  })

  it('lets given countries win over rolled-up ones', () => {
    const article = parseArticle(JSON.stringify({ id: 'x', title: 'T', body: 'B.', location: ['Baghdad'], country: ['US'] }), { path: 'a.json' })
    expect(article.location).toEqual(['Baghdad', 'Iraq'])
    expect(article.country).toEqual(['US'])
  })
})

describe('the home-country hint (parseArticle country, buildIndex country)', () => {
  const local = 'Council votes on budget\n\nThe council in Alexandria voted on Tuesday to raise the budget for schools.'

  it('is off by default: an ambiguous town is read as its largest place', () => {
    expect(parseArticle(local, { path: 'a.txt' }).country).toEqual(['EG'])
  })

  it('resolves ambiguous local towns in the home country, in any case', () => {
    const article = parseArticle(local, { path: 'a.txt', country: 'us' })
    expect(article.location).toEqual(['Alexandria', 'Virginia', 'United States'])
    expect(article.country).toEqual(['US'])
  })

  it('reaches every record of a multi-article input', () => {
    const ndjson = [{ id: 'a', title: 'T', body: 'The fair in Athens opened on Friday.' }, { id: 'b', title: 'T', body: 'Schools in Alexandria reopen.' }]
      .map((r) => JSON.stringify(r)).join('\n')
    expect(parseArticles(ndjson, { path: 'x.ndjson', country: 'US' }).map((a) => a.country)).toEqual([['US'], ['US']])
  })

  it('resolves given places too, by the same weighing (Paris stays in France)', () => {
    const given = (place: string) => parseArticle(JSON.stringify({ title: 'T', body: 'B.', location: [place] }), { path: 'a.json', country: 'US' })
    expect(given('Athens').location).toEqual(['Athens', 'Georgia', 'United States'])
    expect(given('Paris').country).toEqual(['FR'])
  })

  it('never overrides countries the article gives', () => {
    const article = parseArticle(JSON.stringify({ title: 'T', body: 'The fair in Athens opened.', country: ['GR'] }), { path: 'a.json', country: 'US' })
    expect(article.country).toEqual(['GR'])
  })

  it.each([['IRQ'], ['U.S.'], [''], ['1A']])('rejects %j with E_INVALID_ARGUMENT', (code) => {
    expectNewsdexError(() => parseArticle(local, { path: 'a.txt', country: code }), 'E_INVALID_ARGUMENT', 'alpha-2')
  })

  it('is passed by buildIndex to every article, and checked before any file is read', async () => {
    const dir = makeTempDir('newsdex-home-')
    writeFileSync(join(dir, 'a.txt'), local)
    const plain = await buildIndex({ patterns: '*.txt', cwd: dir })
    const hinted = await buildIndex({ patterns: '*.txt', cwd: dir, country: 'US' })
    expect(plain.index.search('council', { facets: ['country'] }).facets.country).toEqual([{ value: 'EG', count: 1 }])
    expect(hinted.index.search('council', { facets: ['country'] }).facets.country).toEqual([{ value: 'US', count: 1 }])
    const error = await buildIndex({ patterns: '*.txt', cwd: dir, country: 'USA' }).then(() => null, (e: unknown) => e)
    expect(catchNewsdexError(() => { throw error }).code).toBe('E_INVALID_ARGUMENT')
  })
})
