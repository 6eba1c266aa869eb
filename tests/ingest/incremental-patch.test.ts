/**
 * Incremental builds that patch the last build's encoded index (src/engine/store/store-patcher.ts)
 * and append what changed to the cache file (src/ingest/build-cache.ts): after articles are edited
 * in place, the bytes are a full build's; a damaged appended record is ignored, and the build is
 * still a full build's; the index a cached build returns can be searched and changed.
 */
import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { BuildCache, buildIndex } from '../../src/build.js'
import { makeTempDir, removeTempDirs } from '../helpers.js'

afterAll(removeTempDirs)

const WORDS = ['oil', 'Crude', 'U.S.', 'Iraq’s', 'café', 'GRAIN', 'wheat', 'fell', 'rose', 'Brazil', 'Ünïcode', "don't", 'Reuters', '1,655.8', 'tonnes', 'cocoa', 'Ghana', 'tin']

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

/** A body of `n` words drawn by `next`, with rare words (a term of one document) now and then. */
function body(next: () => number, n: number): string {
  const gaps = [' ', ', ', '. ', '\n', ' (', ') ', ' - ']
  return Array.from({ length: n }, () => (next() < 0.05 ? `rare${Math.floor(next() * 1e6)}` : WORDS[Math.floor(next() * WORDS.length)]!) + gaps[Math.floor(next() * gaps.length)]).join('')
}

/** 700 JSON files of one article (three chunks of 256), and an NDJSON file of three. */
function archive(): string {
  const dir = makeTempDir('newsdex-patch-')
  const next = random(7)
  for (let i = 0; i < 700; i++) writeFileSync(join(dir, `a${String(i).padStart(3, '0')}.json`), JSON.stringify({ id: `a${i}`, title: `Title ${WORDS[i % WORDS.length]} ${i}`, body: body(next, 5 + (i % 40)), date: `1987-0${1 + (i % 9)}-1${i % 10}`, source: [`s${i % 3}`] }))
  writeFileSync(join(dir, 'b.ndjson'), [0, 1, 2].map((i) => JSON.stringify({ id: `b${i}`, title: `Line ${i}`, body: body(next, 12) })).join('\n'))
  return dir
}

async function build(dir: string, cache?: string | BuildCache) {
  const { index, errors } = await buildIndex({ patterns: ['*.json', '*.ndjson'], cwd: dir, ...(cache ? { cache } : {}) })
  return { index, bytes: Buffer.from(index.serialize()), parts: index.serializeParts(), small: index.serializeParts({ chunkSize: 100 }), errors }
}

function expectSame(a: Awaited<ReturnType<typeof build>>, b: Awaited<ReturnType<typeof build>>): void {
  expect(a.bytes.equals(b.bytes)).toBe(true)
  for (const form of ['parts', 'small'] as const) {
    expect(Object.keys(a[form])).toEqual(Object.keys(b[form]))
    for (const name of Object.keys(a[form])) expect(Buffer.from(a[form][name]!).equals(Buffer.from(b[form][name]!))).toBe(true)
  }
  expect(a.errors).toEqual(b.errors)
}

/** Edits article `i` in place: a new body (new terms, terms gone, counts moved) and, sometimes, a new title. */
function edit(dir: string, i: number, next: () => number): void {
  const path = join(dir, `a${String(i).padStart(3, '0')}.json`)
  const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  record.body = body(next, 1 + Math.floor(next() * 60))
  if (next() < 0.5) record.title = `Edited ${WORDS[Math.floor(next() * WORDS.length)]} ${Math.floor(next() * 1000)}`
  writeFileSync(path, JSON.stringify(record))
}

