import type { PlanClause } from '../query/plan.js'
import { lookupTerm, type TermMatch } from '../terms/term-lookup.js'
import type { TextField } from '../types.js'
import { bm25f, idf } from './bm25.js'
import { docFilter, type DocTest } from './filters.js'
import { findDoc, type Postings } from './store/postings.js'
import type { Store, TermEntry } from './store/store.js'

/** The fields searched when a clause names none. */
export const TEXT_FIELDS: readonly TextField[] = ['title', 'body']

/** A term match as a hit reports it; those of phrases are highlighted only as the phrase. */
export type ClauseMatch = TermMatch<TermEntry> & { phrase?: boolean }

/** A clause, evaluated: each matching document's score, and the term matches that produced it. */
export interface Evaluated {
  scores: Map<number, number>
  matches: ClauseMatch[]
}

/** What every clause of one search shares. */
export interface EvaluationContext {
  store: Store
  /** The documents the filters and exclusions let through. */
  allowed: DocTest
  /** Field boosts of the index. */
  boost: Readonly<Record<TextField, number>>
  /** Collects the query terms whose prefix or typo expansions were cut to the most frequent. */
  capped: Set<string>
}

/**
 * Scores one clause over the documents `allowed` lets through: a term through its expansions (see
 * `scoreTerm`), a phrase as the sum of its terms' scores where they occur in a row, an `OR` group
 * as the sum of its members, a filter as 0 for every document that passes.
 */
export function evaluateClause(clause: PlanClause, context: EvaluationContext): Evaluated {
  const { store, allowed } = context
  switch (clause.kind) {
    case 'term':
      return scoreTerm(clause, context)
    case 'phrase':
      return scorePhrase(clause, context)
    case 'any': {
      const result: Evaluated = { scores: new Map(), matches: [] }
      for (const child of clause.children) {
        const sub = evaluateClause(child, context)
        for (const [doc, s] of sub.scores) result.scores.set(doc, (result.scores.get(doc) ?? 0) + s)
        result.matches.push(...sub.matches)
      }
      return result
    }
    default: {
      const test = docFilter(store, clause)!
      return { scores: everyDocument(store, (doc) => allowed(doc) && test(doc)), matches: [] }
    }
  }
}

/** Every live document that `allowed` lets through, scored 0. */
export function everyDocument(store: Store, allowed: DocTest): Map<number, number> {
  const scores = new Map<number, number>()
  for (let doc = 0; doc < store.documentCount; doc++) if (allowed(doc)) scores.set(doc, 0)
  return scores
}

/** BM25F of a term's frequencies in a document, over the fields a clause searches (0 when it is in none of them). */
type Scorer = (termIdf: number, doc: number, titleTf: number, bodyTf: number) => number

function scorer(clause: Extract<PlanClause, { kind: 'term' | 'phrase' }>, { store, boost }: EvaluationContext): Scorer {
  const fields = clause.field ? [clause.field] : TEXT_FIELDS
  const boosts: [number, number] = [fields.includes('title') ? boost.title : 0, fields.includes('body') ? boost.body : 0]
  const average = store.averageLengths()
  return (termIdf, doc, titleTf, bodyTf) => bm25f(termIdf, titleTf, bodyTf, store.titleLength(doc), store.bodyLength(doc), average, boosts)
}

/**
 * A term: the word's own forms (itself and its stem family) pool their frequencies, as one term of
 * a stemmed index would, and the score is scaled by the forms' mean weight (an article with the
 * plural only ranks below one with the word); a completion or a typo scores on its own; a document
 * keeps its best score. One idf for the whole clause: that of the documents holding any of the
 * word's forms, or of its most frequent match when that is more (Lucene's blended frequencies), so
 * a rare variant never outranks the word itself. A repeated clause counts `repeat` times.
 */
