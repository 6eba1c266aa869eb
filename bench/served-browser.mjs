#!/usr/bin/env node
// The served path in Chromium: a static page over a local HTTP server (index files gzip'd, as a
// static host serves them) loads newsdex's runtime bundle (dist/newsdex.browser.js) and its index,
// single file or split, or MiniSearch (its ES build) and its toJSON(); then the very first query (a
// whole word), then search as you type: each later word typed letter by letter from 3 letters, one
// search per keystroke, every query string new. Each configuration runs in a browser of its own.
// Uses the system Chromium (/usr/bin/chromium) through playwright-core; never downloads a browser.
//
// npm run bench:served-browser -- --corpus ../shared/corpora/bbc2095.jsonl
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { preflight } from './browser-preflight.mjs'
import { GzippedFiles, serveGzipped } from './gzip-server.mjs'
import { median, percentile } from './measure.mjs'
import { keystrokesOf, MINISEARCH_OPTIONS, minisearchArtifacts, newsdexArtifacts, servedArticles, servedWords } from './served-prepare.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const CHROMIUM = '/usr/bin/chromium'
const CONFIGS = ['newsdex-single', 'newsdex-split', 'minisearch']

const USAGE = `usage: node bench/served-browser.mjs [options]   (npm run bench:served-browser -- [options])
  --corpus PATH     JSONL corpus (default ../shared/corpora/bbc2095.jsonl)
  --words N         words typed after the first query, one search per keystroke from 3 letters (default 50)
  --runs N          browsers per configuration, in rotating order; medians (default 3)
  --quick           smoke run: first 3,000 articles, 10 words, 1 run
  --size N          first N articles (with a body)
  --seed N          seed of the words
  --out PATH        JSON results (default bench/results/served-browser-<corpus>.json)
`
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    words: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    size: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}
const int = (value, fallback) => (value === undefined ? fallback : Number.isInteger(Number(value)) && Number(value) >= 0 ? Number(value) : (console.error(`not a whole number: ${value}\n\n${USAGE}`), process.exit(2)))
const now = () => performance.now()
const START = now()
const log = (message) => process.stderr.write(`[served-browser +${((now() - START) / 1000).toFixed(1)}s] ${message}\n`)

const GIT = preflight(ROOT, ['dist/newsdex.browser.js', 'dist/indexer.js'], CHROMIUM)
const LOAD_AT_START = loadavg()

const settings = {
  words: Math.max(1, int(args.words, args.quick ? 10 : 50)),
  runs: Math.max(1, int(args.runs, args.quick ? 1 : 3)),
  size: int(args.size, args.quick ? 3000 : Infinity),
  minChars: 3,
}

const corpusPath = resolve(args.corpus ?? join(ROOT, '../shared/corpora/bbc2095.jsonl'))
const corpusName = basename(corpusPath).replace(/\.jsonl?$/, '')
const { records, articles } = servedArticles(corpusPath, settings.size)
const drawn = servedWords(articles, settings.words + 1, args.seed !== undefined ? int(args.seed, 0) : undefined)
const [first, ...typed] = drawn.words
const keystrokes = keystrokesOf(first, typed, settings.minChars)
log(`corpus ${basename(corpusPath)}: ${articles.length} articles; first query '${first}', then ${typed.length} words typed = ${keystrokes.length} keystrokes`)

const { single, parts } = await newsdexArtifacts(articles)
const { loaded: msString, titleStored } = minisearchArtifacts(articles)
const minisearchTitleStoredGzip = gzipSync(titleStored, { level: 6 }).length
log('indexes prepared')

// ---------------------------------------------------------------------------------------------
// Static server: every file gzip'd (level 6) and served with Content-Encoding: gzip, no caching.

