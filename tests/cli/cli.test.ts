import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORMAT_VERSION, NewsIndex } from '../../src/indexer.js'
import type { SearchResponse } from '../../src/types.js'
import { decodeContainer } from '../../src/format/container.js'
import type { Manifest } from '../../src/format/manifest.js'
import { BUILD_HINT, DIST, makeTempDir, removeTempDirs, REPO_ROOT, runNode, type RunResult } from '../helpers.js'

/** Runs the built CLI; `cwd` defaults to the repository root so that `seeds/**` resolves. */
const cli = (args: readonly string[], cwd = REPO_ROOT): RunResult => runNode([DIST.cli, ...args], { cwd })

const article = (id: string, title: string, body: string, date: string): string => JSON.stringify({ id, title, body, date, source: ['AP'] })

let work: string
let seedsIndex: string

beforeAll(() => {
  if (!existsSync(DIST.cli)) throw new Error(`${DIST.cli} is missing: ${BUILD_HINT}`)
  work = makeTempDir('newsdex-cli-')
  seedsIndex = join(work, 'seeds.idx')
  const built = cli(['build', 'seeds/**/*.txt', '--out', seedsIndex])
  if (built.status !== 0) throw new Error(`newsdex build of the seeds failed (${built.status}):\n${built.stderr}`)
})

afterAll(removeTempDirs)

