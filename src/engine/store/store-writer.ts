import SearchableMap from 'minisearch/SearchableMap'
import { analyze, analyzeTerms } from '../../analysis/analyzer.js'
import { NewsdexError } from '../../errors.js'
import type { Article } from '../../types.js'
import { analysesOf, type AnalyzedArticle, type StringTable } from './analyzed-text.js'
import { GrowingPostings } from './growing-postings.js'
import { PendingTerms } from './pending-terms.js'
import { VALUE_FIELDS, type Display, type Store, type TermEntry, type ValueField } from './store.js'

/**
 * Each radix tree's entries by term, for exact lookups: a `Map` finds a term several times faster
 * than the tree walks to it, and adding an article looks up each of its terms (BENCHMARKS.md,
 * "Build speed"). The tree is still what prefix and typo lookups walk.
 */
const entriesByTerm = new WeakMap<SearchableMap<TermEntry>, Map<string, TermEntry>>()

/**
 * The terms of a store and their entries, in no order: from the map beside its tree when it has one
 * (iterating the tree takes several times longer), else from its dictionary.
 */
export function termEntries(store: Store): Iterable<[string, TermEntry]> {
  if (store._terms instanceof PendingTerms) store._terms.tree()
  return (store._terms instanceof SearchableMap ? entriesByTerm.get(store._terms) : undefined) ?? store.terms
}

/** Per store, a count of its changes (articles added or removed): what was encoded of it is valid while it stays. */
const versions = new WeakMap<Store, number>()

/** How many times a store was changed by this writer. */
export function storeVersion(store: Store): number {
  return versions.get(store) ?? 0
}

/** Tells a store whose postings are pending how many terms it has (known from its encoding), so that its size does not make them. */
export function knowTermCount(store: Store, count: number): void {
  if (store._terms instanceof PendingTerms) store._terms.knownSize = count
}

/** The entries of a store's tree by term. */
function entriesOf(tree: SearchableMap<TermEntry>): Map<string, TermEntry> {
  let entries = entriesByTerm.get(tree)
  if (!entries) entriesByTerm.set(tree, (entries = new Map(tree)))
  return entries
}

/**
 * Adds an article (checked, its `keywords` holding the store's custom keyword fields) to a store:
 * analyzes it, unless `analyzed` is its analysis already, and appends its postings. The analysis
 * given is kept, so that serializing does not analyze the body again.
 */
export function addArticle(store: Store, article: Article, analyzed?: AnalyzedArticle, { defer = false }: { defer?: boolean } = {}): void {
  versions.set(store, storeVersion(store) + 1)
  const pending = defer && analyzed ? pendingTerms(store) : undefined
  const terms = pending ? undefined : thaw(store)
  if (analyzed) {
    const doc = appendArticle(store, article, analyzed.titleTokens ?? analyzed.title.length, analyzed.bodyTokens ?? analyzed.body.length)
    analysesOf(store)[doc] = analyzed
    if (pending) {
      pending.docs.push(doc)
      pending.knownSize = undefined
    } else addPostings(store, terms!, entriesOf(terms!), doc, analyzed)
    forgetTermCodes(store)
    return
  }
  const byTerm = entriesOf(terms!)
  const title = analyze(article.title, store.analyzer)
  const body = analyze(article.body, store.analyzer)
  const doc = appendArticle(store, article, title.length, body.length)
  const occurrences = new Map<string, [title: number, body: number]>()
  const count = (term: string, field: 0 | 1): void => {
    let o = occurrences.get(term)
    if (!o) occurrences.set(term, (o = [0, 0]))
    o[field]++
  }
  title.forEach((t) => count(t.term, 0))
  body.forEach((t) => count(t.term, 1))
  for (const [term, [inTitle, inBody]] of occurrences) {
    let entry = byTerm.get(term)
    if (!entry) {
      entry = { id: -1, df: 0, postings: new GrowingPostings() }
      terms!.set(term, entry)
      byTerm.set(term, entry)
    }
    ;(entry.postings as GrowingPostings).push(doc, inTitle, inBody)
    entry.df++
  }
  forgetTermCodes(store)
}

