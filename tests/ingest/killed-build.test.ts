/**
 * A build killed (SIGKILL) at any moment leaves the previous index intact and loadable; the
 * temporary file a killed build leaves behind is removed by the next write to the same path.
 * Real processes, killed at seeded moments spread over a build's duration.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/index.js'
import { generateArticles, makeTempDir, mulberry32, removeTempDirs, REPO_ROOT, runNode } from '../helpers.js'

const CLI = join(REPO_ROOT, 'dist', 'cli.js')
const KILLS = 20

afterAll(removeTempDirs)

/** Starts a build and kills it after `delay` ms; resolves when the process is gone. */
function buildKilledAfter(args: readonly string[], delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), delay)
    child.on('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

describe('a build killed at a random moment', () => {
  it(`leaves the previous index loadable, ${KILLS} times in a row, and no temporary file after the next build`, async () => {
    const dir = makeTempDir('newsdex-kill-')
    const articles = generateArticles(3000, 5)
    writeFileSync(join(dir, 'news.ndjson'), articles.map((a) => JSON.stringify(a)).join('\n'))
    const out = join(dir, 'news.idx')
    const args = ['build', join(dir, 'news.ndjson'), '--out', out]
    const started = Date.now()
    expect(runNode([CLI, ...args])).toMatchObject({ status: 0 })
    const duration = Math.max(200, Date.now() - started)
    const random = mulberry32(42)
    let killedBeforeTheEnd = 0
    for (let kill = 0; kill < KILLS; kill++) {
      const before = readFileSync(out)
      await buildKilledAfter(args, Math.floor(random() * duration * 1.2))
      const after = readFileSync(out)
      // The old file, or a whole new one (a build that finished before its kill): never half of one.
      expect(NewsIndex.load(after).size, `kill ${kill}`).toBe(articles.length)
      if (after.equals(before)) killedBeforeTheEnd++
    }
    // The builds write the same index, so "unchanged" is all that can be told apart from outside;
    // at least one kill must have come before the rename for the test to mean anything.
    expect(killedBeforeTheEnd).toBeGreaterThan(0)
    expect(runNode([CLI, ...args])).toMatchObject({ status: 0 })
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(NewsIndex.load(readFileSync(out)).size).toBe(articles.length)
  }, 180_000)

  it('the next write removes a temporary file whose process is gone, and leaves one whose process runs', () => {
    const dir = makeTempDir('newsdex-stale-')
    const out = join(dir, 'news.idx')
    const articles = generateArticles(5, 1)
    writeFileSync(join(dir, 'news.ndjson'), articles.map((a) => JSON.stringify(a)).join('\n'))
    // No process has id 2^31 − 2; this test's process is running.
    writeFileSync(`${out}.2147483646.0badc0de.tmp`, 'half an index')
    writeFileSync(`${out}.${process.pid}.0badc0de.tmp`, 'being written')
    writeFileSync(join(dir, 'other.idx.2147483646.0badc0de.tmp'), 'another target')
    expect(runNode([CLI, 'build', join(dir, 'news.ndjson'), '--out', out])).toMatchObject({ status: 0 })
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp')).sort()).toEqual([`news.idx.${process.pid}.0badc0de.tmp`, 'other.idx.2147483646.0badc0de.tmp'])
  })
})
