import SearchableMap from 'minisearch/SearchableMap'
import { analyze } from '../analysis/analyzer.js'
import { NewsdexError } from '../errors.js'
import type { AnalyzerPreset, Article } from '../types.js'
import { decodePositions, decodePostings, findDoc, type MutablePostings, type Postings } from './postings.js'

/** The fields with value dictionaries (filters and facets). */
export const VALUE_FIELDS = ['source', 'location', 'country'] as const
export type ValueField = (typeof VALUE_FIELDS)[number]

/** Display fields of one article: what a hit shows besides its columns. */
export interface Display {
  title: string
  url?: string
  meta?: Record<string, string>
}

/** One term of the dictionary. `postings` is decoded on first use when the index was loaded. */
export interface TermEntry {
  /** Position of the term in the loaded term list; -1 for terms added since. */
  id: number
  df: number
  postings?: Postings | MutablePostings
  positions?: number[][]
}

/** Where the loaded, still-encoded postings and positions of each term are. */
export interface EncodedTerms {
  docBytes: Uint8Array
  tfBytes: Uint8Array
  /** Per term: start of its Rice bits in `docBytes` (length terms + 1). */
  docOffsets: Uint32Array
  /** Per term: start of its frequencies in `tfBytes` (length terms + 1). */
  tfOffsets: Uint32Array
  /** Documents when the postings were encoded (the Rice parameters depend on it). */
  documents: number
}

/** Encoded positions of the loaded terms. */
export interface EncodedPositions {
  bytes: Uint8Array
  offsets: Uint32Array
}

/** A value dictionary: distinct values of one field, and each document's value numbers. */
export interface ValueColumn {
  values: string[]
  index: Map<string, number>
  refs: number[][]
}

/**
 * Everything an index holds, in columns by document number: ids, field lengths, dates, value
 * columns, display fields and bodies (either may be missing until their part is loaded), and the
 * term dictionary (a radix tree, for prefix and fuzzy lookup) with its postings.
 */
export class Store {
  ids: string[] = []
  live: boolean[] = []
  liveCount = 0
  titleLength: number[] = []
  bodyLength: number[] = []
  dates: (string | null)[] = []
  columns: Record<ValueField, ValueColumn> = {
    source: { values: [], index: new Map(), refs: [] },
    location: { values: [], index: new Map(), refs: [] },
    country: { values: [], index: new Map(), refs: [] },
  }
  display: (Display | undefined)[] = []
  bodies: (string | undefined)[] = []
  docOf = new Map<string, number>()
  terms = new SearchableMap<TermEntry>()
  #titleTotal = 0
  #bodyTotal = 0
  encoded: EncodedTerms | null = null
  encodedPositions: EncodedPositions | null = null
  /** False while positions of loaded terms are neither decoded nor available (search part only). */
  hasPositions = true

  constructor(readonly analyzer: AnalyzerPreset) {}

