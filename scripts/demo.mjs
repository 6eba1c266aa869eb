// `npm run demo`: build the seeds index with the CLI, search it, and say how to open the site search page.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const cli = 'dist/cli.js'
const out = 'examples/site-search/seeds.json'

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`)
  const { status } = spawnSync(command, args, { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}

if (!existsSync(cli)) run('npm', ['run', 'build'])
run('node', [cli, 'build', 'seeds/**/*.txt', '--out', out, '--split'])
run('node', [cli, 'search', out, 'rocket attack', '--limit', '3'])
run('node', [cli, 'search', out, '"baghdad airport" source:AP', '--limit', '3'])
console.log('\nSite search page: run `npm run serve`, then open http://localhost:8080/examples/site-search/')
