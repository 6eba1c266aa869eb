#!/usr/bin/env node
// The search box in Chromium: <newsdex-search> (dist/ui.js, its worker, over the split index) against
// a MiniSearch search box on the same page, served by the same local server (every file gzip'd, as a
// static host serves it). Each configuration runs in a browser of its own, in rotating order.
//
// - time to first results: from the moment the visitor starts (focuses the box and enters the first
//   word; both boxes open their index only then) until that word's results are in the page.
//   newsdex: the element starts its worker, which imports the runtime, fetches the search part, and
//   then the display and text chunks of the hits shown; MiniSearch: fetch + loadJSON + search on the
//   main thread;
// - keystroke: each later word typed letter by letter from 3 letters (every query new), from the
//   input event until that query's results are in the page (newsdex: its `newsdex:search` event
//   and, for a page shown before its text came, its snippets filled in: the panel no longer
//   `aria-busy`; MiniSearch: 10 titles and dates).
//
// npm run bench:ui-browser -- --corpus ../shared/corpora/reuters21578.jsonl
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { preflight } from './browser-preflight.mjs'
import { GzippedFiles, serveGzipped } from './gzip-server.mjs'
import { median, percentile } from './measure.mjs'
import { keystrokesOf, MINISEARCH_OPTIONS, minisearchArtifacts, newsdexArtifacts, servedArticles, servedWords } from './served-prepare.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CONFIGS = ['newsdex-search', 'minisearch']

const USAGE = `usage: node bench/ui-browser.mjs [options]   (npm run bench:ui-browser -- [options])
  --corpus PATH     JSONL corpus (default ../shared/corpora/reuters21578.jsonl)
  --words N         words typed after the first query, one search per keystroke from 3 letters (default 50)
  --runs N          browsers per configuration, in rotating order; medians (default 3)
  --quick           smoke run: first 3,000 articles, 10 words, 1 run
  --size N          first N articles (with a body)
  --http2           serve over HTTP/2 (TLS, a throwaway certificate) as static hosts do, not HTTP/1.1
  --out PATH        JSON results (default bench/results/ui-browser-<corpus>[-http2].json)
`
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    words: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    size: { type: 'string' },
    out: { type: 'string' },
    http2: { type: 'boolean', default: false },
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
const log = (message) => process.stderr.write(`[ui-browser +${((now() - START) / 1000).toFixed(1)}s] ${message}\n`)

const GIT = preflight(ROOT, ['dist/ui.js', 'dist/ui-worker.js', 'dist/ui.css', 'dist/indexer.js'], CHROMIUM)
const LOAD_AT_START = loadavg()

const settings = {
  words: Math.max(1, int(args.words, args.quick ? 10 : 50)),
  runs: Math.max(1, int(args.runs, args.quick ? 1 : 3)),
  size: int(args.size, args.quick ? 3000 : Infinity),
  minChars: 3,
  protocol: args.http2 ? 'HTTP/2' : 'HTTP/1.1',
}
const corpusPath = resolve(args.corpus ?? join(ROOT, '../shared/corpora/reuters21578.jsonl'))
const corpusName = basename(corpusPath).replace(/\.jsonl?$/, '')
const { records, articles } = servedArticles(corpusPath, settings.size)
const drawn = servedWords(articles, settings.words + 1)
const [first, ...typed] = drawn.words
const keystrokes = keystrokesOf(first, typed, settings.minChars)
log(`corpus ${basename(corpusPath)}: ${articles.length} articles; first query '${first}', then ${typed.length} words typed = ${keystrokes.length} keystrokes`)
const { parts } = await newsdexArtifacts(articles)
const { loaded: msString } = minisearchArtifacts(articles)
log('indexes prepared')

