#!/usr/bin/env node
// `npm run fuzz -- --runs N --seed S [--only name[,name]] [--record]`: bundles the TypeScript
// campaigns (bench/fuzz/*.ts, which import src/ directly) with esbuild and runs them in a child
// Node process with --expose-gc. The CLI campaign drives dist/cli.js, so the npm script builds first.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
// Inside the repository (.tmp/ is ignored), so that the bundle's packages resolve from its node_modules.
mkdirSync(join(root, '.tmp'), { recursive: true })
const dir = mkdtempSync(join(root, '.tmp', 'fuzz-'))
const outfile = join(dir, 'main.mjs')
try {
  await build({ entryPoints: [join(here, 'main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, packages: 'external', logLevel: 'warning', absWorkingDir: root })
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=2048', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
  process.exitCode = result.status ?? 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
