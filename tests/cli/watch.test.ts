/**
 * `newsdex build --cache` and `--watch`, end to end: a second build parses only what changed; a
 * watching build rebuilds when an input changes, and ignores what it writes itself.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { NewsIndex } from '../../src/indexer.js'
import { buildCommand } from '../../src/cli/build-command.js'
import { watchRoots } from '../../src/cli/watch.js'
import { BuildCache } from '../../src/ingest/build-cache.js'
import { BUILD_HINT, DIST, makeTempDir, removeTempDirs, runNode } from '../helpers.js'

const story = (title: string, body: string): string => `---\ntitle: ${title}\ndate: 2020-06-23\n---\n${body}\n`

beforeAll(() => {
  if (!existsSync(DIST.cli)) throw new Error(`${DIST.cli} is missing: ${BUILD_HINT}`)
})
afterAll(removeTempDirs)

function archive(): string {
  const dir = makeTempDir('newsdex-watch-')
  writeFileSync(join(dir, 'a.md'), story('Rocket attack', 'A rocket landed near Baghdad airport.'))
  writeFileSync(join(dir, 'b.md'), story('Oil falls', 'Crude oil fell in New York.'))
  return dir
}

describe('watchRoots()', () => {
  it('watches the static start of a glob recursively, and the directory of a plain path', () => {
    expect(watchRoots(['news/**/*.md', 'news/2020/*.md', 'feed.jsonl', 'x/y.rss'], '/site')).toEqual([
      { dir: '/site/news', recursive: true },
      { dir: '/site/news/2020', recursive: true },
      { dir: '/site', recursive: false },
      { dir: '/site/x', recursive: false },
    ])
    expect(watchRoots(['**/*.html', 'index.html'], '/site')).toEqual([{ dir: '/site', recursive: true }])
  })
})

describe('newsdex build --cache', () => {
  it('parses only the files that changed since the last build, and writes the same index', () => {
    const dir = archive()
    const args = ['build', '*.md', '--out', 'news.idx', '--cache', '.cache/newsdex.json']
    const first = runNode([DIST.cli, ...args], { cwd: dir })
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('(2 files parsed, 0 from the cache)')
    const bytes = readFileSync(join(dir, 'news.idx'))
    const second = runNode([DIST.cli, ...args], { cwd: dir })
    expect(second.stdout).toContain('(0 files parsed, 2 from the cache)')
    expect(readFileSync(join(dir, 'news.idx')).equals(bytes)).toBe(true)
    writeFileSync(join(dir, 'b.md'), story('Oil rises', 'Crude oil rose in New York.'))
    const third = runNode([DIST.cli, ...args, '--json'], { cwd: dir })
    expect(JSON.parse(third.stdout)).toMatchObject({ articles: 2, files: { parsed: 1, reused: 1 } })
  })
})

describe('newsdex build --cache, the time it reports', () => {
  it('counts reading the cache file', async () => {
    const dir = archive()
    const load = BuildCache.load.bind(BuildCache)
    const slow = vi.spyOn(BuildCache, 'load').mockImplementation(async (file, options) => {
      await new Promise((wait) => setTimeout(wait, 400))
      return load(file, options)
    })
    try {
      const out: string[] = []
      const code = await buildCommand(['*.md', '--out', join(dir, 'news.idx'), '--cache', join(dir, 'cache.json'), '--cwd', dir, '--json'], { out: (line) => out.push(line), err: () => {} })
      expect(code).toBe(0)
      expect(slow).toHaveBeenCalledTimes(1)
      expect(JSON.parse(out[0]!).seconds).toBeGreaterThanOrEqual(0.4)
    } finally {
      slow.mockRestore()
    }
  })
})

describe('newsdex build --cache, when the cache cannot be saved', () => {
  it('writes the index, then fails naming the cache file', () => {
    const dir = archive()
    // A directory where the cache file should be: it reads as an empty cache, and cannot be written.
    mkdirSync(join(dir, 'cache.json'))
    const result = runNode([DIST.cli, 'build', '*.md', '--out', 'news.idx', '--cache', 'cache.json'], { cwd: dir })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/cache\.json.*\[E_IO\]/)
    expect(NewsIndex.load(readFileSync(join(dir, 'news.idx'))).size).toBe(2)
  })
})

describe('newsdex build --watch', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill()
    child = undefined
  })

  it('rebuilds when an input changes or appears, parsing only that file', async () => {
    const dir = archive()
    child = spawn(process.execPath, [DIST.cli, 'build', '*.md', '--out', 'news.idx', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    const waiters: { test: () => boolean; done: () => void }[] = []
    const check = (): void => {
      for (const waiter of waiters.splice(0)) if (waiter.test()) waiter.done()
      else waiters.push(waiter)
    }
    child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); check() })
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); check() })
    const until = (test: () => boolean): Promise<void> => new Promise((done) => { waiters.push({ test, done }); check() })
    /** Writes a file until a new line of output says it was seen (the watchers of a new directory tree start asynchronously). */
    const change = async (name: string, text: string): Promise<void> => {
      const before = lines().length
      for (let attempt = 0; lines().length === before; attempt++) {
        writeFileSync(join(dir, name), text)
        await Promise.race([until(() => lines().length > before), new Promise((wait) => setTimeout(wait, 1000 * (attempt + 1)))])
      }
    }
    const lines = (): string[] => stdout.split('\n').filter(Boolean)

    await until(() => stderr.includes('watching for changes'))
    expect(lines()).toHaveLength(1)
    expect(lines()[0]).toMatch(/^indexed 2 article\(s\).*\(2 files parsed, 0 from the cache\)$/)

    await change('c.md', story('Cocoa harvest', 'Rains delayed the cocoa harvest in Bahia.'))
    expect(lines()[1]).toMatch(/^indexed 3 article\(s\).*\(1 file parsed, 2 from the cache\)$/)
    expect(NewsIndex.load(readFileSync(join(dir, 'news.idx'))).search('cocoa').hits.map((h) => h.id)).toEqual(['c'])

    await change('a.md', story('Rocket attack', 'Two rockets landed near Baghdad airport.'))
    expect(lines()[2]).toMatch(/^indexed 3 article\(s\).*\(1 file parsed, 2 from the cache\)$/)
    expect(NewsIndex.load(readFileSync(join(dir, 'news.idx'))).get('a')!.body).toContain('Two rockets')
    expect(stderr).not.toContain('error')
  }, 60_000)
})
