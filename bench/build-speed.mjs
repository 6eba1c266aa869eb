// Build speed: `newsdex build` of a corpus (read, parse, extract, index, write) against MiniSearch's
// JSON.parse + addAll + JSON.stringify of the same file, in the same run. Each build runs in its own
// process (module loading, the gazetteer included), the two alternating for --rounds rounds; the
// figures are medians of CPU time (user + system) and wall time. A last newsdex process reports
// where its time goes (CPU seconds per phase).
// Usage: npm run build && node bench/build-speed.mjs [--corpus ../shared/corpora/reuters21578.jsonl] [--rounds 3]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpora', 'reuters21578.jsonl') },
    rounds: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
})
const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

if (values.child === 'minisearch') {
  // As the benchmark harness configures it (bench/engines/minisearch.mjs): title and body indexed,
  // title and date stored.
  const { default: MiniSearch } = await import('minisearch')
  const documents = readFileSync(values.corpus, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
  const index = new MiniSearch({ fields: ['title', 'body'], idField: 'id', storeFields: ['title', 'date'], searchOptions: { boost: { title: 2 } } })
  index.addAll(documents)
  const json = JSON.stringify(index)
  console.log(JSON.stringify({ documents: documents.length, bytes: json.length }))
  process.exit(0)
}

if (values.child === 'phases') {
  // newsdex's build, phase by phase, in one process.
  let t = cpu()
  const { parseArticles, NewsIndex, writeIndex } = await import(join(ROOT, 'dist', 'build.js'))
  const load = cpu() - t
  t = cpu()
  const text = readFileSync(values.corpus, 'utf8')
  const articles = parseArticles(text, { path: 'corpus.jsonl', onSkip: () => {}, onError: () => {} })
  const parse = cpu() - t
  t = cpu()
  const index = new NewsIndex()
  index.addAll(articles)
  const add = cpu() - t
  t = cpu()
  const dir = mkdtempSync(join(tmpdir(), 'newsdex-speed-'))
  await writeIndex(index, join(dir, 'news.idx'))
  rmSync(dir, { recursive: true, force: true })
  const write = cpu() - t
  console.log(JSON.stringify({ load, parse, add, write }))
  process.exit(0)
}

/** Runs a process to completion under /usr/bin/time: its CPU and wall seconds, and its stdout. */
function timed(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %e', process.execPath, ...args], { encoding: 'utf8', cwd: ROOT })
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`)
  const [user, system, wall] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number)
  return { cpu: user + system, wall, stdout: result.stdout }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const dir = mkdtempSync(join(tmpdir(), 'newsdex-speed-'))
const runs = { newsdex: [], minisearch: [] }
const load0 = loadavg()[0]
for (let round = 0; round < Number(values.rounds); round++) {
  runs.newsdex.push(timed([join(ROOT, 'dist', 'cli.js'), 'build', values.corpus, '--out', join(dir, 'news.idx'), '--quiet', '--progress', 'never']))
  runs.minisearch.push(timed([fileURLToPath(import.meta.url), '--child', 'minisearch', '--corpus', values.corpus]))
}
const phases = JSON.parse(timed([fileURLToPath(import.meta.url), '--child', 'phases', '--corpus', values.corpus]).stdout)
rmSync(dir, { recursive: true, force: true })

const row = (name, list) => `| ${name} | ${median(list.map((r) => r.cpu)).toFixed(2)} | ${median(list.map((r) => r.wall)).toFixed(2)} | ${list.map((r) => r.cpu.toFixed(2)).join(', ')} |`
const ratio = (key) => median(runs.newsdex.map((r) => r[key])) / median(runs.minisearch.map((r) => r[key]))
console.log(`${values.corpus.split('/').at(-1)}; ${values.rounds} rounds; Node ${process.version}; load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`)
console.log('| build (own process) | CPU s (median) | wall s (median) | CPU s, each round |\n|:---|---:|---:|:---|')
console.log(row('`newsdex build` (read, parse, extract, index, write)', runs.newsdex))
console.log(row('MiniSearch: JSON.parse + addAll + JSON.stringify', runs.minisearch))
console.log(`\nnewsdex / MiniSearch: CPU ${ratio('cpu').toFixed(2)}×, wall ${ratio('wall').toFixed(2)}× (target ≤ 2×: ${ratio('cpu') <= 2 ? 'PASS' : 'FAIL'} on CPU)`)
console.log(`\nnewsdex phases, CPU s: loading the modules ${phases.load.toFixed(2)}, parse and extract ${phases.parse.toFixed(2)}, index ${phases.add.toFixed(2)}, serialize and write ${phases.write.toFixed(2)}`)