describe('incremental builds that patch the last index', () => {
  it('give the bytes of a full build after articles are edited in place, build after build', async () => {
    const dir = archive()
    const file = join(dir, 'cache', 'newsdex.cache')
    expectSame(await build(dir, file), await build(dir))
    const next = random(11)
    for (let round = 0; round < 6; round++) {
      // One to three articles edited, in one chunk or several.
      for (let k = 0, n = 1 + (round % 3); k < n; k++) edit(dir, Math.floor(next() * 700), next)
      const cache = await BuildCache.load(file)
      const before = cache._snapshot!
      const incremental = await build(dir, cache)
      expectSame(incremental, await build(dir))
      // Patched: a chunk no edited article is in keeps its sections (a whole encoding makes new ones).
      const after = cache._snapshot!
      const edited = new Set(after.keys.flatMap((key, i) => (key === before.keys[i] ? [] : [Math.floor(i / 256)])))
      const untouched = [0, 1, 2].find((c) => !edited.has(c))
      if (untouched !== undefined) expect(after.sections.chunks[untouched]!.display).toBe(before.sections.chunks[untouched]!.display)
      await cache.save(file)
    }
  })

  it('encode the index whole when articles are added or removed, with the same bytes', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    writeFileSync(join(dir, 'a350x.json'), JSON.stringify({ id: 'added', title: 'Added', body: 'A new article about tin.' }))
    expectSame(await build(dir, cache), await build(dir))
    writeFileSync(join(dir, 'b.ndjson'), JSON.stringify({ id: 'b0', title: 'Line 0', body: 'One line now.' }))
    expectSame(await build(dir, cache), await build(dir))
  })

  it('encode the index whole when the snapshot to patch does not decode, with the same bytes', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    // A snapshot whose term statistics are cut short (held in memory: no file check could catch it).
    const snapshot = cache._snapshot!
    cache._snapshot = { ...snapshot, sections: { ...snapshot.sections, search: { ...snapshot.sections.search, termStats: snapshot.sections.search.termStats!.subarray(0, 10) } } }
    edit(dir, 5, random(3))
    const rebuilt = await build(dir, cache)
    expectSame(rebuilt, await build(dir))
    expect(cache._snapshot!.sections.search.termStats!.length).toBeGreaterThan(10)
  })

  it('append what changed to the cache file; a record cut short or damaged is ignored with those after it', async () => {
    const dir = archive()
    const file = join(dir, 'newsdex.cache')
    const full = await build(dir)
    await build(dir, file)
    const first = statSync(file).size
    edit(dir, 5, random(3))
    const changed = await build(dir)
    expectSame(await build(dir, file), changed)
    const second = statSync(file).size
    // Appended: the record of one edited file and the sections that changed, not the whole cache again.
    expect(second).toBeGreaterThan(first)
    expect(second - first).toBeLessThan(first)
    expect(readFileSync(file).subarray(0, first).equals(readFileSync(file).subarray(0, first))).toBe(true)
    const saved = readFileSync(file)
    const damaged = Buffer.from(saved)
    damaged[first + 100] = damaged[first + 100]! ^ 0xff
    for (const bytes of [saved.subarray(0, first + 50), damaged, Buffer.concat([saved, Buffer.from('garbage after the last record')])]) {
      writeFileSync(file, bytes)
      // The cache as the first save left it: the edited file is parsed again.
      const cache = await BuildCache.load(file)
      expect(cache.size).toBe(701)
      const rebuilt = await build(dir, cache)
      expect(cache.counts.parsed).toBe(bytes.length > saved.length ? 0 : 1)
      expectSame(rebuilt, changed)
      // Saved whole again (the file was not as the cache left it), and read back whole.
      await cache.save(file)
      expect((await BuildCache.load(file)).size).toBe(701)
      expectSame(await build(dir, file), changed)
    }
    // A record appended by another build to another state of the file does not chain: ignored.
    writeFileSync(file, saved)
    appendFileSync(file, saved.subarray(first))
    expectSame(await build(dir, await BuildCache.load(file)), changed)
    truncateSync(file, 10)
    expectSame(await build(dir, await BuildCache.load(file)), changed)
    expect(full.bytes.equals(changed.bytes)).toBe(false)
  })

  it('written whole again once the appended records outgrow the first', async () => {
    const dir = archive()
    const file = join(dir, 'newsdex.cache')
    await build(dir, file)
    const first = statSync(file).size
    const next = random(5)
    let sizes: number[] = []
    for (let round = 0; round < 12; round++) {
      edit(dir, Math.floor(next() * 700), next)
      await build(dir, file)
      sizes.push(statSync(file).size)
    }
    // Some save wrote it whole (it shrank), and it never grew past three times its first size.
    expect(sizes.some((size, i) => i > 0 && size < sizes[i - 1]!)).toBe(true)
    expect(Math.max(...sizes)).toBeLessThan(first * 3)
    expectSame(await build(dir, file), await build(dir))
    sizes = []
  })

  it('return an index that searches and changes as a full build does (its postings made on first use)', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    edit(dir, 9, random(9))
    const { index } = await build(dir, cache)
    const { index: plain } = await build(dir)
    expect(index.stats().terms).toBe(plain.stats().terms)
    for (const query of ['oil', 'wheat fell', '"crude oil"', 'edited', 'cafe', 'tonn*']) {
      expect(index.search(query).hits.map((hit) => [hit.id, hit.score])).toEqual(plain.search(query).hits.map((hit) => [hit.id, hit.score]))
    }
    index.remove('a9')
    plain.remove('a9')
    expect(Buffer.from(index.serialize()).equals(Buffer.from(plain.serialize()))).toBe(true)
  })
})

