#!/usr/bin/env node
// The served path: what a site visitor gets. Each engine runs in a process of its own
// (bench/served-child.mjs), loads its index from bytes/string prepared beforehand, and answers a
// different word on every query with its default serving options; then the bytes a browser fetches
// for newsdex's single file and split layout. See BENCHMARKS.md, "Served path".
//
// npm run bench:served -- --corpus ../shared/corpora/reuters21578.jsonl
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { median, percentile } from './measure.mjs'
import { gzipSize, servedBytes } from './served-bytes.mjs'
import { MINISEARCH_OPTIONS, minisearchArtifacts, newsdexArtifacts, servedArticles, servedWords } from './served-prepare.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const ENGINES = ['newsdex', 'minisearch']

const USAGE = `usage: node bench/served.mjs [options]   (npm run bench:served -- [options])
  --corpus PATH      JSONL corpus (default ../shared/corpora/reuters21578.jsonl; also bbc2095.jsonl)
  --queries N        distinct one-word queries per engine process, after the first query (default 1000)
  --runs N           processes per engine, in alternating order; each figure is the median over
                     the runs (default 3)
  --keystrokes N     distinct queries of the bytes simulation, the first included (default 50)
  --quick            smoke run: first 3,000 articles, 200 queries, 1 run
  --size N           first N articles (with a body)
  --seed N           seed of the query words (default the bench's fixed seed)
  --skip-bytes       no bytes simulation
  --out PATH         JSON results (default bench/results/served-<corpus>.json)
`

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    queries: { type: 'string' },
    runs: { type: 'string' },
    keystrokes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    size: { type: 'string' },
    seed: { type: 'string' },
    'skip-bytes': { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}
const int = (value, fallback) => {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`not a whole number: ${value}\n\n${USAGE}`)
    process.exit(2)
  }
  return n
}

const now = () => performance.now()
const START = now()
const log = (message) => process.stderr.write(`[served +${((now() - START) / 1000).toFixed(1)}s] ${message}\n`)

// newsdex is measured from its build output: dist/indexer.js builds, dist/index.js (the runtime) loads.
const dist = join(ROOT, 'dist/index.js')
if (!existsSync(dist)) {
  console.error('dist/index.js is missing: run `npm run build` first')
  process.exit(2)
}
{
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .reduce((t, e) => Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs), 0)
  if (newest(join(ROOT, 'src')) > statSync(dist).mtimeMs) log('warning: src/ has changed since dist/ was built; run `npm run build` to measure the current code')
}
const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || null
const GIT = { commit: git('rev-parse', 'HEAD'), srcDirty: Boolean(git('status', '--porcelain', '--', 'src')), distBuilt: new Date(statSync(dist).mtimeMs).toISOString() }
const LOAD_AT_START = loadavg()

const settings = {
  queries: Math.max(1, int(args.queries, args.quick ? 200 : 1000)),
  runs: Math.max(1, int(args.runs, args.quick ? 1 : 3)),
  keystrokes: Math.max(1, int(args.keystrokes, 50)),
  size: int(args.size, args.quick ? 3000 : Infinity),
  limit: 10,
}

// ---------------------------------------------------------------------------------------------
// Corpus and queries

const corpusPath = resolve(args.corpus ?? join(ROOT, '../shared/corpora/reuters21578.jsonl'))
const corpusName = basename(corpusPath).replace(/\.jsonl?$/, '')
const { records, articles } = servedArticles(corpusPath, settings.size)
log(`corpus ${basename(corpusPath)}: ${records} records, ${articles.length} articles with a body`)

const wanted = settings.queries + 1
const drawn = servedWords(articles, wanted, args.seed !== undefined ? int(args.seed, 0) : undefined)
const allWords = drawn.words
if (allWords.length < wanted) log(`warning: only ${allWords.length} distinct words for ${wanted} queries`)
const [first, ...words] = allWords
log(`queries: first '${first}', then ${words.length} distinct words (${words.slice(0, 5).join(', ')}, …)`)

// ---------------------------------------------------------------------------------------------
// Indexes, prepared as a site would publish them

