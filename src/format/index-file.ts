import { SortedTerms } from '../engine/sorted-terms.js'
import { Store, VALUE_FIELDS, type Display, type ValueField } from '../engine/store.js'
import { isoDate, utcDate } from '../dates.js'
import { checkIndex } from '../errors.js'
import type { AnalyzerPreset } from '../types.js'
import { ByteReader } from './bytes.js'
import { decodeContainer, decodeJsonSection, decodeText, isCount } from './container.js'

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

const PART_KINDS: PartKind[] = ['all', 'search', 'positions', 'display', 'text']

/** Reads a date written by `encodeDate()` (see encode-index.ts). */
function decodeDate(value: number): string | null {
  if (value === 0) return null
  const [year, month, day] = [(value - 1) >> 9, ((value - 1) >> 5) & 15, (value - 1) & 31]
  const date = utcDate(year, month - 1, day)
  checkIndex(value < 512e4 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day, 'date')
  return isoDate(date)
}

/** Reads and checks the meta of a part. */
export function readPart(data: Uint8Array | ArrayBuffer): { meta: PartMeta; sections: Map<string, Uint8Array> } {
  const { meta, sections } = decodeContainer(data)
  const m = Object(meta) as PartMeta
  const chunked = m.part === 'display' || m.part === 'text'
  checkIndex(
    PART_KINDS.includes(m.part) &&
      typeof m.build === 'string' &&
      isCount(m.documents) &&
      isCount(m.chunkSize) &&
      m.chunks === Math.ceil(m.documents / m.chunkSize) &&
      (!chunked || (isCount(m.chunk) && m.chunk < m.chunks)),
    'part description',
  )
  return { meta: m, sections }
}

/** The whole of section `name`: `count` rows of `width` varints, as one column per place in a row. */
function varints(sections: Map<string, Uint8Array>, name: string, count: number, width = 1): Float64Array[] {
  const reader = new ByteReader(sections.get(name) ?? new Uint8Array(), `section '${name}'`)
  const columns = Array.from({ length: width }, () => new Float64Array(count))
  for (let i = 0; i < count; i++) for (const column of columns) column[i] = reader.varint()
  checkIndex(reader.done, reader.what)
  return columns
}

/** Section `name`, a JSON list of strings. */
function strings(sections: Map<string, Uint8Array>, name: string): string[] {
  const list = decodeJsonSection(sections, name)
  checkIndex(Array.isArray(list) && list.every((v) => typeof v === 'string'), `section '${name}'`)
  return list
}

/** Offsets (count + 1) from lengths, which must add up to the length of `bytes`. */
function prefixSums(lengths: ArrayLike<number>, bytes: Uint8Array | undefined, what: string): Uint32Array {
  const offsets = new Uint32Array(lengths.length + 1)
  for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i]! + lengths[i]!
  checkIndex(offsets[lengths.length] === bytes?.length, what)
  return offsets
}

/** Fills a new store from the sections of a `search` or `all` part. */
export function decodeSearchSections(meta: PartMeta, sections: Map<string, Uint8Array>, analyzer: AnalyzerPreset): Store {
  const store = new Store(analyzer)
  const n = meta.documents
  const ids = strings(sections, 'ids')
  const terms = meta.terms === 0 ? [] : decodeText(sections.get('terms'), "section 'terms'", (text) => text.split('\n'))
  const [lengths] = varints(sections, 'lengths', 2 * n) as [Float64Array]
  const [dates] = varints(sections, 'dates', n) as [Float64Array]
  for (let doc = 0; doc < n; doc++) store.pushLoaded(ids[doc]!, lengths[doc]!, lengths[n + doc]!, decodeDate(dates[doc]!))
  // Ids: one per article, none empty, none repeated (a repeat leaves fewer entries than articles).
  // Terms: as many as the header says, sorted and distinct.
  checkIndex(
    ids.length === n && store.docOf.size === n && !store.docOf.has('') && terms.length === meta.terms && terms.every((term, i) => i === 0 || terms[i - 1]! < term),
    'ids or terms',
  )
  const values = Object(decodeJsonSection(sections, 'values')) as Record<ValueField, unknown>
  const refs = new ByteReader(sections.get('valueRefs') ?? new Uint8Array(), "section 'valueRefs'")
  for (const field of VALUE_FIELDS) {
    const list = values[field]
    checkIndex(Array.isArray(list) && list.every((v, i) => typeof v === 'string' && store.valueNumber(field, v) === i), `${field} values`)
    for (let doc = 0; doc < n; doc++) {
      const own: number[] = []
      for (let count = refs.varint(); own.length < count; ) own.push(refs.varint())
      checkIndex(own.every((v, i) => v < list.length && own.indexOf(v) === i), refs.what)
      store.columns[field].refs[doc] = own
    }
  }
  checkIndex(refs.done, refs.what)
  // Per term: its document count, then the byte lengths of its documents and of its frequencies.
  const [df, docLengths, tfLengths] = varints(sections, 'termStats', terms.length, 3) as [Float64Array, Float64Array, Float64Array]
  checkIndex(df.every((d) => d > 0 && d <= n), "section 'termStats'")
  const docBytes = sections.get('postingDocs')!
  const tfBytes = sections.get('postingTfs')!
  const docOffsets = prefixSums(docLengths, docBytes, "section 'postingDocs'")
  const tfOffsets = prefixSums(tfLengths, tfBytes, "section 'postingTfs'")
  store.encoded = { docBytes, tfBytes, docOffsets, tfOffsets, documents: n }
  store.chunkSize = meta.chunkSize
  store.terms = new SortedTerms(terms, terms.map((_, id) => ({ id, df: df[id]! })))
  return store
}

/** Attaches the positions part (each chunk's title and body ranks) to a loaded store. */
export function attachPositions(store: Store, meta: PartMeta, sections: Map<string, Uint8Array>): void {
  const bytes = sections.get('ranks')!
  store.positionChunks = { bytes, offsets: prefixSums(varints(sections, 'chunkLengths', meta.chunks)[0]!, bytes, 'positions') }
}

/** Attaches one display chunk to a loaded store. */
export function attachDisplay(store: Store, meta: PartMeta, chunk: number, sections: Map<string, Uint8Array>, name: string): void {
  const records = decodeJsonSection(sections, name)
  const first = chunk * meta.chunkSize
  const what = `section '${name}'`
  checkIndex(Array.isArray(records) && records.length === Math.min(meta.chunkSize, meta.documents - first), what)
  records.forEach((record: unknown, i) => {
    const [title, url, meta] = Object(record) as [unknown, unknown, unknown]
    checkIndex(typeof title === 'string' && (meta == null || (typeof meta === 'object' && !Array.isArray(meta) && Object.values(meta).every((v) => typeof v === 'string'))), what)
    const display: Display = { title }
    if (typeof url === 'string') display.url = url
    if (meta != null) display.meta = { ...(meta as Record<string, string>) }
    store.display[first + i] = display
  })
}

/** Attaches one text chunk (token text, decoded on first use) to a loaded store; `prefix` names its sections. */
export function attachText(store: Store, chunk: number, sections: Map<string, Uint8Array>, prefix = ''): void {
  const ranks = sections.get(`${prefix}ranks`)
  const cases = sections.get(`${prefix}cases`)
  checkIndex(ranks && cases, `text chunk ${chunk}`)
  store.textChunks[chunk] = { ranks, cases, literals: strings(sections, `${prefix}literals`), separators: strings(sections, `${prefix}separators`) }
}
