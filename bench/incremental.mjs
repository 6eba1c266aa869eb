// Incremental builds: Reuters split into one file per article (a temporary directory), then
//   1. a full build (no cache),
//   2. a build that fills the cache (--cache),
//   3. a build with the cache after one file changed,
//   4. a rebuild of `--watch` after one file changed (the time it reports),
// each in its own process; CPU time (user + system) and wall time. Ratios are to the full build.
// Usage: node bench/incremental.mjs [--corpus ../shared/corpora/reuters21578.jsonl] [--dir /tmp/newsdex-split]
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const { values } = parseArgs({ options: { corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpora', 'reuters21578.jsonl') }, dir: { type: 'string', default: '/tmp/newsdex-split' } } })
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
const load0 = loadavg()[0]
const full = timed(build)
const filled = timed([...build, '--cache', 'out/cache.json'])
changeOne(1)
const incremental = timed([...build, '--cache', 'out/cache.json'])

// --watch: the rebuild after one change, as it reports its own time.
const watched = await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [CLI, ...build, '--watch', '--cache', 'out/cache.json'], { cwd: dir })
  let out = ''
  let writes = 0
  child.stdout.on('data', (chunk) => {
    out += chunk
    const lines = out.split('\n').filter(Boolean)
    if (lines.length === 1 && writes === 0) setTimeout(() => changeOne(2 + writes++), 2000)
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
console.log(row('full (no cache)', full))
console.log(row('filling the cache (--cache)', filled))
console.log(row('one file changed (--cache)', incremental))
console.log(`| one file changed (--watch, its own report) | – | ${watchSeconds.toFixed(2)} | – | ${(watchSeconds / full.wall).toFixed(2)}× |`)
console.log(`\n${incremental.line}\n${watched}`)
if (!existsSync(join(dir, 'out', 'news.idx'))) throw new Error('no index written')