describe('incremental builds after any mix of changes (property)', () => {
  /** A small archive: 40 JSON files of one article and an NDJSON file of four. */
  function small(seed: number): string {
    const dir = makeTempDir('newsdex-patch-prop-')
    const next = random(seed)
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `a${String(i).padStart(2, '0')}.json`), JSON.stringify({ id: `a${i}`, title: `Title ${i}`, body: body(next, 3 + (i % 20)), date: `1987-02-${String(1 + (i % 28)).padStart(2, '0')}`, source: [`s${i % 3}`] }))
    writeFileSync(join(dir, 'b.ndjson'), [0, 1, 2, 3].map((i) => JSON.stringify({ id: `b${i}`, title: `Line ${i}`, body: body(next, 8) })).join('\n'))
    return dir
  }
  const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  /** One change to the archive: an article's body, title, date, source or id; a line of the NDJSON file; two files' contents swapped. */
  const change = fc.record({ kind: fc.constantFrom('body', 'title', 'date', 'source', 'id', 'line', 'swap'), at: fc.nat(39), other: fc.nat(39), seed: fc.nat() })
  type Change = typeof change extends fc.Arbitrary<infer T> ? T : never
  function apply(dir: string, { kind, at, other, seed }: Change): void {
    const next = random(seed)
    const path = (i: number): string => join(dir, `a${String(i).padStart(2, '0')}.json`)
    const record = read(path(at))
    if (kind === 'line') {
      const lines = readFileSync(join(dir, 'b.ndjson'), 'utf8').split('\n')
      lines[at % lines.length] = JSON.stringify({ ...JSON.parse(lines[at % lines.length]!), body: body(next, 1 + (seed % 30)) })
      writeFileSync(join(dir, 'b.ndjson'), lines.join('\n'))
      return
    }
    if (kind === 'swap') {
      const [a, b] = [readFileSync(path(at)), readFileSync(path(other))]
      writeFileSync(path(at), b)
      writeFileSync(path(other), a)
      return
    }
    if (kind === 'body') record.body = body(next, 1 + (seed % 40))
    if (kind === 'title') record.title = `Retitled ${seed % 97}`
    if (kind === 'date') record.date = `1987-03-${String(1 + (seed % 28)).padStart(2, '0')}`
    if (kind === 'source') record.source = [`s${seed % 5}`, 'Reuters']
    if (kind === 'id') record.id = `renamed${seed % 1000}`
    writeFileSync(path(at), JSON.stringify(record))
  }

  it('a cached build gives the bytes of a full build, round after round', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), async (seed, rounds) => {
        const dir = small(seed)
        const file = join(dir, 'cache', 'newsdex.cache')
        await build(dir, file)
        for (const round of rounds) {
          for (const one of round) apply(dir, one)
          expectSame(await build(dir, file), await build(dir))
        }
      }),
      { numRuns: 12 },
    )
  }, 120_000)
})
