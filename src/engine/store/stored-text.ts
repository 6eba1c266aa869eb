import { analyzeTerms } from '../../analysis/analyzer.js'
import { decodeChunkCodes, decodeTexts, termsByCode, type ChunkCodes, type TokenText } from '../../format/token-text.js'
import type { TermDictionary } from '../../terms/term-dictionary.js'
import type { AnalyzerPreset, TextField } from '../../types.js'

/** The loaded positions part: per chunk, each document's title and body tokens as term codes. */
export interface PositionChunks {
  bytes: Uint8Array
  /** Where each chunk's codes start in `bytes` (chunks + 1). */
  offsets: Uint32Array
}

/** What the stored text needs of its store. */
interface StoreShape {
  readonly analyzer: AnalyzerPreset
  readonly terms: TermDictionary<{ df: number }>
  readonly documentCount: number
  readonly chunkSize: number
  titleLength(doc: number): number
  bodyLength(doc: number): number
  displayOf(doc: number): { title: string } | undefined
}

/**
 * The bodies of a store's articles and their token sequences: bodies kept as text (articles added
 * since loading) or as loaded token text chunks, decoded on first use; and the positions part,
 * which phrases are checked on. Changed only by the store's writer and decoder (`_` members).
 */
export class StoredText {
  _bodies: (string | undefined)[] = []
  /** The analyzed body of an article added since loading, kept once a phrase has checked it. */
  _bodyTerms: (string[] | undefined)[] = []
  _positions: PositionChunks | null = null
  /** Token text of loaded chunks, kept encoded. */
  _chunks: (TokenText | undefined)[] = []
  // Caches of what the fields above hold, decoded on first use.
  #termByCode: string[] | null = null
  #codeOfTerm: Map<string, number> | null = null
  #textCodes: (ChunkCodes | undefined)[] = []
  #positionCodes: (ChunkCodes | undefined)[] = []

  constructor(private readonly store: StoreShape) {}

  /** Whether the positions part is loaded. */
  get hasPositions(): boolean {
    return this._positions !== null
  }

  /** Whether the body of `doc` is at hand (stored, or in a loaded text chunk). */
  has(doc: number): boolean {
    return this._bodies[doc] !== undefined || this._chunks[this.#chunkOf(doc)] !== undefined
  }

  /** The body of `doc`, decoding its text chunk on first use; `undefined` while the chunk is not loaded. */
  body(doc: number): string | undefined {
    const chunk = this.#chunkOf(doc)
    const codes = this._bodies[doc] === undefined && this.#textCodesOf(chunk)
    if (codes) {
      const terms = this.#termsByCode()
      const texts = decodeTexts(this._chunks[chunk]!, codes, (code) => terms[code]!)
      texts.forEach((text, i) => (this._bodies[chunk * this.store.chunkSize + i] = text))
    }
    return this._bodies[doc]
  }

  /**
   * Whether the terms occur in a row in `doc`, within `fields`: checked on the positions part's
   * term codes, else on the title and the body's text codes (or its analyzed text, for an article
   * added since); `null` when neither is at hand.
   */
  phraseIn(doc: number, terms: readonly string[], fields: readonly TextField[]): boolean | null {
    const codes = (): (number | undefined)[] => terms.map((term) => this.#codeOf(term))
    const inTitle = fields.includes('title')
    const inBody = fields.includes('body')
    const all = this.#positionCodesOf(doc)
    if (all) {
      const split = this.store.titleLength(doc)
      return (inTitle && inSequence(all.subarray(0, split), codes())) || (inBody && inSequence(all.subarray(split), codes()))
    }
    const title = this.store.displayOf(doc)?.title
    const bodyCodes = this.#bodyCodesOf(doc)
    const text = this._bodies[doc]
    const body = bodyCodes ?? (text === undefined ? undefined : (this._bodyTerms[doc] ??= analyzeTerms(text, this.store.analyzer)))
    if (title === undefined || body === undefined) return null
    return (inTitle && inSequence(analyzeTerms(title, this.store.analyzer), terms)) || (inBody && inSequence(body, bodyCodes ? codes() : terms))
  }

  /** Forgets the term codes after the dictionary changed (they number its terms). */
  _termsChanged(): void {
    this.#termByCode = null
    this.#codeOfTerm = null
  }

  /** Drops the loaded chunks and positions, and what was decoded of them (bodies stay). */
  _dropEncoded(): void {
    this._chunks = []
    this._positions = null
    this.#textCodes = []
    this.#positionCodes = []
    this._termsChanged()
  }

  #chunkOf(doc: number): number {
    return Math.floor(doc / this.store.chunkSize)
  }

  /** Documents in a chunk. */
  #chunkLength(chunk: number): number {
    return Math.min(this.store.chunkSize, this.store.documentCount - chunk * this.store.chunkSize)
  }

  /** Terms by their code in token text. */
  #termsByCode(): string[] {
    this.#termByCode ??= termsByCode([...this.store.terms].map(([term, entry]) => [term, entry.df]))
    return this.#termByCode
  }

  #codeOf(term: string): number | undefined {
    this.#codeOfTerm ??= new Map(this.#termsByCode().map((t, code) => [t, code]))
    return this.#codeOfTerm.get(term)
  }

  #textCodesOf(chunk: number): ChunkCodes | undefined {
    const text = this._chunks[chunk]
    if (!text) return undefined
    this.#textCodes[chunk] ??= decodeChunkCodes(text.codes, this.#chunkLength(chunk), text.cases.length, this.store.terms.size)
    return this.#textCodes[chunk]
  }

  /** The body of a loaded document as term codes; `undefined` while its chunk is not loaded. */
  #bodyCodesOf(doc: number): Uint32Array | undefined {
    const chunk = this.#chunkOf(doc)
    const decoded = this.#textCodesOf(chunk)
    const i = doc - chunk * this.store.chunkSize
    return decoded?.codes.subarray(decoded.starts[i], decoded.starts[i + 1])
  }

  /** A document's title and body tokens as term codes, from the positions part; `undefined` without it. */
  #positionCodesOf(doc: number): Uint32Array | undefined {
    const positions = this._positions
    if (!positions) return undefined
    const chunk = this.#chunkOf(doc)
    const first = chunk * this.store.chunkSize
    let decoded = this.#positionCodes[chunk]
    if (!decoded) {
      const count = this.#chunkLength(chunk)
      let total = 0
      for (let d = first; d < first + count; d++) total += this.store.titleLength(d) + this.store.bodyLength(d)
      const bytes = positions.bytes.subarray(positions.offsets[chunk], positions.offsets[chunk + 1])
      decoded = this.#positionCodes[chunk] = decodeChunkCodes(bytes, count, total, this.store.terms.size)
    }
    return decoded.codes.subarray(decoded.starts[doc - first], decoded.starts[doc - first + 1])
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
