// Incremental builds: Reuters split into one file per article (a temporary directory), then
//   1. a build that fills the cache (--cache),
//   2. `--rounds` times (default 3): a full build (no cache), then a build with the cache after one
//      file changed; the ratio of each pair, and the medians,
//   3. a rebuild of `--watch` after one file changed (the time it reports),
// each in its own process; CPU time (user + system) and wall time. Ratios are to the full build of
// the same round (the machine's load moves both; pairs taken side by side move together).
// Usage: node bench/incremental.mjs [--corpus ../shared/corpora/reuters21578.jsonl] [--dir /tmp/newsdex-split] [--rounds 3]
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const { values } = parseArgs({ options: { corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpora', 'reuters21578.jsonl') }, dir: { type: 'string', default: '/tmp/newsdex-split' }, rounds: { type: 'string', default: '3' } } })
const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number, 1 or more, got '${values.rounds}'`)
const dir = values.dir

/** Splits the corpus into one JSON file per record, 1,000 to a folder. */
function split() {
  const lines = readFileSync(values.corpus, 'utf8').split('\n').filter(Boolean)
  rmSync(dir, { recursive: true, force: true })
  lines.forEach((line, i) => {
    const folder = join(dir, 'articles', String(Math.floor(i / 1000)).padStart(2, '0'))
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${String(i).padStart(5, '0')}.json`), line)
  })
  return lines.length
}

/** Runs the CLI to completion under /usr/bin/time; CPU and wall seconds. */
function timed(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %e', process.execPath, CLI, ...args], { cwd: dir, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(result.stderr)
  const [user, system, wall] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number)
  return { cpu: user + system, wall, line: result.stdout.trim() }
}

const changed = join(dir, 'articles', '10', '10000.json')
/** Changes one article's text (a different body each time). */
function changeOne(n) {
  const record = JSON.parse(readFileSync(changed, 'utf8'))
  record.body = `${record.body ?? ''}\n\nUpdate ${n}: the figures were revised.`
  writeFileSync(changed, JSON.stringify(record))
}

const files = split()
const build = ['build', 'articles/**/*.json', '--out', 'out/news.idx']
// Files changed within 2 s of a build's start are read again by the next one (see BuildCache's
// racyMs): the cache is filled once the split files are older than that.
await new Promise((resolve) => setTimeout(resolve, 2500))
const load0 = loadavg()[0]
const filled = timed([...build, '--cache', 'out/cache.json'])
/** Per round: the full build, then the cached build after one change. */
const pairs = Array.from({ length: rounds }, (_, r) => {
  const full = timed(build)
  changeOne(1 + r)
  return { full, incremental: timed([...build, '--cache', 'out/cache.json']) }
})
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
const full = { cpu: median(pairs.map((p) => p.full.cpu)), wall: median(pairs.map((p) => p.full.wall)) }
const incremental = { cpu: median(pairs.map((p) => p.incremental.cpu)), wall: median(pairs.map((p) => p.incremental.wall)), line: pairs.at(-1).incremental.line }

// --watch: the rebuild after one change, as it reports its own time.
const watched = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [CLI, ...build, '--watch', '--cache', 'out/cache.json'], { cwd: dir })
  let out = ''
  let writes = 0
  child.stdout.on('data', (chunk) => {
    out += chunk
    const lines = out.split('\n').filter(Boolean)
    if (lines.length === 1 && writes === 0) setTimeout(() => changeOne(1 + rounds + writes++), 2000)
    if (lines.length >= 2) {
      child.kill()
      resolve(lines[1])
    }
  })
  child.on('error', reject)
})
const watchSeconds = Number(/ in ([\d.]+) s/.exec(watched)[1])

const row = (name, r) => `| ${name} | ${r.cpu.toFixed(2)} | ${r.wall.toFixed(2)} | ${(r.cpu / full.cpu).toFixed(2)}× | ${(r.wall / full.wall).toFixed(2)}× |`
console.log(`${files.toLocaleString('en-US')} files; Node ${process.version}; load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`)
console.log('| build | CPU s | wall s | CPU / full | wall / full |\n|:---|---:|---:|---:|---:|')
console.log(row(`full (no cache), median of ${rounds}`, full))
console.log(row('filling the cache (--cache)', filled))
console.log(row(`one file changed (--cache), median of ${rounds}`, incremental))
console.log(`| one file changed (--watch, its own report) | – | ${watchSeconds.toFixed(2)} | – | ${(watchSeconds / full.wall).toFixed(2)}× |`)
const ratios = (key) => pairs.map((p) => (p.incremental[key] / p.full[key]).toFixed(3)).join(', ')
console.log(`\nEach round's one file changed ÷ its full build: CPU ${ratios('cpu')}; wall ${ratios('wall')} (median ${median(pairs.map((p) => p.incremental.cpu / p.full.cpu)).toFixed(3)}× CPU, ${median(pairs.map((p) => p.incremental.wall / p.full.wall)).toFixed(3)}× wall)`)
console.log(`\n${incremental.line}\n${watched}`)
if (!existsSync(join(dir, 'out', 'news.idx'))) throw new Error('no index written')
