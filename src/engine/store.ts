import { analyzeTerms } from '../analysis/analyzer.js'
import { decodeRanks, decodeTexts, rankTerms, type ChunkRanks, type TokenText } from '../format/token-text.js'
import type { AnalyzerPreset, TextField } from '../types.js'
import { decodePostings, type MutablePostings, type Postings } from './postings.js'
import { SortedTerms, type TermDictionary } from './sorted-terms.js'

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

/** The loaded positions part: per chunk, each document's title and body tokens as term ranks. */
export interface PositionChunks {
  bytes: Uint8Array
  /** Where each chunk's ranks start in `bytes` (chunks + 1). */
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
 * term dictionary (sorted when loaded, a radix tree while being built) with its postings.
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
  terms: TermDictionary = new SortedTerms([], [])
  titleTotal = 0
  bodyTotal = 0
  encoded: EncodedTerms | null = null
  positionChunks: PositionChunks | null = null
  /** Token text of loaded chunks, kept encoded; its ranks and `bodies` are decoded on first use. */
  textChunks: (TokenText | undefined)[] = []
  /** Decoded ranks, per chunk: of the positions part, and of the text chunks. */
  positionRanks: (ChunkRanks | undefined)[] = []
  chunkRanks: (ChunkRanks | undefined)[] = []
  chunkSize = 1
  /** The analyzed body of an article added since loading, kept once a phrase has checked it. */
  bodyTerms: (string[] | undefined)[] = []
  /** Caches of `termRanks()`, dropped when the terms change. */
  ranks: string[] | null = null
  rankOf: Map<string, number> | null = null

  constructor(readonly analyzer: AnalyzerPreset) {}

  /** Registers a loaded document (its postings come from the encoded terms). */
  pushLoaded(id: string, titleLength: number, bodyLength: number, date: string | null): number {
    const doc = this.ids.length
    this.ids.push(id)
    this.live.push(true)
    this.liveCount++
    this.titleLength.push(titleLength)
    this.bodyLength.push(bodyLength)
    this.titleTotal += titleLength
    this.bodyTotal += bodyLength
    this.dates.push(date)
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

  /** Terms by rank (most documents first), as token text numbers them. */
  termRanks(): string[] {
    this.ranks ??= rankTerms([...this.terms].map(([term, entry]) => [term, entry.df]))
    return this.ranks
  }

  #rankOfTerm(term: string): number | undefined {
    this.rankOf ??= new Map(this.termRanks().map((t, rank) => [t, rank]))
    return this.rankOf.get(term)
  }

  /** Whether the body of `doc` is at hand (stored, or in a loaded text chunk). */
  hasText(doc: number): boolean {
    return this.bodies[doc] !== undefined || this.textChunks[Math.floor(doc / this.chunkSize)] !== undefined
  }

  /** The body of `doc`, decoding its text chunk on first use; `undefined` while the chunk is not loaded. */
  body(doc: number): string | undefined {
    const chunk = Math.floor(doc / this.chunkSize)
    const ranks = this.bodies[doc] === undefined && this.#ranksOfChunk(chunk)
    if (ranks) {
      const terms = this.termRanks()
      decodeTexts(this.textChunks[chunk]!, ranks, (rank) => terms[rank]!).forEach((text, i) => (this.bodies[chunk * this.chunkSize + i] = text))
    }
    return this.bodies[doc]
  }

  /** The body of a loaded document as term ranks (see `termRanks()`); `undefined` while its chunk is not loaded. */
  ranksOf(doc: number): Uint32Array | undefined {
    const chunk = Math.floor(doc / this.chunkSize)
    const decoded = this.#ranksOfChunk(chunk)
    const i = doc - chunk * this.chunkSize
    return decoded?.ranks.subarray(decoded.starts[i], decoded.starts[i + 1])
  }

  #ranksOfChunk(chunk: number): ChunkRanks | undefined {
    const data = this.textChunks[chunk]
    if (!data) return undefined
    this.chunkRanks[chunk] ??= decodeRanks(data.ranks, this.#chunkCount(chunk), data.cases.length, this.terms.size)
    return this.chunkRanks[chunk]
  }

  /** Documents in a chunk. */
  #chunkCount(chunk: number): number {
    return Math.min(this.chunkSize, this.ids.length - chunk * this.chunkSize)
  }

  /** A document's title and body tokens as term ranks, from the positions part; `undefined` without it. */
  #positionRanksOf(doc: number): Uint32Array | undefined {
    const p = this.positionChunks
    if (!p) return undefined
    const chunk = Math.floor(doc / this.chunkSize)
    const first = chunk * this.chunkSize
    let decoded = this.positionRanks[chunk]
    if (!decoded) {
      const count = this.#chunkCount(chunk)
      let total = 0
      for (let d = first; d < first + count; d++) total += this.titleLength[d]! + this.bodyLength[d]!
      decoded = this.positionRanks[chunk] = decodeRanks(p.bytes.subarray(p.offsets[chunk], p.offsets[chunk + 1]), count, total, this.terms.size)
    }
    return decoded.ranks.subarray(decoded.starts[doc - first], decoded.starts[doc - first + 1])
  }

  /**
   * Whether the terms occur in a row in `doc`, within `fields`: checked on the positions part's
   * ranks, else on the title and the body's text ranks (or its analyzed text, for an article added
   * since); `null` when neither is at hand.
   */
  phraseIn(doc: number, terms: readonly string[], fields: readonly TextField[]): boolean | null {
    const ranks = (): (number | undefined)[] => terms.map((t) => this.#rankOfTerm(t))
    const inTitle = fields.includes('title')
    const inBody = fields.includes('body')
    const all = this.#positionRanksOf(doc)
    if (all) {
      const split = this.titleLength[doc]!
      return (inTitle && inSequence(all.subarray(0, split), ranks())) || (inBody && inSequence(all.subarray(split), ranks()))
    }
    const title = this.display[doc]?.title
    const bodyRanks = this.ranksOf(doc)
    const text = this.bodies[doc]
    const body = bodyRanks ?? (text === undefined ? undefined : (this.bodyTerms[doc] ??= analyzeTerms(text, this.analyzer)))
    if (title === undefined || body === undefined) return null
    return (inTitle && inSequence(analyzeTerms(title, this.analyzer), terms)) || (inBody && inSequence(body, bodyRanks ? ranks() : terms))
  }
}

/** Whether `wanted` occurs as a run in `sequence`. */
function inSequence(sequence: ArrayLike<unknown>, wanted: readonly unknown[]): boolean {
  outer: for (let i = 0; i + wanted.length <= sequence.length; i++) {
    for (let k = 0; k < wanted.length; k++) if (sequence[i + k] !== wanted[k]) continue outer
    return true
  }
  return false
}
