import type { PlanClause } from '../query/plan.js'
import { lookupTerm, type TermMatch } from '../terms/term-lookup.js'
import type { TextField } from '../types.js'
import { bm25f, idf } from './bm25.js'
import { clauseTest, type DocTest } from './filters.js'
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
  /** Documents a page needs (offset + limit): a term whose own matches fill it is not looked up for typos. */
  wanted: number
  /** Set when a phrase could not be checked (neither positions nor text loaded) and matched as its words. */
  phrasesUnchecked?: boolean
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
      const test = clauseTest(store, clause)
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

/** BM25F of a term's frequencies in a document, over the fields a clause searches. */
type Scorer = (termIdf: number, doc: number, titleTf: number, bodyTf: number) => number

/** The scorer of a clause, and whether a posting is in a field the clause searches. */
function scorer(clause: Extract<PlanClause, { kind: 'term' | 'phrase' }>, { store, boost }: EvaluationContext): { score: Scorer; counts: (titleTf: number, bodyTf: number) => boolean } {
  const fields = clause.field ? [clause.field] : TEXT_FIELDS
  const boosts: [number, number] = [fields.includes('title') ? boost.title : 0, fields.includes('body') ? boost.body : 0]
  const average = store.averageLengths()
  return {
    score: (termIdf, doc, titleTf, bodyTf) => bm25f(termIdf, titleTf, bodyTf, store.titleLength(doc), store.bodyLength(doc), average, boosts),
    counts: (titleTf, bodyTf) => (titleTf > 0 && boosts[0] > 0) || (bodyTf > 0 && boosts[1] > 0),
  }
}

/**
 * A term: the word's own forms (itself and its stem family) pool their frequencies, as one term of
 * a stemmed index would, and the score is scaled by the forms' mean weight (an article with the
 * plural only ranks below one with the word); a completion or a typo scores on its own; a document
 * keeps its best score. One idf for the whole clause: that of the word's forms (their document
 * counts summed), or of its most frequent match when that is more (Lucene's blended frequencies),
 * so a rare variant never outranks the word itself. A repeated clause counts `repeat` times.
 */
function scoreTerm(clause: Extract<PlanClause, { kind: 'term' }>, context: EvaluationContext): Evaluated {
  const { store, allowed } = context
  const { matches, capped } = lookupTerm(store.terms, clause.spec, context.wanted)
  if (capped) context.capped.add(clause.spec.term)
  const repeat = clause.repeat ?? 1
  const { score, counts } = scorer(clause, context)
  const forms = matches.filter((m) => m.sameWord)
  const lists = forms.map((form) => store.postings(form.entry))
  // The forms' document counts summed stand for the documents holding any of them (exact when
  // forms rarely share an article; a bound otherwise, and as good on the IR collections).
  const formsDf = Math.min(store.liveCount, forms.reduce((sum, form) => sum + form.entry.df, 0))
  const termIdf = idf(store.liveCount, Math.max(formsDf, ...matches.map((m) => m.entry.df)))
  const result: Evaluated = { scores: new Map(), matches: [] }
  const used = forms.map(() => false)
  // Each form's postings in turn add up into per-document sums; then each document is scored once.
  const sums = pooledSums(store.documentCount)
  const touched: number[] = []
  forms.forEach((form, k) => {
    const list = lists[k]!
    for (let i = 0; i < list.docs.length; i++) {
      const doc = list.docs[i]!
      const title = list.title[i]!
      const body = list.body[i]!
      if (!allowed(doc) || !counts(title, body)) continue
      if (sums.frequency[doc] === 0) touched.push(doc)
      sums.title[doc] = sums.title[doc]! + title
      sums.body[doc] = sums.body[doc]! + body
      sums.frequency[doc] = sums.frequency[doc]! + title + body
      sums.weighted[doc] = sums.weighted[doc]! + form.weight * (title + body)
      used[k] = true
    }
  })
  for (const doc of touched) {
    const meanWeight = sums.weighted[doc]! / sums.frequency[doc]!
    result.scores.set(doc, repeat * meanWeight * score(termIdf, doc, sums.title[doc]!, sums.body[doc]!))
    sums.title[doc] = sums.body[doc] = sums.frequency[doc] = sums.weighted[doc] = 0
  }
  result.matches = forms.filter((_, k) => used[k])
  for (const match of matches) {
    if (match.sameWord) continue
    const postings = store.postings(match.entry)
    let isUsed = false
    for (let i = 0; i < postings.docs.length; i++) {
      const doc = postings.docs[i]!
      if (!allowed(doc) || !counts(postings.title[i]!, postings.body[i]!)) continue
      isUsed = true
      const s = repeat * match.weight * score(termIdf, doc, postings.title[i]!, postings.body[i]!)
      if (s > (result.scores.get(doc) ?? 0)) result.scores.set(doc, s)
    }
    if (isUsed) result.matches.push(match)
  }
  return result
}

/** Per-document sums of a term's forms, zero between uses; one set, grown as needed (searches run one at a time). */
interface PooledSums {
  title: Float64Array
  body: Float64Array
  frequency: Float64Array
  weighted: Float64Array
}

let sharedSums: PooledSums | null = null

function pooledSums(documents: number): PooledSums {
  if (!sharedSums || sharedSums.title.length < documents) {
    const size = Math.max(documents, 1024)
    sharedSums = { title: new Float64Array(size), body: new Float64Array(size), frequency: new Float64Array(size), weighted: new Float64Array(size) }
  }
  return sharedSums
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
  const { score } = scorer(clause, context)
  for (const doc of rarest.docs) {
    const at = lists.map((list) => findDoc(list.docs, doc))
    if (!allowed(doc) || at.includes(-1)) continue
    // Without positions or text (a partial index), a phrase degrades to all of its terms.
    const inRow = store.text.phraseIn(doc, clause.terms, fields)
    if (inRow === false) continue
    if (inRow === null) context.phrasesUnchecked = true
    const sum = at.reduce((total, i, k) => total + score(idfs[k]!, doc, lists[k]!.title[i]!, lists[k]!.body[i]!), 0)
    result.scores.set(doc, (clause.repeat ?? 1) * sum)
  }
  if (result.scores.size > 0) result.matches.push(...matches)
  return result
}
