/**
 * Shared helpers of the newsdex test suites: repository paths, the seed article, temporary
 * directories, small article factories, child processes and error assertions.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { NewsdexError, type NewsdexErrorCode } from '../src/errors.js'
import type { Article } from '../src/types.js'

/** Root of the repository (the folder holding package.json). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The seed article shipped in the repository. */
export const SEED_RELATIVE_PATH = 'seeds/000_cc6d660af43d4c59.txt'
export const SEED_PATH = join(REPO_ROOT, SEED_RELATIVE_PATH)

/** The raw text of the seed article. */
export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8')
}

/** Files built by `npm run build`. */
export const DIST = {
  dir: join(REPO_ROOT, 'dist'),
  cli: join(REPO_ROOT, 'dist', 'cli.js'),
  index: join(REPO_ROOT, 'dist', 'index.js'),
  browser: join(REPO_ROOT, 'dist', 'newsdex.browser.js'),
} as const

/** A hint printed when a suite needs the built package and it is missing. */
export const BUILD_HINT = 'run `npm run build` first (the `npm test` script builds before running vitest)'

const created: string[] = []

/** A fresh empty directory under the OS temp dir; removed by `removeTempDirs()`. */
export function makeTempDir(prefix = 'newsdex-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  created.push(dir)
  return dir
}

/** Removes every directory `makeTempDir()` created in this test file (call it in `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** An article with sensible defaults; every field can be overridden. */
export function makeArticle(overrides: Partial<Article> & { id: string }): Article {
  return { title: '', body: '', date: null, source: [], location: [], country: [], ...overrides }
}

/** Result of a finished child process. */
export interface RunResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs a command to completion and returns its exit status and output. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } })
  if (result.error) throw result.error
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) }
}

/** Runs `node <args>`. */
export function runNode(args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  return run(process.execPath, args, options)
}

/** Calls `fn` and returns the `NewsdexError` it throws; fails the test if it returns or throws anything else. */
export function catchNewsdexError(fn: () => unknown): NewsdexError {
  let thrown: unknown
  try {
    fn()
  } catch (error) {
    thrown = error
  }
  if (thrown === undefined) expect.fail('expected a NewsdexError, but nothing was thrown')
  if (!(thrown instanceof NewsdexError)) expect.fail(`expected a NewsdexError, got ${String(thrown)}`)
  return thrown
}

/** Asserts that `fn` throws a `NewsdexError` with `code` (and, if given, a message containing `fragment`). */
export function expectNewsdexError(fn: () => unknown, code: NewsdexErrorCode, fragment?: string): NewsdexError {
  const error = catchNewsdexError(fn)
  expect(error.code, error.message).toBe(code)
  if (fragment !== undefined) expect(error.message).toContain(fragment)
  return error
}

/** Decodes the entities `escapeHtml` produces, in one pass. */
export function unescapeHtml(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
  return html.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!)
}

/** Removes the given opening and closing highlight tags. */
export function stripTags(html: string, tags: readonly [string, string] = ['<mark>', '</mark>']): string {
  return html.split(tags[0]).join('').split(tags[1]).join('')
}

/** The (still escaped) contents of each `<mark>…</mark>` of `html`, in order. */
export function markedTexts(html: string, tags: readonly [string, string] = ['<mark>', '</mark>']): string[] {
  const out: string[] = []
  let at = html.indexOf(tags[0])
  while (at !== -1) {
    const close = html.indexOf(tags[1], at + tags[0].length)
    if (close === -1) break
    out.push(html.slice(at + tags[0].length, close))
    at = html.indexOf(tags[0], close + tags[1].length)
  }
  return out
}
