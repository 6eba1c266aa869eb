#!/usr/bin/env node
// Turns a results JSON into readable (Markdown) tables, and computes the targets of the engine
// rewrite from the ratios newsdex / MiniSearch of the same run.
// `node bench/report.mjs bench/results/latest.json` prints the report of a saved run again.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const KINDS = ['single', 'and', 'prefix', 'fuzzy', 'phrase', 'filtered']
const KIND_HEADERS = ['single word', 'two words AND', 'prefix', 'one typo', 'phrase', 'word + dates']
const LABELS = { newsdex: 'newsdex', minisearch: 'MiniSearch', lunr: 'Lunr', flexsearch: 'FlexSearch', orama: 'Orama' }
/** The runtime bundle limit: 16,000 bytes of gzip (the engine-room issue raised it from 12,000). */
export const BUNDLE_LIMIT = 16_000

const label = (name) => LABELS[name] ?? name
const mib = (bytes) => (bytes == null ? '–' : (bytes / 2 ** 20).toFixed(2))
const kib = (bytes) => (bytes == null ? '–' : (bytes / 1024).toFixed(1))
const ms = (v) => (v == null ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1))
const us = (v) => (v == null ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1))
const ratio = (v) => (v == null || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`)

function table(headers, rows, align) {
  const a = align ?? headers.map((_, i) => (i === 0 ? 'l' : 'r'))
  const lines = [`| ${headers.join(' | ')} |`, `|${a.map((x) => (x === 'l' ? ':---' : '---:')).join('|')}|`]
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`)
  return `${lines.join('\n')}\n`
}

/** The newsdex artifact, load and memory figures the targets use: the search part when it exists. */
function newsdexFigures(nd) {
  const searchPart = nd.artifacts.find((a) => a.part === 'search') ?? null
  const allInOne = nd.artifacts.find((a) => a.primary) ?? null
  const searchLoad = nd.load.find((l) => l.name.startsWith('serializeParts().search')) ?? null
  const fullLoad = nd.load.find((l) => l.primary) ?? null
  return { searchPart, allInOne, searchLoad, fullLoad, targetLoad: searchLoad ?? fullLoad }
}

/** PASS / FAIL / SKIP for each target of the engine rewrite, from this run's figures. */
export function computeTargets(results) {
  const nd = results.engines.newsdex
  const ms = results.engines.minisearch
  const targets = []
  const add = (id, target, value, base, limit, unit, skip) => {
    if (skip) {
      targets.push({ id, target, status: 'SKIP', reason: skip })
      return
    }
    const r = base == null ? null : value / base
    const pass = base == null ? value <= limit : r <= limit
    targets.push({ id, target, newsdex: value, minisearch: base, ratio: r, limit, unit, status: pass ? 'PASS' : 'FAIL' })
  }
  const both = nd && ms && !nd.error && !ms.error ? null : 'needs newsdex and minisearch, both measured without error'
  const f = nd ? newsdexFigures(nd) : {}
  const msPrimary = ms?.artifacts.find((a) => a.primary)
  const msBody = ms?.artifacts.find((a) => a.variant === 'body')
  const msLoad = ms?.load.find((l) => l.primary)

  add('search-part-gzip', 'search part gzip ≤ 0.4× MiniSearch toJSON gzip (title+date stored)', f.searchPart?.gzip, msPrimary?.gzip, 0.4, 'bytes',
    both ?? (f.searchPart ? null : 'newsdex has no serializeParts() yet'))
  add('all-in-one-gzip', 'serialize() gzip ≤ 0.9× MiniSearch toJSON gzip (title+date+body stored)', f.allInOne?.gzip, msBody?.gzip, 0.9, 'bytes', both)
  const loadWhat = f.searchLoad ? 'search part' : 'serialize()'
  add('load', `load (${loadWhat}) ≤ 0.25× MiniSearch.loadJSON`, f.targetLoad?.ms, msLoad?.ms, 0.25, 'ms', both)
  add('heap', `memory after load (${loadWhat}) ≤ 0.5× MiniSearch`, f.targetLoad?.memory.total, msLoad?.memory.total, 0.5, 'bytes', both)
  for (const kind of ['single', 'and', 'prefix']) {
    const a = nd?.queries?.[kind]?.p50us
    const b = ms?.queries?.[kind]?.p50us
    add(`p50-${kind}`, `p50 ${KIND_HEADERS[KINDS.indexOf(kind)]} ≤ 1.0× MiniSearch`, a, b, 1.0, 'µs', both ?? (a == null || b == null ? 'not measured' : null))
  }
  {
    const a = nd?.typo?.recovered
    const b = ms?.typo?.recovered
    if (both || a == null || b == null) targets.push({ id: 'typo', target: 'typo recovery ≥ MiniSearch', status: 'SKIP', reason: both ?? 'not measured' })
    else targets.push({ id: 'typo', target: 'typo recovery ≥ MiniSearch', newsdex: a, minisearch: b, ratio: b ? a / b : null, limit: null, unit: `of ${nd.typo.of}`, status: a >= b ? 'PASS' : 'FAIL' })
  }
  {
    const b = results.bundle.find((x) => x.name === 'newsdex')
    add('bundle', 'runtime bundle ≤ 16,000 B gzip', b?.gzip, null, BUNDLE_LIMIT, 'bytes', b?.gzip == null ? 'bundle not measured' : null)
  }
  return targets
}

