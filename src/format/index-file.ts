import { SortedTerms } from '../engine/sorted-terms.js'
import { Store, VALUE_FIELDS, type Display, type ValueField } from '../engine/store.js'
import { isoDate, utcDate } from '../dates.js'
import { corruptIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { ByteReader } from './bytes.js'
import { decodeContainer, decodeJsonSection } from './container.js'
import type { TokenText } from './token-text.js'

/** What kind of part a container holds. `all` is the one-file index of `serialize()`. */
export type PartKind = 'all' | 'search' | 'positions' | 'display' | 'text'

/** The header meta of every part. */
export interface PartMeta {
  part: PartKind
  /** Fingerprint shared by the parts of one build; parts of different builds never mix. */
  build: string
  /** Options of the index (search and all parts). */
  options?: unknown
  documents: number
  terms: number
  chunkSize: number
  chunks: number
  /** The chunk a display or text part holds. */
  chunk?: number
}

const decoder = new TextDecoder('utf-8', { fatal: true })


/** Reads a date written by `encodeDate()` (see encode-index.ts). */
function decodeDate(value: number): string | null {
  if (value === 0) return null
  const year = Math.floor((value - 1) / 512)
  const month = Math.floor(((value - 1) % 512) / 32)
  const day = (value - 1) % 32
  const date = utcDate(year, month - 1, day)
  if (year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw corruptIndex('a date is out of range')
  return isoDate(date)
}

/** Reads and checks the meta of a part. */
export function readPart(data: Uint8Array | ArrayBuffer): { meta: PartMeta; sections: Map<string, Uint8Array> } {
  const { meta, sections } = decodeContainer(data)
  if (typeof meta !== 'object' || meta === null) throw corruptIndex('missing part description')
  const m = meta as Record<string, unknown>
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
  if (!['all', 'search', 'positions', 'display', 'text'].includes(m.part as string) || typeof m.build !== 'string') throw corruptIndex('unknown part')
  if (!isCount(m.documents) || !isCount(m.terms) || !isCount(m.chunkSize) || !isCount(m.chunks) || m.chunkSize === 0) throw corruptIndex('bad part counts')
  if (m.chunks !== Math.ceil(m.documents / m.chunkSize)) throw corruptIndex('chunk count does not match the articles')
  if ((m.part === 'display' || m.part === 'text') && (!isCount(m.chunk) || m.chunk >= m.chunks)) throw corruptIndex('bad chunk number')
  return { meta: m as unknown as PartMeta, sections }
}

/** Fills a new store from the sections of a `search` or `all` part. */
export function decodeSearchSections(meta: PartMeta, sections: Map<string, Uint8Array>, analyzer: AnalyzerPreset): Store {
  const store = new Store(analyzer)
  const n = meta.documents
  const ids = decodeJsonSection(sections, 'ids')
  if (!Array.isArray(ids) || ids.length !== n || !ids.every((id) => typeof id === 'string' && id !== '')) throw corruptIndex('bad article ids')
  const termText = sections.get('terms')
  if (!termText) throw corruptIndex("section 'terms' is missing")
  let terms: string[]
  try {
    terms = meta.terms === 0 ? [] : decoder.decode(termText).split('\n')
  } catch (error) {
    throw corruptIndex('the terms are not valid UTF-8', error)
  }
  if (terms.length !== meta.terms) throw corruptIndex('the term count does not match')
  for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) throw corruptIndex('terms are not sorted')
  const lengths = new ByteReader(required(sections, 'lengths'))
  const titleLengths = Array.from({ length: n }, () => lengths.varint())
  const bodyLengths = Array.from({ length: n }, () => lengths.varint())
  const dates = new ByteReader(required(sections, 'dates'))
  for (let doc = 0; doc < n; doc++) {
    const id = ids[doc] as string
    if (store.docOf.has(id)) throw corruptIndex(`duplicate article id '${id}'`)
    store.pushLoaded(id, titleLengths[doc]!, bodyLengths[doc]!, decodeDate(dates.varint()))
  }
  finished(lengths, 'lengths')
  finished(dates, 'dates')
  const values = decodeJsonSection(sections, 'values') as Record<ValueField, unknown>
  const refs = new ByteReader(required(sections, 'valueRefs'))
  for (const field of VALUE_FIELDS) {
    const list = values?.[field]
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string') || new Set(list).size !== list.length) throw corruptIndex(`bad ${field} values`)
    list.forEach((v: string) => store.valueNumber(field, v))
    for (let doc = 0; doc < n; doc++) {
      const count = refs.varint()
      if (count > list.length) throw corruptIndex(`bad ${field} references`)
      const own: number[] = []
      for (let i = 0; i < count; i++) {
        const v = refs.varint()
        if (v >= list.length || own.includes(v)) throw corruptIndex(`bad ${field} references`)
        own.push(v)
      }
      store.columns[field].refs[doc] = own
    }
  }
  finished(refs, 'valueRefs')
  const stats = new ByteReader(required(sections, 'termStats'))
  const df = new Uint32Array(terms.length)
  const docLengths = new Uint32Array(terms.length)
  const tfLengths = new Uint32Array(terms.length)
  for (let i = 0; i < terms.length; i++) {
    df[i] = stats.varint()
    docLengths[i] = stats.varint()
    tfLengths[i] = stats.varint()
    if (df[i] === 0 || df[i]! > n) throw corruptIndex('a term has an impossible document count')
  }
  finished(stats, 'termStats')
  const docBytes = required(sections, 'postingDocs')
  const tfBytes = required(sections, 'postingTfs')
  const docOffsets = prefixSums(docLengths, docBytes.length, 'posting')
  const tfOffsets = prefixSums(tfLengths, tfBytes.length, 'frequency')
  store.encoded = { docBytes, tfBytes, docOffsets, tfOffsets, documents: n }
  store.chunkSize = meta.chunkSize
  store.terms = new SortedTerms(terms, terms.map((_, id) => ({ id, df: df[id]! })))
  return store
}

function finished(reader: ByteReader, name: string): void {
  if (!reader.done) throw corruptIndex(`section '${name}' has data left over`)
}

/** Offsets (count + 1) from lengths; checks they add up to `total`. */
function prefixSums(lengths: ArrayLike<number>, total: number, what: string): Uint32Array {
  const offsets = new Uint32Array(lengths.length + 1)
  for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i]! + lengths[i]!
  if (offsets[lengths.length] !== total) throw corruptIndex(`${what} lengths do not add up`)
  return offsets
}

