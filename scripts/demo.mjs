// `npm run demo`: build the seeds index with the CLI, search it, and say how to open the site search
// page (examples/site-search: the <newsdex-search> element over that index).
// `npm run demo -- --archive ../shared/corpora/bbc2095.jsonl` also indexes a larger archive (any file
// `newsdex build` reads) for the same page, at ?index=./archive.json.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { archive: { type: 'string' } } })
const cli = 'dist/cli.js'
const out = 'examples/site-search/seeds.json'

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`)
  const { status } = spawnSync(command, args, { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

if (!existsSync(cli) || !existsSync('dist/ui.js')) run('npm', ['run', 'build'])
run('node', [cli, 'build', 'seeds/**/*.txt', '--out', out, '--split'])
run('node', [cli, 'search', out, 'rocket attack', '--limit', '3'])
run('node', [cli, 'search', out, '"baghdad airport" source:AP', '--limit', '3'])
if (values.archive) run('node', [cli, 'build', values.archive, '--out', 'examples/site-search/archive.json', '--split'])
console.log('\nSite search page: run `npm run serve`, then open http://localhost:8080/examples/site-search/ and press Ctrl+K')
if (values.archive) console.log('The larger archive: http://localhost:8080/examples/site-search/?index=./archive.json')
