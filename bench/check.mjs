#!/usr/bin/env node
// Self-checks of the harness (seconds): `node bench/check.mjs [--corpus PATH]`.
// - the MiniSearch "title+date+body stored" size variant equals a real build with that storeFields;
// - the synthetic corpus is deterministic and the query sets are stable from run to run.
import { strict as assert } from 'node:assert'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import MiniSearch from 'minisearch'
import { corpusOfSize, readCorpus } from './corpus.mjs'
import minisearch, { withStoredBody } from './engines/minisearch.mjs'
import { makeQueries } from './queries.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { corpus: { type: 'string' } } })
const real = readCorpus(resolve(values.corpus ?? join(ROOT, '../shared/corpora/reuters21578.jsonl')))
const articles = real.slice(0, 3000)

const built = minisearch.build(articles)
const injected = JSON.stringify(withStoredBody(built.toJSON(), articles))
const withBody = new MiniSearch({ fields: ['title', 'body'], idField: 'id', storeFields: ['title', 'date', 'body'], searchOptions: { boost: { title: 2 } } })
withBody.addAll(articles)
assert.equal(injected, JSON.stringify(withBody), 'MiniSearch +body variant differs from a real build')
console.log('ok: MiniSearch title+date+body variant equals a real build')

const a = corpusOfSize(real, real.length + 500).articles.slice(-500)
const b = corpusOfSize(real, real.length + 500).articles.slice(-500)
assert.deepEqual(a, b, 'synthetic corpus is not deterministic')
assert.ok(a.every((x) => x.body.length > 0 && x.date), 'synthetic articles need a body and a date')
console.log(`ok: synthetic corpus is deterministic (e.g. ${a[0].id}: "${a[0].body.slice(0, 80)}…")`)

const q1 = makeQueries(articles, { perKind: 50 })
const q2 = makeQueries(articles, { perKind: 50 })
assert.deepEqual(q1, q2, 'query sets are not deterministic')
for (const [kind, set] of Object.entries(q1.sets)) assert.equal(set.length, 50, `only ${set.length} ${kind} queries`)
console.log('ok: query sets are deterministic and full')
console.log('3 passed, 0 failed')
