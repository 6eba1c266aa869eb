import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILD_HINT, DIST, makeTempDir, removeTempDirs, REPO_ROOT, run, runNode, type RunResult } from '../helpers.js'

const TIMEOUT = 240_000
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc')

/** What the ESM and CJS consumers both do with the installed package, printed as JSON. */
const SCENARIO = `async function main() {
  const article = parseArticle(readFileSync('news/a.txt', 'utf8'), { path: 'news/a.txt' })
  const index = new WritableNewsIndex()
  index.add(article)
  const loaded = NewsIndex.load(index.serialize())
  const response = loaded.search('rocket')
  const { index: built, errors } = await buildIndex({ patterns: ['news/*.txt'], cwd: process.cwd() })
  let error
  try { NewsIndex.load(new Uint8Array(4)) } catch (e) { error = e }
  console.log(JSON.stringify({
    parsed: { id: article.id, title: article.title, date: article.date },
    total: response.total,
    id: response.hits[0].id,
    title: response.hits[0].highlight.title,
    built: built.size,
    builtIsWritable: typeof built.serializeParts === 'function',
    runtimeIsReadOnly: typeof loaded.add === 'undefined' && loaded instanceof NewsIndex && !(loaded instanceof WritableNewsIndex),
    writableIsAnIndex: index instanceof NewsIndex,
    buildErrors: errors.length,
    isNewsdexError: error instanceof NewsdexError,
    code: error.code,
  }))
}
main().catch((e) => { console.error(e); process.exitCode = 1 })
`

let consumer: string
let installed: RunResult

function npm(args: readonly string[], cwd: string): RunResult {
  const result = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, timeout: TIMEOUT })
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return result
}

function write(name: string, text: string): string {
  const path = join(consumer, name)
  writeFileSync(path, text)
  return path
}

/** Runs a script of the consumer project and returns its stdout, failing with its stderr. */
function node(script: string): string {
  const result = runNode([script], { cwd: consumer })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  return result.stdout
}