function scoreTerm(clause: Extract<PlanClause, { kind: 'term' }>, context: EvaluationContext): Evaluated {
  const { store, allowed } = context
  const { matches, capped } = lookupTerm(store.terms, clause.spec)
  if (capped) context.capped.add(clause.spec.term)
  const repeat = clause.repeat ?? 1
  const score = scorer(clause, context)
  const forms = matches.filter((m) => m.sameWord)
  // A document matches where the term is in a field the clause searches (its score is then above 0).
  const pooled = poolForms(store, forms, allowed, (doc, title, body) => score(1, doc, title, body) > 0)
  const termIdf = idf(store.liveCount, Math.max(pooled.liveDocuments, ...matches.map((m) => m.entry.df)))
  const result: Evaluated = { scores: new Map(), matches: forms.filter((_, k) => pooled.used[k]) }
  for (let i = 0; i < pooled.docs.length; i++) {
    const doc = pooled.docs[i]!
    const [title, body] = [pooled.title[i]!, pooled.body[i]!]
    const meanWeight = pooled.weighted[i]! / (title + body)
    result.scores.set(doc, repeat * meanWeight * score(termIdf, doc, title, body))
  }
  for (const match of matches) {
    if (match.sameWord) continue
    const postings = store.postings(match.entry)
    let used = false
    for (let i = 0; i < postings.docs.length; i++) {
      const doc = postings.docs[i]!
      const s = allowed(doc) ? repeat * match.weight * score(termIdf, doc, postings.title[i]!, postings.body[i]!) : 0
      if (s > 0 && s > (result.scores.get(doc) ?? 0)) result.scores.set(doc, s)
      used ||= s > 0
    }
    if (used) result.matches.push(match)
  }
  return result
}

/** The postings of a word's forms merged, for the documents `allowed` lets through. */
interface PooledForms {
  docs: number[]
  /** Summed title and body frequencies of the forms, per document. */
  title: number[]
  body: number[]
  /** Frequencies times each form's weight, summed, per document. */
  weighted: number[]
  /** Live documents holding any of the forms, allowed or not (the clause's document frequency). */
  liveDocuments: number
  /** Per form, whether an allowed document holds it. */
  used: boolean[]
}

/**
 * Merges the ascending postings of the forms in one pass (there are few forms), keeping the
 * documents `allowed` lets through where `matches` holds for a form's frequencies.
 */
function poolForms(store: Store, forms: readonly TermMatch<TermEntry>[], allowed: DocTest, matches: (doc: number, title: number, body: number) => boolean): PooledForms {
  const lists: Postings[] = forms.map((form) => store.postings(form.entry))
  const next = lists.map(() => 0)
  const pooled: PooledForms = { docs: [], title: [], body: [], weighted: [], liveDocuments: 0, used: forms.map(() => false) }
  for (;;) {
    let doc = Infinity
    lists.forEach((list, k) => {
      if (next[k]! < list.docs.length) doc = Math.min(doc, list.docs[next[k]!]!)
    })
    if (doc === Infinity) return pooled
    const isAllowed = allowed(doc)
    if (store.isLive(doc)) pooled.liveDocuments++
    let [title, body, weighted] = [0, 0, 0]
    lists.forEach((list, k) => {
      const i = next[k]!
      if (list.docs[i] !== doc) return
      next[k] = i + 1
      if (!isAllowed || !matches(doc, list.title[i]!, list.body[i]!)) return
      title += list.title[i]!
      body += list.body[i]!
      weighted += forms[k]!.weight * (list.title[i]! + list.body[i]!)
      pooled.used[k] = true
    })
    if (title + body === 0) continue
    pooled.docs.push(doc)
    pooled.title.push(title)
    pooled.body.push(body)
    pooled.weighted.push(weighted)
  }
}

/** A phrase: its exact terms, intersected from the rarest list, then checked in a row on each candidate. */
function scorePhrase(clause: Extract<PlanClause, { kind: 'phrase' }>, context: EvaluationContext): Evaluated {
  const { store, allowed } = context
  const result: Evaluated = { scores: new Map(), matches: [] }
  const entries = clause.terms.map((term) => store.terms.get(term))
  if (entries.some((entry) => !entry)) return result
  const matches = clause.terms.map((term, k): ClauseMatch => ({ term, entry: entries[k]!, weight: 1, sameWord: true, phrase: true }))
  const lists = matches.map((m) => store.postings(m.entry))
  const idfs = matches.map((m) => idf(store.liveCount, m.entry.df))
  const rarest = lists.reduce((a, b) => (b.docs.length < a.docs.length ? b : a))
  const fields = clause.field ? [clause.field] : TEXT_FIELDS
  const score = scorer(clause, context)
  for (const doc of rarest.docs) {
    const at = lists.map((list) => findDoc(list.docs, doc))
    // Without positions or text (a partial index), a phrase degrades to all of its terms.
    if (!allowed(doc) || at.includes(-1) || store.text.phraseIn(doc, clause.terms, fields) === false) continue
    const sum = at.reduce((total, i, k) => total + score(idfs[k]!, doc, lists[k]!.title[i]!, lists[k]!.body[i]!), 0)
    result.scores.set(doc, (clause.repeat ?? 1) * sum)
  }
  if (result.scores.size > 0) result.matches.push(...matches)
  return result
}