  /** Average title and body length over live documents. */
  averageLengths(): [number, number] {
    return this.liveCount === 0 ? [0, 0] : [this.#titleTotal / this.liveCount, this.#bodyTotal / this.liveCount]
  }

  /** Registers a loaded document (its postings come from the encoded terms). */
  pushLoaded(id: string, titleLength: number, bodyLength: number, date: string | null): number {
    const doc = this.ids.length
    this.ids.push(id)
    this.live.push(true)
    this.liveCount++
    this.titleLength.push(titleLength)
    this.bodyLength.push(bodyLength)
    this.#titleTotal += titleLength
    this.#bodyTotal += bodyLength
    this.dates.push(date)
    this.display.push(undefined)
    this.bodies.push(undefined)
    this.docOf.set(id, doc)
    return doc
  }

  /** Number of a value of a field, added to its dictionary if new. */
  valueNumber(field: ValueField, value: string): number {
    const column = this.columns[field]
    let n = column.index.get(value)
    if (n === undefined) {
      n = column.values.length
      column.values.push(value)
      column.index.set(value, n)
    }
    return n
  }

  /** Adds an article: analyzes it and appends its postings. */
  add(article: Article): void {
    this.#thaw()
    const title = analyze(article.title, this.analyzer)
    const body = analyze(article.body, this.analyzer)
    const doc = this.pushLoaded(article.id, title.length, body.length, article.date)
    for (const field of VALUE_FIELDS) this.columns[field].refs[doc] = [...new Set(article[field])].map((v) => this.valueNumber(field, v))
    const display: Display = { title: article.title }
    if (article.url !== undefined) display.url = article.url
    if (article.meta !== undefined) display.meta = article.meta
    this.display[doc] = display
    this.bodies[doc] = article.body
    const occurrences = new Map<string, { title: number; body: number; positions: number[] }>()
    const count = (term: string, position: number, inTitle: boolean): void => {
      let o = occurrences.get(term)
      if (!o) occurrences.set(term, (o = { title: 0, body: 0, positions: [] }))
      if (inTitle) o.title++
      else o.body++
      o.positions.push(position)
    }
    title.forEach((t) => count(t.term, t.position, true))
    body.forEach((t) => count(t.term, title.length + 1 + t.position, false))
    for (const [term, o] of occurrences) {
      let entry = this.terms.get(term)
      if (!entry) this.terms.set(term, (entry = { id: -1, df: 0, postings: { docs: [], title: [], body: [], positions: [] } }))
      const postings = entry.postings as MutablePostings
      postings.docs.push(doc)
      postings.title.push(o.title)
      postings.body.push(o.body)
      postings.positions.push(o.positions)
      entry.df++
    }
  }

  /** Removes a document from the postings and columns; its number stays allocated until the next serialization. */
  remove(doc: number): void {
    this.#thaw()
    const emptied: string[] = []
    for (const [term, entry] of this.terms) {
      const postings = entry.postings as MutablePostings
      const at = findDoc(postings.docs, doc)
      if (at === -1) continue
      postings.docs.splice(at, 1)
      postings.title.splice(at, 1)
      postings.body.splice(at, 1)
      postings.positions.splice(at, 1)
      entry.df--
      if (entry.df === 0) emptied.push(term)
    }
    for (const term of emptied) this.terms.delete(term)
    this.live[doc] = false
    this.liveCount--
    this.#titleTotal -= this.titleLength[doc]!
    this.#bodyTotal -= this.bodyLength[doc]!
    this.docOf.delete(this.ids[doc]!)
    this.display[doc] = undefined
    this.bodies[doc] = undefined
    for (const field of VALUE_FIELDS) this.columns[field].refs[doc] = []
  }

  /** The postings of a term, decoded on first use. */
  postings(entry: TermEntry): Postings {
    if (!entry.postings) {
      const e = this.encoded!
      const id = entry.id
      entry.postings = decodePostings(
        e.docBytes.subarray(e.docOffsets[id]!, e.docOffsets[id + 1]!),
        e.tfBytes.subarray(e.tfOffsets[id]!, e.tfOffsets[id + 1]!),
        entry.df,
        e.documents,
      )
    }
    return entry.postings
  }

  /** The positions of each posting of a term, or `null` when the positions part is not loaded. */
  positions(entry: TermEntry): number[][] | null {
    const postings = this.postings(entry)
    if ('positions' in postings) return (postings as MutablePostings).positions
    if (entry.positions) return entry.positions
    const p = this.encodedPositions
    if (!p) return null
    entry.positions = decodePositions(p.bytes.subarray(p.offsets[entry.id]!, p.offsets[entry.id + 1]!), entry.df)
    return entry.positions
  }

  /** Makes loaded postings mutable before a change; needs every part (a partial index is read-only). */
  #thaw(): void {
    if (!this.encoded) return
    if (!this.encodedPositions && !this.hasPositions) throw readOnly('positions')
    if (this.display.some((d, doc) => d === undefined && this.live[doc])) throw readOnly('display fields')
    if (this.bodies.some((b, doc) => b === undefined && this.live[doc])) throw readOnly('text')
    for (const entry of this.terms.values()) {
      const postings = this.postings(entry)
      const positions = this.positions(entry)!
      entry.postings = { docs: Array.from(postings.docs), title: Array.from(postings.title), body: Array.from(postings.body), positions }
      delete entry.positions
    }
    this.encoded = null
    this.encodedPositions = null
  }
}

function readOnly(part: string): NewsdexError {
  return new NewsdexError('E_INVALID_ARGUMENT', `this index was loaded without its ${part}; it can be searched but not changed`)
}