beforeAll(() => {
  for (const file of [DIST.index, DIST.cli]) if (!existsSync(file)) throw new Error(`${file} is missing: ${BUILD_HINT}`)
  const packs = makeTempDir('newsdex-pack-')
  // --ignore-scripts: `prepare` would rebuild dist/ under the feet of the suites running in parallel.
  npm(['pack', '--ignore-scripts', '--pack-destination', packs], REPO_ROOT)
  const [tarball] = readdirSync(packs).filter((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${packs}`)
  consumer = makeTempDir('newsdex-consumer-')
  write('package.json', JSON.stringify({ name: 'newsdex-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2))
  installed = npm(['install', join(packs, tarball), '--no-audit', '--no-fund', '--prefer-offline'], consumer)
  mkdirSync(join(consumer, 'news'))
  write('news/a.txt', 'date 2020-06-23 A katyusha rocket landed near Baghdad airport. Nobody was hurt.\n\nAP reported the attack.')
}, TIMEOUT)

afterAll(removeTempDirs)

const EXPECTED = {
  parsed: { id: 'news/a', title: 'A katyusha rocket landed near Baghdad airport.', date: '2020-06-23' },
  total: 1,
  id: 'news/a',
  title: 'A katyusha <mark>rocket</mark> landed near Baghdad airport.',
  built: 1,
  builtIsWritable: true,
  runtimeIsReadOnly: true,
  writableIsAnIndex: true,
  buildErrors: 0,
  isNewsdexError: true,
  code: 'E_NOT_AN_INDEX',
}

describe('the packed package, installed in a consumer project', () => {
  it('ships only dist and the package files', () => {
    const installed = readdirSync(join(consumer, 'node_modules', 'newsdex')).sort()
    expect(installed).toContain('dist')
    expect(installed).toContain('package.json')
    expect(installed).not.toContain('src')
    expect(installed).not.toContain('tests')
    expect(installed).not.toContain('node_modules')
  })

  it('works from an ES module importing newsdex, newsdex/indexer and newsdex/build', () => {
    const script = write('esm.mjs', `
import { NewsIndex, NewsdexError } from 'newsdex'
import { NewsIndex as WritableNewsIndex } from 'newsdex/indexer'
import { parseArticle, buildIndex } from 'newsdex/build'
import { readFileSync } from 'node:fs'

${SCENARIO}`)
    expect(JSON.parse(node(script))).toEqual(EXPECTED)
  }, TIMEOUT)

  it('works from a CommonJS script requiring newsdex, newsdex/indexer and newsdex/build', () => {
    const script = write('cjs.cjs', `
const { NewsIndex, NewsdexError } = require('newsdex')
const { NewsIndex: WritableNewsIndex } = require('newsdex/indexer')
const { parseArticle, buildIndex } = require('newsdex/build')
const { readFileSync } = require('node:fs')

${SCENARIO}
`)
    expect(JSON.parse(node(script))).toEqual(EXPECTED)
  }, TIMEOUT)

  it('loads newsdex/vite without vite installed (an optional peer), from ESM and CommonJS', () => {
    expect(existsSync(join(consumer, 'node_modules', 'vite'))).toBe(false)
    const hooks = "['configResolved', 'buildStart', 'resolveId', 'load', 'configureServer'].every((hook) => typeof plugin[hook] === 'function')"
    const esm = write('vite-plugin.mjs', `import newsdex from 'newsdex/vite'\nconst plugin = newsdex({ input: 'news/*.txt' })\nconsole.log(JSON.stringify([plugin.name, ${hooks}]))\n`)
    expect(JSON.parse(node(esm))).toEqual(['newsdex', true])
    const cjs = write('vite-plugin.cjs', `const { newsdex } = require('newsdex/vite')\nconst plugin = newsdex({ input: 'news/*.txt' })\nconsole.log(JSON.stringify([plugin.name, ${hooks}]))\n`)
    expect(JSON.parse(node(cjs))).toEqual(['newsdex', true])
  }, TIMEOUT)

  describe('types, checked with tsc under module/moduleResolution nodenext and strict', () => {
    const tsconfig = (files: string[]): string => JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files,
    })
    const tsc = (project: string): RunResult => runNode([TSC, '-p', project], { cwd: consumer })

    it('type-checks a consumer using the public types, ESM and CJS flavours', () => {
      write('consumer.ts', `
import { NewsIndex, highlight, parseQuery, NewsdexError, type Article, type Hit, type NewsIndexOptions, type ParsedQuery, type SearchOptions, type SearchResponse, type StoredArticle } from 'newsdex'
import { parseArticle, buildIndex, type ParseOptions } from 'newsdex/build'
import { NewsIndex as WritableNewsIndex } from 'newsdex/indexer'

const options: NewsIndexOptions = { boost: { title: 3 }, analyzer: 'english' }
const index = new WritableNewsIndex(options)
const parseOptions: ParseOptions = { path: 'news/a.txt' }
const article: Article = parseArticle('date 2020-06-23 Rocket.', parseOptions)
index.add(article)
const search: SearchOptions = { sort: 'newest', facets: ['source', 'year'], filter: { date: { from: '2020-01-01' } } }
const response: SearchResponse = index.search('rocket', search)
const hit: Hit | undefined = response.hits[0]
const stored: StoredArticle | undefined = hit?.article
const total: number = response.total
const query: ParsedQuery = parseQuery('rocket OR drone')
const html: string = highlight('A rocket', query).html
const code: string | undefined = new NewsdexError('E_IO', 'x').code
const built: Promise<{ index: WritableNewsIndex; errors: { path: string; message: string }[] }> = buildIndex({ patterns: ['news/*.txt'] })
const readOnly: NewsIndex = NewsIndex.load(index.serialize())
const searchable: NewsIndex = index

// @ts-expect-error -- the runtime index is read-only: add() lives in newsdex/indexer
readOnly.add(article)
// @ts-expect-error -- 'sideways' is not a sort order
index.search('rocket', { sort: 'sideways' })
// @ts-expect-error -- a hit's article has no body
void hit?.article.body
// @ts-expect-error -- an article needs a title, body, date, source, location and country
index.add({ id: 'x' })
// @ts-expect-error -- not an error code
void new NewsdexError('E_WHATEVER', 'x')
// @ts-expect-error -- size is a number
const wrong: string = index.size

export { stored, total, html, code, built, wrong, searchable }
`)
      write('consumer.cts', `
import newsdex = require('newsdex')
import build = require('newsdex/build')
import indexer = require('newsdex/indexer')
const index: newsdex.NewsIndex & indexer.NewsIndex = new indexer.NewsIndex()
const article: newsdex.Article = build.parseArticle('Rocket.', { id: 'a' })
index.add(article)
const response: newsdex.SearchResponse = index.search('rocket')
// @ts-expect-error -- total is a number
const wrong: string = response.total
export = { wrong }
`)
      write('tsconfig.json', tsconfig(['consumer.ts', 'consumer.cts']))
      const result = tsc('tsconfig.json')
      expect(result.stdout + result.stderr).toBe('')
      expect(result.status).toBe(0)
    }, TIMEOUT)

    it('type-checks a page using <newsdex-search> from newsdex/ui', () => {
      write('ui-consumer.ts', `
import { NewsdexSearch, STRINGS, type SelectDetail, type UiStrings } from 'newsdex/ui'

const el = document.createElement('newsdex-search')
const same: NewsdexSearch = el
el.setAttribute('src', '/news.idx')
el.strings = { placeholder: 'Rechercher', 'results-few': '{n} wyniki' } satisfies UiStrings
el.addEventListener('newsdex:select', (event) => {
  const detail: SelectDetail = event.detail
  const id: string = detail.hit.id
  if (detail.url === null) event.preventDefault()
  void id
})
el.addEventListener('newsdex:search', (event) => {
  const total: number = event.detail.total
  const sort: 'relevance' | 'newest' = event.detail.sort
  void total, sort
})
el.open()
el.close()
const placeholder: string = STRINGS.placeholder
// @ts-expect-error -- not a key of the element's text
const wrong: string = STRINGS.nope

export { same, placeholder, wrong }
`)
      write('tsconfig.ui.json', tsconfig(['ui-consumer.ts']))
      const result = tsc('tsconfig.ui.json')
        expect(result.stdout + result.stderr).toBe('')
        expect(result.status).toBe(0)
      }, TIMEOUT)

    it('types virtual:newsdex with newsdex/vite/client', () => {
      write('app.ts', `/// <reference types="newsdex/vite/client" />
import manifestUrl, { manifestUrl as named } from 'virtual:newsdex'
import { NewsIndex } from 'newsdex'

const url: string = manifestUrl
const index: Promise<NewsIndex> = NewsIndex.open(named)
// @ts-expect-error -- the manifest URL is a string
const wrong: number = manifestUrl
export { url, index, wrong }
`)
      write('tsconfig.app.json', tsconfig(['app.ts']))
      const result = tsc('tsconfig.app.json')
      expect(result.stdout + result.stderr).toBe('')
      expect(result.status).toBe(0)
    }, TIMEOUT)

    it('fails on a real type error (the check above is really checking)', () => {
      write('broken.ts', `
import { NewsIndex } from 'newsdex'

const size: string = new NewsIndex().size
export { size }
`)
      write('tsconfig.broken.json', tsconfig(['broken.ts']))
      const result = tsc('tsconfig.broken.json')
      expect(result.status).not.toBe(0)
      expect(result.stdout).toContain('TS2322')
    }, TIMEOUT)
  })

  it('ships newsdex/ui: the element, its worker, their chunks and its stylesheet; importable on a server', () => {
    const dist = join(consumer, 'node_modules', 'newsdex', 'dist')
    for (const file of ['ui.js', 'ui-worker.js', 'ui.css', 'ui.d.ts']) expect(existsSync(join(dist, file)), file).toBe(true)
    // Every module the element or its worker imports is shipped beside them.
    const imported = (file: string): string[] => [...readFileSync(join(dist, file), 'utf8').matchAll(/(?:from|import\()\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!)
    const modules = new Set<string>()
    for (const file of ['ui.js', 'ui-worker.js']) for (const name of imported(file)) modules.add(name)
    for (const name of modules) for (const nested of imported(name)) modules.add(nested)
    for (const name of modules) expect(existsSync(join(dist, name)), name).toBe(true)
    const script = write('ui-ssr.mjs', `
const ui = await import('newsdex/ui')
console.log(JSON.stringify({ element: typeof ui.NewsdexSearch, placeholder: ui.STRINGS.placeholder, css: import.meta.resolve('newsdex/ui/style.css').endsWith('/dist/ui.css') }))
`)
    expect(JSON.parse(node(script))).toEqual({ element: 'function', placeholder: 'Search articles', css: true })
  }, TIMEOUT)

  it('installs the newsdex bin', () => {
    const bin = join(consumer, 'node_modules', '.bin', process.platform === 'win32' ? 'newsdex.cmd' : 'newsdex')
    const result = run(bin, ['--help'], { cwd: consumer })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('newsdex build')
  }, TIMEOUT)

  it('runs the installed bin end to end', () => {
    const out = join(consumer, 'news.idx')
    const bin = join(consumer, 'node_modules', '.bin', 'newsdex')
    expect(run(bin, ['build', 'news/*.txt', '--out', out], { cwd: consumer }).status).toBe(0)
    const search = run(bin, ['search', out, 'katyusha'], { cwd: consumer })
    expect(search.status).toBe(0)
    expect(search.stdout).toContain('katyusha')
    expect(search.stdout).not.toContain('<mark>')
  }, TIMEOUT)

  it('installs without install-time scripts or warnings about them', () => {
    expect(`${installed.stdout}\n${installed.stderr}`).not.toMatch(/prepare|install[- ]scripts?/i)
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'newsdex', 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[hook], hook).toBeUndefined()
  })

  it('holds the place data once, shared by build.js, build.cjs and cli.js; ships LICENSE and CHANGELOG.md', () => {
    const root = join(consumer, 'node_modules', 'newsdex')
    const dist = join(root, 'dist')
    const sizes = Object.fromEntries(readdirSync(dist).map((name) => [name, statSync(join(dist, name)).size]))
    // The place data is over a megabyte: every other Node file is far smaller than one copy of it.
    expect(sizes['gazetteer-data.cjs']).toBeGreaterThan(1_000_000)
    const large = Object.keys(sizes).filter((name) => sizes[name]! > 300_000)
    expect(large.sort()).toEqual(['gazetteer-data.cjs'])
    for (const name of ['build.js', 'build.cjs', 'cli.js']) expect(readFileSync(join(dist, name), 'utf8').length, name).toBeLessThan(300_000)
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/)
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog/)
  })

  it('ships no source maps for the Node bundles, and --version is the package version', () => {
    const dist = join(consumer, 'node_modules', 'newsdex', 'dist')
    expect(readdirSync(dist).filter((name) => name.endsWith('.map'))).toEqual(['newsdex.browser.js.map'])
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'newsdex', 'package.json'), 'utf8')) as { version: string }
    const version = run(join(consumer, 'node_modules', '.bin', 'newsdex'), ['--version'], { cwd: consumer })
    expect(version.stdout.trim()).toBe(manifest.version)
  })
})
