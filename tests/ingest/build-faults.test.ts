/**
 * Faults during a build, with real files in a temporary directory: a file that cannot be read (as
 * root, permissions block nothing, so the unreadable file is a link to /proc/self/mem, whose first
 * page cannot be read: EIO), files that vanish or turn into a FIFO or a directory after the glob,
 * a file that changes while it is read, and a disk error while the index is written (a child
 * process with a file size limit: EFBIG). Each read fault is reported with the file's path and the
 * build goes on with the other files; the write error fails the build naming the path, and leaves
 * the previous index intact and no temporary file.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex, NewsIndex, writeIndex } from '../../src/build.js'
import { READ_ATTEMPTS } from '../../src/ingest/build-index.js'
import { makeTempDir, removeTempDirs, REPO_ROOT, run } from '../helpers.js'

const CLI = join(REPO_ROOT, 'dist', 'cli.js')

afterAll(removeTempDirs)

/** One NDJSON record. */
const record = (id: string, body = `Rocket report number ${id}.`): string => JSON.stringify({ id, title: `Report ${id}`, body, date: '2020-01-01' })

/** `count` records `<prefix>0`…, one a line. */
const records = (prefix: string, count: number): string => Array.from({ length: count }, (_, i) => record(`${prefix}${i}`)).join('\n')

describe('a build over files that cannot be read', () => {
  it('reports a file whose read fails (EIO) and indexes the others', async () => {
    const dir = makeTempDir('newsdex-eio-')
    writeFileSync(join(dir, 'a.ndjson'), records('a', 3))
    symlinkSync('/proc/self/mem', join(dir, 'b.md'))
    writeFileSync(join(dir, 'c.md'), '---\ntitle: C\n---\nRocket.\n')
    const { index, errors } = await buildIndex({ patterns: '*', cwd: dir })
    expect(errors).toEqual([{ path: 'b.md', message: expect.stringMatching(/^cannot read the file: EIO/) }])
    expect(index.size).toBe(4)
  })

  it('reports files that vanish, or become a directory or a FIFO, after the glob; a FIFO never blocks the build', async () => {
    const dir = makeTempDir('newsdex-vanish-')
    // 20 files: the read-ahead (16) has not reached the last ones when the first is indexed.
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.md`), `---\ntitle: F${i}\n---\nRocket ${i}.\n`)
    let changed = false
    const { index, errors } = await buildIndex({
      patterns: '*.md',
      cwd: dir,
      onProgress: () => {
        if (changed) return
        changed = true
        rmSync(join(dir, 'f17.md'))
        rmSync(join(dir, 'f18.md'))
        mkdirSync(join(dir, 'f18.md'))
        rmSync(join(dir, 'f19.md'))
        execFileSync('mkfifo', [join(dir, 'f19.md')])
      },
    })
    expect(errors).toEqual([
      { path: 'f17.md', message: expect.stringMatching(/^cannot read the file: ENOENT/) },
      { path: 'f18.md', message: 'cannot read the file: not a regular file' },
      { path: 'f19.md', message: 'cannot read the file: not a regular file' },
    ])
    expect(index.size).toBe(17)
  })

  it('reports an NDJSON file that fails in the middle as a whole, and keeps none of its articles', async () => {
    const dir = makeTempDir('newsdex-binary-')
    writeFileSync(join(dir, 'a.ndjson'), `${records('a', 300)}\n{"id":"x","title":"X\u0000","body":"x"}\n${records('b', 10)}`)
    writeFileSync(join(dir, 'b.ndjson'), records('c', 2))
    const { index, errors } = await buildIndex({ patterns: '*', cwd: dir })
    expect(errors).toEqual([{ path: 'a.ndjson', message: 'the file is binary, not text' }])
    expect(index.size).toBe(2)
  })
})

describe('a build over a file that changes while it is read', () => {
  // 600 records: the first 256 are indexed (and progress reported) before the read reaches the end.
  function setUp(): { dir: string; file: string } {
    const dir = makeTempDir('newsdex-changing-')
    const file = join(dir, 'b.ndjson')
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\n---\nRocket.\n')
    writeFileSync(file, records('old', 600))
    writeFileSync(join(dir, 'c.md'), '---\ntitle: C\n---\nRocket.\n')
    return { dir, file }
  }

  it('reads it again when it changed once, and indexes what it holds then', async () => {
    const { dir, file } = setUp()
    let reads = 0
    let changes = 0
    const { index, errors } = await buildIndex({
      patterns: '*',
      cwd: dir,
      onProgress: (p) => {
        if (p.path !== 'b.ndjson' || p.done !== 1) return
        // The first progress report of each read of b.ndjson.
        if (p.articles === 2) reads++
        if (reads === 1 && changes === 0) {
          changes++
          writeFileSync(file, records('new', 600))
          appendFileSync(file, `\n${record('new600')}`)
        }
      },
    })
    expect(errors).toEqual([])
    expect(reads).toBe(2)
    expect(index.size).toBe(2 + 601)
    expect(index.has('old0')).toBe(false)
    expect(index.has('new600')).toBe(true)
  })

  it(`reports it and goes on when it changes during each of ${READ_ATTEMPTS} reads`, async () => {
    const { dir, file } = setUp()
    let changes = 0
    const { index, errors } = await buildIndex({
      patterns: '*',
      cwd: dir,
      onProgress: (p) => {
        if (p.path !== 'b.ndjson' || p.done !== 1 || p.articles !== 2) return
        changes++
        appendFileSync(file, `\n${record(`more${changes}`)}`)
      },
    })
    expect(changes).toBe(READ_ATTEMPTS)
    expect(errors).toEqual([{ path: 'b.ndjson', message: expect.stringMatching(new RegExp(`^changed while it was read \\(.*\\), ${READ_ATTEMPTS} times; skipped$`)) }])
    // a.md and c.md, and nothing of b.ndjson.
    expect(index.size).toBe(2)
    expect(index.has('old0')).toBe(false)
  })
})

describe('a disk error while the index is written', () => {
  it('fails the build naming the path, and leaves the previous index and no temporary file', async () => {
    const dir = makeTempDir('newsdex-efbig-')
    writeFileSync(join(dir, 'small.ndjson'), records('s', 3))
    writeFileSync(join(dir, 'big.ndjson'), records('b', 300))
    const out = join(dir, 'news.idx')
    const { index } = await buildIndex({ patterns: 'small.ndjson', cwd: dir })
    await writeIndex(index, out)
    const before = readFileSync(out)
    // The CLI in a shell with a file size limit of 8 blocks (4 or 8 KiB, by shell) and SIGXFSZ
    // ignored: the write past it fails with EFBIG, as on a full disk.
    const script = `ulimit -f 8 && trap '' XFSZ && exec "${process.execPath}" "${CLI}" build big.ndjson --cwd "${dir}" --out "${out}"`
    const result = run('sh', ['-c', script])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^newsdex: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: EFBIG: file too large.* \\[E_IO\\]\\n$`))
    expect(readFileSync(out).equals(before)).toBe(true)
    expect(NewsIndex.load(readFileSync(out)).size).toBe(3)
    expect(readdirSync(dir).sort()).toEqual(['big.ndjson', 'news.idx', 'small.ndjson'])
  })
})
