/**
 * The CLI (`dist/cli.js`, run as a child process) on bad files: mutated index files for `inspect`
 * and `search`, hostile article files for `build`. Exit codes must be 0, 1 (coded error) or 2
 * (usage), with a one-line `newsdex: … [E_…]` message and never a stack trace; each run is bounded
 * by a timeout. Slow (one process per input): a few hundred inputs.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { FuzzFailure, type Campaign } from './harness.js'
import { indexFileCampaign, mutate, type Mutation } from './index-file.js'
import { articlesCampaign, type ArticleInput } from './articles.js'
import { smallIndex } from './corpus.js'

/** The built CLI; the runner and vitest both run from the repository root. */
const CLI = resolve('dist/cli.js')
let dir = ''
let base: Record<string, Uint8Array> = {}

export type CliInput =
  | { command: 'inspect' | 'search'; base: number; mutations: Mutation[]; json: boolean }
  | { command: 'build'; article: ArticleInput; extension: string }
  | { command: 'garbage'; bytes: number[]; verb: string }

export const cliCampaign: Campaign<CliInput> = {
  name: 'cli',
  entry: 'CLI: newsdex inspect / search / build on bad files (child processes)',
  fullRuns: 300,
  maxMs: 20_000,
  batch: 50,
  setup: () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
    dir ||= mkdtempSync(join(tmpdir(), 'newsdex-fuzz-cli-'))
    const index = smallIndex()
    base = { all: index.serialize(), ...index.serializeParts() }
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
  run: (i) => {
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
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 15_000 })
    if (r.error || r.status === null) throw new FuzzFailure(`no exit status (${r.signal ?? r.error?.message})`)
    if (![0, 1, 2].includes(r.status)) throw new FuzzFailure(`exit ${r.status}: ${r.stderr.slice(0, 300)}`)
    if (/\n\s+at |TypeError|RangeError|ReferenceError/.test(r.stderr)) throw new FuzzFailure(`stack trace: ${r.stderr.slice(0, 300)}`)
    // A coded error, or build's report of the records and files it could not read (each with its reason).
    if (r.status === 1 && !/newsdex: .*\[E_[A-Z_]+\]|newsdex build: \d+ errors? in \d+ files?/.test(r.stderr)) throw new FuzzFailure(`uncoded failure: ${r.stderr.slice(0, 300)}`)
  },
}

/** Removes the campaign's temporary directory. */
export function cleanupCli(): void {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
}
