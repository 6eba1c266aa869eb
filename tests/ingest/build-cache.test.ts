/**
 * The incremental build cache (src/ingest/build-cache.ts): a build with a cache parses only the
 * files whose content changed, and gives exactly what a build without one gives: the same index
 * bytes, errors and skipped count.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { afterAll, describe, expect, it } from 'vitest'
import { BuildCache, buildIndex, type BuildIndexOptions } from '../../src/build.js'
import { unpackValues, type PackedValues } from '../../src/ingest/packed-values.js'
import { makeTempDir, removeTempDirs } from '../helpers.js'

afterAll(removeTempDirs)

const line = (record: Record<string, unknown>): string => JSON.stringify(record)

/** A small archive: Markdown, a JSON array, NDJSON with a bad line and records without text, a broken file, two files sharing an id. */
function archive(): string {
  const dir = makeTempDir('newsdex-cache-')
  writeFileSync(join(dir, 'a.md'), '---\ntitle: Rocket attack\ndate: 2020-06-23\n---\nA rocket landed near Baghdad airport.')
  writeFileSync(join(dir, 'b.json'), JSON.stringify([{ id: 'b1', title: 'Oil falls', body: 'Crude fell in New York.' }, { id: 'b2', title: '', body: '' }]))
  writeFileSync(join(dir, 'c.jsonl'), [line({ id: 'c1', title: 'Cocoa', body: 'Cocoa rose in Brazil.' }), '{ broken', line({ id: 'c2' }), line({ id: 'c3', title: 'Wheat', body: 'Wheat fell.' })].join('\n'))
  writeFileSync(join(dir, 'd.json'), '{ "title": "never closed"')
  writeFileSync(join(dir, 'e.json'), line({ id: 'c1', title: 'Same id', body: 'Another file with id c1.' }))
  return dir
}

async function build(dir: string, cache?: string | BuildCache, extra: Partial<BuildIndexOptions> = {}) {
  const result = await buildIndex({ patterns: '*', cwd: dir, ...(cache ? { cache } : {}), ...extra })
  return { bytes: result.index.serialize(), errors: result.errors, skipped: result.skipped, size: result.index.size }
}

describe('BuildCache', () => {
  it('replays what each file gave: the same index, errors and skipped count as a build without it', async () => {
    const dir = archive()
    const plain = await build(dir)
    expect(plain.errors.map((e) => `${e.path}${e.line ? `:${e.line}` : ''}`)).toEqual(['c.jsonl:2', 'd.json', 'e.json'])
    expect(plain.skipped).toBe(2)
    const cache = new BuildCache()
    const first = await build(dir, cache)
    expect(cache.counts).toEqual({ parsed: 5, reused: 0 })
    const second = await build(dir, cache)
    expect(cache.counts).toEqual({ parsed: 0, reused: 5 })
    expect(cache.changed).toBe(false)
    for (const result of [first, second]) {
      expect(result.errors).toEqual(plain.errors)
      expect(result.skipped).toBe(plain.skipped)
      expect(Buffer.from(result.bytes).equals(Buffer.from(plain.bytes))).toBe(true)
    }
  })

  it('parses again only a changed file, and drops a deleted one', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    writeFileSync(join(dir, 'a.md'), '---\ntitle: Rocket attack\ndate: 2020-06-24\n---\nTwo rockets landed near Baghdad airport.')
    rmSync(join(dir, 'b.json'))
    const changed = await build(dir, cache)
    expect(cache.counts).toEqual({ parsed: 1, reused: 3 })
    expect(cache.changed).toBe(true)
    expect(cache.size).toBe(4)
    const fresh = await build(dir)
    expect(Buffer.from(changed.bytes).equals(Buffer.from(fresh.bytes))).toBe(true)
  })

  it('keeps the id conflict between files to each build (it depends on the other files, not on the file)', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    // The file that held id c1 first loses it: the other file's article is indexed now.
    writeFileSync(join(dir, 'c.jsonl'), line({ id: 'c9', title: 'Cocoa', body: 'Cocoa rose.' }))
    const result = await build(dir, cache)
    expect(result.errors.map((e) => e.path)).toEqual(['d.json'])
    expect(result.size).toBe(4)
  })

  it('with the strict option, reports the replayed records without text as errors', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    const strict = await build(dir, cache, { strict: true })
    expect(cache.counts.reused).toBe(5)
    expect(strict.skipped).toBe(0)
    expect(strict.errors.map((e) => e.message)).toContain('the article has no text')
  })

  it('is emptied for other parse options', async () => {
    const dir = archive()
    const cache = new BuildCache()
    await build(dir, cache)
    await build(dir, cache, { country: 'US' })
    expect(cache.counts).toEqual({ parsed: 5, reused: 0 })
    await build(dir, cache, { country: 'US', facets: ['category'] })
    expect(cache.counts.reused).toBe(0)
  })

  it('is saved to a file and read back by the next build; a file that is not a cache is ignored', async () => {
    const dir = archive()
    const file = join(dir, 'cache', 'newsdex.json')
    const first = await build(dir, file)
    expect(readFileSync(file).subarray(0, 22).toString()).toBe('newsdex-build-cache-5\n')
    // The first record: its length, its CRC-32, then the whole cache.
    const saved = readFileSync(file)
    // The files' paths and entries, packed: five paths, five entries.
    expect(unpackValues((deserialize(saved.subarray(30, 30 + saved.readUInt32LE(22))) as { files: PackedValues }).files)).toHaveLength(10)
    const loaded = await BuildCache.load(file)
    expect(loaded.size).toBe(5)
    const second = await build(dir, loaded)
    expect(loaded.counts).toEqual({ parsed: 0, reused: 5 })
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)
    writeFileSync(file, '{ not json')
    expect((await BuildCache.load(file)).size).toBe(0)
    expect((await BuildCache.load(join(dir, 'missing.json'))).size).toBe(0)
    writeFileSync(file, JSON.stringify({ format: 'something else', fingerprint: '', files: {} }))
    expect((await BuildCache.load(file)).size).toBe(0)
    writeFileSync(file, serialize({ format: 'something else', fingerprint: '', files: [] }))
    expect((await BuildCache.load(file)).size).toBe(0)
  })
})
