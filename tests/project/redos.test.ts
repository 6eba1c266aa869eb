/**
 * ReDoS guards: each regular expression that reads outside input (article text, front matter,
 * queries) is run through its entry point on an adversarial string. docs/redos.md lists them all.
 *
 * Approach: no test measures wall-clock time. Each input is sized so that the pattern as it was before
 * its rewrite (superlinear on that input) would run for minutes: the sizes come from the timings in
 * docs/redos.md, e.g. '<a' × 25,000 took 0.42 s and grows with the square, so × 500,000 takes about
 * 170 s. The linear patterns take milliseconds, so the test's own timeout (TIMEOUT) is the guard.
 * Patterns that were already linear, or that only ever see a capped slice of the text, get an input
 * of a million characters all the same. Every test also checks the result, so that a rewrite keeps
 * the behaviour.
 */
import { describe, expect, it } from 'vitest'
import { sentenceEnds } from '../../src/analysis/sentences.js'
import { analyze } from '../../src/analysis/analyzer.js'
import { porterStem } from '../../src/analysis/porter.js'
import { firstHeading, markdownToText } from '../../src/article/markdown.js'
import { normalizeParagraphs } from '../../src/article/paragraphs.js'
import { parseArticle } from '../../src/article/parse-article.js'
import { parseSeedHeader } from '../../src/article/seed.js'
import { deriveTitle } from '../../src/article/title.js'
import { findDate, normalizeDate } from '../../src/extract/date.js'
import { findDateline } from '../../src/extract/dateline.js'
import { extractMetadata } from '../../src/extract/extract-metadata.js'
import { extractSources } from '../../src/extract/sources.js'
import { splitWords } from '../../src/extract/text.js'
import { highlight } from '../../src/highlight/highlight.js'
import { parseQuery } from '../../src/query/parse-query.js'

/** Far below what the superlinear patterns took on these inputs, far above what the linear ones take. */
const TIMEOUT = 20_000

describe('markdownToText() and firstHeading(): linear on hostile Markdown', () => {
  // Before: cubic in the spaces (2,000 spaces took 6.3 s, 5,000 over 30 s).
  it('a heading padded with spaces', () => {
    const heading = `a${' '.repeat(200_000)}x`
    expect(markdownToText(`# ${heading}`)).toBe(heading)
    expect(firstHeading(`# ${heading}`)).toBe(heading)
  }, TIMEOUT)

  // Before: quadratic (50,000 '#' took 6.2 s).
  it('a heading full of hashes', () => {
    const heading = `a${'#'.repeat(200_000)}x`
    expect(markdownToText(`# ${heading}`)).toBe(heading)
    expect(firstHeading(`# ${heading} ##`)).toBe(heading)
  }, TIMEOUT)

  // Before: each quadratic, from 0.4 s to 1.8 s at 50,000 characters.
  it.each([
    ['unclosed link text', '['.repeat(500_000)],
    ['unclosed reference definitions', '[\n'.repeat(250_000)],
    ['unclosed image text', '!['.repeat(250_000)],
    ['unclosed link targets', '[a]('.repeat(250_000)],
    ['unclosed image targets', '![a]('.repeat(200_000)],
    ['unclosed tags', '<a'.repeat(500_000)],
    ['unclosed comments', '<!--'.repeat(500_000)],
    ['unclosed strong emphasis', '**a '.repeat(150_000)],
    ['unclosed strong emphasis with underscores', '__a '.repeat(150_000)],
    ['unclosed strikethrough', '~~a '.repeat(150_000)],
  ])('%s are kept as written', (_, markdown) => {
    expect(markdownToText(markdown)).toBe(markdown)
  }, TIMEOUT)

  it('still strips the markup it stripped before', () => {
    expect(markdownToText('# Title ##\n[a](b) ![c](d) [e][f] <b>g</b> <!-- h --> **i** ~~j~~ &amp;')).toBe('Title\na c e g  i j &')
  })

  // Before: cubic, one 2 KB file stalled a build for seconds.
  it('parseArticle() of a Markdown file with such a heading', () => {
    const heading = `a${' '.repeat(100_000)}x`
    const article = parseArticle(`# ${heading}\n\nBody.\n`, { path: 'a.md' })
    expect(article.title).toBe(heading)
    expect(article.body).toBe('Body.')
  }, TIMEOUT)
})