const PAGE = '<!doctype html><meta charset="utf-8"><title>newsdex served bench</title><ol id="results"></ol>'
const files = new GzippedFiles()
const add = (path, body, type) => files.add(path, body, type)
add('/', Buffer.from(PAGE), 'text/html; charset=utf-8')
add('/newsdex.browser.js', readFileSync(join(ROOT, 'dist/newsdex.browser.js')), 'text/javascript')
add('/minisearch.js', readFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js')), 'text/javascript')
add('/idx/single.idx', single, 'application/octet-stream')
if (parts) for (const [name, bytes] of Object.entries(parts)) add(name === 'search' ? '/idx/split.idx' : `/idx/split.idx.${name}`, bytes, 'application/octet-stream')
add('/idx/minisearch.json', Buffer.from(msString), 'application/json')
const server = await serveGzipped(files)
const origin = server.origin

// ---------------------------------------------------------------------------------------------
// In the page

/** Runs in the browser: import, fetch and load, first query, keystrokes; returns the figures. */
async function inPage({ config, first, keystrokes, msOptions }) {
  const now = () => performance.now()
  const idxBytes = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/idx/')).reduce((s, e) => s + e.encodedBodySize, 0)
  const out = {}
  let search
  let t = now()
  if (config === 'minisearch') {
    const { default: MiniSearch } = await import('/minisearch.js')
    out.importMs = now() - t
    t = now()
    const text = await (await fetch('/idx/minisearch.json')).text()
    out.fetchMs = now() - t
    t = now()
    const ms = MiniSearch.loadJSON(text, msOptions)
    out.loadMs = now() - t
    out.readyMs = out.fetchMs + out.loadMs
    search = async (q) => {
      const results = ms.search(q)
      let html = ''
      for (const r of results.slice(0, 10)) html += `<li><a href="#${r.id}">${r.title}</a> ${r.date ?? ''}</li>`
      return { total: results.length, html }
    }
  } else {
    const { NewsIndex } = await import('/newsdex.browser.js')
    out.importMs = now() - t
    let index
    t = now()
    if (config === 'newsdex-single') {
      const bytes = new Uint8Array(await (await fetch('/idx/single.idx')).arrayBuffer())
      out.fetchMs = now() - t
      t = now()
      index = NewsIndex.load(bytes)
      out.loadMs = now() - t
      out.readyMs = out.fetchMs + out.loadMs
    } else {
      index = await NewsIndex.open('/idx/split.idx')
      out.readyMs = now() - t
    }
    search = async (q) => {
      const response = config === 'newsdex-single' ? index.search(q) : await index.searchAsync(q)
      let html = ''
      for (const h of response.hits) html += `<li><a href="#${h.id}">${h.highlight?.title ?? h.article.title}</a><p>${h.highlight?.snippets.join(' … ') ?? ''}</p></li>`
      return { total: response.total, html }
    }
  }
  const list = document.getElementById('results')
  t = now()
  let answer = await search(first)
  out.firstMs = now() - t
  out.firstTotal = answer.total
  list.innerHTML = answer.html
  out.bytesBeforeFirst = idxBytes()
  out.times = []
  let nonEmpty = 0
  for (const q of keystrokes) {
    // The visitor's next key comes later: let the page render and idle between keystrokes.
    await new Promise((ok) => setTimeout(ok, 0))
    t = now()
    answer = await search(q)
    out.times.push(now() - t)
    list.innerHTML = answer.html
    if (answer.total > 0) nonEmpty++
  }
  out.nonEmpty = nonEmpty
  out.crossOriginIsolated = globalThis.crossOriginIsolated
  out.bytesAfter = idxBytes()
  if (typeof globalThis.gc === 'function') globalThis.gc()
  out.jsHeap = performance.memory?.usedJSHeapSize ?? null
  return out
}

const runs = Object.fromEntries(CONFIGS.map((c) => [c, []]))
try {
  for (let r = 0; r < settings.runs; r++) {
    const order = CONFIGS.map((_, i) => CONFIGS[(i + r) % CONFIGS.length])
    for (const config of order) {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      })
      try {
        const page = await browser.newPage()
        await page.goto(`${origin}/`)
        const result = await page.evaluate(inPage, { config, first, keystrokes, msOptions: MINISEARCH_OPTIONS })
        const summary = {
          ...result,
          times: undefined,
          keystrokeP50: percentile(result.times, 50),
          keystrokeP95: percentile(result.times, 95),
          keystrokeMax: Math.max(...result.times),
        }
        delete summary.times
        runs[config].push(summary)
        log(`run ${r + 1}/${settings.runs} ${config}: ready ${summary.readyMs.toFixed(0)} ms, first ${summary.firstMs.toFixed(1)} ms, keystroke p50/p95 ${summary.keystrokeP50.toFixed(2)}/${summary.keystrokeP95.toFixed(2)} ms, ${summary.bytesBeforeFirst} B before first`)
      } finally {
        await browser.close()
      }
    }
  }
} finally {
  server.close()
}

