import SearchableMap from 'minisearch/SearchableMap'
import { analyze, analyzeTerms } from '../analysis/analyzer.js'
import { NewsdexError } from '../errors.js'
import { decodeTokenText, rankTerms, type TokenText } from '../format/token-text.js'
import type { AnalyzerPreset, Article, TextField } from '../types.js'
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
  /** Token text of loaded chunks, decoded into `bodies` and `tokens` on first use. */
  textChunks: (TokenText | undefined)[] = []
  chunkSize = 1
  /** Per document, its body as term ranks (decoded token text). */
  tokens: (Uint32Array | undefined)[] = []
  #ranks: string[] | null = null
  #rankOf: Map<string, number> | null = null

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
    this.tokens.push(undefined)
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
    this.#ranks = null
    this.#rankOf = null
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
    this.#ranks = null
    this.#rankOf = null
    this.live[doc] = false
    this.liveCount--
    this.#titleTotal -= this.titleLength[doc]!
    this.#bodyTotal -= this.bodyLength[doc]!
    this.docOf.delete(this.ids[doc]!)
    this.display[doc] = undefined
    this.bodies[doc] = undefined
    this.tokens[doc] = undefined
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

  /** The positions of each posting of a term: loaded, or rebuilt from the text. Throws when neither is at hand. */
  positions(entry: TermEntry): number[][] {
    const loaded = this.#loadedPositions(entry)
    if (loaded) return loaded
    this.#derivePositions()
    return entry.positions!
  }

  /** Terms by rank (most documents first), as token text numbers them. */
  termRanks(): string[] {
    this.#ranks ??= rankTerms([...this.terms].map(([term, entry]) => [term, entry.df]))
    return this.#ranks
  }

  #rankOfTerm(term: string): number | undefined {
    this.#rankOf ??= new Map(this.termRanks().map((t, rank) => [t, rank]))
    return this.#rankOf.get(term)
  }

  /** Whether the body of `doc` is at hand (stored, or in a loaded text chunk). */
  hasText(doc: number): boolean {
    return this.bodies[doc] !== undefined || this.textChunks[Math.floor(doc / this.chunkSize)] !== undefined
  }

  /** The body of `doc`, decoding its text chunk on first use; `undefined` while the chunk is not loaded. */
  body(doc: number): string | undefined {
    if (this.bodies[doc] === undefined) this.#decodeChunk(Math.floor(doc / this.chunkSize))
    return this.bodies[doc]
  }

  #decodeChunk(chunk: number): void {
    const data = this.textChunks[chunk]
    if (!data) return
    const first = chunk * this.chunkSize
    const count = Math.min(this.chunkSize, this.ids.length - first)
    const ranks = this.termRanks()
    decodeTokenText(data, count, (rank) => ranks[rank]).forEach((decoded, i) => {
      this.bodies[first + i] = decoded.text
      this.tokens[first + i] = decoded.ranks
    })
    this.textChunks[chunk] = undefined
  }

  /**
   * Whether the terms occur in a row in `doc`, within `fields`: from positions when they are at
   * hand, else from the document's token text; `null` when neither is loaded.
   */
  phraseIn(doc: number, terms: readonly string[], entries: readonly TermEntry[], at: readonly number[], fields: readonly TextField[]): boolean | null {
    const lists = entries.map((entry, k) => this.#loadedPositions(entry)?.[at[k]!])
    if (lists.every((list) => list !== undefined)) {
      const titleLength = this.titleLength[doc]!
      const rest = lists.slice(1).map((list) => new Set(list))
      return lists[0]!.some((start) => fields.includes(start < titleLength ? 'title' : 'body') && rest.every((set, k) => set.has(start + k + 1)))
    }
    if (!this.hasText(doc)) return null
    this.body(doc)
    const ranks = terms.map((t) => this.#rankOfTerm(t))
    const inSequence = (sequence: ArrayLike<unknown>, wanted: readonly unknown[]): boolean => {
      outer: for (let i = 0; i + wanted.length <= sequence.length; i++) {
        for (let k = 0; k < wanted.length; k++) if (sequence[i + k] !== wanted[k]) continue outer
        return true
      }
      return false
    }
    const title = this.display[doc]?.title
    if (fields.includes('title') && title !== undefined && inSequence(analyzeTerms(title, this.analyzer), terms)) return true
    return fields.includes('body') && inSequence(this.tokens[doc] ?? [], ranks)
  }

  /** Positions from postings or the positions part, without deriving them from text. */
  #loadedPositions(entry: TermEntry): number[][] | null {
    const postings = this.postings(entry)
    if ('positions' in postings) return (postings as MutablePostings).positions
    if (entry.positions) return entry.positions
    const p = this.encodedPositions
    if (!p) return null
    entry.positions = decodePositions(p.bytes.subarray(p.offsets[entry.id]!, p.offsets[entry.id + 1]!), entry.df)
    return entry.positions
  }

  /** Gives every term its positions, rebuilt from the token text of every document. */
  #derivePositions(): void {
    const lists = new Map<TermEntry, number[][]>()
    for (const entry of this.terms.values()) lists.set(entry, [])
    const ranks = this.termRanks()
    for (let doc = 0; doc < this.ids.length; doc++) {
      if (!this.live[doc]) continue
      const body = this.body(doc)
      if (body === undefined) throw readOnly('text')
      const own = new Map<string, number[]>()
      const title = analyzeTerms(this.display[doc]?.title ?? '', this.analyzer)
      title.forEach((term, i) => (own.get(term) ?? own.set(term, []).get(term)!).push(i))
      this.tokens[doc]!.forEach((rank, i) => {
        const term = ranks[rank]!
        ;(own.get(term) ?? own.set(term, []).get(term)!).push(title.length + 1 + i)
      })
      for (const [term, positions] of own) {
        const entry = this.terms.get(term)
        if (entry) lists.get(entry)!.push(positions)
      }
    }
    for (const [entry, positions] of lists) {
      if (positions.length !== entry.df) throw new NewsdexError('E_CORRUPT', 'corrupt newsdex index: the text does not match the postings')
      entry.positions = positions
    }
  }

  /** Makes loaded postings mutable before a change; needs every part (a partial index is read-only). */
  #thaw(): void {
    if (!this.encoded) return
    if (this.display.some((d, doc) => d === undefined && this.live[doc])) throw readOnly('display fields')
    if (this.live.some((live, doc) => live && !this.hasText(doc))) throw readOnly('text')
    for (let doc = 0; doc < this.ids.length; doc++) this.body(doc)
    for (const entry of this.terms.values()) {
      const postings = this.postings(entry)
      const positions = this.positions(entry)
      entry.postings = { docs: Array.from(postings.docs), title: Array.from(postings.title), body: Array.from(postings.body), positions }
      delete entry.positions
    }
    this.encoded = null
    this.encodedPositions = null
    this.#ranks = null
    this.#rankOf = null
  }
}

function readOnly(part: string): NewsdexError {
  return new NewsdexError('E_INVALID_ARGUMENT', `this index was loaded without its ${part}; it can be searched but not changed`)
}
