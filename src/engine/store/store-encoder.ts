import { analyzeTerms } from '../../analysis/analyzer.js'
import { NewsdexError } from '../../errors.js'
import { ByteWriter } from '../../format/bytes.js'
import { containerPieces, encodeContainer, encodeJsonSection } from '../../format/container.js'
import { crc32 } from '../../format/crc32.js'
import { encodeAnalyzedTokenText } from './analyzed-token-text.js'
import { encodeTokenText, termCodes } from '../../format/token-text.js'
import { analysesOf, type AnalyzedArticle, type StringTable } from './analyzed-text.js'
import { GrowingPostings } from './growing-postings.js'
import { termEntries } from './store-writer.js'
import { encodePostings, type Postings } from './postings.js'
import type { Display, Store } from './store.js'
import type { PartMeta } from './store-decoder.js'

/**
 * Articles per display and text chunk, unless `serializeParts({ chunkSize })` says otherwise. A
 * browser fetches the chunk of each hit it shows: smaller chunks make the first result cheaper in
 * bytes, larger ones leave fewer keystrokes waiting for a download (DESIGN.md, "File format").
 */
export const CHUNK_SIZE = 256

/**
 * Bytes of display and text (before compression) in a pack, unless `serializeParts({ packBytes })`
 * says otherwise: `preload()` fetches a few packs rather than two files a chunk.
 */
export const PACK_BYTES = 1 << 20

const encoder = new TextEncoder()

/**
 * The sections of every part of a store, compacted (removed articles dropped, terms sorted), in
 * chunks of `chunkSize` documents; the positions part only `withPositions` (the one-file index has none).
 */
