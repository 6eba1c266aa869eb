import { ByteReader, ByteWriter } from '../../format/bytes.js'
import { termCodes } from '../../format/token-text.js'
import { lowerBound } from '../../lower-bound.js'
import { analysesOf } from './analyzed-text.js'
import { decodePostings, encodePostings, type Postings } from './postings.js'
import { CHUNK_SIZE, chunkCoder, documentSections, liveDocuments, type EncodedChunk, type EncodedSections } from './store-encoder.js'
import type { Store } from './store.js'
import { recodeChunk, reuse } from './recode-chunk.js'
import { prefixSums, varints } from './store-decoder.js'

/**
 * An index's encoded sections (with the positions part, in chunks of `CHUNK_SIZE`), with what each
 * document was made from: what the next build patches instead of encoding every document again.
 */
export interface EncodedSnapshot {
  /** The index options encoded, as JSON. */
  options: string
  /**
   * Per document, in order, a key of what it was made from (the build gives its file, the file's
   * content hash and the article's id): a document with the same key at the same place is the same.
   */
  keys: string[]
  sections: EncodedSections
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
/**
 * The sections of a store, patched from a snapshot of the build before (see `EncodedSnapshot`),
 * when its documents are those of the snapshot, in the same places, but for some whose key differs
 * (files edited in place): only the postings of their terms are encoded again, only their chunks
 * are encoded again, and the other chunks' term codes renumbered. `keys` are the store's live
 * documents' keys, in order; each document whose key differs must have its analysis. The bytes are
 * those `encodeStore(store, options, true)` gives. `null` when the documents differ in number or
 * place (an article added or removed), or the options differ: the store is then encoded whole.
 */
export function patchSections(store: Store, options: unknown, keys: readonly string[], old: EncodedSnapshot): EncodedSections | null {
  const docs = liveDocuments(store)
  const n = docs.length
  const before = old.sections
  const chunkSize = CHUNK_SIZE
  if (old.options !== JSON.stringify(options) || old.keys.length !== n || keys.length !== n || before.meta.documents !== n || before.meta.chunkSize !== chunkSize) return null
  const analyses = analysesOf(store)
  // The documents edited (by their number in the index, which is their place among the live ones).
  const edited = new Uint8Array(n)
  const editedDocs: number[] = []
  for (let i = 0; i < n; i++) {
    if (keys[i] === old.keys[i]) continue
    if (!analyses[docs[i]!]) return null
    edited[i] = 1
    editedDocs.push(i)
  }
  // The same documents: the same sections.
  if (editedDocs.length === 0) return before
  // The dictionary before: sorted terms, each one's document count and where its postings are.
  const oldTerms = before.meta.terms === 0 ? [] : decoder.decode(before.search.terms).split('\n')
  const count = oldTerms.length
  const [oldDf, docLengths, tfLengths] = varints(new Map(Object.entries(before.search)), 'termStats', count, 3) as [Float64Array, Float64Array, Float64Array]
  const docStart = prefixSums(docLengths, before.search.postingDocs, "section 'postingDocs'")
  const tfStart = prefixSums(tfLengths, before.search.postingTfs, "section 'postingTfs'")
  const oldCodes = termCodes(oldDf)
  const termOfOldCode = new Uint32Array(count)
  for (let t = 0; t < count; t++) termOfOldCode[oldCodes[t]!] = t
  // Where each chunk's codes start in the positions part before.
  const [oldChunkLengths] = varints(new Map(Object.entries(before.positions)), 'chunkLengths', before.chunks.length) as [Float64Array]
  const chunkStarts = prefixSums(oldChunkLengths, before.positions.ranks, "positions section 'ranks'")

  // The terms the edited documents held before (read from the positions part) and hold now.
  const touched = new Set<string>()
  const editedChunks = new Set(editedDocs.map((i) => Math.floor(i / chunkSize)))
  for (const c of editedChunks) {
    const reader = new ByteReader(before.positions.ranks!.subarray(chunkStarts[c], chunkStarts[c + 1]), 'snapshot')
    for (let i = c * chunkSize; i < Math.min(n, (c + 1) * chunkSize); i++) {
      const tokens = reader.varint()
      for (let k = 0; k < tokens; k++) {
        const code = reader.varint()
        if (edited[i]) touched.add(oldTerms[termOfOldCode[code]!]!)
      }
    }
  }
  // The postings of the edited documents now, by term (documents ascending).
  const added = new Map<string, { docs: number[]; title: number[]; body: number[] }>()
  for (const i of editedDocs) {
    const analysis = analyses[docs[i]!]!
    const strings = analysis.tables.terms.strings
    const counts = new Map<number, [title: number, body: number]>()
    for (const t of analysis.title) {
      const c = counts.get(t)
      if (c) c[0]++
      else counts.set(t, [1, 0])
    }
    for (const t of analysis.body) {
      const c = counts.get(t)
      if (c) c[1]++
      else counts.set(t, [0, 1])
    }
    for (const [t, [title, body]] of counts) {
      const term = strings[t]!
      let list = added.get(term)
      if (!list) added.set(term, (list = { docs: [], title: [], body: [] }))
      list.docs.push(i)
      list.title.push(title)
      list.body.push(body)
      touched.add(term)
    }
  }
  /** The place of a term in the dictionary before, or -1. */
  const oldPlace = (term: string): number => {
    const at = lowerBound(0, count, (i) => oldTerms[i]! < term)
    return oldTerms[at] === term ? at : -1
  }
  // Each touched term's postings now: those before without the edited documents, merged with the edited documents' own.
  const changed = new Map<string, Postings | null>()
  const freshTerms: string[] = []
  for (const term of touched) {
    const t = oldPlace(term)
    const list: { docs: number[]; title: number[]; body: number[] } = { docs: [], title: [], body: [] }
    const own = added.get(term) ?? { docs: [], title: [], body: [] }
    const was = t < 0 ? { docs: [], title: [], body: [] } : decodePostings(before.search.postingDocs!.subarray(docStart[t], docStart[t + 1]), before.search.postingTfs!.subarray(tfStart[t], tfStart[t + 1]), oldDf[t]!, n)
    let [a, b] = [0, 0]
    while (a < was.docs.length || b < own.docs.length) {
      if (a < was.docs.length && edited[was.docs[a]!]) {
        a++
      } else if (b >= own.docs.length || (a < was.docs.length && was.docs[a]! < own.docs[b]!)) {
        list.docs.push(was.docs[a]!)
        list.title.push(was.title[a]!)
        list.body.push(was.body[a]!)
        a++
      } else {
        list.docs.push(own.docs[b]!)
        list.title.push(own.title[b]!)
        list.body.push(own.body[b]!)
        b++
      }
    }
    changed.set(term, list.docs.length > 0 ? list : null)
    if (t < 0 && list.docs.length > 0) freshTerms.push(term)
  }
  freshTerms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

  // The dictionary now: the terms before that some document still holds, and the new ones, sorted.
  const terms: string[] = []
  const source: number[] = []
  for (let t = 0, f = 0; t < count || f < freshTerms.length; ) {
    if (f < freshTerms.length && (t >= count || freshTerms[f]! < oldTerms[t]!)) {
      terms.push(freshTerms[f++]!)
      source.push(-1)
    } else {
      if (changed.get(oldTerms[t]!) !== null) {
        terms.push(oldTerms[t]!)
        source.push(t)
      }
      t++
    }
  }
  // Sized for the sections before and a little more: most of their bytes are copied.
  const room = (bytes: Uint8Array | undefined): number => Math.ceil((bytes?.length ?? 0) * 1.01) + 4096
  const termStats = new ByteWriter(room(before.search.termStats))
  const docBytes = new ByteWriter(room(before.search.postingDocs))
  const tfBytes = new ByteWriter(room(before.search.postingTfs))
  const df = new Uint32Array(terms.length)
  terms.forEach((term, j) => {
    const t = source[j]!
    const postings = changed.get(term)
    if (t >= 0 && postings === undefined) {
      // Untouched: the same documents, in the same places, of an index of as many: the same bytes.
      df[j] = oldDf[t]!
      docBytes.bytes(before.search.postingDocs!.subarray(docStart[t], docStart[t + 1]))
      tfBytes.bytes(before.search.postingTfs!.subarray(tfStart[t], tfStart[t + 1]))
      termStats.varint(df[j])
      termStats.varint(docStart[t + 1]! - docStart[t]!)
      termStats.varint(tfStart[t + 1]! - tfStart[t]!)
      return
    }
    const [d0, t0] = [docBytes.length, tfBytes.length]
    encodePostings(postings!, n, docBytes, tfBytes)
    df[j] = postings!.docs.length
    termStats.varint(df[j])
    termStats.varint(docBytes.length - d0)
    termStats.varint(tfBytes.length - t0)
  })
  // Term codes now, and each code before → now (for the chunks not encoded again).
  const codes = termCodes(df)
  const recode = new Uint32Array(count)
  let renumbered = false
  source.forEach((t, j) => {
    if (t < 0) return
    recode[oldCodes[t]!] = codes[j]!
    if (codes[j] !== oldCodes[t]) renumbered = true
  })

  const sameTerms = terms.length === count && freshTerms.length === 0
  const columns = documentSections(store, docs)
  const search = {
    ids: reuse(before.search.ids, columns.ids),
    terms: sameTerms ? before.search.terms! : encoder.encode(terms.join('\n')),
    termStats: termStats.finish(),
    postingDocs: docBytes.finish(),
    postingTfs: tfBytes.finish(),
    lengths: reuse(before.search.lengths, columns.lengths),
    dates: reuse(before.search.dates, columns.dates),
    values: reuse(before.search.values, columns.values),
    valueRefs: reuse(before.search.valueRefs, columns.valueRefs),
  }

  // Chunks: those with an edited document encoded again; the others' term codes renumbered.
  let coder: ReturnType<typeof chunkCoder> | undefined
  const chunks: EncodedChunk[] = []
  const positionCodes = new ByteWriter(room(before.positions.ranks))
  const chunkLengths = new ByteWriter()
  before.chunks.forEach((chunk, c) => {
    const ranks = before.positions.ranks!.subarray(chunkStarts[c], chunkStarts[c + 1])
    let encoded: EncodedChunk & { positions: Uint8Array }
    if (editedChunks.has(c)) {
      coder ??= chunkCoder(store, new Map(terms.map((term, j) => [term, codes[j]!])))
      const own = coder(docs.slice(c * chunkSize, (c + 1) * chunkSize), true)
      encoded = { display: reuse(chunk.display, own.display), text: Object.fromEntries(Object.entries(own.text).map(([name, bytes]) => [name, reuse(chunk.text[name], bytes)])), positions: own.positions }
    } else if (renumbered) {
      encoded = { display: chunk.display, ...recodeChunk(chunk.text, ranks, recode) }
    } else {
      encoded = { ...chunk, positions: ranks }
    }
    positionCodes.bytes(encoded.positions)
    chunkLengths.varint(encoded.positions.length)
    chunks.push({ display: encoded.display, text: encoded.text })
  })
  const positions = { chunkLengths: reuse(before.positions.chunkLengths, chunkLengths.finish()), ranks: reuse(before.positions.ranks, positionCodes.finish()) }
  return { meta: { options, documents: n, terms: terms.length, chunkSize, chunks: chunks.length }, search, positions, chunks }
}