// ---------------------------------------------------------------------------------------------
// The page and the static server: every file gzip'd (level 6), Content-Encoding: gzip, no caching.

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>newsdex search box bench</title>
<script type="module" src="/dist/ui.js"></script>
<main><newsdex-search src="/idx/split.idx" mode="inline" no-recent></newsdex-search>
<input id="ms" aria-label="MiniSearch"><ol id="ms-results"></ol></main>`
const files = new GzippedFiles()
const add = (path, body, type) => files.add(path, body, type)
add('/', Buffer.from(PAGE), 'text/html; charset=utf-8')
for (const name of readdirSync(join(ROOT, 'dist')).filter((n) => /^(ui|ui-worker|chunk-[\w-]+|search-core-[\w-]+)\.js$|^ui\.css$/.test(n))) {
  add(`/dist/${name}`, readFileSync(join(ROOT, 'dist', name)), name.endsWith('.css') ? 'text/css' : 'text/javascript')
}
add('/minisearch.js', readFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js')), 'text/javascript')
for (const [name, bytes] of Object.entries(parts)) add(name === 'search' ? '/idx/split.idx' : `/idx/split.idx.${name}`, bytes, 'application/octet-stream')
add('/idx/minisearch.json', Buffer.from(msString), 'application/json')
const server = await serveGzipped(files, { http2: args.http2 })
const origin = server.origin

// ---------------------------------------------------------------------------------------------
// In the page

/** Runs in the browser: the first word, then the keystrokes; returns the times. */
async function inPage({ config, first, keystrokes, msOptions }) {
  const now = () => performance.now()
  const out = { times: [] }
  let search
  if (config === 'minisearch') {
    const { default: MiniSearch } = await import('/minisearch.js')
    const input = document.getElementById('ms')
    const list = document.getElementById('ms-results')
    let ms
    // As a search box would: the index is fetched when the visitor first types.
    search = async (q) => {
      input.value = q
      ms ??= MiniSearch.loadJSON(await (await fetch('/idx/minisearch.json')).text(), msOptions)
      const results = ms.search(q)
      let html = ''
      for (const r of results.slice(0, 10)) html += `<li><a href="#${r.id}">${r.title}</a> ${r.date ?? ''}</li>`
      list.innerHTML = html
      return results.length
    }
  } else {
    await customElements.whenDefined('newsdex-search')
    const el = document.querySelector('newsdex-search')
    const input = el.shadowRoot.querySelector('input')
    const panel = el.shadowRoot.querySelector('.panel')
    let waiting = null
    // The page is complete once its `newsdex:search` has fired and the panel is no longer busy: a
    // page whose text is still arriving fires the event with its titles, then fills its snippets in.
    el.addEventListener('newsdex:search', (event) => {
      if (!waiting || event.detail.query !== waiting.q) return
      const { done } = waiting
      const total = event.detail.total
      if (!panel.hasAttribute('aria-busy')) return done(total)
      new MutationObserver((_, observer) => {
        if (panel.hasAttribute('aria-busy')) return
        observer.disconnect()
        done(total)
      }).observe(panel, { attributes: true, attributeFilter: ['aria-busy'] })
    })
    search = (q) =>
      new Promise((done) => {
        waiting = { q, done }
        input.value = q
        input.dispatchEvent(new Event('input'))
      })
    input.focus()
  }
  let t = now()
  out.firstTotal = await search(first)
  out.firstMs = now() - t
  let nonEmpty = 0
  for (const q of keystrokes) {
    // The visitor's next key comes later: let the page render and idle between keystrokes.
    await new Promise((ok) => setTimeout(ok, 0))
    t = now()
    if ((await search(q)) > 0) nonEmpty++
    out.times.push(now() - t)
  }
  out.nonEmpty = nonEmpty
  out.crossOriginIsolated = globalThis.crossOriginIsolated
  // What the index requests went over ('h2', 'http/1.1'), as Resource Timing saw it.
  out.protocols = [...new Set(performance.getEntriesByType('resource').map((entry) => entry.nextHopProtocol))]
  return out
}

const runs = Object.fromEntries(CONFIGS.map((c) => [c, []]))
try {
  for (let r = 0; r < settings.runs; r++) {
    const order = CONFIGS.map((_, i) => CONFIGS[(i + r) % CONFIGS.length])
    for (const config of order) {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      })
      try {
        const page = await (await browser.newContext({ ignoreHTTPSErrors: args.http2 })).newPage()
        page.setDefaultTimeout(120_000)
        await page.goto(`${origin}/`)
        const result = await page.evaluate(inPage, { config, first, keystrokes, msOptions: MINISEARCH_OPTIONS })
        const summary = { firstMs: result.firstMs, firstTotal: result.firstTotal, nonEmpty: result.nonEmpty, crossOriginIsolated: result.crossOriginIsolated, protocols: result.protocols, keystrokeP50: percentile(result.times, 50), keystrokeP95: percentile(result.times, 95), keystrokeMax: Math.max(...result.times) }
        runs[config].push(summary)
        log(`run ${r + 1}/${settings.runs} ${config}: first results ${summary.firstMs.toFixed(0)} ms (${summary.firstTotal}), keystroke p50/p95 ${summary.keystrokeP50.toFixed(2)}/${summary.keystrokeP95.toFixed(2)} ms`)
      } finally {
        await browser.close()
      }
    }
  }
} finally {
  server.close()
}

const table = {}
for (const key of ['firstMs', 'keystrokeP50', 'keystrokeP95', 'keystrokeMax']) table[key] = Object.fromEntries(CONFIGS.map((c) => [c, median(runs[c].map((s) => s[key]))]))
const targets = {
  first: { ratio: table.firstMs['newsdex-search'] / table.firstMs.minisearch, target: 2 },
  keystrokeP95: { ratio: table.keystrokeP95['newsdex-search'] / table.keystrokeP95.minisearch, target: 1 },
}
for (const t of Object.values(targets)) t.pass = t.ratio <= t.target
const results = {
  schema: 1,
  date: new Date().toISOString(),
  command: `node bench/ui-browser.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  durationS: (now() - START) / 1000,
  machine: { node: process.version, chromium: CHROMIUM, cores: availableParallelism(), loadAverage: { start: LOAD_AT_START.map((x) => +x.toFixed(2)), end: loadavg().map((x) => +x.toFixed(2)) } },
  git: GIT,
  corpus: { file: basename(corpusPath), records, articles: articles.length },
  settings: { ...settings, size: articles.length, minisearch: MINISEARCH_OPTIONS },
  queries: { seed: drawn.seed, first, words: typed.length, keystrokes: keystrokes.length },
  table,
  targets,
  runs,
}
const out = resolve(args.out ?? join(HERE, `results/ui-browser-${corpusName}${args.http2 ? '-http2' : ''}${args.quick ? '-quick' : ''}.json`))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)