describe('newsdex build', () => {
  it('indexes the seeds, exits 0 and writes a loadable index', () => {
    expect(statSync(seedsIndex).size).toBeGreaterThan(0)
    const index = NewsIndex.load(readFileSync(seedsIndex))
    expect(index.size).toBe(1)
    expect(index.has('seeds/000_cc6d660af43d4c59')).toBe(true)
  })

  it('reports what it wrote on stdout', () => {
    const out = join(makeTempDir(), 'again.idx')
    const result = cli(['build', 'seeds/**/*.txt', '--out', out])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/indexed 1 article\(s\)/)
    expect(result.stdout).toContain(out)
    expect(cli(['build', 'seeds/**/*.txt', '--out', join(makeTempDir(), 'quiet.idx'), '--quiet']).stdout).toBe('')
  })

  describe('with a bad input file', () => {
    function inputs(): { dir: string; out: string; outDir: string } {
      const dir = makeTempDir('newsdex-in-')
      writeFileSync(join(dir, 'good.json'), article('good', 'Rocket lands', 'A rocket landed near the airport.', '2020-06-23'))
      writeFileSync(join(dir, 'bad.json'), '{ "title": "broken", ')
      const outDir = join(makeTempDir('newsdex-out-'), 'nested')
      return { dir, out: join(outDir, 'news.idx'), outDir }
    }

    it('exits non-zero, names the bad file and writes nothing, not even a temporary file', () => {
      const { dir, out, outDir } = inputs()
      const result = cli(['build', '*.json', '--cwd', dir, '--out', out])
      expect(result.status).not.toBe(0)
      expect(result.stderr).toContain('bad.json')
      expect(result.stderr).not.toContain('good.json')
      expect(existsSync(out)).toBe(false)
      expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([])
    })

    it('leaves an older output file untouched', () => {
      const { dir, out, outDir } = inputs()
      mkdirSync(outDir, { recursive: true })
      writeFileSync(out, 'the previous index')
      const result = cli(['build', '*.json', '--cwd', dir, '--out', out])
      expect(result.status).not.toBe(0)
      expect(readFileSync(out, 'utf8')).toBe('the previous index')
      expect(readdirSync(outDir)).toEqual(['news.idx'])
    })

    it('with --keep-going writes the good articles and still exits non-zero', () => {
      const { dir, out, outDir } = inputs()
      const result = cli(['build', '*.json', '--cwd', dir, '--out', out, '--keep-going'])
      expect(result.status).not.toBe(0)
      expect(result.stderr).toContain('bad.json')
      const index = NewsIndex.load(readFileSync(out))
      expect(index.size).toBe(1)
      expect(index.has('good')).toBe(true)
      expect(readdirSync(outDir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    })
  })

  it('--country passes the home country to every article', () => {
    const dir = makeTempDir('newsdex-home-')
    writeFileSync(join(dir, 'a.txt'), 'Council votes on budget\n\nThe council in Alexandria voted on Tuesday to raise the budget for schools.')
    const facet = (args: string[]): unknown => {
      const out = join(dir, `${args.length}.idx`)
      expect(cli(['build', '*.txt', '--cwd', dir, '--out', out, ...args]).status).toBe(0)
      return (JSON.parse(cli(['search', out, 'council', '--json']).stdout) as SearchResponse).hits[0]!.article.country
    }
    expect(facet([])).toEqual(['EG'])
    expect(facet(['--country', 'US'])).toEqual(['US'])
  })

  it('exits non-zero when no file matches, and writes nothing', () => {
    const out = join(makeTempDir(), 'none.idx')
    const result = cli(['build', 'no-such-dir/**/*.txt', '--out', out])
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('no-such-dir/**/*.txt')
    expect(existsSync(out)).toBe(false)
  })
})

describe('newsdex build --split', () => {
  const PART_FILE = /^split(?:\.(?:positions|display-0|text-0))?\.[0-9a-f]{8}\.idx$/

  it('writes content-hashed parts and a manifest naming them, and search reads them back with titles and marks', () => {
    const dir = makeTempDir()
    const out = join(dir, 'split.json')
    const built = cli(['build', 'seeds/**/*.txt', '--out', out, '--split'])
    expect(built.status, built.stderr).toBe(0)
    expect(built.stdout).toContain(`${out} and 4 parts`)
    const files = readdirSync(dir).sort()
    expect(files).toHaveLength(5)
    expect(files.filter((f) => f !== 'split.json').every((f) => PART_FILE.test(f)), files.join(' ')).toBe(true)
    const manifest = JSON.parse(readFileSync(out, 'utf8')) as Manifest
    expect(manifest).toMatchObject({ format: 'newsdex', version: FORMAT_VERSION, build: expect.any(String) })
    expect(Object.keys(manifest.parts).sort()).toEqual(['display-0', 'positions', 'search', 'text-0'])
    for (const [name, part] of Object.entries(manifest.parts)) {
      const bytes = readFileSync(join(dir, part.file))
      expect(part.bytes, name).toBe(bytes.length)
      expect(part.hash, name).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 8))
      expect(part.file, name).toContain(`.${part.hash}.idx`)
      // Every part carries the manifest's build fingerprint.
      expect((decodeContainer(bytes).meta as { build: string }).build, name).toBe(manifest.build)
    }
    // The search part alone holds no titles: they come from the display part beside it.
    expect(NewsIndex.load(readFileSync(join(dir, manifest.parts.search!.file))).search('rocket').hits[0]!.article.title).toBe('')
    const result = cli(['search', out, 'baghdad', 'airport'])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('A katyusha rocket landed')
    expect(result.stdout).toContain('landed in the vicinity of Baghdad airport')
    expect(result.stdout).not.toContain('<mark>')
    expect(cli(['inspect', out]).stdout).toContain('articles: 1')
  })

  it('--out news.idx names the manifest news.json; a rebuild of other articles replaces the parts of the build before', () => {
    const dir = makeTempDir()
    const inputs = join(dir, 'in')
    mkdirSync(inputs)
    writeFileSync(join(inputs, 'a.jsonl'), `${article('a', 'Rocket attack', 'A rocket hit the base.', '2020-01-02')}\n`)
    const first = cli(['build', 'in/*.jsonl', '--cwd', dir, '--out', join(dir, 'split.idx'), '--split', '--json'])
    expect(first.status, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ out: join(dir, 'split.json'), parts: 4 })
    const before = readdirSync(dir).filter((f) => PART_FILE.test(f)).sort()
    expect(before).toHaveLength(4)
    // A file the manifest does not name, even one that looks like a part, stays.
    writeFileSync(join(dir, 'split.display-9.0123abcd.idx'), 'kept')
    writeFileSync(join(inputs, 'a.jsonl'), `${article('a', 'Rocket attack', 'A rocket hit the base again.', '2020-01-02')}\n`)
    expect(cli(['build', 'in/*.jsonl', '--cwd', dir, '--out', join(dir, 'split.json'), '--split']).status).toBe(0)
    const after = readdirSync(dir).filter((f) => PART_FILE.test(f) || f.endsWith('.idx')).sort()
    expect(after).toContain('split.display-9.0123abcd.idx')
    expect(after.filter((f) => before.includes(f))).toEqual([])
    expect(after).toHaveLength(5)
    expect(cli(['search', join(dir, 'split.json'), 'again']).stdout).toMatch(/^1 hit/)
  })

  it('search still reads the older layout (<file> and <file>.<part> beside it)', () => {
    const dir = makeTempDir()
    const index = new NewsIndex()
    index.add({ id: 'x', title: 'Rocket attack', body: 'A rocket hit the base.', date: '2020-01-02', source: [], location: [], country: [] })
    for (const [name, bytes] of Object.entries(index.serializeParts())) writeFileSync(join(dir, name === 'search' ? 'old.idx' : `old.idx.${name}`), bytes)
    const result = cli(['search', join(dir, 'old.idx'), 'rocket'])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Rocket attack')
  })
})

