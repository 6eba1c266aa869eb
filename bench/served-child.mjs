// One engine on the served path, in a process of its own (started by bench/served.mjs with
// --expose-gc): import the library, load the index from the bytes or string prepared beforehand,
// run the very first search, then every query once (cold: each a word not searched before), then
// every query again (warm). Each search is "rendered" as a results list would: id, title, and for
// newsdex the highlighted title and snippets. Prints one JSON line on stdout.
//
// Usage (normally from served.mjs): node --expose-gc bench/served-child.mjs --engine newsdex|minisearch --dir DIR
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({ options: { engine: { type: 'string' }, dir: { type: 'string' } } })
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc')

const now = () => performance.now()
/** Full GCs until the heap stops shrinking (at most 10); returns process.memoryUsage(). */
function settle() {
  let usage = process.memoryUsage()
  for (let i = 0; i < 10; i++) {
    globalThis.gc()
    const next = process.memoryUsage()
    const stable = Math.abs(next.heapUsed - usage.heapUsed) < 64 * 1024 && next.arrayBuffers === usage.arrayBuffers
    usage = next
    if (stable && i > 0) break
  }
  return usage
}
const heapOf = (u) => ({ heapUsed: u.heapUsed, arrayBuffers: u.arrayBuffers, total: u.heapUsed + u.arrayBuffers, rss: u.rss })

const { first, words, minisearchOptions } = JSON.parse(readFileSync(join(args.dir, 'queries.json'), 'utf8'))

/** Per engine: its import, how to read its prepared data, load it, search and render a page. */
const ENGINES = {
  newsdex: {
    file: 'newsdex.idx',
    async import() {
      // The runtime entry, as a site imports it.
      return (await import('../dist/index.js')).NewsIndex
    },
    read: (path) => readFileSync(path),
    load: (NewsIndex, bytes) => NewsIndex.load(bytes),
    /** Default options: prefix and fuzzy on, highlighted snippets, limit 10. */
    search(index, word) {
      const response = index.search(word)
      let chars = 0
      for (const hit of response.hits) {
        chars += hit.id.length + hit.article.title.length
        if (hit.highlight) chars += hit.highlight.title.length + hit.highlight.snippets.join('').length
      }
      return { total: response.total, shown: response.hits.length, chars, snippets: response.hits.some((h) => h.highlight?.snippets.length) }
    },
  },
  minisearch: {
    file: 'minisearch.json',
    async import() {
      return (await import('minisearch')).default
    },
    read: (path) => readFileSync(path, 'utf8'),
    load: (MiniSearch, json) => MiniSearch.loadJSON(json, minisearchOptions),
    /** searchOptions of the index: prefix, fuzzy 0.2, title boost 2; the first 10 shown. */
    search(ms, word) {
      const results = ms.search(word)
      let chars = 0
      const shown = Math.min(10, results.length)
      for (let i = 0; i < shown; i++) chars += String(results[i].id).length + (results[i].title ?? '').length + String(results[i].date ?? '').length
      return { total: results.length, shown, chars, snippets: false }
    },
  },
}

const engine = ENGINES[args.engine]
if (!engine) throw new Error(`unknown engine ${args.engine}`)

const t0 = now()
const lib = await engine.import()
const importMs = now() - t0

const baseline = settle()
let data = engine.read(join(args.dir, engine.file))
const dataBytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
settle()

// Load: from the bytes/string already in memory, the library imported but none of its code run.
const t1 = now()
let index = engine.load(lib, data)
const loadMs = now() - t1
data = null // the page drops what it fetched; an index that keeps views of its bytes keeps them alive

// The very first search after load (no GC in between, as on a page).
const t2 = now()
const firstAnswer = engine.search(index, first)
const firstQueryMs = now() - t2

let sink = firstAnswer.chars
const pass = () => {
  const times = new Float64Array(words.length)
  let nonEmpty = 0
  let totals = 0
  let withSnippets = 0
  for (let i = 0; i < words.length; i++) {
    const s = now()
    const answer = engine.search(index, words[i])
    times[i] = now() - s
    sink += answer.chars
    totals += answer.total
    if (answer.shown > 0) nonEmpty++
    if (answer.snippets) withSnippets++
  }
  return { times: Array.from(times), nonEmpty, meanTotal: totals / words.length, withSnippets }
}

const cold = pass()
const afterCold = settle()
const warm = pass()
const afterWarm = settle()

process.stdout.write(
  `${JSON.stringify({
    engine: args.engine,
    importMs,
    dataBytes,
    loadMs,
    first: { word: first, ms: firstQueryMs, total: firstAnswer.total, shown: firstAnswer.shown, snippets: firstAnswer.snippets },
    cold,
    warm,
    memory: { baseline: heapOf(baseline), afterCold: heapOf(afterCold), afterWarm: heapOf(afterWarm) },
    sink,
  })}\n`,
)
index = null
