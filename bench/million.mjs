#!/usr/bin/env node
// `npm run bench:million -- [--articles N] [--per-file N] [--seed S] [--dir D] [--keep]`
//
// A streaming build at scale: writes N (default 1,000,000) seeded synthetic articles as NDJSON
// files (`--per-file` articles each, default 1,000), Reuters-like (titles, datelines and sentences
// drawn from /work/shared/corpora/reuters21578.jsonl or $REUTERS; a seeded word generator when the
// corpus is absent), then builds an index of them through the real build path (`buildIndex` and
// `writeIndex` of dist/build.js: globbing, reading, parsing, extraction, indexing, serializing, the
// atomic write) in a child process, and reports articles/s and peak RSS (the kernel's high-water
// mark, VmHWM, which is `process.resourceUsage().maxRSS`). The child samples RSS and the V8 heap
// every 10% of the articles, so that the growth per article can be read off.
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { getHeapStatistics } from 'node:v8'
import { rng } from './prng.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    'per-file': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    'max-old-space': { type: 'string' },
  },
})

const MiB = 2 ** 20
const mib = (bytes) => `${(bytes / MiB).toFixed(0)} MiB`
/** Peak resident set size of this process, in bytes (VmHWM; maxRSS is the same number, in KiB). */
const peakRss = () => process.resourceUsage().maxRSS * 1024

if (values.child) {
  await child(values.child)
} else {
  await parent()
}

/** The build, in its own process so that generation leaves nothing in its memory. */
async function child(dir) {
  const { buildIndex, writeIndex } = await import(join(ROOT, 'dist/build.js'))
  const total = Number(values.articles)
  const samples = []
  let next = 0.1
  const sample = (articles, phase) => {
    const m = process.memoryUsage()
    samples.push({ phase, articles, seconds: (performance.now() - start) / 1000, rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers, peakRss: peakRss() })
  }
  const start = performance.now()
  const cpu = () => {
    const c = process.cpuUsage()
    return (c.user + c.system) / 1e6
  }
  const cpu0 = cpu()
  sample(0, 'start')
  const { index, errors, skipped } = await buildIndex({
    patterns: '*.ndjson',
    cwd: join(dir, 'articles'),
    onProgress: (p) => {
      if (p.articles >= next * total) {
        sample(p.articles, 'indexing')
        while (p.articles >= next * total) next += 0.1
      }
    },
  })
  const built = performance.now()
  const builtCpu = cpu()
  sample(index.size, 'indexed')
  const { bytes } = await writeIndex(index, join(dir, 'million.ndx'))
  const written = performance.now()
  const writtenCpu = cpu()
  sample(index.size, 'written')
  process.stdout.write(JSON.stringify({
    articles: index.size,
    errors: errors.length,
    firstErrors: errors.slice(0, 3),
    skipped,
    terms: index.stats().terms,
    indexBytes: bytes,
    buildSeconds: (built - start) / 1000,
    writeSeconds: (written - built) / 1000,
    buildCpu: builtCpu - cpu0,
    writeCpu: writtenCpu - builtCpu,
    peakRss: peakRss(),
    heapLimit: getHeapStatistics().heap_size_limit,
    samples,
  }))
}

/** Sentences of a Reuters body (its lines are hard-wrapped). */
function sentences(body) {
  return body.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z"(])/).map((s) => s.trim()).filter((s) => s.length > 20)
}

/** The material articles are drawn from: real Reuters text, or seeded words when the corpus is absent. */
function material(random) {
  const path = process.env.REUTERS ?? '/work/shared/corpora/reuters21578.jsonl'
  if (existsSync(path)) {
    const pool = { sentences: [], titles: [], datelines: [], lengths: [], source: path }
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue
      const record = JSON.parse(line)
      const split = sentences(String(record.body ?? ''))
      if (split.length === 0) continue
      pool.lengths.push(split.length)
      for (const s of split) pool.sentences.push(s)
      if (record.title) pool.titles.push(String(record.title))
      if (record.dateline) pool.datelines.push(String(record.dateline).replace(/\s*-\s*$/, ''))
    }
    return pool
  }
  // No corpus: words of 2–10 letters from a seeded alphabet, capitalised sentences of 8–30 words.
  const words = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + random.int(9) }, () => 'etaoinshrdlcumwfgypbvkjxqz'[Math.min(25, Math.floor(-Math.log(1 - random.next()) * 5))]).join(''))
  const sentence = () => {
    const n = 8 + random.int(23)
    const text = Array.from({ length: n }, () => random.pick(words)).join(' ')
    return `${text[0].toUpperCase()}${text.slice(1)}.`
  }
  return {
    sentences: Array.from({ length: 100_000 }, sentence),
    titles: Array.from({ length: 10_000 }, () => sentence().slice(0, -1).toUpperCase()),
    datelines: ['LONDON, March 3', 'NEW YORK, April 8', 'TOKYO, June 1', 'BAGHDAD, May 2'],
    lengths: Array.from({ length: 1000 }, () => 1 + random.int(20)),
    source: 'seeded words (no corpus)',
  }
}

