import { checkIndex, corruptIndex } from '../errors.js'

/** Writes `value` as a varint at `at`; returns the offset after it. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let v = value
  // Bit operations below 2^31 (every document gap and frequency code in practice), arithmetic above.
  while (v >= 0x80) {
    if (v < 0x80000000) {
      bytes[at++] = (v & 0x7f) | 0x80
      v >>>= 7
    } else {
      bytes[at++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
  }
  bytes[at++] = v
  return at
}

/** A growable byte buffer with unsigned LEB128 varints. */
export class ByteWriter {
  #bytes: Uint8Array
  #length = 0

  /** A writer with room for `capacity` bytes before it grows. Default 1024. */
  constructor(capacity = 1024) {
    this.#bytes = new Uint8Array(Math.max(1, capacity))
  }

  get length(): number {
    return this.#length
  }

  #reserve(extra: number): void {
    if (this.#length + extra <= this.#bytes.length) return
    let size = this.#bytes.length * 2
    while (size < this.#length + extra) size *= 2
    const bigger = new Uint8Array(size)
    bigger.set(this.#bytes.subarray(0, this.#length))
    this.#bytes = bigger
  }

  /** Appends a non-negative integer below 2^53 as a varint. */
  varint(value: number): void {
    this.#reserve(8)
    this.#length = writeVarint(this.#bytes, this.#length, value)
  }

  byte(value: number): void {
    this.#reserve(1)
    this.#bytes[this.#length++] = value
  }

  bytes(data: Uint8Array): void {
    this.#reserve(data.length)
    this.#bytes.set(data, this.#length)
    this.#length += data.length
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length)
  }
}

/** Reads varints; a read past the end, or a varint longer than 8 bytes, throws `E_CORRUPT` naming `what`. */
export class ByteReader {
  offset = 0

  constructor(
    readonly bytes: Uint8Array,
    readonly what = 'number',
  ) {}

  get done(): boolean {
    return this.offset >= this.bytes.length
  }

  varint(): number {
    // Most varints are one byte.
    const first = this.bytes[this.offset]!
    if (first < 0x80) {
      this.offset++
      return first
    }
    let value = 0
    for (let scale = 1; scale < 2 ** 56; scale *= 0x80) {
      const byte = this.bytes[this.offset++]
      checkIndex(byte !== undefined, this.what)
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
    }
    throw corruptIndex(this.what)
  }
}
