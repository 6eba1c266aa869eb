import { isoDate, utcDate } from '../../dates.js'
import { checkIndex } from '../../errors.js'
import { ByteReader } from '../../format/bytes.js'
import { decodeContainer, decodeJsonSection, decodeStringList, decodeText, isCount } from '../../format/container.js'
import { SortedTerms } from '../../terms/sorted-terms.js'
import type { Display, Store, TermEntry } from './store.js'
import type { EncodedTextChunk } from './stored-text.js'

/**
 * What kind of part a container holds. `all` is the one-file index of `serialize()`; a `pack`
 * holds several chunks' display and text sections, named as in `all`, for `preload()`.
 */
export type PartKind = 'all' | 'search' | 'positions' | 'display' | 'text' | 'pack'

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
  /** The number of packs (`pack-<i>`) beside a search part; none in older builds. */
  packs?: number
}

const PART_KINDS: PartKind[] = ['all', 'search', 'positions', 'display', 'text', 'pack']

/** Reads a date written by `encodeDate()` (see store-encoder.ts): year·512 + month·32 + day + 1, or 0. */
function decodeDate(value: number): string | null {
  if (value === 0) return null
  const packed = value - 1
  const [year, month, day] = [Math.floor(packed / 512), Math.floor(packed / 32) % 16, packed % 32]
  const date = utcDate(year, month - 1, day)
  checkIndex(year <= 9999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day, "section 'dates'")
  return isoDate(date)
}

/** Reads and checks the meta of a part. */
export function readPart(data: Uint8Array | ArrayBuffer): { meta: PartMeta; sections: Map<string, Uint8Array> } {
  const { meta, sections } = decodeContainer(data)
  const m = Object(meta) as PartMeta
  // One check, as the container's header is checked: the counts agree, and a chunk part names its chunk.
  checkIndex(
    PART_KINDS.includes(m.part) &&
      typeof m.build === 'string' &&
      isCount(m.documents) &&
      isCount(m.terms) &&
      isCount(m.chunkSize) &&
      m.chunkSize > 0 &&
      m.chunks === Math.ceil(m.documents / m.chunkSize) &&
      ((m.part !== 'display' && m.part !== 'text') || (isCount(m.chunk) && m.chunk < m.chunks)),
    'header',
  )
  return { meta: m, sections }
}

/** The whole of section `name`: `count` rows of `width` varints, as one column per place in a row. */
export function varints(sections: Map<string, Uint8Array>, name: string, count: number, width = 1): Float64Array[] {
  const reader = new ByteReader(sections.get(name) ?? new Uint8Array(), `section '${name}'`)
  // Each varint takes at least a byte: a count the section cannot hold is refused before allocating.
  checkIndex(count * width <= reader.bytes.length, reader.what)
  const columns = Array.from({ length: width }, () => new Float64Array(count))
  for (let i = 0; i < count; i++) for (const column of columns) column[i] = reader.varint()
  checkIndex(reader.done, reader.what)
  return columns
}

/** Offsets (count + 1) from lengths, which must add up to the length of `bytes`. */
export function prefixSums(lengths: ArrayLike<number>, bytes: Uint8Array | undefined, what: string): Uint32Array {
  const offsets = new Uint32Array(lengths.length + 1)
  for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i]! + lengths[i]!
  checkIndex(offsets[lengths.length] === bytes?.length, what)
  return offsets
}