const dir = mkdtempSync(join(tmpdir(), 'newsdex-served-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))

let t = now()
const { single, parts } = await newsdexArtifacts(articles)
log(`newsdex: built and serialized in ${((now() - t) / 1000).toFixed(1)} s (${(single.byteLength / 2 ** 20).toFixed(2)} MiB)`)
writeFileSync(join(dir, 'newsdex.idx'), single)

t = now()
const { loaded: msString, titleStored } = minisearchArtifacts(articles)
log(`minisearch: built and serialized in ${((now() - t) / 1000).toFixed(1)} s (${(Buffer.byteLength(msString) / 2 ** 20).toFixed(2)} MiB, title+date+body stored)`)
writeFileSync(join(dir, 'minisearch.json'), msString)
const minisearchSizes = {
  titleStored: { raw: Buffer.byteLength(titleStored), gzip: gzipSize(Buffer.from(titleStored)) },
  loaded: { what: 'title+date+body stored (what the served run loads)', raw: Buffer.byteLength(msString), gzip: gzipSize(Buffer.from(msString)) },
}
writeFileSync(join(dir, 'queries.json'), JSON.stringify({ first, words, minisearchOptions: MINISEARCH_OPTIONS }))

// ---------------------------------------------------------------------------------------------
// Served runs: one process per engine and run, in alternating order (A B, B A, A B, …), one at a time.

const runs = Object.fromEntries(ENGINES.map((e) => [e, []]))
for (let r = 0; r < settings.runs; r++) {
  const order = r % 2 ? [...ENGINES].reverse() : ENGINES
  for (const engine of order) {
    const child = spawnSync(process.execPath, ['--expose-gc', join(HERE, 'served-child.mjs'), '--engine', engine, '--dir', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 256 * 2 ** 20,
    })
    if (child.status !== 0) {
      console.error(`${engine} (run ${r + 1}) failed with status ${child.status}`)
      process.exit(1)
    }
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1))
    const summary = summarize(result)
    runs[engine].push(summary)
    log(
      `run ${r + 1}/${settings.runs} ${engine}: load ${summary.loadMs.toFixed(0)} ms, first ${summary.firstQueryMs.toFixed(1)} ms, ` +
        `cold p50/p95 ${summary.cold.p50.toFixed(2)}/${summary.cold.p95.toFixed(2)} ms, warm p50 ${summary.warm.p50.toFixed(2)} ms, ` +
        `heap ${(summary.heapAfterQueries / 2 ** 20).toFixed(1)} MiB`,
    )
  }
}

/** The figures of one child run; per-query times reduced to percentiles (ms). */
function summarize(result) {
  const dist = (times) => ({ p50: percentile(times, 50), p90: percentile(times, 90), p95: percentile(times, 95), p99: percentile(times, 99), max: Math.max(...times), mean: times.reduce((a, b) => a + b, 0) / times.length })
  return {
    importMs: result.importMs,
    dataBytes: result.dataBytes,
    loadMs: result.loadMs,
    firstQueryMs: result.first.ms,
    first: result.first,
    cold: { ...dist(result.cold.times), nonEmpty: result.cold.nonEmpty, meanTotal: result.cold.meanTotal, withSnippets: result.cold.withSnippets },
    warm: { ...dist(result.warm.times), nonEmpty: result.warm.nonEmpty },
    heapAfterQueries: result.memory.afterCold.total,
    heapGrowth: result.memory.afterCold.total - result.memory.baseline.total,
    memory: result.memory,
  }
}

const pick = (engine, get) => median(runs[engine].map(get))
const measures = [
  { key: 'load', label: 'load (from bytes/string in memory)', get: (s) => s.loadMs, unit: 'ms' },
  { key: 'first', label: 'first query', get: (s) => s.firstQueryMs, unit: 'ms', target: 2 },
  { key: 'coldP50', label: `cold p50 (${words.length} distinct words)`, get: (s) => s.cold.p50, unit: 'ms', target: 1 },
  { key: 'coldP95', label: 'cold p95', get: (s) => s.cold.p95, unit: 'ms', target: 1 },
  { key: 'warmP50', label: 'warm p50 (the same words again)', get: (s) => s.warm.p50, unit: 'ms', target: 1 },
  { key: 'warmP95', label: 'warm p95', get: (s) => s.warm.p95, unit: 'ms' },
  { key: 'heap', label: `heap after ${words.length} queries (heapUsed + arrayBuffers)`, get: (s) => s.heapAfterQueries, unit: 'MiB', target: 0.5 },
  { key: 'heapGrowth', label: '  of which above the process before loading', get: (s) => s.heapGrowth, unit: 'MiB' },
]
const served = {}
for (const m of measures) {
  const nd = pick('newsdex', m.get)
  const mi = pick('minisearch', m.get)
  served[m.key] = { label: m.label, unit: m.unit, newsdex: nd, minisearch: mi, ratio: nd / mi, ...(m.target ? { target: m.target, pass: nd / mi <= m.target } : {}) }
}

