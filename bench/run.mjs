#!/usr/bin/env node
// newsdex benchmark: newsdex vs MiniSearch, Lunr, FlexSearch and Orama on a news corpus, in one
// process run. `npm run bench -- --corpus ../shared/corpora/reuters21578.jsonl [--size N]`.
// See BENCHMARKS.md for the method and the latest figures.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { getHeapStatistics } from 'node:v8'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const ENGINE_NAMES = ['newsdex', 'minisearch', 'lunr', 'flexsearch', 'orama']
/** Heap limit the run needs: every engine's loaded index stays alive for the interleaved queries. */
const HEAP_MB = 12288

const USAGE = `usage: node --expose-gc bench/run.mjs [options]
  --corpus PATH          JSONL corpus (default ../shared/corpora/reuters21578.jsonl)
  --size N               first N articles; N above the corpus size adds seeded synthetic articles
  --quick                smoke run: 2,000 articles, 50 queries per kind, 3 rounds, 3 load runs
  --engines a,b          engines to run (default all: ${ENGINE_NAMES.join(',')})
  --queries N            queries per kind (default 200)
  --rounds N             timed rounds per query, after a warm-up on the first 25 queries of
                         each kind (default 7)
  --budget MS            time budget per engine and query kind; slow ones get fewer rounds, never
                         fewer than 3 (default 4000)
  --load-runs N          timed loads per engine, median reported (default 5; 3 above 50,000 articles)
  --brotli-quality Q     brotli quality for index sizes, 0 to skip (default 9, 5 above 50,000
                         articles; 11 takes ~2 s/MB)
  --seed N               seed of the query sets (default the fixed one; another seed gives an
                         out-of-sample set, e.g. to check tuning against the typo set)
  --skip-bundle          do not measure runtime bundle sizes
  --skip-cold            do not measure cold latency (50 queries per kind, once each, on a freshly
                         loaded index)
  --out PATH             JSON results (default bench/results/latest.json; a copy named after the
                         corpus and size is written beside it)
`

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    size: { type: 'string' },
    quick: { type: 'boolean', default: false },
    engines: { type: 'string' },
    queries: { type: 'string' },
    rounds: { type: 'string' },
    budget: { type: 'string' },
    'load-runs': { type: 'string' },
    'brotli-quality': { type: 'string' },
    seed: { type: 'string' },
    'skip-bundle': { type: 'boolean', default: false },
    'skip-cold': { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

// The measurements need a callable GC and room for every engine's index: if this process was not
// started with them, run the same command again in a child process that is.
if ((typeof globalThis.gc !== 'function' || getHeapStatistics().heap_size_limit < (HEAP_MB - 512) * 2 ** 20) && !process.env.NEWSDEX_BENCH_CHILD) {
  const flags = ['--expose-gc', `--max-old-space-size=${HEAP_MB}`]
  const child = spawnSync(process.execPath, [...process.execArgv, ...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NEWSDEX_BENCH_CHILD: '1' },
  })
  process.exit(child.status ?? 1)
}

// newsdex is measured from its build output, so that it is what users import.
{
  const dist = join(ROOT, 'dist/index.js')
  if (!existsSync(dist)) {
    console.error('dist/index.js is missing: run `npm run build` first')
    process.exit(2)
  }
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .reduce((t, e) => Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs), 0)
  if (newest(join(ROOT, 'src')) > statSync(dist).mtimeMs) {
    process.stderr.write('[bench] warning: src/ has changed since dist/ was built; run `npm run build` to measure the current code\n')
  }
}

const { corpusOfSize, readCorpus } = await import('./corpus.mjs')
const { KINDS, makeQueries, typoTruth } = await import('./queries.mjs')
const { collect, median, medianTime, now, percentile, retained, settleMemory, sizes } = await import('./measure.mjs')
const { formatReport, computeTargets } = await import('./report.mjs')

const int = (value, fallback) => {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`not a whole number: ${value}\n\n${USAGE}`)
    process.exit(2)
  }
  return n
}
const log = (message) => process.stderr.write(`[bench +${((now() - START) / 1000).toFixed(1)}s] ${message}\n`)
const START = now()
const LOAD_AT_START = loadavg()
const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || null
const GIT_AT_START = { commit: git('rev-parse', 'HEAD'), srcDirty: Boolean(git('status', '--porcelain', '--', 'src')), distBuilt: new Date(statSync(join(ROOT, 'dist/index.js')).mtimeMs).toISOString() }