/** Writes `total` articles as NDJSON files of `perFile` each; returns the bytes written. */
function generate(dir, total, perFile, seed) {
  const random = rng(seed)
  const pool = material(random)
  mkdirSync(dir, { recursive: true })
  let bytes = 0
  for (let file = 0; file * perFile < total; file++) {
    const lines = []
    for (let i = file * perFile; i < Math.min(total, (file + 1) * perFile); i++) {
      const count = random.pick(pool.lengths)
      const parts = []
      for (let k = 0; k < count; k++) parts.push(random.pick(pool.sentences))
      // Paragraphs of two or three sentences, as Reuters' are.
      const paragraphs = []
      for (let k = 0; k < parts.length; k += 2 + random.int(2)) paragraphs.push(parts.slice(k, k + 3).join(' '))
      const day = 1 + random.int(28)
      const month = 1 + random.int(12)
      const record = {
        id: `m${i + 1}`,
        title: random.pick(pool.titles),
        date: `${1980 + random.int(45)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        body: `${random.int(4) === 0 ? `${random.pick(pool.datelines)} (Reuters) - ` : ''}${paragraphs.join('\n\n')}`,
      }
      if (random.int(3) === 0) record.source = 'Reuters'
      lines.push(JSON.stringify(record))
    }
    const text = `${lines.join('\n')}\n`
    const fd = openSync(join(dir, `part-${String(file).padStart(5, '0')}.ndjson`), 'w')
    writeSync(fd, text)
    closeSync(fd)
    bytes += Buffer.byteLength(text)
  }
  return { bytes, source: pool.source }
}

async function parent() {
  const total = Number(values.articles)
  const perFile = Number(values['per-file'])
  const seed = Number(values.seed)
  if (!(total > 0) || !(perFile > 0) || !Number.isInteger(seed)) {
    console.error('usage: npm run bench:million -- [--articles N] [--per-file N] [--seed S] [--dir D] [--keep]')
    process.exit(2)
  }
  if (!existsSync(join(ROOT, 'dist/build.js'))) {
    console.error('dist/build.js is missing: run `npm run build` first')
    process.exit(2)
  }
  const dir = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), 'newsdex-million-'))
  try {
    const articlesDir = join(dir, 'articles')
    rmSync(articlesDir, { recursive: true, force: true })
    let started = performance.now()
    const generated = generate(articlesDir, total, perFile, seed)
    const files = readdirSync(articlesDir).length
    console.error(`generated ${total.toLocaleString('en-US')} articles in ${files} files, ${mib(generated.bytes)} of NDJSON, from ${generated.source}, in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    started = performance.now()
    const flags = values['max-old-space'] ? [`--max-old-space-size=${values['max-old-space']}`] : []
    const run = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', dir, '--articles', String(total)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * MiB })
    if (run.status !== 0) {
      console.error(`the build failed: exit ${run.status}${run.signal ? `, ${run.signal}` : ''}`)
      process.exitCode = 1
      return
    }
    const r = JSON.parse(run.stdout)
    const seconds = (performance.now() - started) / 1000
    console.log(`\nnpm run bench:million -- --articles ${total} --per-file ${perFile} --seed ${seed} (Node ${process.version}, ${cpus().length} cores, ${mib(totalmem())} RAM, heap limit ${mib(r.heapLimit)}, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`)
    // Wall time and CPU time (user + system, all threads: the garbage collector's included); the
    // machine may be shared, so articles per CPU second is the steadier figure.
    console.log('| articles | files | input | errors | skipped | terms | index | build (parse, extract, index): wall, CPU | serialize + write: wall, CPU | articles/s (wall) | articles per CPU s | peak RSS | peak RSS per article |')
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    console.log(`| ${r.articles.toLocaleString('en-US')} | ${files.toLocaleString('en-US')} | ${mib(generated.bytes)} | ${r.errors} | ${r.skipped} | ${r.terms.toLocaleString('en-US')} | ${mib(r.indexBytes)} | ${r.buildSeconds.toFixed(0)} s, ${r.buildCpu.toFixed(0)} s | ${r.writeSeconds.toFixed(0)} s, ${r.writeCpu.toFixed(0)} s | ${Math.round(r.articles / r.buildSeconds).toLocaleString('en-US')} | ${Math.round(r.articles / r.buildCpu).toLocaleString('en-US')} | ${mib(r.peakRss)} | ${Math.round(r.peakRss / r.articles).toLocaleString('en-US')} B |`)
    console.log('\n| phase | articles | s | RSS | heap used | external + array buffers | peak RSS so far |')
    console.log('|---|---:|---:|---:|---:|---:|---:|')
    for (const s of r.samples) console.log(`| ${s.phase} | ${s.articles.toLocaleString('en-US')} | ${s.seconds.toFixed(0)} | ${mib(s.rss)} | ${mib(s.heapUsed)} | ${mib(s.external)} | ${mib(s.peakRss)} |`)
    console.log(`\nwhole run ${seconds.toFixed(0)} s; index file ${statSync(join(dir, 'million.ndx')).size.toLocaleString('en-US')} B`)
    if (r.errors > 0) {
      console.log(`errors: ${JSON.stringify(r.firstErrors)}`)
      process.exitCode = 1
    }
  } finally {
    if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true })
  }
}
