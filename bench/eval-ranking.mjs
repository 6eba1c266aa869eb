#!/usr/bin/env node
// Ranking quality on IR test collections with relevance judgements (../shared/eval/ir: LISA, ADI):
// MAP (top 1,000) and nDCG@10 for newsdex, MiniSearch with its defaults, and a plain BM25 reference,
// in one run. See BENCHMARKS.md ("Ranking quality") for the figures.
//
//   npm run eval:ranking [-- --dir ../shared/eval/ir] [--collections lisa,adi] [--module dist/indexer.js]
//                        [--index-options JSON] [--search-options JSON] [--per-query] [--json PATH]
//
// The scoring rules are those of ../shared/eval/README.md: index title + text; run each query as a
// person typed it, stripping only "():-*~^; match 'any', top 1,000, prefix and fuzzy off; MAP over
// the queries with at least one relevant document; nDCG@10 with gain 2^rel − 1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import MiniSearch from 'minisearch'

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: '../shared/eval/ir' },
    collections: { type: 'string', default: 'lisa,adi' },
    module: { type: 'string', default: 'dist/indexer.js' },
    'index-options': { type: 'string', default: '{}' },
    'search-options': { type: 'string', default: '{}' },
    'per-query': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
})
const { NewsIndex } = await import(pathToFileURL(resolve(args.module)).href)
const DEPTH = 1000

const readJsonl = (path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))

/** Relevance judgements: query id → (document id → grade). */
function readQrels(path) {
  const qrels = new Map()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [qid, , docid, rel] = line.trim().split(/\s+/)
    if (!docid) continue
    if (!qrels.has(qid)) qrels.set(qid, new Map())
    qrels.get(qid).set(docid, Number(rel))
  }
  return qrels
}

/** A query as a person typed it, with only the characters the scoring rules strip. */
const clean = (text) => text.replace(/["():\-*~^]/g, ' ')

function averagePrecision(ranking, judged) {
  const relevant = [...judged.values()].filter((rel) => rel > 0).length
  if (relevant === 0) return null
  let found = 0
  let sum = 0
  ranking.forEach((id, i) => {
    if ((judged.get(id) ?? 0) > 0) sum += ++found / (i + 1)
  })
  return sum / relevant
}

function ndcgAt10(ranking, judged) {
  const gain = (rel) => 2 ** rel - 1
  const dcg = ranking.slice(0, 10).reduce((sum, id, i) => sum + gain(judged.get(id) ?? 0) / Math.log2(i + 2), 0)
  const ideal = [...judged.values()]
    .filter((rel) => rel > 0)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, rel, i) => sum + gain(rel) / Math.log2(i + 2), 0)
  return ideal > 0 ? dcg / ideal : null
}

// --- Plain BM25, the reference of ../shared/eval/README.md: k1 0.9, b 0.4, a standard English
// stopword list, light (S-) stemming, title and text as one field.
const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves`.split(/\s+/),
)
/** Harman's S-stemmer. */
function sStem(word) {
  if (word.length > 3 && word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1)
  if (word.length > 2 && word.endsWith('s') && !/[us]s$/.test(word)) return word.slice(0, -1)
  return word
}
const referenceTerms = (text) =>
  (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOPWORDS.has(w)).map(sStem)

function plainBm25(docs) {
  const K1 = 0.9
  const B = 0.4
  const postings = new Map()
  const lengths = docs.map((doc, d) => {
    const terms = referenceTerms(`${doc.title} ${doc.text}`)
    const tf = new Map()
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1)
    for (const [term, f] of tf) {
      if (!postings.has(term)) postings.set(term, [])
      postings.get(term).push([d, f])
    }
    return terms.length
  })
  const average = lengths.reduce((a, b) => a + b, 0) / docs.length
  return (query) => {
    const scores = new Map()
    for (const term of referenceTerms(query)) {
      const list = postings.get(term) ?? []
      const idf = Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5))
      for (const [d, f] of list) {
        const s = (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * lengths[d]) / average))
        scores.set(d, (scores.get(d) ?? 0) + s)
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, DEPTH)
      .map(([d]) => docs[d].id)
  }
}

function miniSearch(docs) {
  const index = new MiniSearch({ fields: ['title', 'text'] })
  index.addAll(docs)
  return (query) => index.search(query).slice(0, DEPTH).map((hit) => String(hit.id))
}

function newsdex(docs) {
  const built = new NewsIndex(JSON.parse(args['index-options']))
  built.addAll(docs.map((doc) => ({ id: doc.id, title: doc.title, body: doc.text, date: null, source: [], location: [], country: [] })))
  // Searched as a visitor's browser searches it: loaded from the serialized bytes.
  const index = NewsIndex.load(built.serialize())
  const options = { match: 'any', limit: DEPTH, prefix: false, fuzzy: false, highlight: false, ...JSON.parse(args['search-options']) }
  return (query) => index.search(query, options).hits.map((hit) => hit.id)
}

const ENGINES = { newsdex, minisearch: miniSearch, 'plain BM25': plainBm25 }
const results = {}
for (const name of args.collections.split(',')) {
  const dir = resolve(args.dir, name)
  if (!existsSync(dir)) {
    console.error(`no collection at ${dir} (the IR collections live in ../shared/eval/ir)`)
    process.exit(2)
  }
  const docs = readJsonl(join(dir, 'docs.jsonl')).map((doc) => ({ ...doc, id: String(doc.id), title: doc.title ?? '' }))
  const queries = readJsonl(join(dir, 'queries.jsonl'))
  const qrels = readQrels(join(dir, 'qrels.tsv'))
  results[name] = {}
  for (const [engine, make] of Object.entries(ENGINES)) {
    const run = make(docs)
    let apSum = 0
    let ndcgSum = 0
    let judged = 0
    const perQuery = {}
    for (const query of queries) {
      const judgements = qrels.get(String(query.id))
      if (!judgements) continue
      const ranking = run(clean(query.text))
      const ap = averagePrecision(ranking, judgements)
      if (ap === null) continue
      judged++
      apSum += ap
      ndcgSum += ndcgAt10(ranking, judgements) ?? 0
      perQuery[query.id] = ap
    }
    results[name][engine] = { map: apSum / judged, ndcg10: ndcgSum / judged, queries: judged, perQuery }
  }
}

const f3 = (x) => x.toFixed(3)
console.log('| collection | engine | MAP | ÷ plain BM25 | nDCG@10 | queries |')
console.log('|---|---|---|---|---|---|')
for (const [collection, engines] of Object.entries(results)) {
  const reference = engines['plain BM25'].map
  for (const [engine, r] of Object.entries(engines)) {
    console.log(`| ${collection} | ${engine} | ${f3(r.map)} | ${(r.map / reference).toFixed(2)}× | ${f3(r.ndcg10)} | ${r.queries} |`)
  }
}
if (args['per-query']) {
  for (const [collection, engines] of Object.entries(results)) {
    console.log(`\n${collection}: AP per query (newsdex / plain BM25)`)
    for (const [qid, ap] of Object.entries(engines.newsdex.perQuery)) {
      console.log(`${qid}\t${f3(ap)}\t${f3(engines['plain BM25'].perQuery[qid])}`)
    }
  }
}
if (args.json) {
  for (const engines of Object.values(results)) for (const r of Object.values(engines)) delete r.perQuery
  writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`)
}