// ---------------------------------------------------------------------------------------------
// Bytes

let bytes = null
if (!args['skip-bytes'] && parts) {
  t = now()
  const { NewsIndex } = await import('../dist/index.js')
  bytes = await servedBytes(NewsIndex, single, parts, allWords.slice(0, settings.keystrokes))
  // The corpus's text fields (title and body) as JSONL, gzip'd; and the file as it is.
  const corpusText = Buffer.from(articles.map((a) => JSON.stringify({ title: a.title, body: a.body })).join('\n'))
  bytes.corpus = {
    textFields: { what: 'JSONL of {title, body} of the articles indexed', raw: corpusText.length, gzip: gzipSize(corpusText) },
    file: { what: `${basename(corpusPath)} as it is (every record and field)`, raw: statSync(corpusPath).size, gzip: gzipSize(readFileSync(corpusPath)) },
  }
  bytes.minisearch = minisearchSizes
  log(`bytes simulated in ${((now() - t) / 1000).toFixed(1)} s`)
}
const bytesTargets = bytes && {
  splitBeforeFirst: { label: 'split: bytes before the first result ÷ MiniSearch whole index (title stored)', value: bytes.split.beforeFirst.gzip / minisearchSizes.titleStored.gzip, target: 0.5 },
  wholeVsCorpus: { label: 'whole index (serialize()) gzip ÷ corpus text gzip', value: bytes.single.gzip / bytes.corpus.textFields.gzip, target: 1, strict: true },
}
if (bytesTargets) for (const x of Object.values(bytesTargets)) x.pass = x.strict ? x.value < x.target : x.value <= x.target

// ---------------------------------------------------------------------------------------------
// Output

