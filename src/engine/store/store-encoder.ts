import { analyzeTerms } from '../../analysis/analyzer.js'
import { NewsdexError } from '../../errors.js'
import { ByteWriter } from '../../format/bytes.js'
import { containerPieces, encodeContainer, encodeJsonSection } from '../../format/container.js'
import { encodeAnalyzedTokenText } from './analyzed-token-text.js'
import { encodeTokenText, termCodes } from '../../format/token-text.js'
import { analysesOf, type AnalyzedArticle, type StringTable } from './analyzed-text.js'
import { GrowingPostings } from './growing-postings.js'
import { storeVersion, termEntries } from './store-writer.js'
import { crcOf } from './section-crc.js'
import { buildId } from './build-id.js'
import type { EncodedChunk, EncodedSections } from './encoded-sections.js'

export type { EncodedChunk, EncodedSections } from './encoded-sections.js'
import { encodePostings, type Postings } from './postings.js'
import type { Display, Store } from './store.js'
import { packChunks, PACK_BYTES } from './packs.js'
import type { PartMeta } from './store-decoder.js'

/**
 * Articles per display and text chunk, unless `serializeParts({ chunkSize })` says otherwise. A
 * browser fetches the chunk of each hit it shows: smaller chunks make the first result cheaper in
 * bytes, larger ones leave fewer keystrokes waiting for a download (DESIGN.md, "File format").
 */
export const CHUNK_SIZE = 256

const encoder = new TextEncoder()

/** The live documents of a store, in order. */
export function liveDocuments(store: Store): number[] {
  return Array.from({ length: store.documentCount }, (_, doc) => doc).filter((doc) => store.isLive(doc))
}

/**
 * The sections of every part of a store, compacted (removed articles dropped, terms sorted), in
 * chunks of `chunkSize` documents; the positions part only `withPositions` (the one-file index has
 * none). The build fingerprint is `buildId()`'s.
 */
export function encodeStore(store: Store, options: unknown, withPositions: boolean, chunkSize = CHUNK_SIZE): EncodedSections {
  const docs = liveDocuments(store)
  // Old document number → new (removed articles are dropped), or -1.
  const renumber = new Int32Array(store.documentCount).fill(-1)
  docs.forEach((doc, i) => (renumber[doc] = i))
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
  const termStatBytes = termStats.finish()
  const sortedCodes = termCodes(sorted.map(([, entry]) => entry.df))
  const codeOf = new Map(terms.map((term, i) => [term, sortedCodes[i]!]))
  const chunks: EncodedChunk[] = []
  // The positions part: per chunk, each document's title then body tokens as term codes
  // (its sections keep the name 'ranks' of format version 3).
  const positionCodes = new ByteWriter()
  const chunkLengths = new ByteWriter()
  const coder = chunkCoder(store, codeOf)
  for (let start = 0; start < documents; start += chunkSize) {
    const chunk = coder(docs.slice(start, start + chunkSize), withPositions)
    positionCodes.bytes(chunk.positions)
    chunkLengths.varint(chunk.positions.length)
    chunks.push({ display: chunk.display, text: chunk.text })
  }
  const columns = documentSections(store, docs)
  const search = {
    ids: columns.ids,
    terms: encoder.encode(terms.join('\n')),
    termStats: termStatBytes,
    postingDocs: docBytes.finish(),
    postingTfs: tfBytes.finish(),
    lengths: columns.lengths,
    dates: columns.dates,
    values: columns.values,
    valueRefs: columns.valueRefs,
  }
  const positions = { chunkLengths: chunkLengths.finish(), ranks: positionCodes.finish() }
  return { meta: { options, documents, terms: terms.length, chunkSize, chunks: chunks.length }, search, positions, chunks }
}

/** The sections of the search part that are columns of the documents: ids, lengths, dates, values. */
export function documentSections(store: Store, docs: readonly number[]): { ids: Uint8Array; lengths: Uint8Array; dates: Uint8Array; values: Uint8Array; valueRefs: Uint8Array } {
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
  return { ids: encodeJsonSection(docs.map((doc) => store.idOf(doc))), lengths: lengths.finish(), dates: dates.finish(), values: encodeJsonSection(Object.fromEntries(store.valueFields.map((f) => [f, store.values(f)]))), valueRefs: refs.finish() }
}

/**
 * Encodes chunks of documents of a store: display records, token text (from the documents'
 * analyses when they all have one of the same tables, else from their bodies), and, `withPositions`,
 * each document's title then body term codes. `codeOf` gives each term's code.
 */
