/**
 * The CLI starts reading a build's cache file while its modules load: the `--cache` argument is
 * found before the command parses its options, and the read started early is taken once.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { cacheArgument } from '../../src/cli/cache-argument.js'
import { readEarly, readEarlyOrNow } from '../../src/ingest/read-early.js'
import { makeTempDir, removeTempDirs } from '../helpers.js'

/** Reads of a file's whole content, counted. */
const reads = vi.hoisted(() => ({ count: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>()
  return { ...original, readFile: ((...args: Parameters<typeof original.readFile>) => (reads.count++, original.readFile(...args))) as typeof original.readFile }
})

afterAll(removeTempDirs)

describe('cacheArgument', () => {
  it('finds the cache file of a build, in either spelling', () => {
    expect(cacheArgument(['build', 'news/**/*.md', '--out', 'a.idx', '--cache', '.cache/n.json'])).toBe('.cache/n.json')
    expect(cacheArgument(['build', '--cache=.cache/n.json', 'x'])).toBe('.cache/n.json')
  })

  it('finds none for another command, after --, or when none is given', () => {
    expect(cacheArgument(['search', 'a.idx', '--cache', 'c.json'])).toBeUndefined()
    expect(cacheArgument(['build', '--', '--cache', 'c.json'])).toBeUndefined()
    expect(cacheArgument(['build', 'x', '--out', 'a.idx'])).toBeUndefined()
    expect(cacheArgument([])).toBeUndefined()
  })
})

describe('readEarly / readEarlyOrNow', () => {
  it('gives the bytes read early, without reading again, once; then reads the file anew', async () => {
    const file = join(makeTempDir(), 'cache.bin')
    writeFileSync(file, 'first')
    const before = reads.count
    readEarly(file)
    expect(String(await readEarlyOrNow(file))).toBe('first')
    expect(reads.count).toBe(before + 1)
    writeFileSync(file, 'second')
    expect(String(await readEarlyOrNow(file))).toBe('second')
    expect(reads.count).toBe(before + 2)
  })

  it('fails when a failed early read is taken, and only then', async () => {
    const file = join(makeTempDir(), 'missing.bin')
    readEarly(file)
    await expect(readEarlyOrNow(file)).rejects.toThrow(/ENOENT/)
    writeFileSync(file, 'now')
    expect(String(await readEarlyOrNow(file))).toBe('now')
    rmSync(file)
  })
})