/** Fills an empty store (of the index's analyzer and keyword fields) from the sections of a `search` or `all` part. */
export function decodeSearchSections(meta: PartMeta, sections: Map<string, Uint8Array>, store: Store): void {
  const n = meta.documents
  const ids = decodeStringList(sections.get('ids'), "section 'ids'")
  checkIndex(ids.length === n, "section 'ids'")
  const terms = meta.terms === 0 ? [] : decodeText(sections.get('terms'), "section 'terms'", (text) => text.split('\n'))
  checkIndex(terms.length === meta.terms, "section 'terms'")
  checkIndex(terms.every((term, i) => i === 0 || terms[i - 1]! < term), "section 'terms'")
  const [lengths] = varints(sections, 'lengths', 2 * n) as [Float64Array]
  const [dates] = varints(sections, 'dates', n) as [Float64Array]
  for (let doc = 0; doc < n; doc++) store._appendDocument(ids[doc]!, lengths[doc]!, lengths[n + doc]!, decodeDate(dates[doc]!))
  // A repeated id leaves fewer entries than articles.
  checkIndex(store._docOf.size === n && !store._docOf.has(''), "section 'ids'")
  const values = Object(decodeJsonSection(sections, 'values')) as Record<string, unknown>
  const numbers = new ByteReader(sections.get('valueRefs') ?? new Uint8Array(), "section 'valueRefs'")
  for (const field of store.valueFields) {
    const list = values[field]
    checkIndex(Array.isArray(list) && list.every((v, i) => typeof v === 'string' && store._valueNumber(field, v) === i), "section 'values'")
    for (let doc = 0; doc < n; doc++) {
      const own: number[] = []
      for (let count = numbers.varint(); own.length < count; ) own.push(numbers.varint())
      checkIndex(own.every((v, i) => v < list.length && own.indexOf(v) === i), numbers.what)
      store._columns[field]!.numbersOf[doc] = own
    }
  }
  checkIndex(numbers.done, numbers.what)
  // Per term: its document count, then the byte lengths of its documents and of its frequencies.
  const [df, docLengths, tfLengths] = varints(sections, 'termStats', terms.length, 3) as [Float64Array, Float64Array, Float64Array]
  checkIndex(df.every((d) => d > 0 && d <= n), "section 'termStats'")
  const docBytes = sections.get('postingDocs')!
  const tfBytes = sections.get('postingTfs')!
  const docOffsets = prefixSums(docLengths, docBytes, "section 'postingDocs'")
  const tfOffsets = prefixSums(tfLengths, tfBytes, "section 'postingTfs'")
  store._encoded = { docBytes, tfBytes, docOffsets, tfOffsets, documents: n }
  store._chunkSize = meta.chunkSize
  store._terms = new SortedTerms<TermEntry>(terms, terms.map((_, id) => ({ id, df: df[id]! })))
}

/** Attaches the positions part (each chunk's title and body ranks) to a loaded store. */
export function attachPositions(store: Store, meta: PartMeta, sections: Map<string, Uint8Array>): void {
  const bytes = sections.get('ranks')
  store.text._positions = { bytes: bytes!, offsets: prefixSums(varints(sections, 'chunkLengths', meta.chunks)[0]!, bytes, "positions section 'ranks'") }
}

/** Attaches one display chunk to a loaded store. */
export function attachDisplay(store: Store, meta: PartMeta, chunk: number, sections: Map<string, Uint8Array>, name: string): void {
  const records = decodeJsonSection(sections, name)
  const first = chunk * meta.chunkSize
  const what = `section '${name}'`
  // One record per article of the chunk, each [title, url or null, meta (text by name) or null].
  checkIndex(Array.isArray(records) && records.length === Math.min(meta.chunkSize, meta.documents - first), what)
  records.forEach((record: unknown, i) => {
    const [title, url, meta] = Array.isArray(record) ? record : []
    checkIndex(typeof title === 'string' && (url == null || typeof url === 'string') && (meta == null || isTextRecord(meta)), what)
    const display: Display = { title }
    if (typeof url === 'string') display.url = url
    if (meta != null) display.meta = { ...(meta as Record<string, string>) }
    store._display[first + i] = display
  })
}

/** Attaches one text chunk (token text, decoded on first use) to a loaded store; `prefix` names its sections. */
export function attachText(store: Store, chunk: number, sections: Map<string, Uint8Array>, prefix = ''): void {
  const section = (name: string): Uint8Array => {
    const bytes = sections.get(`${prefix}${name}`)
    checkIndex(bytes, `section '${prefix}${name}'`)
    return bytes
  }
  // Its index, literals and separators are read when the chunk is first read.
  store.text._chunks[chunk] = Object.fromEntries(['codes', 'cases', 'literals', 'gaps', 'gapStrings', 'index'].map((name) => [name, section(name)])) as unknown as EncodedTextChunk
  // The term codes are numbered once, with the first text, rather than on the first highlighted search.
  store.text._prepareCodes()
}

/**
 * Attaches the display and text sections (`display-<i>`, `text-<i>.<name>`) of every chunk of a
 * whole index, all of which it must hold, or of the chunks a pack holds. `meta` is the part's own.
 */
export function attachChunks(store: Store, meta: PartMeta, sections: Map<string, Uint8Array>): void {
  for (let i = 0; i < meta.chunks; i++) {
    // A chunk whose display and text a search fetched already is not read again from a pack.
    if (meta.part === 'all' || (sections.has(`display-${i}`) && !(store.text._chunks[i] && store._display[i * meta.chunkSize]))) {
      attachDisplay(store, meta, i, sections, `display-${i}`)
      attachText(store, i, sections, `text-${i}.`)
    }
  }
}

/** Whether `value` (not null) is a plain object whose values are all strings. */
function isTextRecord(value: unknown): boolean {
  return typeof value === 'object' && !Array.isArray(value) && Object.values(value!).every((v) => typeof v === 'string')
}
