/**
 * Incremental builds with a cache file (src/ingest/build-cache.ts): files trusted on their stat are
 * not read, cached analyses are not analyzed again, and after editing, adding and deleting files the
 * index bytes are those of a full build of the same inputs (one file and parts).
 */
import { readFileSync, rmSync, utimesSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BuildCache, buildIndex, type BuildIndexOptions } from '../../src/build.js'
import { makeTempDir, removeTempDirs } from '../helpers.js'

afterAll(removeTempDirs)

const WORDS = ['oil', 'Crude', 'U.S.', 'Iraq’s', 'café', 'GRAIN', 'wheat', 'fell', 'rose', 'Brazil', 'Ünïcode', "don't", 'Reuters', '1,655.8', 'tonnes']

/** A body of `n` words, some with literal surfaces, separated by varied punctuation. */
function body(seed: number, n: number): string {
  const gaps = [' ', ', ', '. ', '\n', ' (', ') ', ' - ']
  return Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]! + gaps[(seed + i) % gaps.length]).join('')
}

/** 600 JSON files of one article (three chunks of 256), an NDJSON file of three, and one without text. */
function archive(): string {
  const dir = makeTempDir('newsdex-incremental-')
  for (let i = 0; i < 600; i++) {
    writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.json`), JSON.stringify({ id: `a${i}`, title: `Title ${WORDS[i % WORDS.length]} ${i}`, body: i % 50 === 0 ? '' : body(i, 5 + (i % 40)), date: '1987-02-26', source: [`s${i % 3}`] }))
  }
  writeFileSync(join(dir, 'b.ndjson'), [0, 1, 2].map((i) => JSON.stringify({ id: `b${i}`, title: `Line ${i}`, body: body(1000 + i, 12) })).join('\n'))
  writeFileSync(join(dir, 'empty.json'), JSON.stringify({ id: 'empty' }))
  return dir
}

async function build(dir: string, cache?: string | BuildCache, extra: Partial<BuildIndexOptions> = {}) {
  const { index, errors, skipped } = await buildIndex({ patterns: ['*.json', '*.ndjson'], cwd: dir, ...(cache ? { cache } : {}), ...extra })
  return { bytes: Buffer.from(index.serialize()), parts: index.serializeParts({ chunkSize: 128 }), errors, skipped }
}

function expectSame(a: Awaited<ReturnType<typeof build>>, b: Awaited<ReturnType<typeof build>>): void {
  expect(a.bytes.equals(b.bytes)).toBe(true)
  expect(Object.keys(a.parts)).toEqual(Object.keys(b.parts))
  for (const name of Object.keys(a.parts)) expect(Buffer.from(a.parts[name]!).equals(Buffer.from(b.parts[name]!))).toBe(true)
  expect(a.errors).toEqual(b.errors)
  expect(a.skipped).toBe(b.skipped)
}

describe('incremental builds', () => {
  it('give the bytes of a full build after editing, adding and deleting files', async () => {
    const dir = archive()
    const file = join(dir, 'cache', 'newsdex.cache')
    expectSame(await build(dir, file), await build(dir))
    // Edited (a longer body, new terms), added (between others), deleted, and an NDJSON line changed.
    writeFileSync(join(dir, 'a100.json'), JSON.stringify({ id: 'a100', title: 'Edited', body: `${body(5, 30)} brandnewterm anotherterm` }))
    writeFileSync(join(dir, 'a250x.json'), JSON.stringify({ id: 'added', title: 'Added article', body: body(77, 20) }))
    rmSync(join(dir, 'a400.json'))
    writeFileSync(join(dir, 'b.ndjson'), [JSON.stringify({ id: 'b0', title: 'Line 0', body: 'Only one line now.' })].join('\n'))
    const loaded = await BuildCache.load(file)
    const incremental = await build(dir, loaded)
    expect(loaded.counts).toEqual({ parsed: 3, reused: 599 })
    expectSame(incremental, await build(dir))
    // Through the file once more: the analyses saved by the incremental build are whole.
    await build(dir, file)
    expectSame(await build(dir, file), await build(dir))
  })

  it('does not read files whose stat is the one recorded; reads a changed one and parses it again', async () => {
    const dir = archive()
    const cache = new BuildCache({ racyMs: 0 })
    await build(dir, cache)
    expect(cache.read).toBe(602)
    await build(dir, cache)
    expect(cache.read).toBe(0)
    expect(cache.counts).toEqual({ parsed: 0, reused: 602 })
    writeFileSync(join(dir, 'a007.json'), JSON.stringify({ id: 'a7', title: 'Changed', body: 'A changed body.' }))
    const changed = await build(dir, cache)
    expect(cache.read).toBe(1)
    expect(cache.counts).toEqual({ parsed: 1, reused: 601 })
    expectSame(changed, await build(dir))
  })

  it('reads again a file changed within racyMs of its last read, even with its size and mtime restored', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    // Files written just before the build are within 2 s of it: read (and hashed) again, not parsed.
    await build(dir, cache)
    expect(cache.read).toBe(602)
    expect(cache.counts.parsed).toBe(0)
    const path = join(dir, 'a008.json')
    const before = statSync(path)
    const text = readFileSync(path, 'utf8')
    writeFileSync(path, text.replace('Title', 'TITLE'))
    utimesSync(path, before.atime, before.mtime)
    const changed = await build(dir, cache)
    expect(cache.counts.parsed).toBe(1)
    expectSame(changed, await build(dir))
  })

  it('ignores a damaged or foreign cache file and builds from scratch', async () => {
    const dir = archive()
    const file = join(dir, 'newsdex.cache')
    const full = await build(dir)
    await build(dir, file)
    const saved = readFileSync(file)
    for (const damaged of [saved.subarray(0, saved.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0), Buffer.concat([saved.subarray(0, 100), Buffer.alloc(64, 0xff), saved.subarray(164)])]) {
      writeFileSync(file, damaged)
      const cache = await BuildCache.load(file)
      expect(cache.size).toBe(0)
      expectSame(await build(dir, cache), full)
      expect(cache.counts).toEqual({ parsed: 602, reused: 0 })
    }
  })

  it('rejects an invalid racyMs, naming it', () => {
    expect(() => new BuildCache({ racyMs: -1 })).toThrow(/racyMs: -1/)
  })
})
