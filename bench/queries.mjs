// Fixed, deterministic query sets drawn from the corpus vocabulary. Every engine gets the same
// queries; each adapter turns a query object into its own API call.
import { rng } from './prng.mjs'

/** Seed of the query sets. */
export const QUERY_SEED = 0x9e3779b9

/** The query kinds, in report order. */
export const KINDS = ['single', 'and', 'prefix', 'fuzzy', 'phrase', 'filtered']

export const KIND_LABELS = {
  single: 'single word',
  and: 'two words (AND)',
  prefix: 'prefix (3–4 letters)',
  fuzzy: 'one typo (fuzzy)',
  phrase: 'phrase',
  filtered: 'word + date range',
}

// English function words, plus this corpus's boilerplate ("reuter" signs off every story).
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him himself
  his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves said says say told one two three four five six seven eight nine ten may might must shall
  reuter reuters mln dlrs pct cts vs inc corp co ltd year years new last first week month pm am`.split(/\s+/),
)

const WORD = /[a-z]+/g

/** Lower-case alphabetic words of a text: the vocabulary every engine's tokenizer agrees on. */
export function words(text) {
  return text.toLowerCase().match(WORD) ?? []
}

/** Document frequency of every word in title + body. */
function documentFrequencies(articles) {
  const df = new Map()
  for (const a of articles) {
    for (const w of new Set(words(`${a.title} ${a.body}`))) df.set(w, (df.get(w) ?? 0) + 1)
  }
  return df
}

/** One edit of `word`: substitution, deletion, insertion or transposition of adjacent letters. */
function misspell(word, random) {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const kind = ['substitution', 'deletion', 'insertion', 'transposition'][random.int(4)]
  const i = random.int(word.length)
  switch (kind) {
    case 'substitution': {
      let c = random.pick(letters)
      while (c === word[i]) c = random.pick(letters)
      return { kind, typo: word.slice(0, i) + c + word.slice(i + 1) }
    }
    case 'deletion':
      return { kind, typo: word.slice(0, i) + word.slice(i + 1) }
    case 'insertion':
      return { kind, typo: word.slice(0, i) + random.pick(letters) + word.slice(i) }
    default: {
      const j = Math.min(i, word.length - 2)
      return { kind, typo: word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2) }
    }
  }
}

/** Days since the epoch of an ISO date, and back. */
const dayOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000
const isoOf = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10)

/**
 * `perKind` queries of each kind, and `typos` misspellings for the typo-recovery test (the first
 * `typos` fuzzy queries).
 *
 * - vocabulary: alphabetic words of ≥ 3 letters, no stopwords, in at most 10% of the articles, the
 *   `poolSize` with the highest document frequency ("frequent but not stopwords");
 * - single: distinct vocabulary words;
 * - and: two distinct vocabulary words that occur together in a random article;
 * - prefix: the first 3 or 4 letters of a vocabulary word of ≥ 5 letters;
 * - fuzzy: one edit of a vocabulary word of ≥ 5 letters that is itself no corpus word;
 * - phrase: two adjacent words (only white space between them) of a random article, both in the
 *   vocabulary;
 * - filtered: a word of a random dated article and a 15-day window centred on its date.
 */
export function makeQueries(articles, { perKind = 200, typos = 50, poolSize = 2000, seed = QUERY_SEED } = {}) {
  const random = rng(seed)
  const df = documentFrequencies(articles)
  const maxDf = Math.max(2, Math.floor(articles.length * 0.1))
  const pool = [...df]
    .filter(([w, n]) => w.length >= 3 && !STOPWORDS.has(w) && n <= maxDf && n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, poolSize)
    .map(([w]) => w)
  const inPool = new Set(pool)
  const withBody = articles.filter((a) => a.body.length > 200)
  const dated = withBody.filter((a) => a.date !== null)
  const attempts = perKind * 200

  const distinct = (make) => {
    const seen = new Set()
    const out = []
    for (let k = 0; out.length < perKind && k < attempts; k++) {
      const q = make()
      if (!q || seen.has(q.text)) continue
      seen.add(q.text)
      out.push(q)
    }
    return out
  }
  const poolWordsOf = (article) => [...new Set(words(`${article.title} ${article.body}`))].filter((w) => inPool.has(w))

  const single = distinct(() => {
    const w = random.pick(pool)
    return { kind: 'single', text: w, terms: [w] }
  })
  const and = distinct(() => {
    const ws = poolWordsOf(random.pick(withBody))
    if (ws.length < 2) return null
    const a = random.pick(ws)
    const b = random.pick(ws)
    if (a === b) return null
    return { kind: 'and', text: `${a} ${b}`, terms: [a, b] }
  })
  const long = pool.filter((w) => w.length >= 5)
  const prefix = distinct(() => {
    const w = random.pick(long)
    const p = w.slice(0, 3 + random.int(2))
    return { kind: 'prefix', text: p, terms: [p] }
  })
  const fuzzy = distinct(() => {
    const original = random.pick(long)
    const { kind: edit, typo } = misspell(original, random)
    if (typo === original || df.has(typo)) return null
    return { kind: 'fuzzy', text: typo, terms: [typo], original, edit, distance: typo.length >= 8 ? 2 : 1 }
  })
  const phrase = distinct(() => {
    const article = random.pick(withBody)
    const pairs = [...article.body.toLowerCase().matchAll(/(?<![a-z0-9.'’-])([a-z]+)\s+([a-z]+)(?![a-z0-9'’-]|\.[a-z])/g)].filter(
      (m) => inPool.has(m[1]) && inPool.has(m[2]) && m[1] !== m[2],
    )
    if (pairs.length === 0) return null
    const m = random.pick(pairs)
    return { kind: 'phrase', text: `"${m[1]} ${m[2]}"`, terms: [m[1], m[2]] }
  })
  const filtered = distinct(() => {
    if (dated.length === 0) return null
    const article = random.pick(dated)
    const ws = poolWordsOf(article)
    if (ws.length === 0) return null
    const w = random.pick(ws)
    const day = dayOf(article.date)
    const from = isoOf(day - 7)
    const to = isoOf(day + 7)
    return { kind: 'filtered', text: `${w} [${from}..${to}]`, terms: [w], from, to }
  })
  return {
    seed,
    vocabulary: { words: df.size, pool: pool.length, maxDocumentFrequency: maxDf },
    sets: { single, and, prefix, fuzzy, phrase, filtered },
    typos: fuzzy.slice(0, typos),
  }
}

/** For each typo query, the ids of the articles that contain its original word (title or body). */
export function typoTruth(articles, typoQueries) {
  const wanted = new Map(typoQueries.map((q) => [q.original, new Set()]))
  for (const a of articles) {
    for (const w of new Set(words(`${a.title} ${a.body}`))) wanted.get(w)?.add(a.id)
  }
  return typoQueries.map((q) => wanted.get(q.original))
}