function required(sections: Map<string, Uint8Array>, name: string): Uint8Array {
  const bytes = sections.get(name)
  if (!bytes) throw corruptIndex(`section '${name}' is missing`)
  return bytes
}

/** Attaches the positions part (each chunk's title and body ranks) to a loaded store. */
export function attachPositions(store: Store, meta: PartMeta, sections: Map<string, Uint8Array>): void {
  const bytes = required(sections, 'ranks')
  const lengths = new ByteReader(required(sections, 'chunkLengths'))
  const offsets = prefixSums(Array.from({ length: meta.chunks }, () => lengths.varint()), bytes.length, 'position')
  store.positionChunks = { bytes, offsets }
}

/** Attaches one display chunk to a loaded store. */
export function attachDisplay(store: Store, meta: PartMeta, chunk: number, sections: Map<string, Uint8Array>, name: string): void {
  const records = decodeJsonSection(sections, name)
  const first = chunk * meta.chunkSize
  const expected = Math.min(meta.chunkSize, meta.documents - first)
  if (!Array.isArray(records) || records.length !== expected) throw corruptIndex(`display chunk ${chunk} does not match the articles`)
  records.forEach((record: unknown, i) => {
    if (!Array.isArray(record) || typeof record[0] !== 'string') throw corruptIndex(`bad display fields in chunk ${chunk}`)
    const [title, url, meta] = record as [string, unknown, unknown]
    const display: Display = { title }
    if (typeof url === 'string') display.url = url
    if (meta !== null && meta !== undefined) {
      if (typeof meta !== 'object' || Array.isArray(meta) || !Object.values(meta).every((v) => typeof v === 'string')) throw corruptIndex(`bad meta in chunk ${chunk}`)
      display.meta = { ...(meta as Record<string, string>) }
    }
    store.display[first + i] = display
  })
}

/** Attaches one text chunk (token text, decoded on first use) to a loaded store; `prefix` names its sections. */
export function attachText(store: Store, chunk: number, sections: Map<string, Uint8Array>, prefix = ''): void {
  const strings = (name: string): string[] => {
    const value = decodeJsonSection(sections, prefix + name)
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw corruptIndex(`bad ${name} in text chunk ${chunk}`)
    return value
  }
  const text: TokenText = {
    ranks: required(sections, `${prefix}ranks`),
    cases: required(sections, `${prefix}cases`),
    literals: strings('literals'),
    separators: strings('separators'),
  }
  store.textChunks[chunk] = text
}
