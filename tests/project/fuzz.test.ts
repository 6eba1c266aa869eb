/**
 * The short version of `npm run fuzz` (bench/fuzz/) that CI runs: every campaign with a fixed seed
 * and a few thousand inputs (the CLI's 1,000 run its main() in process, 4 of them also as child
 * processes, compared). An input
 * must either work or throw a coded `NewsdexError`: no other error, no input past the campaign's
 * time limit, no change to `Object.prototype`, no allocation out of proportion to the input.
 * The full run and its table are in RELIABILITY.md.
 */
import { existsSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { CAMPAIGNS } from '../../bench/fuzz/campaigns.js'
import { cleanupCli } from '../../bench/fuzz/cli.js'
import { runCampaign } from '../../bench/fuzz/harness.js'
import { BUILD_HINT, DIST } from '../helpers.js'

const SEED = 20_260_101
const INPUTS: Record<string, number> = { articles: 2000, search: 2000, 'index-file': 3000, highlight: 2000, cli: 1000 }

afterAll(cleanupCli)

describe('fuzz campaigns (short run)', () => {
  it('covers every campaign', () => {
    expect(CAMPAIGNS.map((c) => c.name).sort()).toEqual(Object.keys(INPUTS).sort())
  })

  for (const campaign of CAMPAIGNS) {
    // The timeouts are guards against a hang, far above what a run takes.
    it(`${campaign.name}: ${INPUTS[campaign.name]} inputs, every one works or throws a coded NewsdexError`, async () => {
      if (campaign.name === 'cli' && !existsSync(DIST.cli)) throw new Error(`${DIST.cli} is missing: ${BUILD_HINT}`)
      const result = await runCampaign(campaign, INPUTS[campaign.name]!, SEED)
      expect(result.inputs).toBe(INPUTS[campaign.name])
      expect(result.examples, `${result.failures} failures`).toEqual([])
      expect(result.failures).toBe(0)
    }, 120_000)
  }
})