export function encodeSections(store: Store, options: unknown, withPositions: boolean, chunkSize = CHUNK_SIZE): { meta: Omit<PartMeta, 'part'>; search: Record<string, Uint8Array>; positions: Record<string, Uint8Array>; chunks: { display: Uint8Array; text: Record<string, Uint8Array> }[] } {
  const docs: number[] = []
  // Old document number → new (removed articles are dropped), or -1.
  const renumber = new Int32Array(store.documentCount).fill(-1)
  for (let doc = 0; doc < store.documentCount; doc++) {
    if (!store.isLive(doc)) continue
    renumber[doc] = docs.length
    docs.push(doc)
  }
  const documents = docs.length
  if (docs.some((doc) => !store.displayOf(doc) || !store.text.has(doc))) {
    throw new NewsdexError('E_INVALID_ARGUMENT', 'this index was loaded without all of its display and text parts; it cannot be serialized again')
  }
  const sorted = [...termEntries(store)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const terms = sorted.map(([term]) => term)
  const termStats = new ByteWriter()
  const docBytes = new ByteWriter()
  const tfBytes = new ByteWriter()
  for (const [, entry] of sorted) {
    // Decoded one term at a time (a built term's are not kept decoded).
    const postings = entry.postings instanceof GrowingPostings ? entry.postings.read() : store.postings(entry)
    let remapped: Postings = postings
    if (documents < store.documentCount) {
      const kept: number[] = []
      for (let i = 0; i < postings.docs.length; i++) if (renumber[postings.docs[i]!]! >= 0) kept.push(i)
      remapped = {
        docs: kept.map((i) => renumber[postings.docs[i]!]!),
        title: kept.map((i) => postings.title[i]!),
        body: kept.map((i) => postings.body[i]!),
      }
    }
    const d0 = docBytes.length
    const t0 = tfBytes.length
    encodePostings(remapped, documents, docBytes, tfBytes)
    termStats.varint(remapped.docs.length)
    termStats.varint(docBytes.length - d0)
    termStats.varint(tfBytes.length - t0)
  }
  const lengths = new ByteWriter()
  for (const doc of docs) lengths.varint(store.titleLength(doc))
  for (const doc of docs) lengths.varint(store.bodyLength(doc))
  const dates = new ByteWriter()
  for (const doc of docs) dates.varint(encodeDate(store.dateOf(doc)))
  const refs = new ByteWriter()
  for (const field of store.valueFields) {
    for (const doc of docs) {
      const list = store.valueNumbers(field, doc)
      refs.varint(list.length)
      for (const v of list) refs.varint(v)
    }
  }
  const ids = encodeJsonSection(docs.map((doc) => store.idOf(doc)))
  const termStatBytes = termStats.finish()
  const sortedCodes = termCodes(sorted.map(([, entry]) => entry.df))
  const codeOf = new Map(terms.map((term, i) => [term, sortedCodes[i]!]))
  const chunks: { display: Uint8Array; text: Record<string, Uint8Array> }[] = []
  // The positions part: per chunk, each document's title then body tokens as term codes
  // (its sections keep the name 'ranks' of format version 3).
  const positionCodes = new ByteWriter()
  const chunkLengths = new ByteWriter()
  const analyses = analysesOf(store)
  // Per table of analyses, the code of each of its terms (those no live document holds: none).
  const codesByTable = new Map<StringTable, Uint32Array>()
  const codesOf = (table: StringTable): Uint32Array => {
    let codes = codesByTable.get(table)
    if (!codes) codesByTable.set(table, (codes = Uint32Array.from(table.strings, (term) => codeOf.get(term) ?? 0)))
    return codes
  }
  for (let start = 0; start < documents; start += chunkSize) {
    const slice = docs.slice(start, start + chunkSize)
    // Documents added with their analysis are not analyzed again (the same bytes: a test compares).
    const analyzed = slice.map((doc) => analyses[doc])
    const tables = analyzed[0]?.tables
    const known = tables !== undefined && analyzed.every((a) => a?.tables === tables)
    const text = known
      ? encodeAnalyzedTokenText(analyzed as AnalyzedArticle[], codesOf(tables.terms))
      : encodeTokenText(slice.map((doc) => store.text.body(doc) ?? ''), store.analyzer, (term) => codeOf.get(term)!)
    const p0 = positionCodes.length
    if (withPositions) {
      slice.forEach((doc, i) => {
        const title = known ? Array.from(analyzed[i]!.title, (n) => codesOf(tables.terms)[n]!) : analyzeTerms(store.displayOf(doc)!.title, store.analyzer).map((term) => codeOf.get(term)!)
        const codes = [...title, ...text.tokenCodes[i]!]
        positionCodes.varint(codes.length)
        for (const code of codes) positionCodes.varint(code)
      })
    }
    chunkLengths.varint(positionCodes.length - p0)
    chunks.push({
      display: encodeJsonSection(slice.map((doc) => displayRecord(store.displayOf(doc)))),
      text: { codes: text.codes, cases: text.cases, literals: encodeJsonSection(text.literals), gaps: text.gaps, gapStrings: encodeJsonSection(text.gapStrings), index: text.index },
    })
  }
  const search = {
    ids,
    terms: encoder.encode(terms.join('\n')),
    termStats: termStatBytes,
    postingDocs: docBytes.finish(),
    postingTfs: tfBytes.finish(),
    lengths: lengths.finish(),
    dates: dates.finish(),
    values: encodeJsonSection(Object.fromEntries(store.valueFields.map((f) => [f, store.values(f)]))),
    valueRefs: refs.finish(),
  }
  const positions = { chunkLengths: chunkLengths.finish(), ranks: positionCodes.finish() }
  // The fingerprint covers every byte of every part, so parts of two builds never mix.
  const every = [...Object.values(search), ...(withPositions ? Object.values(positions) : []), ...chunks.flatMap((c) => [c.display, ...Object.values(c.text)])]
  const build = `${documents.toString(36)}-${crc32(new Uint8Array(Uint32Array.from(every, (bytes) => crc32(bytes)).buffer)).toString(36)}`
  return {
    meta: { build, options, documents, terms: terms.length, chunkSize, chunks: chunks.length },
    search,
    positions,
    chunks,
  }
}

function displayRecord(display: Display | undefined): [string, string | null, Record<string, string> | null] {
  return [display?.title ?? '', display?.url ?? null, display?.meta ?? null]
}

/** A date as a number: 0 for none, else year·512 + month·32 + day + 1 (sorts like the date). */
function encodeDate(date: string | null): number {
  if (date === null) return 0
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return y * 512 + m * 32 + d + 1
}

/** The one-file index: every part's sections in one container. */
export function encodeAll(store: Store, options: unknown): Uint8Array {
  const { meta, sections } = allSections(store, options)
  return encodeContainer(meta, sections)
}

/** The one-file index as pieces to write one after another (`encodeAll` without the copy into one buffer). */
export function encodeAllPieces(store: Store, options: unknown): Uint8Array[] {
  const { meta, sections } = allSections(store, options)
  return containerPieces(meta, sections)
}

function allSections(store: Store, options: unknown): { meta: PartMeta; sections: Record<string, Uint8Array> } {
  const { meta, search, chunks } = encodeSections(store, options, false)
  // No positions section: the token text carries them.
  const sections: Record<string, Uint8Array> = { ...search }
  chunks.forEach((chunk, i) => {
    sections[`display-${i}`] = chunk.display
    for (const [name, bytes] of Object.entries(chunk.text)) sections[`text-${i}.${name}`] = bytes
  })
  return { meta: { ...meta, part: 'all' }, sections }
}

/**
 * The parts of an index for the browser: `search`, `positions`, `display-<i>` and `text-<i>`
 * chunks, and (with two chunks or more, unless `packBytes` is 0) `pack-<i>`: the chunks again, in
 * order, a pack closed once it holds `packBytes` of display and text.
 */
export function encodeParts(store: Store, options: unknown, chunkSize = CHUNK_SIZE, packBytes = PACK_BYTES): Record<string, Uint8Array> {
  const { meta, search, positions, chunks } = encodeSections(store, options, true, chunkSize)
  const { options: _options, ...shared } = meta
  const packs: Record<string, Uint8Array>[] = []
  if (packBytes > 0 && chunks.length > 1) {
    let size = Infinity
    chunks.forEach((chunk, i) => {
      if (size >= packBytes) packs.push({}), (size = 0)
      const pack = packs.at(-1)!
      pack[`display-${i}`] = chunk.display
      size += chunk.display.length
      for (const [name, bytes] of Object.entries(chunk.text)) {
        pack[`text-${i}.${name}`] = bytes
        size += bytes.length
      }
    })
  }
  const parts: Record<string, Uint8Array> = {
    search: encodeContainer({ ...meta, part: 'search', ...(packs.length > 0 && { packs: packs.length }) }, search),
    positions: encodeContainer({ ...shared, part: 'positions' }, positions),
  }
  chunks.forEach((chunk, i) => {
    parts[`display-${i}`] = encodeContainer({ ...shared, part: 'display', chunk: i }, { display: chunk.display })
    parts[`text-${i}`] = encodeContainer({ ...shared, part: 'text', chunk: i }, chunk.text)
  })
  packs.forEach((pack, i) => (parts[`pack-${i}`] = encodeContainer({ ...shared, part: 'pack' }, pack)))
  return parts
}
