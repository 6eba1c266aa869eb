import { decodeStringList } from '../../format/container.js'
import { analyzeTerms } from '../../analysis/analyzer.js'
import { decodeChunkCodes, codedTerms, decodeTextIndex, layoutText, type ChunkCodes, type CodedTerms, type LaidOutText, type TextIndex, type TokenText } from '../../format/token-text.js'
import { SortedTerms } from '../../terms/sorted-terms.js'
import { inSequence } from './in-sequence.js'
import type { TermDictionary } from '../../terms/term-dictionary.js'
import { analyzedTokens, type TokenList } from '../../highlight/match-ranges.js'
import type { TextSource } from '../../highlight/html.js'
import type { AnalyzerPreset, TextField } from '../../types.js'
import type { DecodedCache } from './decoded-cache.js'

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
  chunkOf(doc: number): number
  titleLength(doc: number): number
  bodyLength(doc: number): number
  displayOf(doc: number): { title: string } | undefined
  readonly cache: DecodedCache
}

/** A loaded text chunk as it is in the file: token text with its literals and separators still JSON. */
export interface EncodedTextChunk {
  codes: Uint8Array
  cases: Uint8Array
  literals: Uint8Array
  gaps: Uint8Array
  gapStrings: Uint8Array
  index: Uint8Array
}

/** A loaded text chunk, read: its token text and where each document starts in it. */
interface ReadChunk {
  text: TokenText
  index: TextIndex
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
  _chunks: (EncodedTextChunk | undefined)[] = []
  /** The term codes, numbering the terms as token text does; the writer drops them when the terms change. */
  _coded: CodedTerms | null = null
  _codeOfTerm: Map<string, number> | null = null

  constructor(private readonly store: StoreShape) {}

  /** Whether the positions part is loaded. */
  get hasPositions(): boolean {
    return this._positions !== null
  }

  /** Whether the body of `doc` is at hand (stored, or in a loaded text chunk). */
  has(doc: number): boolean {
    return this._bodies[doc] !== undefined || this._chunks[this.store.chunkOf(doc)] !== undefined
  }

  /**
   * The body of `doc`, or, with `maxChars`, its start up to the first token end past that many
   * characters; `undefined` while its text chunk is not loaded. Only this document is decoded
   * (its chunk's term codes once), and the text is cached.
   */
  body(doc: number, maxChars = Infinity): string | undefined {
    const own = this._bodies[doc]
    if (own !== undefined) return own.length <= maxChars ? own : own.slice(0, maxChars)
    return this.#laidOut(doc, maxChars)?.slice()
  }

  /**
   * Like `body()`, with the body's analyzed tokens: a loaded body's come from its token text as it
   * is laid out (no analysis), and its text is rebuilt only where it is read; a body added since
   * is analyzed.
   */
  bodyTokens(doc: number, maxChars = Infinity): { text: TextSource; tokens: TokenList } | undefined {
    if (this._bodies[doc] !== undefined) {
      const own = this.body(doc, maxChars)!
      // Analyzed once (cached, with its length: another `maxChars` analyzes again); about 60 bytes a token.
      const key = `a${doc}`
      const cached = this.store.cache.get<{ text: string; tokens: TokenList }>(key)
      if (cached?.text.length === own.length) return cached
      const tokens = analyzedTokens(own, this.store.analyzer)
      return this.store.cache.set(key, { text: own, tokens }, 60 * tokens.length)
    }
    const laid = this.#laidOut(doc, maxChars)
    if (!laid) return undefined
    const terms = this.#termsByCode()
    const tokens: TokenList = { length: laid.tokens, term: (i) => terms[laid.codes[i]!]!, start: laid.start, end: laid.end, codes: laid.codes }
    return { text: laid, tokens }
  }

  /** A loaded body laid out (cached), up to the first token end past `maxChars`; `undefined` while its chunk is not loaded. */
  #laidOut(doc: number, maxChars: number): LaidOutText | undefined {
    const chunk = this.store.chunkOf(doc)
    if (!this._chunks[chunk]) return undefined
    const key = `b${doc}`
    const cached = this.store.cache.get<LaidOutText>(key)
    if (cached && (cached.complete || cached.length >= maxChars)) return cached
    const read = this.#readChunk(chunk)!
    const laid = layoutText(read.text, read.index, doc - chunk * this.store.chunkSize, this.#coded(), maxChars)
    // Three 4-byte numbers a token, and the objects that hold them.
    return this.store.cache.set(key, laid, 12 * laid.codes.length + 1300)
  }