export function chunkCoder(store: Store, codeOf: Map<string, number>): (slice: readonly number[], withPositions: boolean) => EncodedChunk & { positions: Uint8Array } {
  const analyses = analysesOf(store)
  // Per table of analyses, the code of each of its terms (those no live document holds: none).
  const codesByTable = new Map<StringTable, Uint32Array>()
  const codesOf = (table: StringTable): Uint32Array => {
    let codes = codesByTable.get(table)
    if (!codes) codesByTable.set(table, (codes = Uint32Array.from(table.strings, (term) => codeOf.get(term) ?? 0)))
    return codes
  }
  return (slice, withPositions) => {
    // Documents added with their analysis are not analyzed again (the same bytes: a test compares).
    const analyzed = slice.map((doc) => analyses[doc])
    const tables = analyzed[0]?.tables
    const known = tables !== undefined && analyzed.every((a) => a?.tables === tables)
    const text = known
      ? encodeAnalyzedTokenText(analyzed as AnalyzedArticle[], codesOf(tables.terms))
      : encodeTokenText(slice.map((doc) => store.text.body(doc) ?? ''), store.analyzer, (term) => codeOf.get(term)!)
    const positionCodes = new ByteWriter()
    if (withPositions) {
      slice.forEach((doc, i) => {
        const title = known ? Array.from(analyzed[i]!.title, (n) => codesOf(tables.terms)[n]!) : analyzeTerms(store.displayOf(doc)!.title, store.analyzer).map((term) => codeOf.get(term)!)
        const codes = [...title, ...text.tokenCodes[i]!]
        positionCodes.varint(codes.length)
        for (const code of codes) positionCodes.varint(code)
      })
    }
    return {
      display: encodeJsonSection(slice.map((doc) => displayRecord(store.displayOf(doc)))),
      text: { codes: text.codes, cases: text.cases, literals: encodeJsonSection(text.literals), gaps: text.gaps, gapStrings: encodeJsonSection(text.gapStrings), index: text.index },
      positions: positionCodes.finish(),
    }
  }
}

function displayRecord(display: Display | undefined): [string, string | null, Record<string, string> | null] {
  return [display?.title ?? '', display?.url ?? null, display?.meta ?? null]
}

/** A date as a number: 0 for none, else year·512 + month·32 + day + 1 (sorts like the date). */
function encodeDate(date: string | null): number {
  if (date === null) return 0
  // YYYY-MM-DD (a checked date), read in place.
  const at = date.length - 6
  return Number(date.slice(0, at)) * 512 + Number(date.slice(at + 1, at + 3)) * 32 + Number(date.slice(at + 4)) + 1
}

/**
 * Per store, its sections encoded ahead (with the positions part, in chunks of `CHUNK_SIZE`) by
 * `encodeAhead`, and the store's version then: used by the serializers while the store stays unchanged.
 */
const encodedAhead = new WeakMap<Store, { version: number; options: string; sections: EncodedSections }>()

/** Keeps the sections of a store (with the positions part, in chunks of `CHUNK_SIZE`) for its serializers, while it stays unchanged. */
export function keepEncoded(store: Store, options: unknown, sections: EncodedSections): void {
  encodedAhead.set(store, { version: storeVersion(store), options: JSON.stringify(options), sections })
}

/** The sections of a store kept by `keepEncoded`, while it has not changed since. */
function keptSections(store: Store, options: unknown, chunkSize: number): EncodedSections | undefined {
  const kept = encodedAhead.get(store)
  return kept && kept.version === storeVersion(store) && chunkSize === CHUNK_SIZE && kept.options === JSON.stringify(options) ? kept.sections : undefined
}

/** The one-file index: every part's sections in one container. */
export function encodeAll(store: Store, options: unknown): Uint8Array {
  const { meta, sections } = allSections(store, options)
  return encodeContainer(meta, sections, crcOf)
}

/** The one-file index as pieces to write one after another (`encodeAll` without the copy into one buffer). */
export function encodeAllPieces(store: Store, options: unknown): Uint8Array[] {
  const { meta, sections } = allSections(store, options)
  return containerPieces(meta, sections, crcOf)
}

function allSections(store: Store, options: unknown): { meta: PartMeta; sections: Record<string, Uint8Array> } {
  const encoded = keptSections(store, options, CHUNK_SIZE) ?? encodeStore(store, options, false)
  const { search, chunks } = encoded
  // No positions section: the token text carries them.
  const sections: Record<string, Uint8Array> = { ...search }
  chunks.forEach((chunk, i) => {
    sections[`display-${i}`] = chunk.display
    for (const [name, bytes] of Object.entries(chunk.text)) sections[`text-${i}.${name}`] = bytes
  })
  return { meta: { build: buildId(encoded, false), ...encoded.meta, part: 'all' }, sections }
}

/**
 * The parts of an index for the browser: `search`, `positions`, `display-<i>` and `text-<i>`
 * chunks, and (with two chunks or more, unless `packBytes` is 0) `pack-<i>`: the chunks again, in
 * order, a pack closed once it holds `packBytes` of display and text.
 */
export function encodeParts(store: Store, options: unknown, chunkSize = CHUNK_SIZE, packBytes = PACK_BYTES): Record<string, Uint8Array> {
  const encoded = keptSections(store, options, chunkSize) ?? encodeStore(store, options, true, chunkSize)
  const { search, positions, chunks } = encoded
  const meta = { build: buildId(encoded, true), ...encoded.meta }
  const { options: _options, ...shared } = meta
  const packs = packChunks(chunks, packBytes)
  const parts: Record<string, Uint8Array> = {
    search: encodeContainer({ ...meta, part: 'search', ...(packs.length > 0 && { packs: packs.length }) }, search, crcOf),
    positions: encodeContainer({ ...shared, part: 'positions' }, positions, crcOf),
  }
  chunks.forEach((chunk, i) => {
    parts[`display-${i}`] = encodeContainer({ ...shared, part: 'display', chunk: i }, { display: chunk.display }, crcOf)
    parts[`text-${i}`] = encodeContainer({ ...shared, part: 'text', chunk: i }, chunk.text, crcOf)
  })
  packs.forEach((pack, i) => (parts[`pack-${i}`] = encodeContainer({ ...shared, part: 'pack' }, pack, crcOf)))
  return parts
}
