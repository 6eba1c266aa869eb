/**
 * The fuzz runner (started by bench/fuzz/run.mjs): `--runs N` inputs per campaign (a campaign may
 * cap it with its `fullRuns`), `--seed S`, `--only a,b`. Prints a table and the first failing
 * inputs; exits 1 when any campaign has a failure.
 */
import { parseArgs } from 'node:util'
import { CAMPAIGNS } from './campaigns.js'
import { cleanupCli, spawned } from './cli.js'
import { runCampaign, type CampaignResult } from './harness.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '42' }, only: { type: 'string' } } })
const runs = Number(values.runs)
const seed = Number(values.seed)
const only = values.only?.split(',')
const chosen = CAMPAIGNS.filter((c) => !only || only.includes(c.name))
if (!(runs > 0) || !Number.isInteger(seed) || chosen.length === 0) {
  console.error(`usage: npm run fuzz -- --runs N --seed S [--only ${CAMPAIGNS.map((c) => c.name).join(',')}]`)
  process.exit(2)
}

const results: CampaignResult[] = []
try {
  for (const campaign of chosen) {
    const count = Math.min(runs, campaign.fullRuns ?? Infinity)
    const start = performance.now()
    const result = await runCampaign(campaign, count, seed, (done) => process.stderr.write(`\r${campaign.name}: ${done}/${count}`))
    const children = campaign.name === 'cli' ? ` (${spawned} of them also as child processes)` : ''
    process.stderr.write(`\r${campaign.name}: ${count} inputs${children} in ${((performance.now() - start) / 1000).toFixed(1)} s, ${result.failures} failures, ${result.rejected} coded rejections\n`)
    for (const example of result.examples) process.stderr.write(`  ✗ ${example}\n`)
    results.push(result)
  }
} finally {
  cleanupCli()
}

const rows = results.map((r) => `| ${r.entry} | ${r.inputs.toLocaleString('en')} | ${r.failures} | ${r.rejected.toLocaleString('en')} | ${r.p99Ms.toFixed(2)} | ${r.maxMs.toFixed(1)} | ${r.peakHeapMb.toFixed(0)} MB |`)
console.log(`\nnpm run fuzz -- --runs ${runs} --seed ${seed}${only ? ` --only ${only.join(',')}` : ''} (Node ${process.version})\n`)
console.log('| Entry point | Inputs | Failures | Coded rejections | p99 ms | max ms | Peak heap |')
console.log('|---|---:|---:|---:|---:|---:|---:|')
console.log(rows.join('\n'))
process.exitCode = results.some((r) => r.failures > 0) ? 1 : 0
