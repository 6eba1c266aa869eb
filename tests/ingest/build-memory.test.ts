/**
 * What a build holds, asserted on counts (DESIGN.md, "Build and CLI": the memory bound): no parsed
 * article once it is indexed, an NDJSON file read a chunk at a time as it is indexed, at most
 * READ_AHEAD whole files read ahead, and postings of a few bytes each while the index is built.
 * The figures at scale (1,000,000 articles) are `npm run bench:million`'s, in RELIABILITY.md.
 */
import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { buildIndex } from '../../src/build.js'
import { GrowingPostings } from '../../src/engine/store/growing-postings.js'
import type { Store } from '../../src/engine/store/store.js'
import { WritableNewsIndex } from '../../src/engine/writable-index.js'
import * as readInput from '../../src/ingest/read-input.js'
import type { Article } from '../../src/types.js'
import { generateArticles, makeTempDir, removeTempDirs } from '../helpers.js'

const READ_AHEAD = 16

vi.mock('../../src/ingest/read-input.js', { spy: true })

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

afterAll(removeTempDirs)
afterEach(() => {
  vi.restoreAllMocks()
})

/** `articles` as NDJSON lines. */
const ndjson = (articles: readonly Article[]): string => articles.map((a) => JSON.stringify(a)).join('\n')

describe('a build', () => {
  it('keeps no parsed article once it is indexed, in the middle of a file as after it', async () => {
    const dir = makeTempDir('newsdex-retained-')
    const articles = generateArticles(9000, 3)
    // About 3.6 MB: four chunks of reading, with I/O between them.
    await writeFile(join(dir, 'a.ndjson'), ndjson(articles.slice(0, 8000)))
    await writeFile(join(dir, 'b.json'), JSON.stringify(articles.slice(8000, 8900)))
    for (const a of articles.slice(8900)) await writeFile(join(dir, `${a.id}.md`), `---\ntitle: ${a.title}\n---\n${a.body}\n`)
    const parsed: WeakRef<Article>[] = []
    // Patched by hand: a spy would keep every argument in its list of calls.
    const add = WritableNewsIndex.prototype.add
    WritableNewsIndex.prototype.add = function (this: WritableNewsIndex, article: Article) {
      parsed.push(new WeakRef(article))
      add.call(this, article)
    }
    let midFile = -1
    let built
    try {
      built = await buildIndex({
        patterns: '*',
        cwd: dir,
        onProgress: (p) => {
          if (p.articles !== 7000) return
          // Within a.ndjson, about three chunks in: the articles of its first chunk and a half
          // (read, parsed and indexed before the I/O of the later chunks) are gone. Those of the
          // chunk being parsed stay reachable from their WeakRefs until this task ends.
          gc()
          midFile = parsed.slice(0, 3500).filter((ref) => ref.deref() !== undefined).length
        },
      })
    } finally {
      WritableNewsIndex.prototype.add = add
    }
    const { index, errors } = built
    expect(errors).toEqual([])
    expect(index.size).toBe(9000)
    expect(parsed).toHaveLength(9000)
    // One may stay reachable from a stale slot of the suspended reading frame (V8 keeps the
    // article 1,280 there, run after run); a build that held the file's articles would hold 3,500.
    expect(midFile).toBeGreaterThanOrEqual(0)
    expect(midFile).toBeLessThanOrEqual(1)
    await new Promise((resolve) => setTimeout(resolve, 0))
    gc()
    // The index holds each article's strings (title, body, values), never the article object.
    expect(parsed.filter((ref) => ref.deref() !== undefined)).toHaveLength(0)
  })

  it(`reads an NDJSON file ${readInput.READ_CHUNK_BYTES / 2 ** 20} MiB at a time and indexes it as it goes`, async () => {
    const dir = makeTempDir('newsdex-chunks-')
    const articles = generateArticles(12_000, 4)
    const text = ndjson(articles)
    expect(text.length).toBeGreaterThan(3 * readInput.READ_CHUNK_BYTES)
    await writeFile(join(dir, 'big.ndjson'), text)
    // Every read of a file handle is logged, and every article indexed.
    const handle = await open(join(dir, 'big.ndjson'))
    const prototype = Object.getPrototypeOf(handle) as { read: (...args: unknown[]) => Promise<{ bytesRead: number }> }
    await handle.close()
    const original = prototype.read
    const events: string[] = []
    vi.spyOn(prototype, 'read').mockImplementation(async function (this: unknown, ...args: unknown[]) {
      const result = await original.apply(this, args)
      events.push(`read ${result.bytesRead}`)
      return result
    })
    const { index } = await buildIndex({ patterns: '*', cwd: dir, onProgress: (p) => events.push(`article ${p.articles}`) })
    expect(index.size).toBe(12_000)
    const reads = events.filter((e) => e.startsWith('read'))
    // 1 MiB at a time, then the read that finds the end.
    expect(reads.length).toBe(Math.ceil(Buffer.byteLength(text) / readInput.READ_CHUNK_BYTES) + 1)
    expect(reads.every((e) => Number(e.split(' ')[1]) <= readInput.READ_CHUNK_BYTES)).toBe(true)
    // Articles are indexed before the last chunk is read: the file is never held whole.
    expect(events.indexOf('article 1')).toBeLessThan(events.lastIndexOf(reads.at(-2)!))
    expect(events.indexOf('article 1')).toBeGreaterThan(0)
  })

  it(`reads at most ${READ_AHEAD} whole files ahead of the one it indexes`, async () => {
    const dir = makeTempDir('newsdex-ahead-')
    const articles = generateArticles(60, 5)
    for (const a of articles) await writeFile(join(dir, `${a.id}.md`), `---\ntitle: ${a.title}\n---\n${a.body}\n`)
    const events: string[] = []
    vi.mocked(readInput.readWhole).mockImplementation(async (path: string) => {
      events.push('start')
      return (await vi.importActual<typeof readInput>('../../src/ingest/read-input.js')).readWhole(path)
    })
    let ahead = 0
    await buildIndex({
      patterns: '*.md',
      cwd: dir,
      onProgress: (p) => {
        ahead = Math.max(ahead, events.length - p.done)
      },
    })
    expect(events).toHaveLength(60)
    expect(ahead).toBeLessThanOrEqual(READ_AHEAD)
    expect(ahead).toBeGreaterThan(1)
  })

  it('keeps postings in about 3 bytes each while it builds (at most 1.5× that with the room to grow)', async () => {
    const dir = makeTempDir('newsdex-postings-')
    await writeFile(join(dir, 'a.ndjson'), ndjson(generateArticles(5000, 6)))
    const { index } = await buildIndex({ patterns: '*', cwd: dir })
    let postings = 0
    let bytes = 0
    for (const [, entry] of (index as unknown as { store: Store }).store.terms) {
      expect(entry.postings).toBeInstanceOf(GrowingPostings)
      postings += entry.df
      bytes += (entry.postings as GrowingPostings).capacity
    }
    expect(postings).toBeGreaterThan(100_000)
    // Three JavaScript arrays of numbers took about 38 bytes a posting.
    expect(bytes / postings).toBeLessThan(5)
  })
})