/** The store's pending dictionary (`PendingTerms`): its own, or a new one for an empty store; else `undefined`. */
function pendingTerms(store: Store): PendingTerms | undefined {
  if (store._terms instanceof PendingTerms) return store._terms
  if (store.documentCount > 0) return undefined
  const terms = thaw(store)
  if (terms.size > 0) return undefined
  const byTerm = entriesOf(terms)
  const analyses = analysesOf(store)
  return (store._terms = new PendingTerms(store, terms, (doc) => addPostings(store, terms, byTerm, doc, analyses[doc]!)))
}

/** Gives an article its document number and stores its columns, display fields and body; returns the number. */
function appendArticle(store: Store, article: Article, titleLength: number, bodyLength: number): number {
  const doc = store._appendDocument(article.id, titleLength, bodyLength, article.date)
  store.valueFields.forEach((field, i) => {
    const values = i < VALUE_FIELDS.length ? article[field as ValueField] : article.keywords?.[field]
    store._columns[field]!.numbersOf[doc] = valueNumbers(store, field, values ?? [])
  })
  const display: Display = { title: article.title }
  if (article.url !== undefined) display.url = article.url
  if (article.meta !== undefined) display.meta = article.meta
  store._display[doc] = display
  store.text._bodies[doc] = article.body
  return doc
}

/** Per store, its entries by the number of their term in a table of analyses (a lookup by number, not by string). */
const entriesByNumber = new WeakMap<Store, WeakMap<StringTable, (TermEntry | undefined)[]>>()

/** Per table number, the term's frequency in the title and the body of the article being added. */
let titleCounts = new Uint32Array(1024)
let bodyCounts = new Uint32Array(1024)

/** The postings of an article added with its analysis: counts by term number, then appends a posting per distinct term. */
function addPostings(store: Store, terms: SearchableMap<TermEntry>, byTerm: Map<string, TermEntry>, doc: number, analyzed: AnalyzedArticle): void {
  const table = analyzed.tables.terms
  let tables = entriesByNumber.get(store)
  if (!tables) entriesByNumber.set(store, (tables = new WeakMap()))
  let entries = tables.get(table)
  if (!entries) tables.set(table, (entries = []))
  // Kept dense (an array written far past its end turns into a slow dictionary).
  while (entries.length < table.strings.length) entries.push(undefined)
  if (titleCounts.length < table.strings.length) {
    titleCounts = new Uint32Array(table.strings.length * 2)
    bodyCounts = new Uint32Array(table.strings.length * 2)
  }
  const distinct: number[] = []
  for (const n of analyzed.title) if (titleCounts[n]!++ === 0 && bodyCounts[n] === 0) distinct.push(n)
  for (const n of analyzed.body) if (bodyCounts[n]!++ === 0 && titleCounts[n] === 0) distinct.push(n)
  for (const n of distinct) {
    let entry = entries[n]
    // An entry whose last document was removed left the dictionary: another one is made.
    if (!entry || entry.df === 0) {
      const term = table.strings[n]!
      entry = byTerm.get(term)
      if (!entry) {
        entry = { id: -1, df: 0, postings: new GrowingPostings() }
        terms.set(term, entry)
        byTerm.set(term, entry)
      }
      entries[n] = entry
    }
    ;(entry.postings as GrowingPostings).push(doc, titleCounts[n]!, bodyCounts[n]!)
    entry.df++
    titleCounts[n] = 0
    bodyCounts[n] = 0
  }
}

