import { writeVarint } from '../../format/bytes.js'
import type { Postings } from './postings.js'

const EMPTY = new Uint8Array(0)
/** One posting's varints, before they are copied into a list (at most 3 × 8 bytes). */
const scratch = new Uint8Array(24)

/**
 * The postings of one term while an index is built, kept compact: one growable byte buffer of
 * varints, per posting the gap to the previous document number (less one), then `body·2 + (title > 0)`
 * and the title frequency when present (the format's frequency code). About 3 bytes a posting, where
 * three JavaScript arrays of numbers took about 38. Documents are appended in ascending order.
 *
 * Read as `Postings` (search on an index being built), the lists are decoded once and kept until
 * the next change; `read()` decodes without keeping (serialization, which reads every term once).
 */
export class GrowingPostings implements Postings {
  #bytes = EMPTY
  #length = 0
  #count = 0
  #last = -1
  #decoded: Postings | null = null

  /** Number of postings. */
  get count(): number {
    return this.#count
  }

  /** Bytes the buffer takes (its capacity). */
  get capacity(): number {
    return this.#bytes.length
  }

  /** Appends a posting; `doc` must be above every document already in the list. */
  push(doc: number, title: number, body: number): void {
    let n = writeVarint(scratch, 0, doc - this.#last - 1)
    n = writeVarint(scratch, n, body * 2 + (title > 0 ? 1 : 0))
    if (title > 0) n = writeVarint(scratch, n, title)
    if (this.#length + n > this.#bytes.length) {
      // Half as much again: a list wastes a third of its buffer at worst, and most lists are short.
      const bigger = new Uint8Array(Math.max(this.#length + n, Math.floor(this.#bytes.length * 1.5)))
      bigger.set(this.#bytes.subarray(0, this.#length))
      this.#bytes = bigger
    }
    // Copied byte by byte: a subarray per posting would be an allocation per posting.
    const bytes = this.#bytes
    for (let i = 0; i < n; i++) bytes[this.#length + i] = scratch[i]!
    this.#length += n
    this.#last = doc
    this.#count++
    this.#decoded = null
  }

  /** The postings decoded into fresh arrays (not kept). */
  read(): { docs: Uint32Array; title: Uint32Array; body: Uint32Array } {
    const n = this.#count
    const docs = new Uint32Array(n)
    const title = new Uint32Array(n)
    const body = new Uint32Array(n)
    const bytes = this.#bytes
    let at = 0
    const varint = (): number => {
      let value = 0
      for (let scale = 1; ; scale *= 0x80) {
        const byte = bytes[at++]!
        value += (byte & 0x7f) * scale
        if (byte < 0x80) return value
      }
    }
    let previous = -1
    for (let i = 0; i < n; i++) {
      previous += varint() + 1
      docs[i] = previous
      const packed = varint()
      body[i] = Math.floor(packed / 2)
      title[i] = packed % 2 === 1 ? varint() : 0
    }
    return { docs, title, body }
  }

  /** Removes the posting of `doc`; returns whether it was there. */
  remove(doc: number): boolean {
    const { docs, title, body } = this.read()
    const at = docs.indexOf(doc)
    if (at === -1) return false
    this.#bytes = EMPTY
    this.#length = 0
    this.#count = 0
    this.#last = -1
    for (let i = 0; i < docs.length; i++) if (i !== at) this.push(docs[i]!, title[i]!, body[i]!)
    this.#decoded = null
    return true
  }

  get docs(): Postings['docs'] {
    return this.#view().docs
  }

  get title(): Postings['title'] {
    return this.#view().title
  }

  get body(): Postings['body'] {
    return this.#view().body
  }

  #view(): Postings {
    this.#decoded ??= this.read()
    return this.#decoded
  }
}