const measures = [
  ['importMs', 'import of the runtime module', 'ms'],
  ['readyMs', 'ready: fetch + load of the index (split: `open()`)', 'ms'],
  ['loadMs', 'load from bytes/string in memory', 'ms'],
  ['firstMs', `first query ('${first}')`, 'ms'],
  ['keystrokeP50', `keystroke p50 (${keystrokes.length} keystrokes)`, 'ms'],
  ['keystrokeP95', 'keystroke p95', 'ms'],
  ['bytesBeforeFirst', 'index bytes fetched (gzip) before the first result', 'KB'],
  ['bytesAfter', 'index bytes fetched (gzip) after every keystroke', 'KB'],
  ['jsHeap', 'JS heap after the keystrokes (usedJSHeapSize after gc)', 'MiB'],
]
const table = {}
for (const [key, label, unit] of measures) {
  const row = { label, unit }
  for (const c of CONFIGS) {
    const values = runs[c].map((s) => s[key]).filter((v) => typeof v === 'number')
    row[c] = values.length ? median(values) : null
  }
  table[key] = row
}

const results = {
  schema: 1,
  date: new Date().toISOString(),
  command: `node bench/served-browser.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  durationS: (now() - START) / 1000,
  machine: { node: process.version, chromium: CHROMIUM, cores: availableParallelism(), loadAverage: { start: LOAD_AT_START.map((x) => +x.toFixed(2)), end: loadavg().map((x) => +x.toFixed(2)) } },
  git: GIT,
  corpus: { file: basename(corpusPath), records, articles: articles.length },
  settings: { ...settings, size: articles.length, minisearch: MINISEARCH_OPTIONS, serving: 'each file gzip level 6, Content-Encoding: gzip, no-store, 127.0.0.1' },
  queries: { seed: drawn.seed, first, words: typed.length, keystrokes: keystrokes.length, examples: keystrokes.slice(0, 12) },
  table,
  minisearchTitleStoredGzip,
  splitBytesTarget: table.bytesBeforeFirst['newsdex-split'] == null ? null : { value: table.bytesBeforeFirst['newsdex-split'] / minisearchTitleStoredGzip, target: 0.5, pass: table.bytesBeforeFirst['newsdex-split'] / minisearchTitleStoredGzip <= 0.5 },
  runs,
}
const out = resolve(args.out ?? join(HERE, `results/served-browser-${corpusName}${args.quick ? '-quick' : ''}.json`))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)

const n = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
const fmt = (v, unit) => (v == null ? '–' : unit === 'KB' ? `${n(v / 1000)} KB` : unit === 'MiB' ? `${n(v / 2 ** 20, 1)} MiB` : v >= 100 ? `${n(v)} ms` : v >= 10 ? `${n(v, 1)} ms` : `${n(v, 2)} ms`)
const ratio = (a, b) => (a == null || b == null ? '–' : `${n(a / b, 2)}×`)
const lines = [
  `## Served path in Chromium: ${results.corpus.file}, ${n(articles.length)} articles (${results.date.slice(0, 10)}, commit ${GIT.commit?.slice(0, 7)}${GIT.srcDirty ? '+dirty' : ''})`,
  '',
  `Load average ${results.machine.loadAverage.start.join(' ')} → ${results.machine.loadAverage.end.join(' ')}; ${settings.runs} browser(s) per configuration, medians.`,
  '',
  '| measure | newsdex single | newsdex split | MiniSearch | single ÷ MiniSearch | split ÷ MiniSearch |',
  '|:---|---:|---:|---:|---:|---:|',
  ...Object.values(table).map((r) => `| ${r.label} | ${fmt(r['newsdex-single'], r.unit)} | ${fmt(r['newsdex-split'], r.unit)} | ${fmt(r.minisearch, r.unit)} | ${ratio(r['newsdex-single'], r.minisearch)} | ${ratio(r['newsdex-split'], r.minisearch)} |`),
  '',
  `MiniSearch's index with only titles stored: ${fmt(minisearchTitleStoredGzip, 'KB')} gzip (the loaded one stores title, date and body).` +
    (results.splitBytesTarget ? ` Split bytes before the first result ÷ that: ${n(results.splitBytesTarget.value, 2)}× (target ≤ 0.5×: ${results.splitBytesTarget.pass ? 'PASS' : 'FAIL'}).` : ''),
]
process.stdout.write(`${lines.join('\n')}\n`)
log(`results written to ${out}`)
