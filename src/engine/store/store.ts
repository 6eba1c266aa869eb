import { SortedTerms } from '../../terms/sorted-terms.js'
import type { TermDictionary } from '../../terms/term-dictionary.js'
import type { AnalyzerPreset } from '../../types.js'
import { DecodedCache } from './decoded-cache.js'
import { decodePostings, type Postings } from './postings.js'
import { StoredText } from './stored-text.js'

/** The fields with value dictionaries (filters and facets) in every index; custom keyword fields follow them. */
export const VALUE_FIELDS = ['source', 'location', 'country'] as const
export type ValueField = (typeof VALUE_FIELDS)[number]

/** Display fields of one article: what a hit shows besides its columns. */
export interface Display {
  title: string
  url?: string
  meta?: Record<string, string>
}

/**
 * One term of the dictionary. A loaded term's postings are decoded on use and kept in the store's
 * cache; `postings` holds those of an index being built.
 */
export interface TermEntry {
  /** Position of the term in the loaded term list; -1 for terms added since. */
  id: number
  /** Number of documents holding the term. */
  df: number
  postings?: Postings
}

/** Where the loaded, still-encoded postings of each term are. */
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

/** A value dictionary: distinct values of one field, and each document's value numbers. */
export interface ValueColumn {
  values: string[]
  numberOf: Map<string, number>
  numbersOf: number[][]
}

/**
 * Everything an index holds, in columns by document number: ids, field lengths, dates, value
 * columns, display fields and bodies (either may be missing until their part is loaded), and the
 * term dictionary (sorted when loaded, a radix tree while being built) with its postings.
 *
 * Search reads it through the methods. Only the store's writer (`store-writer.ts`: add, remove) and
 * decoder (`store-decoder.ts`: load, attach parts) change it, through the `_` members.
 */
export class Store {
  _ids: string[] = []
  _live: boolean[] = []
  _liveCount = 0
  _titleLengths: number[] = []
  _bodyLengths: number[] = []
  _titleTotal = 0
  _bodyTotal = 0
  _dates: (string | null)[] = []
  _docOf = new Map<string, number>()
  _columns: Record<string, ValueColumn> = {}
  _display: (Display | undefined)[] = []
  _terms: TermDictionary<TermEntry> = new SortedTerms<TermEntry>([], [])
  _encoded: EncodedTerms | null = null
  _chunkSize = 1
  /** Bodies, as text or as loaded token text chunks, and positions. */
  readonly text: StoredText
  /** Decoded postings, term codes and texts of a loaded index, within a byte budget. */
  readonly cache = new DecodedCache()

  /** The fields with value dictionaries: `VALUE_FIELDS`, then the index's custom keyword fields. */
  readonly valueFields: readonly string[]

  constructor(readonly analyzer: AnalyzerPreset, keywordFields: readonly string[] = []) {
    this.text = new StoredText(this)
    this.valueFields = [...VALUE_FIELDS, ...keywordFields]
    for (const field of this.valueFields) this._columns[field] = { values: [], numberOf: new Map(), numbersOf: [] }
  }

  /** Document numbers given out so far, removed ones included. */
  get documentCount(): number {
    return this._ids.length
  }

  /** Documents in the index (not removed). */
  get liveCount(): number {
    return this._liveCount
  }

  /** Documents per display and text chunk. */
  get chunkSize(): number {
    return this._chunkSize
  }

  get terms(): TermDictionary<TermEntry> {
    return this._terms
  }

  isLive(doc: number): boolean {
    return this._live[doc] === true
  }

  idOf(doc: number): string {
    return this._ids[doc]!
  }

  /** The number of the live document with this id. */
  docOf(id: string): number | undefined {
    return this._docOf.get(id)
  }

  titleLength(doc: number): number {
    return this._titleLengths[doc]!
  }

  bodyLength(doc: number): number {
    return this._bodyLengths[doc]!
  }

  /** Mean title and body lengths of live documents, in tokens (`NaN` when there are none). */
  averageLengths(): [title: number, body: number] {
    return [this._titleTotal / this._liveCount, this._bodyTotal / this._liveCount]
  }

  dateOf(doc: number): string | null {
    return this._dates[doc] ?? null
  }

  /** The distinct values of a field, by value number. */
  values(field: string): readonly string[] {
    return this._columns[field]!.values
  }

  /** The value numbers of a document in a field. */
  valueNumbers(field: string, doc: number): readonly number[] {
    return this._columns[field]!.numbersOf[doc] ?? []
  }

  /** The display fields of a document; `undefined` while its display part is not loaded. */
  displayOf(doc: number): Display | undefined {
    return this._display[doc]
  }

  /** The chunk that holds a document's display fields and text. */
  chunkOf(doc: number): number {
    return Math.floor(doc / this._chunkSize)
  }

  /** The postings of a term: those of an index being built, or decoded from a loaded one (cached). */
  postings(entry: TermEntry): Postings {
    if (entry.postings) return entry.postings
    const key = `p${entry.id}`
    const cached = this.cache.get<Postings>(key)
    if (cached) return cached
    const encoded = this._encoded!
    const id = entry.id
    const postings = decodePostings(
      encoded.docBytes.subarray(encoded.docOffsets[id]!, encoded.docOffsets[id + 1]!),
      encoded.tfBytes.subarray(encoded.tfOffsets[id]!, encoded.tfOffsets[id + 1]!),
      entry.df,
      encoded.documents,
    )
    // Three 4-byte columns per posting.
    return this.cache.set(key, postings, 12 * entry.df)
  }

  /** Gives a document the next number, with its id, field lengths and date; returns the number. */
  _appendDocument(id: string, titleLength: number, bodyLength: number, date: string | null): number {
    const doc = this._ids.length
    this._ids.push(id)
    this._live.push(true)
    this._liveCount++
    this._titleLengths.push(titleLength)
    this._bodyLengths.push(bodyLength)
    this._titleTotal += titleLength
    this._bodyTotal += bodyLength
    this._dates.push(date)
    this._docOf.set(id, doc)
    return doc
  }

  /** The number of a value of a field, added to the field's dictionary if new. */
  _valueNumber(field: string, value: string): number {
    const column = this._columns[field]!
    let number = column.numberOf.get(value)
    if (number === undefined) {
      number = column.values.length
      column.values.push(value)
      column.numberOf.set(value, number)
    }
    return number
  }

}
