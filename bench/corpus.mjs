// Reads the Reuters-21578 JSONL corpus (never copied into the repo) and maps each record to a newsdex
// Article. Sizes beyond the corpus are filled with a deterministic synthetic corpus made by
// shuffling real Reuters sentences.
import { readFileSync } from 'node:fs'
import { rng } from './prng.mjs'

const MONTHS = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' }
/** Seed of the synthetic corpus: fixed, so every run (and every engine) sees the same articles. */
export const SYNTHETIC_SEED = 0x5eed_2157

/** '26-FEB-1987 15:01:01.79' → '1987-02-26'; null when the date cannot be read. */
export function isoDate(raw) {
  const m = /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})/.exec(String(raw ?? ''))
  const month = m && MONTHS[m[2].toUpperCase()]
  if (!m || !month) return null
  return `${m[3]}-${month}-${m[1].padStart(2, '0')}`
}

/** One Reuters record as a newsdex Article (no extraction: source is always Reuters). */
export function toArticle(record) {
  return {
    id: String(record.id),
    title: String(record.title ?? ''),
    body: String(record.body ?? ''),
    date: isoDate(record.date),
    source: ['Reuters'],
    location: [],
    country: [],
  }
}

/** Reads every record of a JSONL file as an Article. */
export function readCorpus(path) {
  const articles = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    articles.push(toArticle(JSON.parse(line)))
  }
  return articles
}

/** Splits a Reuters body into sentences (its lines are hard-wrapped; paragraphs start with spaces). */
function sentences(body) {
  return body
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z"(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/**
 * `size` articles: the first `size` real ones, or all of them followed by synthetic articles.
 * A synthetic article takes the title and date of a random real article and as many random real
 * sentences as a random real article has (seeded PRNG, so the corpus is the same on every run).
 */
export function corpusOfSize(real, size) {
  if (size <= real.length) return { articles: real.slice(0, size), synthetic: 0 }
  const random = rng(SYNTHETIC_SEED)
  const pool = []
  const lengths = []
  for (const article of real) {
    const split = sentences(article.body)
    if (split.length === 0) continue
    lengths.push(split.length)
    for (const s of split) pool.push(s)
  }
  const articles = real.slice()
  for (let i = real.length; i < size; i++) {
    const model = random.pick(real)
    const count = random.pick(lengths)
    const parts = []
    for (let k = 0; k < count; k++) parts.push(random.pick(pool))
    articles.push({
      id: `syn-${i + 1}`,
      title: model.title,
      body: parts.join(' '),
      date: model.date,
      source: ['Reuters'],
      location: [],
      country: [],
    })
  }
  return { articles, synthetic: size - real.length }
}