describe('newsdex search', () => {
  it('prints the seed as plain text when stdout is not a terminal (no <mark> tags, no colour)', () => {
    const result = cli(['search', seedsIndex, 'rocket'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^1 hit\(s\) for "rocket"/)
    expect(result.stdout).toContain('A katyusha rocket landed in the vicinity of Baghdad airport')
    expect(result.stdout).not.toContain('<mark>')
    expect(result.stdout).toContain('seeds/000_cc6d660af43d4c59')
    expect(result.stdout).toContain('2020-06-23')
    expect(result.stdout).not.toContain('\u001b[')
  })

  it('joins several query words into one query', () => {
    const result = cli(['search', seedsIndex, '"baghdad', 'airport"'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^1 hit\(s\) for '"baghdad airport"' in /)
    expect(result.stdout).toContain('Baghdad airport')
    expect(result.stdout).not.toContain('<mark>')
  })

  it('prints a SearchResponse with --json', () => {
    const result = cli(['search', seedsIndex, 'rocket', '--json'])
    expect(result.status).toBe(0)
    const response = JSON.parse(result.stdout) as SearchResponse
    expect(response.total).toBe(1)
    expect(response.hits[0]!.id).toBe('seeds/000_cc6d660af43d4c59')
    expect(response.hits[0]!.highlight!.title).toContain('<mark>rocket</mark>')
    expect(response.hits[0]!.highlight!.snippets.length).toBeGreaterThan(0)
    expect(response.query.clauses).toEqual([{ type: 'term', value: 'rocket', negated: false }])
  })

  it('reports no hits without failing', () => {
    const result = cli(['search', seedsIndex, 'zanzibar', '--json'])
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 0, hits: [] })
  })

  describe('on a small archive', () => {
    let archive: string
    beforeAll(() => {
      const dir = makeTempDir('newsdex-archive-')
      writeFileSync(join(dir, 'a.json'), article('a', 'Rocket one', 'The first rocket.', '2020-01-01'))
      writeFileSync(join(dir, 'b.json'), article('b', 'Rocket two', 'The second rocket.', '2020-02-01'))
      writeFileSync(join(dir, 'c.json'), article('c', 'Rocket three', 'The third rocket.', '2020-03-01'))
      archive = join(dir, 'archive.idx')
      expect(cli(['build', '*.json', '--cwd', dir, '--out', archive]).status).toBe(0)
    })

    it('limits the hits with --limit, while the total counts them all', () => {
      const json = JSON.parse(cli(['search', archive, 'rocket', '--limit', '1', '--json']).stdout) as SearchResponse
      expect(json.hits).toHaveLength(1)
      expect(json.total).toBe(3)
      const text = cli(['search', archive, 'rocket', '--limit', '2']).stdout
      expect(text).toMatch(/^3 hit\(s\)/)
      expect(text).toMatch(/^1\. /m)
      expect(text).toMatch(/^2\. /m)
      expect(text).not.toMatch(/^3\. /m)
    })

    it('sorts and pages with --sort and --offset', () => {
      const json = JSON.parse(cli(['search', archive, 'rocket', '--sort', 'oldest', '--offset', '1', '--json']).stdout) as SearchResponse
      expect(json.hits.map((h) => h.id)).toEqual(['b', 'c'])
      expect(cli(['search', archive, 'rocket', '--sort', 'oldest', '--offset', '1']).stdout).toMatch(/^2\. /m)
    })

    it('filters with --from and --to', () => {
      const json = JSON.parse(cli(['search', archive, '--from', '2020-02-01', '--to', '2020-02-29', '--json']).stdout) as SearchResponse
      expect(json.hits.map((h) => h.id)).toEqual(['b'])
    })
  })

  it('exits 1 naming the file when the index is corrupt', () => {
    const corrupt = join(makeTempDir(), 'corrupt.idx')
    writeFileSync(corrupt, readFileSync(seedsIndex).subarray(0, 100))
    const result = cli(['search', corrupt, 'rocket'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(corrupt)
    expect(result.stderr).toContain('E_CORRUPT')
  })

  it('exits 1 naming the file when it is not an index or does not exist', () => {
    const text = join(makeTempDir(), 'notes.txt')
    writeFileSync(text, 'just some notes')
    const notIndex = cli(['search', text, 'rocket'])
    expect(notIndex.status).toBe(1)
    expect(notIndex.stderr).toContain(text)
    expect(notIndex.stderr).toContain('E_NOT_AN_INDEX')
    const missing = join(makeTempDir(), 'missing.idx')
    const result = cli(['search', missing, 'rocket'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(missing)
  })
})

describe('newsdex inspect', () => {
  it('prints articles, terms, bytes and the format version', () => {
    const result = cli(['inspect', seedsIndex])
    expect(result.status).toBe(0)
    const terms = NewsIndex.load(readFileSync(seedsIndex)).stats().terms
    expect(result.stdout).toContain(`format version ${FORMAT_VERSION}, ${statSync(seedsIndex).size} bytes`)
    expect(result.stdout).toMatch(/^articles:\s+1$/m)
    expect(result.stdout).toMatch(new RegExp(`^terms:\\s+${terms}$`, 'm'))
    expect(result.stdout).toMatch(/^dates:\s+2020-06-23 \.\. 2020-06-23$/m)
  })

  it('prints the same as JSON with --json', () => {
    const result = cli(['inspect', seedsIndex, '--json'])
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      format: 'newsdex',
      formatVersion: FORMAT_VERSION,
      bytes: statSync(seedsIndex).size,
      articles: 1,
      terms: NewsIndex.load(readFileSync(seedsIndex)).stats().terms,
      dateRange: { from: '2020-06-23', to: '2020-06-23' },
      options: { boost: { title: 2, body: 1 }, analyzer: 'english' },
    })
  })

  it('exits 1 naming a corrupt file', () => {
    const corrupt = join(makeTempDir(), 'corrupt.idx')
    const bytes = readFileSync(seedsIndex)
    bytes[bytes.length - 1]! ^= 0xff
    writeFileSync(corrupt, bytes)
    const result = cli(['inspect', corrupt])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(corrupt)
  })
})

describe('usage errors exit 2 with the usage', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['build without --out', ['build', 'seeds/**/*.txt']],
    ['build without globs', ['build', '--out', 'x.idx']],
    ['an unknown option', ['build', 'seeds/**/*.txt', '--out', 'x.idx', '--bogus']],
    ['search without a file', ['search']],
    ['a negative --limit', ['search', 'x.idx', 'rocket', '--limit=-1']],
    ['a --limit that is not a number', ['search', 'x.idx', 'rocket', '--limit', 'ten']],
    ['an unknown --sort', ['search', 'x.idx', 'rocket', '--sort', 'sideways']],
    ['an unknown --color', ['search', 'x.idx', 'rocket', '--color', 'purple']],
    ['inspect without a file', ['inspect']],
    ['a --country that is not an alpha-2 code', ['build', 'seeds/**/*.txt', '--out', 'x.idx', '--country', 'USA']],
  ])('%s', (_what, args) => {
    const result = cli(args, makeTempDir())
    expect(result.status).toBe(2)
    expect(result.stdout + result.stderr).toContain('usage:')
  })

  it('--help prints the usage and the commands, and exits 0', () => {
    const result = cli(['--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('newsdex build')
    expect(result.stdout).toContain('newsdex search')
    expect(result.stdout).toContain('newsdex inspect')
    expect(result.stdout).toContain('newsdex <command> --help')
  })
})
