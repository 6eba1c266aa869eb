#!/usr/bin/env node
import { cacheArgument } from './cli/cache-argument.js'
import { readEarly } from './ingest/read-early.js'

const argv = process.argv.slice(2)
// A build's cache file is read while the rest of the CLI loads.
const cache = cacheArgument(argv)
if (cache) readEarly(cache)
const { main } = await import('./cli/main.js')

main(argv, { out: (line) => console.log(line), err: (line) => console.error(line) }, Boolean(process.stdout.isTTY)).then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