const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version
  } catch {
    return null
  }
}
const results = {
  schema: 1,
  date: new Date().toISOString(),
  command: `node bench/served.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  durationS: (now() - START) / 1000,
  machine: {
    node: process.version,
    cpu: cpus()[0]?.model ?? null,
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: { start: LOAD_AT_START.map((x) => +x.toFixed(2)), end: loadavg().map((x) => +x.toFixed(2)) },
  },
  git: GIT,
  versions: { newsdex: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version, minisearch: pkgVersion('minisearch') },
  corpus: { file: basename(corpusPath), records, articles: articles.length },
  settings: { ...settings, size: articles.length, minisearch: MINISEARCH_OPTIONS, newsdex: 'NewsIndex.load(serialize() bytes) from dist/index.js; search(word) with default options (prefix, fuzzy, highlight, limit 10)' },
  queries: { seed: drawn.seed, first, count: words.length, examples: words.slice(0, 10) },
  served,
  runs,
  bytes,
  bytesTargets,
}
const out = resolve(args.out ?? join(HERE, `results/served-${corpusName}${args.quick ? '-quick' : ''}.json`))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
process.stdout.write(formatServed(results))
log(`results written to ${out}`)

/** The report: served-path table, bytes, targets (markdown). */
export function formatServed(r) {
  const n = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
  const fmt = (v, unit) => (unit === 'MiB' ? `${n(v / 2 ** 20, 1)} MiB` : v >= 100 ? `${n(v)} ms` : v >= 10 ? `${n(v, 1)} ms` : `${n(v, 2)} ms`)
  const kb = (b) => `${n(b / 1000)} KB`
  const lines = []
  lines.push(`## Served path: ${r.corpus.file}, ${n(r.corpus.articles)} articles (${r.date.slice(0, 10)}, commit ${r.git.commit?.slice(0, 7)}${r.git.srcDirty ? '+dirty' : ''})`)
  lines.push('')
  lines.push(`Node ${r.machine.node}, ${r.machine.cores} cores, load average ${r.machine.loadAverage.start.join(' ')} → ${r.machine.loadAverage.end.join(' ')}; ${r.settings.runs} process(es) per engine, medians; ${r.queries.count} distinct words after the first query.`)
  lines.push('')
  lines.push('| measure | newsdex | MiniSearch | newsdex ÷ MiniSearch | target | |')
  lines.push('|:---|---:|---:|---:|---:|:---|')
  for (const m of Object.values(r.served)) {
    lines.push(`| ${m.label} | ${fmt(m.newsdex, m.unit)} | ${fmt(m.minisearch, m.unit)} | ${n(m.ratio, 2)}× | ${m.target ? `≤ ${n(m.target, 1)}×` : ''} | ${m.target ? (m.pass ? 'PASS' : 'FAIL') : ''} |`)
  }
  const nd = r.runs.newsdex.at(-1)
  const mi = r.runs.minisearch.at(-1)
  lines.push('')
  lines.push(`Answers (last run): newsdex ${n(nd.cold.nonEmpty)} of ${n(r.queries.count)} queries with hits (${n(nd.cold.withSnippets)} with snippets), ${n(nd.cold.meanTotal, 1)} matches on average; MiniSearch ${n(mi.cold.nonEmpty)}, ${n(mi.cold.meanTotal, 1)}. First query '${r.queries.first}': newsdex ${n(nd.first.total)} matches, MiniSearch ${n(mi.first.total)}.`)
  if (r.bytes) {
    const b = r.bytes
    const base = b.minisearch.titleStored.gzip
    lines.push('')
    lines.push(`### Bytes fetched (gzip level ${b.gzipLevel}, each file on its own; ${b.single.queries} distinct queries with searchAsync, default options)`)
    lines.push('')
    lines.push('| | before the first result | after all queries | ÷ MiniSearch index (title stored), before first |')
    lines.push('|:---|---:|---:|---:|')
    lines.push(`| newsdex single file (\`serialize()\`) | ${kb(b.single.beforeFirst.gzip)} | ${kb(b.single.afterAll.gzip)} | ${n(b.single.beforeFirst.gzip / base, 2)}× |`)
    const groups = (g) => Object.entries(g).map(([k, v]) => `${k} ${v.requests > 1 ? `${v.requests}× ` : ''}${kb(v.gzip)}`).join(', ')
    lines.push(`| newsdex split (\`serializeParts()\`) | ${kb(b.split.beforeFirst.gzip)} (${groups(b.split.beforeFirst.groups)}) | ${kb(b.split.afterAll.gzip)} (${groups(b.split.afterAll.groups)}) | ${n(b.split.beforeFirst.gzip / base, 2)}× |`)
    lines.push(`| MiniSearch whole index, title stored | ${kb(base)} | ${kb(base)} | 1.00× |`)
    lines.push('')
    lines.push('| whole files | raw | gzip |')
    lines.push('|:---|---:|---:|')
    lines.push(`| newsdex \`serialize()\` | ${kb(b.single.raw)} | ${kb(b.single.gzip)} |`)
    lines.push(`| newsdex \`serializeParts()\`, all parts: ${Object.entries(b.split.layout).map(([k, v]) => `${k}${v.files > 1 ? ` (${v.files} files)` : ''} ${kb(v.gzip)}`).join(', ')} | ${kb(b.split.raw)} | ${kb(b.split.gzip)} |`)
    lines.push(`| MiniSearch toJSON(), title stored | ${kb(b.minisearch.titleStored.raw)} | ${kb(b.minisearch.titleStored.gzip)} |`)
    lines.push(`| MiniSearch toJSON(), title+date+body stored (loaded above) | ${kb(b.minisearch.loaded.raw)} | ${kb(b.minisearch.loaded.gzip)} |`)
    lines.push(`| corpus text fields (JSONL of title, body) | ${kb(b.corpus.textFields.raw)} | ${kb(b.corpus.textFields.gzip)} |`)
    lines.push(`| corpus file as it is | ${kb(b.corpus.file.raw)} | ${kb(b.corpus.file.gzip)} |`)
  }
  lines.push('')
  lines.push('### Targets (issue 13)')
  lines.push('')
  lines.push('| target | this run | |')
  lines.push('|:---|---:|:---|')
  for (const m of Object.values(r.served)) if (m.target) lines.push(`| ${m.label.replace(/ \(.*\)$/, '')} ≤ ${n(m.target, 1)}× MiniSearch | ${n(m.ratio, 2)}× | ${m.pass ? 'PASS' : 'FAIL'} |`)
  if (r.bytesTargets) {
    const s = r.bytesTargets.splitBeforeFirst
    const w = r.bytesTargets.wholeVsCorpus
    lines.push(`| split bytes before the first result ≤ 0.5× MiniSearch whole index (title stored) | ${n(s.value, 2)}× | ${s.pass ? 'PASS' : 'FAIL'} |`)
    lines.push(`| whole index gzip < corpus gzip (text fields) | ${n(w.value, 2)}× | ${w.pass ? 'PASS' : 'FAIL'} |`)
  }
  return `${lines.join('\n')}\n`
}
