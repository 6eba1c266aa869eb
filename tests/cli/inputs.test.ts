import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/indexer.js'
import { BUILD_HINT, DIST, makeTempDir, removeTempDirs, REPO_ROOT, runNode, type RunResult } from '../helpers.js'

const cli = (args: readonly string[], cwd: string): RunResult => runNode([DIST.cli, ...args], { cwd })

const line = (record: Record<string, unknown>): string => JSON.stringify(record)

/** An NDJSON feed like Reuters': two articles, then records without text (lines 3 and 5). */
const FEED = [
  line({ id: 'a', title: 'Cocoa prices rise', body: "Brazil's cocoa crop is late, traders said.", date: '1987-02-26' }),
  line({ id: 'b', title: 'Oil falls', body: 'Crude oil fell in New York.', date: '1987-03-02' }),
  line({ id: 'c', date: '1987-03-03', places: ['usa'] }),
  line({ id: 'd', title: 'Wheat exports', body: 'Wheat exports rose.', date: '1987-03-04' }),
  line({ id: 'e', title: '', body: '   ' }),
].join('\n')

let dir: string

beforeAll(() => {
  if (!existsSync(DIST.cli)) throw new Error(`${DIST.cli} is missing: ${BUILD_HINT}`)
  dir = makeTempDir('newsdex-inputs-')
  writeFileSync(join(dir, 'feed.jsonl'), `${FEED}\n`)
  writeFileSync(join(dir, 'bad.jsonl'), [FEED.split('\n')[0], '{ "title": "broken", ', line({ id: 'z', title: 'T', body: 'B', date: 'someday' })].join('\n'))
  writeFileSync(
    join(dir, 'mapped.json'),
    JSON.stringify([
      { guid: 'm1', headline: 'Harvest begins', content: 'The harvest began in Bahia.', published: '2004-05-01', tags: ['cocoa', 'brazil'], category: 'business' },
      { guid: 'm2', headline: 'Teaser only', description: 'A short teaser about rubber.', published: '2004-05-02' },
    ]),
  )
})

afterAll(removeTempDirs)

describe('newsdex build: records without text', () => {
  it('skips them with one summary line and a count, and exits 0', () => {
    const out = join(dir, 'feed.idx')
    const result = cli(['build', 'feed.jsonl', '--out', out], dir)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr.trim().split('\n')).toEqual(['newsdex build: 2 records without text skipped (--strict to fail on them)'])
    expect(result.stdout).toMatch(/^indexed 3 article\(s\)/)
    expect(NewsIndex.load(readFileSync(out)).size).toBe(3)
  })

  it('with --strict makes each of them an error naming file:line, exits 1 and writes nothing', () => {
    const out = join(dir, 'strict.idx')
    const result = cli(['build', 'feed.jsonl', '--out', out, '--strict'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('error: feed.jsonl:3: the article has no text')
    expect(result.stderr).toContain('error: feed.jsonl:5: the article has no text')
    expect(result.stderr).toContain('newsdex build: 2 errors in 1 file; ')
    expect(existsSync(out)).toBe(false)
  })

  it('still fails on real errors, one line each with file:line', () => {
    const result = cli(['build', 'bad.jsonl', '--out', join(dir, 'bad.idx')], dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^error: bad\.jsonl:2: invalid JSON/m)
    expect(result.stderr).toMatch(/^error: bad\.jsonl:3: date "someday" is not a recognizable date/m)
    expect(result.stderr).toContain('newsdex build: 2 errors in 1 file;')
  })

  it('--json prints a summary with the skipped count', () => {
    const result = cli(['build', 'feed.jsonl', '--out', join(dir, 'json.idx'), '--json', '--quiet'], dir)
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ articles: 3, skipped: 2, errors: 0 })
    expect(result.stderr).toBe('')
  })
})

