#!/usr/bin/env node
import { main } from './cli/main.js'

main(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }, Boolean(process.stdout.isTTY)).then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