  /**
   * Whether the terms occur in a row in `doc`, within `fields`: checked on the positions part's
   * term codes, else on the title and the codes of the body laid out (as highlighting reads it),
   * or its analyzed text, for an article added since; `null` when neither is at hand.
   */
  phraseIn(doc: number, terms: readonly string[], fields: readonly TextField[]): boolean | null {
    const codes = (): (number | undefined)[] => terms.map((term) => this.codeOf(term))
    const inTitle = fields.includes('title')
    const inBody = fields.includes('body')
    const all = this.#positionCodesOf(doc)
    if (all) {
      const split = this.store.titleLength(doc)
      return (inTitle && inSequence(all.subarray(0, split), codes())) || (inBody && inSequence(all.subarray(split), codes()))
    }
    const title = this.store.displayOf(doc)?.title
    const bodyCodes = this.#laidOut(doc, Infinity)?.codes
    const text = this._bodies[doc]
    const body = bodyCodes ?? (text === undefined ? undefined : (this._bodyTerms[doc] ??= analyzeTerms(text, this.store.analyzer)))
    if (title === undefined || body === undefined) return null
    return (inTitle && inSequence(analyzeTerms(title, this.store.analyzer), terms)) || (inBody && inSequence(body, bodyCodes ? codes() : terms))
  }

  /** Numbers the terms as token text does, ahead of the first text read (a loaded index with text does it at load). */
  _prepareCodes(): void {
    this.#termsByCode()
  }

  /** Documents in a chunk. */
  #chunkLength(chunk: number): number {
    return Math.min(this.store.chunkSize, this.store.documentCount - chunk * this.store.chunkSize)
  }

  /** Terms by their code in token text, with their lengths. */
  #coded(): CodedTerms {
    this._coded ??= codedTerms(...sortedWithCounts(this.store.terms))
    return this._coded
  }

  /** Terms by their code in token text. */
  #termsByCode(): readonly string[] {
    return this.#coded().terms
  }

  /**
   * The codes of those `terms` that are in the dictionary, as a bit set (bit `code` set);
   * `undefined` when no text chunk is loaded (the bodies of an index built here are analyzed, and
   * numbering its terms would sort them all).
   */
  codesOf(terms: Iterable<string>): Uint32Array | undefined {
    if (!this._chunks.length) return undefined
    const bits = new Uint32Array((this.#termsByCode().length >>> 5) + 1)
    for (const term of terms) {
      const code = this.codeOf(term)
      if (code !== undefined) bits[code >>> 5]! |= 1 << (code & 31)
    }
    return bits
  }

  /** A term's code in the loaded token text; `undefined` for a term no document holds. */
  codeOf(term: string): number | undefined {
    const dictionary = this.store.terms
    // A loaded dictionary's entries are numbered in sorted order: no map of every term.
    if (dictionary instanceof SortedTerms) {
      const entry = dictionary.get(term)
      return entry && this.#coded().codes[entry.id]
    }
    this._codeOfTerm ??= new Map(this.#termsByCode().map((t, code) => [t, code]))
    return this._codeOfTerm.get(term)
  }

  /** A loaded text chunk, read (its index and strings; cached); `undefined` while it is not loaded. */
  #readChunk(chunk: number): ReadChunk | undefined {
    const encoded = this._chunks[chunk]
    if (!encoded) return undefined
    const key = `t${chunk}`
    const cached = this.store.cache.get<ReadChunk>(key)
    if (cached) return cached
    const what = `text chunk ${chunk}`
    const text: TokenText = {
      ...encoded,
      literals: decodeStringList(encoded.literals, `${what}: its literals`),
      gapStrings: decodeStringList(encoded.gapStrings, `${what}: its separators`),
    }
    const index = decodeTextIndex(text, this.#chunkLength(chunk))
    // Four 4-byte columns a document; parsed strings take about twice their bytes.
    const bytes = 16 * index.tokens.length + 2 * (encoded.literals.length + encoded.gapStrings.length)
    return this.store.cache.set(key, { text, index }, bytes)
  }

  /** A document's title and body tokens as term codes, from the positions part; `undefined` without it. */
  #positionCodesOf(doc: number): Uint32Array | undefined {
    const positions = this._positions
    if (!positions) return undefined
    const chunk = this.store.chunkOf(doc)
    const first = chunk * this.store.chunkSize
    const key = `q${chunk}`
    let decoded = this.store.cache.get<ChunkCodes>(key)
    if (!decoded) {
      const count = this.#chunkLength(chunk)
      let total = 0
      for (let d = first; d < first + count; d++) total += this.store.titleLength(d) + this.store.bodyLength(d)
      const bytes = positions.bytes.subarray(positions.offsets[chunk], positions.offsets[chunk + 1])
      const codes = decodeChunkCodes(bytes, count, total, this.store.terms.size)
      decoded = this.store.cache.set(key, codes, codes.codes.byteLength + codes.starts.byteLength)
    }
    return decoded.codes.subarray(decoded.starts[doc - first], decoded.starts[doc - first + 1])
  }
}

/** The terms of a dictionary in order, and their document counts (read straight off a sorted one). */
function sortedWithCounts(terms: TermDictionary<{ df: number }>): [readonly string[], Uint32Array] {
  if (terms instanceof SortedTerms) return [terms.terms, Uint32Array.from(terms.entries, (entry) => entry.df)]
  const sorted = [...terms].sort(([a], [b]) => (a < b ? -1 : 1))
  return [sorted.map(([term]) => term), Uint32Array.from(sorted, ([, entry]) => entry.df)]
}