const corpusPath = resolve(args.corpus ?? join(ROOT, '../shared/corpora/reuters21578.jsonl'))
const engineNames = args.engines ? args.engines.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : ENGINE_NAMES
for (const name of engineNames) {
  if (!ENGINE_NAMES.includes(name)) {
    console.error(`unknown engine '${name}' (known: ${ENGINE_NAMES.join(', ')})`)
    process.exit(2)
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus and queries

const real = readCorpus(corpusPath)
const size = int(args.size, args.quick ? 2000 : real.length)
const { articles, synthetic } = corpusOfSize(real, size)
const settings = {
  queriesPerKind: int(args.queries, args.quick ? 50 : 200),
  rounds: Math.max(1, int(args.rounds, args.quick ? 3 : 7)),
  minRounds: 3,
  budgetMs: int(args.budget, args.quick ? 1000 : 4000),
  loadRuns: Math.max(1, int(args['load-runs'], args.quick ? 3 : size > 50_000 ? 3 : 5)),
  brotliQuality: int(args['brotli-quality'], size > 50_000 ? 5 : 9),
  warmupQueries: 25,
  coldQueries: 50,
  gzipLevel: 6,
  typos: 50,
  limit: 10,
}
settings.minRounds = Math.min(settings.minRounds, settings.rounds)
log(`corpus ${basename(corpusPath)}: ${real.length} records; using ${articles.length} articles (${synthetic} synthetic)`)

const queries = makeQueries(articles, { perKind: settings.queriesPerKind, typos: settings.typos, ...(args.seed !== undefined ? { seed: int(args.seed, 0) } : {}) })
const truth = typoTruth(articles, queries.typos)
log(`queries: ${KINDS.map((k) => `${k} ${queries.sets[k].length}`).join(', ')}; typo set ${queries.typos.length}`)

// ---------------------------------------------------------------------------------------------
// Runtime bundle sizes

let bundle = []
if (!args['skip-bundle']) {
  const { bundleSizes } = await import('./bundle.mjs')
  bundle = await bundleSizes()
  log('bundle sizes measured')
}

// ---------------------------------------------------------------------------------------------
// Per engine: build, serialize, sizes, load time, retained memory. The loaded index is kept for the
// query phase, so that queries run on what a client would have after loading.

const adapters = {}
for (const name of engineNames) adapters[name] = (await import(`./engines/${name}.mjs`)).default

const engines = {}
const loaded = {}
/** The serialized form each kept index was loaded from, for the cold-latency pass. */
const primaryData = {}
/** The first queries of each kind, to check that a loaded index answers like the one built. */
const sampleQueries = KINDS.flatMap((k) => queries.sets[k].slice(0, 5))

for (const name of engineNames) {
  const engine = adapters[name]
  const record = { notes: engine.notes, supports: engine.supports, artifacts: [], load: [] }
  engines[name] = record
  try {
    measureEngine(name, engine, record)
  } catch (error) {
    record.error = String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ')
    delete loaded[name]
    log(`${name}: FAILED: ${record.error}`)
  }
  collect()
}

/**
 * Build, serialize, sizes, load time and retained memory of one engine; its loaded index is kept for
 * the query phase. Each step runs in its own function so that nothing but what a step returns stays
 * referenced from a live stack frame (a stale reference would skew the memory figures).
 */
function measureEngine(name, engine, record) {
  const { loadables, expected } = buildAndSerialize(name, engine, record)
  // Load time (median of several runs, each after a full GC) and retained memory of each loadable
  // artifact; the primary one is measured last and kept.
  for (const artifact of loadables) {
    if (!artifact.primary) measureLoad(name, engine, artifact, record, false)
  }
  const primary = loadables.find((a) => a.primary)
  loaded[name] = measureLoad(name, engine, primary, record, true)
  if (!args['skip-cold']) primaryData[name] = primary.data
  record.roundTrip = compareAnswers(expected, sampleAnswers(engine, loaded[name]))
  if (record.roundTrip.differ) log(`${name}: WARNING: ${record.roundTrip.differ} of ${record.roundTrip.compared} sample queries answer differently after load`)
}

/** Builds the index, serializes it, measures the sizes; returns the loadable artifacts and the built index's sample answers. */
function buildAndSerialize(name, engine, record) {
  collect()
  const t0 = now()
  const built = engine.build(articles)
  record.buildMs = now() - t0
  log(`${name}: built in ${(record.buildMs / 1000).toFixed(1)} s`)

  const t1 = now()
  const artifacts = engine.artifacts(built, articles)
  record.serializeMs = now() - t1
  record.artifacts = artifactSizes(artifacts)
  log(`${name}: serialized in ${(record.serializeMs / 1000).toFixed(1)} s; sizes measured`)
  // What the built index answers to the sample queries; the loaded one must answer the same.
  return { loadables: artifacts.filter((a) => a.loadable), expected: sampleAnswers(engine, built) }
}

/**
 * Sizes of each artifact. Parts that come in numbered chunks (`display-0`, `display-1`, …) are
 * reported together: the sum of each chunk's own raw, gzip and brotli size, as they are served.
 */
function artifactSizes(artifacts) {
  const rows = []
  const groups = new Map()
  for (const a of artifacts) {
    const measured = sizes(a.data, { gzipLevel: settings.gzipLevel, brotliQuality: settings.brotliQuality })
    const chunked = a.part && /^(.*)-\d+$/.exec(a.part)
    if (!chunked) {
      rows.push({ name: a.name, ...(a.variant ? { variant: a.variant } : {}), ...(a.part ? { part: a.part } : {}), primary: Boolean(a.primary), ...measured })
      continue
    }
    const part = `${chunked[1]}-*`
    let row = groups.get(part)
    if (!row) {
      row = { name: a.name.replace(/-\d+$/, '-*'), part, chunks: 0, primary: false, raw: 0, gzip: 0, brotli: measured.brotli == null ? null : 0 }
      groups.set(part, row)
      rows.push(row)
    }
    row.chunks++
    row.raw += measured.raw
    row.gzip += measured.gzip
    if (row.brotli != null) row.brotli += measured.brotli
  }
  for (const row of groups.values()) row.name += ` (${row.chunks} chunks)`
  return rows
}

/** Load time and retained memory of one artifact; returns the loaded index when `keep`, else nothing. */
function measureLoad(name, engine, artifact, record, keep) {
  const { median: ms, runs } = medianTime(() => engine.load(artifact.data), settings.loadRuns)
  const { index, figures } = loadRetained(engine, artifact.data)
  record.load.push({ name: artifact.name, primary: Boolean(artifact.primary), ms, runs, memory: figures })
  log(`${name}: load ${artifact.name} ${ms.toFixed(0)} ms (median of ${runs.length}), retains ${(figures.total / 2 ** 20).toFixed(1)} MiB`)
  return keep ? index : null
}

/** The answers (ids, in order) of an index to the sample queries its engine supports. */
function sampleAnswers(engine, index) {
  return sampleQueries.filter((q) => engine.supports[q.kind]).map((q) => JSON.stringify(engine.query(index, q)))
}

function compareAnswers(expected, actual) {
  return { compared: expected.length, differ: expected.filter((a, i) => a !== actual[i]).length }
}

/**
 * Memory retained by a freshly loaded index. Bytes are copied inside the measurement, so an index
 * that keeps (views of) its input is charged for it; a JSON string is parsed and dropped by every
 * engine here.
 */
function loadRetained(engine, data) {
  const copy = data instanceof Uint8Array ? () => data.slice() : () => data
  const { result, heapUsed, arrayBuffers, total } = retained(() => engine.load(copy()))
  return { index: result, figures: { heapUsed, arrayBuffers, total } }
}

// ---------------------------------------------------------------------------------------------
// Query latency. A warm-up on the first queries of each kind, then timed rounds over the whole sets;
// within a round each query kind is run engine by engine (the engine order rotates every round),
// each engine over the whole set, with a scavenge between blocks. Slow engine/kind pairs get fewer
// rounds (never fewer than 3) to keep the run short. Each query's latency is the median over its
// rounds; p50/p95 are over the queries.

const minorGc = () => globalThis.gc({ type: 'minor' })
const names = engineNames.filter((n) => loaded[n])
const latency = {}
const rounds = {}
const stats = {}
let sink = 0

function runBlock(name, kind, count, samples) {
  const engine = adapters[name]
  const index = loaded[name]
  const set = queries.sets[kind]
  let nonEmpty = 0
  let hits = 0
  minorGc()
  const t0 = now()
  for (let i = 0; i < count; i++) {
    const s = now()
    const ids = engine.query(index, set[i])
    const e = now()
    if (samples) samples[i].push((e - s) * 1000)
    sink += ids.length
    hits += ids.length
    if (ids.length > 0) nonEmpty++
  }
  return { ms: now() - t0, nonEmpty, hits }
}

log('queries: warm-up')
for (const name of names) {
  latency[name] = {}
  rounds[name] = {}
  stats[name] = {}
  for (const kind of KINDS) {
    if (!adapters[name].supports[kind]) continue
    const set = queries.sets[kind]
    const count = Math.min(settings.warmupQueries, set.length)
    const warm = runBlock(name, kind, count, null)
    const blockMs = (warm.ms * set.length) / Math.max(count, 1)
    rounds[name][kind] = Math.max(settings.minRounds, Math.min(settings.rounds, Math.floor(settings.budgetMs / Math.max(blockMs, 0.001))))
    latency[name][kind] = set.map(() => [])
  }
}
for (let r = 0; r < settings.rounds; r++) {
  for (const kind of KINDS) {
    const order = names.map((_, i) => names[(i + r) % names.length])
    for (const name of order) {
      if (!latency[name][kind] || r >= rounds[name][kind]) continue
      const block = runBlock(name, kind, queries.sets[kind].length, latency[name][kind])
      if (r === 0) stats[name][kind] = block
    }
  }
  log(`queries: round ${r + 1}/${settings.rounds} done`)
}
const queryResults = {}
for (const name of names) {
  queryResults[name] = {}
  for (const kind of KINDS) {
    const samples = latency[name][kind]
    if (!samples) {
      queryResults[name][kind] = null
      continue
    }
    const perQuery = samples.map(median)
    queryResults[name][kind] = {
      queries: perQuery.length,
      rounds: rounds[name][kind],
      p50us: percentile(perQuery, 50),
      p95us: percentile(perQuery, 95),
      meanUs: perQuery.reduce((a, b) => a + b, 0) / perQuery.length,
      nonEmpty: stats[name][kind].nonEmpty,
      meanHits: stats[name][kind].hits / perQuery.length,
      approx: adapters[name].supports[kind] === 'approx',
    }
  }
  engines[name].queries = queryResults[name]
}

// ---------------------------------------------------------------------------------------------
// Typo recovery: of the misspelled queries, how many return (top 10) an article containing the
// original word.

for (const name of names) {
  const engine = adapters[name]
  let recovered = 0
  const missed = []
  queries.typos.forEach((q, i) => {
    const ids = engine.query(loaded[name], q)
    if (ids.some((id) => truth[i].has(id))) recovered++
    else missed.push(`${q.text}→${q.original}`)
  })
  engines[name].typo = { recovered, of: queries.typos.length, missed }
}
log('typo recovery measured')

// Memory of each kept index after all the queries (lazy decoding and caches grow it): the memory
// freed when it is dropped.
function memoryAfterQueries(name) {
  const before = settleMemory()
  loaded[name] = null
  const after = settleMemory()
  return before.heapUsed - after.heapUsed + (before.arrayBuffers - after.arrayBuffers)
}
for (const name of names) engines[name].load.find((l) => l.primary).memoryAfterQueries = memoryAfterQueries(name)

// ---------------------------------------------------------------------------------------------
// Cold latency: the first `coldQueries` queries of each kind once each, on an index freshly loaded
// for that kind, after the JIT is warm. Engines that decode lazily (newsdex decodes a term's postings
// on first use) pay for it here, not in load. It runs once the kept indexes are dropped, so that the
// full GC before each pass is cheap.

function coldPass(name, kind) {
  const fresh = adapters[name].load(primaryData[name])
  const times = []
  collect()
  for (const q of queries.sets[kind].slice(0, settings.coldQueries)) {
    const s = now()
    sink += adapters[name].query(fresh, q).length
    times.push((now() - s) * 1000)
  }
  Object.assign(queryResults[name][kind], { coldP50us: percentile(times, 50), coldP95us: percentile(times, 95) })
}
if (!args['skip-cold']) {
  for (const name of names) {
    // A fresh index for each kind: the query sets share words.
    for (const kind of KINDS) if (queryResults[name][kind]) coldPass(name, kind)
    delete primaryData[name]
    log(`${name}: cold pass done`)
  }
}

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
  command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  durationS: (now() - START) / 1000,
  machine: {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? null,
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
    loadAverage: { start: LOAD_AT_START.map((x) => +x.toFixed(2)), end: loadavg().map((x) => +x.toFixed(2)) },
  },
  git: GIT_AT_START,
  versions: {
    newsdex: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    minisearch: pkgVersion('minisearch'),
    lunr: pkgVersion('lunr'),
    flexsearch: pkgVersion('flexsearch'),
    orama: pkgVersion('@orama/orama'),
    esbuild: pkgVersion('esbuild'),
  },
  corpus: { file: basename(corpusPath), records: real.length, articles: articles.length, synthetic },
  settings,
  queries: {
    seed: queries.seed,
    vocabulary: queries.vocabulary,
    counts: Object.fromEntries(KINDS.map((k) => [k, queries.sets[k].length])),
    examples: Object.fromEntries(KINDS.map((k) => [k, queries.sets[k].slice(0, 5).map((q) => q.text)])),
    typos: queries.typos.map((q) => ({ typo: q.text, original: q.original, edit: q.edit, articlesWithOriginal: truth[queries.typos.indexOf(q)].size })),
  },
  bundle,
  engines,
}
results.targets = computeTargets(results)
results.durationS = (now() - START) / 1000

const out = resolve(args.out ?? join(HERE, 'results/latest.json'))
mkdirSync(dirname(out), { recursive: true })
const json = `${JSON.stringify(results, null, 2)}\n`
writeFileSync(out, json)
const named = join(dirname(out), `${basename(corpusPath).replace(/\.jsonl?$/, '')}-${articles.length}${engineNames.length < ENGINE_NAMES.length ? `-${engineNames.join('+')}` : ''}.json`)
if (named !== out) writeFileSync(named, json)
process.stdout.write(formatReport(results))
log(`results written to ${out} and ${named} (sink ${sink})`)