describe('sentence ends, stems, titles, sources and datelines: linear on hostile text', () => {
  // Before: quadratic in the dots (20,000 took 3.0 s).
  it('a run of dots inside a word ends no sentence', () => {
    expect(sentenceEnds(`a${'.'.repeat(200_000)}a`)).toEqual([])
    expect(sentenceEnds(`a${'.'.repeat(200_000)}`)).toEqual([200_001])
    expect(sentenceEnds(`a${'!?'.repeat(100_000)}a. B`)).toEqual([200_003])
  }, TIMEOUT)

  // Before: the measure was quadratic in a run of vowels (20,000 took 0.3 s).
  it('Porter stemming of a long run of vowels', () => {
    const word = `b${'a'.repeat(400_000)}ness`
    expect(porterStem(word)).toBe(word)
    expect(porterStem(`b${'a'.repeat(400_000)}ing`)).toBe(`b${'a'.repeat(400_000)}`)
  }, TIMEOUT)

  // The trailing-punctuation pattern was quadratic (50,000 em dashes: 3.6 s); deriveTitle only gives it 121 characters.
  it('a title derived from a text of em dashes', () => {
    expect(deriveTitle(`${'—'.repeat(1_000_000)} x`)).toBe('…')
    expect(deriveTitle(`Short title — ${'—'.repeat(1_000_000)}`)).toBe('Short title…')
  }, TIMEOUT)

  // The sign-off pattern was quadratic in line breaks; it only sees 40 characters before a name.
  it('a sign-off after a million line breaks', () => {
    expect(extractSources(`${'\n'.repeat(1_000_000)}AP`)).toEqual(['AP'])
  }, TIMEOUT)

  // The dateline pattern was quadratic in trailing spaces (50,000: 0.9 s); it only sees 160 characters a line.
  it('a dateline place followed by a million spaces', () => {
    expect(findDateline(`BAGHDAD${' '.repeat(1_000_000)}- x`)).toBeNull()
    expect(findDateline(`BAGHDAD, June 23 (Reuters)${' '.repeat(1_000)} - x`)).toBeNull()
    expect(findDateline('BAGHDAD, June 23 (Reuters) - x')).toMatchObject({ month: 6, day: 23, credit: 'Reuters' })
  }, TIMEOUT)
})

describe('patterns that were linear already, on a million characters', () => {
  const spaces = ' '.repeat(1_000_000)
  it.each([
    ['analyze(): inner apostrophes and dots', () => analyze(`a${"'a".repeat(300_000)} b${'.b'.repeat(300_000)}`).length, 3],
    ['splitWords(): dotted letters', () => splitWords('a.'.repeat(500_000)).length, 1],
    ['normalizeParagraphs(): blank lines of spaces', () => normalizeParagraphs(`a\n${' \n'.repeat(500_000)}b`), 'a\n\nb'],
    ['parseSeedHeader(): a header key and spaces', () => parseSeedHeader(`date${spaces}x`).fields, {}],
    ['normalizeDate(): a weekday and spaces', () => normalizeDate(`Mon${spaces}`), null],
    ['findDate(): digits and spaces', () => findDate(`1${spaces}1`), null],
    ['extractMetadata(): spaces, dots and cues', () => extractMetadata(`\npublished${spaces}x${'.'.repeat(100_000)}`).date, null],
    ['parseQuery(): quotes (the query is cut to its first 1,024 characters)', () => parseQuery('"'.repeat(1_000_000)).clauses.length, 0],
    ['highlight(): a word, spaces and line breaks', () => highlight(`a${' \n'.repeat(500_000)}a`, 'a').ranges.length, 2],
  ])('%s', (_, run, expected) => {
    expect(run()).toEqual(expected)
  }, TIMEOUT)
})