const ms = (v) => (v >= 100 ? `${Math.round(v).toLocaleString('en-US')} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`)
const lines = [
  `## The search box in Chromium: ${results.corpus.file}, ${articles.length.toLocaleString('en-US')} articles (${results.date.slice(0, 10)}, commit ${GIT.commit?.slice(0, 7)}${GIT.srcDirty ? '+dirty' : ''})`,
  '',
  `Load average ${results.machine.loadAverage.start.join(' ')} → ${results.machine.loadAverage.end.join(' ')}; ${settings.runs} browser(s) per configuration, medians; first word '${first}', then ${keystrokes.length} keystrokes.`,
  '',
  '| measure | `<newsdex-search>` (worker, split index) | MiniSearch box | ratio | target |',
  '|:---|---:|---:|---:|:---|',
  `| time to first results | ${ms(table.firstMs['newsdex-search'])} | ${ms(table.firstMs.minisearch)} | ${targets.first.ratio.toFixed(2)}× | ≤ 2×: ${targets.first.pass ? 'PASS' : 'FAIL'} |`,
  `| keystroke p50 | ${ms(table.keystrokeP50['newsdex-search'])} | ${ms(table.keystrokeP50.minisearch)} | ${(table.keystrokeP50['newsdex-search'] / table.keystrokeP50.minisearch).toFixed(2)}× | |`,
  `| keystroke p95 | ${ms(table.keystrokeP95['newsdex-search'])} | ${ms(table.keystrokeP95.minisearch)} | ${targets.keystrokeP95.ratio.toFixed(2)}× | ≤ 1×: ${targets.keystrokeP95.pass ? 'PASS' : 'FAIL'} |`,
  `| keystroke max | ${ms(table.keystrokeMax['newsdex-search'])} | ${ms(table.keystrokeMax.minisearch)} | | |`,
]
process.stdout.write(`${lines.join('\n')}\n`)
log(`results written to ${out}`)