/** Removes a document from the postings and columns; its number stays allocated until the next serialization. */
export function removeArticle(store: Store, doc: number): void {
  versions.set(store, storeVersion(store) + 1)
  // A document whose postings are not made yet (the last ones added, as a failed file's) has none to remove.
  const pending = store._terms instanceof PendingTerms ? store._terms : undefined
  const at = pending ? pending.docs.lastIndexOf(doc) : -1
  if (pending && at >= 0) {
    pending.docs.splice(at, 1)
    pending.knownSize = undefined
  } else removePostings(store, doc)
  store._live[doc] = false
  store._liveCount--
  store._titleTotal -= store._titleLengths[doc]!
  store._bodyTotal -= store._bodyLengths[doc]!
  store._docOf.delete(store._ids[doc]!)
  store._display[doc] = undefined
  store.text._bodies[doc] = undefined
  store.text._bodyTerms[doc] = undefined
  analysesOf(store)[doc] = undefined
  for (const field of store.valueFields) store._columns[field]!.numbersOf[doc] = NONE as number[]
}

/** Removes a document from the postings of its terms. */
function removePostings(store: Store, doc: number): void {
  const terms = thaw(store)
  // The document's terms are those of its title and body, analyzed again (its postings are not
  // listed by document): only their lists are rewritten.
  const own = new Set([...analyzeTerms(store.displayOf(doc)!.title, store.analyzer), ...analyzeTerms(store.text.body(doc)!, store.analyzer)])
  for (const term of own) {
    const entry = terms.get(term)
    if (!entry || !(entry.postings as GrowingPostings).remove(doc)) continue
    if (--entry.df === 0) {
      terms.delete(term)
      entriesOf(terms).delete(term)
    }
  }
  forgetTermCodes(store)
}

/**
 * Makes a store changeable: loaded postings become arrays (which needs every part: a partial index
 * is read-only) and the dictionary a radix tree, which takes inserts and deletes. Returns the tree.
 */
function thaw(store: Store): SearchableMap<TermEntry> {
  if (store._terms instanceof PendingTerms) return store._terms.tree()
  if (store._terms instanceof SearchableMap) return store._terms
  if (store._live.some((live, doc) => live && !store.displayOf(doc))) throw readOnly('display fields')
  if (store._live.some((live, doc) => live && !store.text.has(doc))) throw readOnly('text')
  for (let doc = 0; doc < store.documentCount; doc++) store.text._bodies[doc] ??= store.text.body(doc)
  const tree = new SearchableMap<TermEntry>()
  for (const [term, entry] of store._terms) {
    tree.set(term, entry)
    if (entry.postings) continue
    const postings = store.postings(entry)
    const growing = new GrowingPostings()
    for (let i = 0; i < postings.docs.length; i++) growing.push(postings.docs[i]!, postings.title[i]!, postings.body[i]!)
    entry.postings = growing
  }
  store._terms = tree
  store._encoded = null
  // The loaded chunks and positions, and what was decoded of them, go (the bodies stay).
  store.text._chunks = []
  store.text._positions = null
  store.cache.clear()
  forgetTermCodes(store)
  return tree
}

/** No values: one shared empty list (most articles have no source, and many no place). */
const NONE: readonly number[] = Object.freeze([])

/** The value numbers of a document's values in a field, each once. */
function valueNumbers(store: Store, field: string, values: readonly string[]): number[] {
  if (values.length === 0) return NONE as number[]
  const numbers = values.map((value) => store._valueNumber(field, value))
  // A value or two, most often: a Set costs more than looking back, up to a few dozen.
  return numbers.length <= 32 ? numbers.filter((n, i) => numbers.indexOf(n) === i) : [...new Set(numbers)]
}

/** Drops the term codes after the dictionary changed (they number its terms). */
function forgetTermCodes(store: Store): void {
  store.text._coded = null
  store.text._codeOfTerm = null
}

function readOnly(part: string): NewsdexError {
  return new NewsdexError('E_INVALID_ARGUMENT', `this index was loaded without its ${part}; it can be searched but not changed`)
}