describe('--quiet and --json, for scripts', () => {
  it('build --json prints one summary object, written or not, with every error in it', () => {
    const ok = cli(['build', 'feed.jsonl', '--out', join(dir, 'j1.idx'), '--json'], dir)
    expect(ok.status).toBe(0)
    expect(ok.stderr).toBe('')
    const summary = JSON.parse(ok.stdout)
    expect(summary).toMatchObject({ out: join(dir, 'j1.idx'), written: true, articles: 3, skipped: 2, errors: 0, failures: [] })
    expect(Object.keys(summary)).toEqual(['out', 'written', 'articles', 'skipped', 'errors', 'failures', 'terms', 'bytes', 'seconds'])
    const failed = cli(['build', 'bad.jsonl', '--out', join(dir, 'j2.idx'), '--json'], dir)
    expect(failed.status).toBe(1)
    expect(JSON.parse(failed.stdout)).toMatchObject({ written: false, bytes: null, errors: 2, failures: [{ path: 'bad.jsonl', line: 2 }, { path: 'bad.jsonl', line: 3, message: 'date "someday" is not a recognizable date' }] })
    expect(existsSync(join(dir, 'j2.idx'))).toBe(false)
  })

  it('build --quiet prints nothing on success, and only the errors on failure', () => {
    const ok = cli(['build', 'feed.jsonl', '--out', join(dir, 'q1.idx'), '--quiet'], dir)
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, '', ''])
    const failed = cli(['build', 'bad.jsonl', '--out', join(dir, 'q2.idx'), '-q'], dir)
    expect(failed.status).toBe(1)
    expect(failed.stdout).toBe('')
    expect(failed.stderr).toMatch(/^error: bad\.jsonl:2: invalid JSON/)
  })

  it('search --quiet prints the hits only; search --json only the response', () => {
    const out = join(dir, 'q3.idx')
    cli(['build', 'feed.jsonl', '--out', out, '-q'], dir)
    const quiet = cli(['search', out, 'cocoa OR', '--quiet'], dir)
    expect(quiet.stderr).toBe('')
    expect(quiet.stdout.split('\n')[0]).toBe('1. Cocoa prices rise')
    const noisy = cli(['search', out, 'cocoa OR'], dir)
    expect(noisy.stderr).toContain('note:')
    const json = cli(['search', out, 'cocoa', '--json'], dir)
    expect(json.stderr).toBe('')
    expect(JSON.parse(json.stdout).hits.map((h: { id: string }) => h.id)).toEqual(['a'])
  })
})