function formatValue(v, unit) {
  if (v == null) return '–'
  if (unit === 'bytes') return v >= 2 ** 20 ? `${mib(v)} MiB` : `${kib(v)} KiB (${v.toLocaleString('en-US')} B)`
  if (unit === 'ms') return `${ms(v)} ms`
  if (unit === 'µs') return `${us(v)} µs`
  return `${v} ${unit}`
}

export function formatReport(r) {
  const names = Object.keys(r.engines)
  let out = ''
  out += `\n## newsdex benchmark — ${r.corpus.file}, ${r.corpus.articles.toLocaleString('en-US')} articles`
  out += r.corpus.synthetic ? ` (${r.corpus.synthetic.toLocaleString('en-US')} synthetic)\n\n` : '\n\n'
  out += `- ${r.date} · Node ${r.machine.node} · ${r.machine.cores} cores (${r.machine.cpu}) · ${r.machine.memoryGiB} GiB · run took ${(r.durationS / 60).toFixed(1)} min`
  const la = r.machine.loadAverage
  out += la ? ` · load average ${la.start[0]} at start, ${la.end[0]} at end (1 min)\n` : '\n'
  out += `- Versions: ${Object.entries(r.versions).map(([k, v]) => `${k} ${v ?? '?'}`).join(', ')}\n`
  if (r.git?.commit) {
    const dirty = r.git.srcDirty ?? r.git.dirty
    out += `- Code: commit ${r.git.commit.slice(0, 10)}${dirty ? ' (src/ had uncommitted changes)' : ''}${r.git.distBuilt ? `, dist/ built ${r.git.distBuilt}` : ''}\n`
  }
  out += `- Command: \`${r.command}\`\n\n`

  out += `### Build and index size (gzip level ${r.settings.gzipLevel}, brotli quality ${r.settings.brotliQuality || 'skipped'}; MiB = 2^20 bytes)\n\n`
  const sizeRows = []
  for (const name of names) {
    const e = r.engines[name]
    if (e.error) sizeRows.push([label(name), `error: ${e.error.slice(0, 120)}`, '', '', '', ''])
    e.artifacts.forEach((a, i) => {
      sizeRows.push([i === 0 ? label(name) : '', a.name, i === 0 ? (e.buildMs / 1000).toFixed(1) : '', mib(a.raw), mib(a.gzip), mib(a.brotli)])
    })
  }
  out += table(['engine', 'serialized', 'build s', 'raw MiB', 'gzip MiB', 'brotli MiB'], sizeRows, ['l', 'l', 'r', 'r', 'r', 'r'])

  out += `\n### Load and memory (load: median of ${r.settings.loadRuns} runs from the in-memory string/bytes; memory: heapUsed + arrayBuffers retained by the loaded index)\n\n`
  const loadRows = []
  for (const name of names) {
    for (const l of r.engines[name].load) loadRows.push([label(name), l.name, ms(l.ms), mib(l.memory.total), mib(l.memoryAfterQueries)])
  }
  out += table(['engine', 'loaded from', 'load ms', 'memory MiB', 'after all queries MiB'], loadRows, ['l', 'l', 'r', 'r', 'r'])

  out += `\n### Query latency, p50 / p95 µs (${r.queries.counts.single} queries per kind, top ${r.settings.limit}; per-query median of up to ${r.settings.rounds} rounds)\n\n`
  const qRows = []
  const hitRows = []
  for (const name of names) {
    if (r.engines[name].error) continue
    const q = r.engines[name].queries ?? {}
    qRows.push([label(name), ...KINDS.map((k) => (q[k] ? `${us(q[k].p50us)} / ${us(q[k].p95us)}${q[k].approx ? ' *' : ''}` : 'n/a'))])
    hitRows.push([label(name), ...KINDS.map((k) => (q[k] ? `${q[k].nonEmpty}/${q[k].queries}` : 'n/a'))])
  }
  out += table(['engine', ...KIND_HEADERS], qRows)
  out += '\n`*` FlexSearch has no edit-distance search: its "one typo" figure searches the misspelling as is.\n'
  const coldRows = names
    .filter((n) => !r.engines[n].error && Object.values(r.engines[n].queries ?? {}).some((q) => q?.coldP50us != null))
    .map((n) => {
      const q = r.engines[n].queries
      return [label(n), ...KINDS.map((k) => (q[k]?.coldP50us != null ? `${us(q[k].coldP50us)} / ${us(q[k].coldP95us)}` : 'n/a'))]
    })
  if (coldRows.length) {
    out += `\nCold latency, p50 / p95 µs: the first ${r.settings.coldQueries ?? 'N'} queries of each kind once each, on an index freshly loaded for that kind (JIT already warm):\n\n`
    out += table(['engine', ...KIND_HEADERS], coldRows)
  }
  out += '\nQueries with at least one hit (a check on each engine\'s semantics):\n\n'
  out += table(['engine', ...KIND_HEADERS], hitRows)

  out += `\n### Typo recovery (top 10 holds an article containing the original word)\n\n`
  out += table(['engine', 'recovered'], names.filter((n) => r.engines[n].typo).map((n) => [label(n), `${r.engines[n].typo.recovered} / ${r.engines[n].typo.of}`]))

  if (r.bundle.length) {
    out += '\n### Runtime bundle (esbuild, browser, minified ESM; gzip level 9, brotli 11)\n\n'
    out += table(
      ['bundle', 'entry', 'raw KiB', 'gzip KiB', 'brotli KiB'],
      r.bundle.map((b) => [label(b.name), b.what, b.error ? `error: ${b.error}` : kib(b.raw), kib(b.gzip), kib(b.brotli)]),
      ['l', 'l', 'r', 'r', 'r'],
    )
  }

  out += '\n### Targets of the engine rewrite (newsdex / MiniSearch, this run)\n\n'
  out += table(
    ['target', 'newsdex', 'MiniSearch', 'ratio', 'result'],
    r.targets.map((t) =>
      t.status === 'SKIP'
        ? [t.target, '–', '–', '–', `SKIP (${t.reason})`]
        : [t.target, formatValue(t.newsdex, t.unit), t.minisearch == null ? '–' : formatValue(t.minisearch, t.unit), t.id === 'bundle' ? `${(t.newsdex / t.limit).toFixed(2)} of limit` : ratio(t.ratio), t.status],
    ),
    ['l', 'r', 'r', 'r', 'l'],
  )
  const counts = { PASS: 0, FAIL: 0, SKIP: 0 }
  for (const t of r.targets) counts[t.status]++
  out += `\n${counts.PASS} PASS, ${counts.FAIL} FAIL, ${counts.SKIP} SKIP\n`
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? new URL('./results/latest.json', import.meta.url)
  const results = JSON.parse(readFileSync(file, 'utf8'))
  // The targets as this harness judges them now (a saved run keeps its figures, not its verdicts).
  results.targets = computeTargets(results)
  process.stdout.write(formatReport(results))
}
