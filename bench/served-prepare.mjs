// What the served-path benchmarks (served.mjs, served-browser.mjs) share: the articles a site would
// publish, the query words, and both engines' indexes prepared as a site would ship them.
import { basename } from 'node:path'
import MiniSearch from 'minisearch'
import { readCorpus } from './corpus.mjs'
import { makeQueries } from './queries.mjs'

/**
 * MiniSearch as the issue measured it: title, date and body stored, prefix and fuzzy on (fuzzy 0.2,
 * the value of MiniSearch's documentation), title boosted ×2 as in bench/engines/minisearch.mjs.
 */
export const MINISEARCH_OPTIONS = {
  fields: ['title', 'body'],
  idField: 'id',
  storeFields: ['title', 'date', 'body'],
  searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
}

/** The articles with a body (Reuters-21578 has 2,535 without), the first `size`, source set from the corpus name. */
export function servedArticles(corpusPath, size = Infinity) {
  const records = readCorpus(corpusPath)
  const source = /bbc/i.test(basename(corpusPath)) ? 'BBC' : 'Reuters'
  const articles = records
    .filter((a) => a.body.trim() !== '')
    .slice(0, size)
    .map((a) => ({ ...a, source: [source] }))
  return { records: records.length, articles }
}

/** Words of the pool the query words are drawn from (at least twice the default 1,001). */
const POOL_SIZE = 2002

/**
 * `count` distinct words, never repeated: the bench's single-word set (words of ≥ 3 letters in ≤ 10%
 * of the articles, no stopwords, drawn from the most frequent with its seeded PRNG).
 */
export function servedWords(articles, count, seed) {
  // One pool for every count up to the default 1,001 words, so that the first words (the first
  // query, the keystrokes) are the same in served.mjs, its bytes simulation and served-browser.mjs.
  const poolSize = Math.max(POOL_SIZE, 2 * count)
  const drawn = makeQueries(articles, { perKind: count, poolSize, typos: 0, ...(seed !== undefined ? { seed } : {}) })
  return { seed: drawn.seed, words: drawn.sets.single.map((q) => q.text) }
}

/**
 * What a visitor types into a search box, word after word: each word's prefixes from `minChars`
 * letters to the whole word, each query once (`first`, searched before, is not typed again).
 */
export function keystrokesOf(first, typed, minChars) {
  const keystrokes = []
  const seen = new Set([first])
  for (const word of typed) {
    for (let n = Math.min(minChars, word.length); n <= word.length; n++) {
      const q = word.slice(0, n)
      if (!seen.has(q)) keystrokes.push(q)
      seen.add(q)
    }
  }
  return keystrokes
}

/** newsdex built with its indexer entry (dist/indexer.js): `serialize()` bytes and `serializeParts()`. */
export async function newsdexArtifacts(articles) {
  const { NewsIndex } = await import('../dist/indexer.js')
  const index = new NewsIndex()
  index.addAll(articles)
  return { single: index.serialize(), parts: typeof index.serializeParts === 'function' ? index.serializeParts() : null }
}

/** MiniSearch's toJSON() string as loaded (title+date+body stored), and the same index with only titles stored. */
export function minisearchArtifacts(articles) {
  const ms = new MiniSearch(MINISEARCH_OPTIONS)
  ms.addAll(articles)
  const json = ms.toJSON()
  // storeFields only fills storedFields: the index part is the same with titles only.
  const titleStored = JSON.stringify({ ...json, storedFields: Object.fromEntries(Object.entries(json.storedFields).map(([k, v]) => [k, { title: v.title }])) })
  return { loaded: JSON.stringify(json), titleStored }
}