describe('newsdex build --field', () => {
  it('maps input keys to article fields; lists in meta read as text; a description stands in for a missing body', () => {
    const out = join(dir, 'mapped.idx')
    const result = cli(['build', 'mapped.json', '--out', out, '--field', 'id=guid', '--field', 'title=headline', '--field', 'body=content', '--field', 'body=description'], dir)
    expect(result.status, result.stderr).toBe(0)
    const index = NewsIndex.load(readFileSync(out))
    expect(index.size).toBe(2)
    const harvest = index.search('harvest').hits[0]!.article
    expect(harvest).toMatchObject({ id: 'm1', title: 'Harvest begins', date: '2004-05-01' })
    expect(harvest.meta).toEqual({ tags: 'cocoa, brazil', category: 'business' })
    expect(index.search('rubber').hits.map((h) => h.id)).toEqual(['m2'])
  })

  it('rejects an unknown article field with the usage', () => {
    const result = cli(['build', 'mapped.json', '--out', join(dir, 'x.idx'), '--field', 'heading=headline'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("unknown article field 'heading'")
  })
})

describe('newsdex build --facet and search --filter', () => {
  it('stores a JSON key as a keyword field that search filters by and inspect counts', () => {
    const out = join(dir, 'facets.idx')
    const built = cli(['build', 'mapped.json', '--out', out, '--field', 'id=guid', '--field', 'title=headline', '--field', 'body=content', '--facet', 'category', '--facet', 'tags'], dir)
    expect(built.status, built.stderr).toBe(0)
    const index = NewsIndex.load(readFileSync(out))
    expect(index.options.facets).toEqual(['category', 'tags'])
    expect(index.search('', { facets: ['tags'] }).facets.tags).toEqual([{ value: 'brazil', count: 1 }, { value: 'cocoa', count: 1 }])
    const found = cli(['search', out, '--filter', 'category=business'], dir)
    expect(found.status, found.stderr).toBe(0)
    expect(found.stdout).toMatch(/^1 hit\(s\)/)
    expect(found.stdout).toContain('Harvest begins')
    expect(found.stdout).toContain('business · cocoa, brazil')
    expect(cli(['search', out, '--filter', 'category=sport'], dir).stdout).toMatch(/^0 hit\(s\)/)
    expect(cli(['search', out, '--filter', 'category'], dir).stderr).toContain('--filter must be <field>=<value>')
    expect(cli(['inspect', out], dir).stdout).toMatch(/^category: business \(1\)$/m)
  })

  it('refuses a built-in name', () => {
    const result = cli(['build', 'mapped.json', '--out', join(dir, 'x.idx'), '--facet', 'source'], dir)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("'source' is a built-in field")
  })
})

describe('newsdex build --site and feeds', () => {
  const fixtures = join(REPO_ROOT, 'tests', 'fixtures')

  it('indexes the article pages of a built site with their URLs, counting the pages without one', () => {
    const out = join(dir, 'site.idx')
    const result = cli(['build', '--site', join(fixtures, 'site'), '--out', out], dir)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr.trim()).toBe('newsdex build: 3 pages without an article skipped (--strict to fail on them)')
    expect(result.stdout).toMatch(/^indexed 3 article\(s\)/)
    const index = NewsIndex.load(readFileSync(out))
    expect(index.search('cocoa').hits.map((h) => h.article.url)).toEqual(['/blog/2020/cocoa/'])
  })

  it('indexes RSS and Atom feeds given as globs, an article per item', () => {
    const out = join(dir, 'feeds.idx')
    const result = cli(['build', 'feeds/*.rss', 'feeds/*.atom', '--out', out, '--facet', 'category'], fixtures)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr.trim()).toBe('newsdex build: 1 record without text skipped (--strict to fail on them)')
    const index = NewsIndex.load(readFileSync(out))
    expect(index.size).toBe(4)
    expect(index.search('', { facets: ['category'] }).facets.category!.map((c) => c.value).sort()).toEqual(['business', 'commodities', 'oil', 'world'])
  })

  it('needs globs or --site', () => {
    const result = cli(['build', '--out', join(dir, 'none.idx')], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('build needs at least one glob of input files, or --site <dir>')
  })
})

describe('newsdex build progress', () => {
  it('prints nothing on stderr when it is not a terminal', () => {
    const result = cli(['build', 'feed.jsonl', '--out', join(dir, 'p1.idx')], dir)
    expect(result.stderr).not.toContain('\r')
    expect(result.stderr).not.toContain('indexing')
  })

  it('--progress always draws one updating line on stderr and erases it', () => {
    // Enough records that the build outlasts the 100 ms redraw period.
    const records = Array.from({ length: 3000 }, (_, i) => line({ id: `n${i}`, title: `Story ${i}`, body: `Rocket number ${i} landed near Baghdad airport, AP said.` }))
    writeFileSync(join(dir, 'many.jsonl'), records.join('\n'))
    const result = cli(['build', 'many.jsonl', '--out', join(dir, 'p2.idx'), '--progress', 'always'], dir)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/\rindexing: [\d,]+ articles · \d+% · [\d,]+\/s · ETA \S+\u001b\[K/)
    expect(result.stderr).toContain('\r\u001b[K')
    expect(result.stderr.split('\n').length).toBe(1)
  }, 60_000)
})

describe('help and version', () => {
  it.each([
    ['build', ['--field <field>=<key>', '--strict', '--progress <when>', 'examples:']],
    ['search', ['--limit, -n N', '--color <when>', '--json', 'examples:']],
    ['inspect', ['--json']],
  ])('newsdex %s --help describes its flags and exits 0', (command, flags) => {
    const result = cli([command, '--help'], REPO_ROOT)
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(`usage: newsdex ${command}`)
    for (const flag of flags) expect(result.stdout).toContain(flag)
  })

  it('newsdex --version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    const result = cli(['--version'], REPO_ROOT)
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toBe(version)
  })

  it('an unknown option is named plainly, with balanced quotes', () => {
    const result = cli(['build', '--bogus'], REPO_ROOT)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("newsdex: unknown option '--bogus'\n")
    expect(result.stderr).toContain('newsdex build --help')
  })
})

describe('newsdex search output', () => {
  let out: string
  beforeAll(() => {
    out = join(dir, 'search.idx')
    const built = cli(['build', 'feed.jsonl', '--out', out], dir)
    if (built.status !== 0) throw new Error(built.stderr)
  })

  it('prints plain text when piped: no <mark>, entities decoded', () => {
    const result = cli(['search', out, 'cocoa'], dir)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("Brazil's cocoa crop is late")
    expect(result.stdout).not.toMatch(/<mark>|&#39;|&amp;/)
  })

  it('--color always marks matches in bold yellow; --json keeps the HTML', () => {
    const colored = cli(['search', out, 'cocoa', '--color', 'always'], dir)
    expect(colored.stdout).toContain('\u001b[1;33mcocoa\u001b[0m')
    expect(colored.stdout).toContain("Brazil's")
    const json = cli(['search', out, 'cocoa', '--json'], dir)
    expect(JSON.parse(json.stdout).hits[0].highlight.snippets.join(' ')).toContain('<mark>cocoa</mark>')
  })
})
