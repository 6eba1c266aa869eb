/** Every fuzz campaign, in the order `npm run fuzz` runs them. */
import { articlesCampaign } from './articles.js'
import { cliCampaign } from './cli.js'
import type { Campaign } from './harness.js'
import { highlightCampaign } from './highlight.js'
import { indexFileCampaign } from './index-file.js'
import { searchCampaign } from './search.js'

export const CAMPAIGNS: Campaign<unknown>[] = [articlesCampaign, searchCampaign, indexFileCampaign, highlightCampaign, cliCampaign] as unknown as Campaign<unknown>[]
