// Index the seed articles with the Node build API, then search them with the runtime API.
// Run from the repository root after `npm install`: node examples/node-search/index.mjs [query]
import { buildIndex } from 'newsdex/build'
import { NewsIndex } from 'newsdex'

const query = process.argv.slice(2).join(' ') || 'rocket baghdad'

const { index, errors } = await buildIndex({ patterns: ['seeds/**/*.txt'] })
for (const error of errors) console.error(`skipped ${error.path}: ${error.message}`)

// What a browser would do: load the serialized bytes, no options needed.
const loaded = NewsIndex.load(index.serialize())
const result = loaded.search(query, { facets: ['source', 'year'], highlight: { tags: ['[', ']'] } })

console.log(`${result.total} hit(s) for "${query}"`)
for (const hit of result.hits) {
  console.log(`\n${hit.highlight?.title}\n  ${hit.article.date ?? 'undated'} · score ${hit.score.toFixed(2)}`)
  for (const snippet of hit.highlight?.snippets ?? []) console.log(`  ${snippet}`)
}
console.log('\nfacets:', JSON.stringify(result.facets))
