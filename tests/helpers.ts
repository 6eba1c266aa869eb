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
import type { Article, SearchResponse } from '../src/types.js'

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

/** A small, fast, seedable PRNG (mulberry32): the same seed always gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Common words of generated articles. It deliberately holds none of 'rocket', 'baghdad', 'airport'
 * nor anything within one typo or a prefix of them, so tests can plant those words where they want.
 */
export const GENERATED_VOCABULARY = [
  'government', 'minister', 'talks', 'attack', 'militia', 'forces', 'border', 'election', 'protest', 'oil',
  'prices', 'market', 'embassy', 'officials', 'said', 'police', 'army', 'convoy', 'province', 'capital',
  'ceasefire', 'drone', 'strike', 'parliament', 'vote', 'budget', 'water', 'river', 'bridge', 'school',
  'hospital', 'doctors', 'refugees', 'camp', 'aid', 'workers', 'village', 'farmers', 'wheat', 'harvest',
  'storm', 'flood', 'desert', 'heat', 'power', 'grid', 'fuel', 'shortage', 'court', 'judge',
  'trial', 'prison', 'release', 'hostage', 'envoy', 'summit', 'treaty', 'sanctions', 'bank', 'currency',
  'inflation', 'exports', 'pipeline', 'port', 'ship', 'navy', 'coast', 'museum', 'ancient', 'city',
  'the', 'a', 'of', 'in', 'on', 'and', 'to', 'was', 'were', 'with',
] as const

const GENERATED_SOURCES = ['AP', 'AFP', 'Reuters', 'BBC'] as const
const GENERATED_LOCATIONS = ['Basra', 'Mosul', 'Tehran', 'Damascus', 'Erbil'] as const
const GENERATED_COUNTRIES = ['IQ', 'IR', 'SY', 'US'] as const

/**
 * `count` deterministic articles (ids `gen-0000`…): titles of 3–7 words, bodies of 1–3 paragraphs,
 * dates in 2019–2021 (every 11th undated), 0–2 sources, locations and countries, a url on every
 * third article and `meta` on every fifth. Word frequencies are skewed (a few very common words).
 */
export function generateArticles(count: number, seed = 1): Article[] {
  const random = mulberry32(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  // Squaring skews picks toward the start of the list: a few words are very common.
  const word = (): string => GENERATED_VOCABULARY[Math.floor(random() ** 2 * GENERATED_VOCABULARY.length)]!
  const words = (n: number): string[] => Array.from({ length: n }, word)
  const subset = <T>(list: readonly T[]): T[] => [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(list)))]
  const articles: Article[] = []
  for (let i = 0; i < count; i++) {
    const title = words(3 + Math.floor(random() * 5)).join(' ')
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const sentence = (): string => {
        const w = words(4 + Math.floor(random() * 10))
        return `${w[0]!.charAt(0).toUpperCase()}${w[0]!.slice(1)} ${w.slice(1).join(' ')}.`
      }
      return Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(' ')
    })
    const year = 2019 + Math.floor(random() * 3)
    const month = 1 + Math.floor(random() * 12)
    const day = 1 + Math.floor(random() * 28)
    const article: Article = {
      id: `gen-${String(i).padStart(4, '0')}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      body: paragraphs.join('\n\n'),
      date: i % 11 === 10 ? null : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      source: subset(GENERATED_SOURCES),
      location: subset(GENERATED_LOCATIONS),
      country: subset(GENERATED_COUNTRIES),
    }
    if (i % 3 === 0) article.url = `https://news.example/${i}`
    if (i % 5 === 0) article.meta = { author: pick(['Jane Roe', 'John Doe', 'A. N. Other']), desk: pick(['world', 'business']) }
    articles.push(article)
  }
  return articles
}

/** A response with `hit.matches` in term order and scores to 12 significant digits. */
export function normalized(response: SearchResponse): SearchResponse {
  return {
    ...response,
    hits: response.hits.map((hit) => ({
      ...hit,
      score: Number(hit.score.toPrecision(12)),
      matches: [...hit.matches].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)),
    })),
  }
}

/** Reference optimal-string-alignment distance: Levenshtein plus swapped neighbours as one edit. */
export function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}
