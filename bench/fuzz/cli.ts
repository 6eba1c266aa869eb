/**
 * The CLI on bad files: mutated index files for `inspect` and `search`, hostile article files for
 * `build`. Each input runs the CLI's `main()` in this process, with its output captured (the exit
 * code it returns, the lines it writes); every `SPAWN_EVERY`th input also runs `dist/cli.js` as a
 * child process, which must answer exactly the same (status, stdout, stderr). Exit codes must be 0,
 * 1 (coded error) or 2 (usage), with a one-line `newsdex: … [E_…]` message and never a stack trace
 * or an error that escapes `main()`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { main } from '../../src/cli/main.js'
import { FuzzFailure, type Campaign } from './harness.js'
import { indexFileCampaign, mutate, type Mutation } from './index-file.js'
import { articlesCampaign, type ArticleInput } from './articles.js'
import { smallIndex } from './corpus.js'

/** The built CLI; the runner and vitest both run from the repository root. */
const CLI = resolve('dist/cli.js')
/** One input in this many also runs as a child process (400 of a full run of 100,000). */
export const SPAWN_EVERY = 250
/** Time one in-process input may take (the child process has its own timeout). */
const IN_PROCESS_MS = 2_000
let dir = ''
let base: Record<string, Uint8Array> = {}
let inputs = 0
/** Inputs run as a child process so far (all of them agreed with the in-process run). */
export let spawned = 0

export type CliInput =
  | { command: 'inspect' | 'search'; base: number; mutations: Mutation[]; json: boolean }
  | { command: 'build'; article: ArticleInput; extension: string }
  | { command: 'garbage'; bytes: number[]; verb: string }

/** What one run of the CLI did. */
interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/** Runs `main(args)` in this process, with its output captured as a child process's would be. */
async function inProcess(args: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  let status: number
  try {
    // Lines as a stream writes them: UTF-8, where a lone surrogate (V8 quotes one in the JSON.parse
    // error of a file starting with an astral character) becomes U+FFFD.
    const written = (line: string): string => Buffer.from(`${line}\n`, 'utf8').toString('utf8')
    status = await main(args, { out: (line) => out.push(written(line)), err: (line) => err.push(written(line)), status: () => {}, errIsTty: false }, false)
  } catch (error) {
    throw new FuzzFailure(`main() threw (the binary would print a stack trace): ${(error as Error)?.stack?.slice(0, 300) ?? String(error)}`)
  }
  return { status, stdout: out.join(''), stderr: err.join('') }
}

/** Runs `dist/cli.js args` as a child process. */
function asChild(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_COLOR: '1' } })
  if (r.error || r.status === null) throw new FuzzFailure(`child process: no exit status (${r.signal ?? r.error?.message})`)
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The rules every run keeps. */
function check(r: CliRun, how: string): void {
  if (![0, 1, 2].includes(r.status)) throw new FuzzFailure(`${how}: exit ${r.status}: ${r.stderr.slice(0, 300)}`)
  if (/\n\s+at |TypeError|RangeError|ReferenceError/.test(r.stderr)) throw new FuzzFailure(`${how}: stack trace: ${r.stderr.slice(0, 300)}`)
  // A coded error, or build's report of the records and files it could not read (each with its
  // reason; counts are written 1,234), or of input that held no article to index (every record
  // without text, skipped).
  if (r.status === 1 && !/newsdex: .*\[E_[A-Z_]+\]|newsdex build: [\d,]+ errors? in [\d,]+ files?|newsdex build: no articles to index/.test(r.stderr)) throw new FuzzFailure(`${how}: uncoded failure: ${r.stderr.slice(0, 300)}`)
}

export const cliCampaign: Campaign<CliInput> = {
  name: 'cli',
  entry: `CLI: newsdex inspect / search / build on bad files (main() in process; 1 in ${SPAWN_EVERY} also as a child process, compared)`,
  maxMs: 20_000,
  setup: () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
    dir ||= mkdtempSync(join(tmpdir(), 'newsdex-fuzz-cli-'))
    const index = smallIndex()
    base = { all: index.serialize(), ...index.serializeParts() }
    inputs = 0
    spawned = 0
    indexFileCampaign.setup?.()
  },
  arbitrary: () => {
    const mutations = (indexFileCampaign.arbitrary() as fc.Arbitrary<{ mutations: Mutation[] }>).map((i) => i.mutations)
    return fc.oneof(
      fc.record({ command: fc.constantFrom('inspect' as const, 'search' as const), base: fc.nat(5), mutations, json: fc.boolean() }),
      fc.record({ command: fc.constant('build' as const), article: articlesCampaign.arbitrary(), extension: fc.constantFrom('.md', '.txt', '.json', '.ndjson', '') }),
      fc.record({ command: fc.constant('garbage' as const), bytes: fc.array(fc.nat(255), { maxLength: 64 }), verb: fc.constantFrom('inspect', 'search') }),
    )
  },
  size: () => 1 << 20,
  run: async (i) => {
    let args: string[]
    if (i.command === 'build') {
      const file = join(dir, `article${i.extension}`)
      writeFileSync(file, i.article.text)
      args = ['build', `article${i.extension}`, '--cwd', dir, '--out', join(dir, 'out.ndx'), '--quiet']
    } else {
      const file = join(dir, 'index.ndx')
      if (i.command === 'garbage') writeFileSync(file, Uint8Array.from(i.bytes))
      else {
        const kinds = Object.keys(base)
        let bytes = base[kinds[i.base % kinds.length]!]!
        for (const m of i.mutations) bytes = mutate(bytes, m)
        writeFileSync(file, bytes)
      }
      const verb = i.command === 'garbage' ? i.verb : i.command
      args = verb === 'inspect' ? ['inspect', file, ...(i.command !== 'garbage' && i.json ? ['--json'] : [])] : ['search', file, 'rocket', '"rocket attack"', '--limit', '3']
    }
    const start = performance.now()
    const own = await inProcess(args)
    const ms = performance.now() - start
    if (ms > IN_PROCESS_MS) throw new FuzzFailure(`main() took ${ms.toFixed(0)} ms (limit ${IN_PROCESS_MS})`)
    check(own, 'main()')
    if (inputs++ % SPAWN_EVERY !== 0) return
    // The real binary, on the same files, must answer the same.
    const child = asChild(args)
    spawned++
    check(child, 'dist/cli.js')
    for (const key of ['status', 'stdout', 'stderr'] as const) {
      if (child[key] !== own[key]) throw new FuzzFailure(`dist/cli.js and main() differ in ${key}: ${JSON.stringify(child[key]).slice(0, 200)} vs ${JSON.stringify(own[key]).slice(0, 200)}`)
    }
  },
}

/** Removes the campaign's temporary directory. */
export function cleanupCli(): void {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
}
