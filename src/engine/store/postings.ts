import { checkIndex } from '../../errors.js'
import { ByteReader, ByteWriter } from '../../format/bytes.js'
import { readRice, riceParameter, writeRice } from '../../format/rice.js'
import { lowerBound } from '../../lower-bound.js'

/** The postings of one term: ascending document numbers and, per posting, the term's frequency in each field. */
export interface Postings {
  docs: ArrayLike<number> & Iterable<number>
  title: ArrayLike<number>
  body: ArrayLike<number>
}

/**
 * Encodes postings as two streams: document gaps, Rice-coded with a parameter derived from the list's
 * density (`docs` out), and packed frequencies as varints (`tfs` out: `body·2 + (title > 0)`, then
 * the title frequency when present). Frequencies are kept apart from gaps so that gzip compresses them well.
 */
export function encodePostings(postings: Postings, documents: number, docsOut: ByteWriter, tfsOut: ByteWriter): void {
  const n = postings.docs.length
  const gaps = new Uint32Array(n)
  let previous = -1
  for (let i = 0; i < n; i++) {
    gaps[i] = postings.docs[i]! - previous - 1
    previous = postings.docs[i]!
  }
  writeRice(docsOut, gaps, riceParameter(documents, n))
  for (let i = 0; i < n; i++) {
    const title = postings.title[i]!
    tfsOut.varint(postings.body[i]! * 2 + (title > 0 ? 1 : 0))
    if (title > 0) tfsOut.varint(title)
  }
}

/** Decodes what `encodePostings` wrote for a list of `count` postings. Throws `E_CORRUPT` on inconsistent data. */
export function decodePostings(docBytes: Uint8Array, tfBytes: Uint8Array, count: number, documents: number): Postings {
  // A posting takes at least one bit of gaps and one byte of frequencies: checked before allocating.
  checkIndex(count <= docBytes.length * 8 && count <= tfBytes.length, 'posting list')
  const docs = new Uint32Array(count)
  readRice(docBytes, count, riceParameter(documents, count), docs)
  let previous = -1
  for (let i = 0; i < count; i++) {
    const doc = previous + 1 + docs[i]!
    checkIndex(doc < documents, 'posting list')
    docs[i] = doc
    previous = doc
  }
  const title = new Uint32Array(count)
  const body = new Uint32Array(count)
  const reader = new ByteReader(tfBytes, 'posting list')
  for (let i = 0; i < count; i++) {
    const packed = reader.varint()
    body[i] = Math.floor(packed / 2)
    title[i] = packed % 2 === 1 ? reader.varint() : 0
    checkIndex(title[i] || body[i], reader.what)
  }
  checkIndex(reader.done, reader.what)
  return { docs, title, body }
}

/** Index of `doc` in ascending `docs`, or -1. */
export function findDoc(docs: ArrayLike<number>, doc: number): number {
  const at = lowerBound(0, docs.length, (i) => docs[i]! < doc)
  return docs[at] === doc ? at : -1
}
