/**
 * The CLI starts reading a build's cache file while its modules load: the `--cache` argument is
 * found before the command parses its options, and the read started early is taken once.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cacheArgument } from '../../src/cli/cache-argument.js'
import { readEarly, readFileOnce } from '../../src/ingest/read-early.js'
import { makeTempDir, removeTempDirs } from '../helpers.js'

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

describe('readEarly / readFileOnce', () => {
  it('gives the bytes read early once, then reads the file again', async () => {
    const file = join(makeTempDir(), 'cache.bin')
    writeFileSync(file, 'first')
    readEarly(file)
    await new Promise((done) => setTimeout(done, 50))
    writeFileSync(file, 'second')
    // The bytes read before the change, then the file as it is now.
    expect(String(await readFileOnce(file))).toBe('first')
    expect(String(await readFileOnce(file))).toBe('second')
  })

  it('fails when a failed early read is taken, and only then', async () => {
    const file = join(makeTempDir(), 'missing.bin')
    readEarly(file)
    await new Promise((done) => setTimeout(done, 20))
    await expect(readFileOnce(file)).rejects.toThrow(/ENOENT/)
    writeFileSync(file, 'now')
    expect(String(await readFileOnce(file))).toBe('now')
    rmSync(file)
  })
})
