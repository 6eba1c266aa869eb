import { corruptIndex, NewsdexError } from '../errors.js'

/** A growable byte buffer with unsigned LEB128 varints. */
export class ByteWriter {
  #bytes = new Uint8Array(1024)
  #length = 0

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
    let v = value
    while (v >= 0x80) {
      this.#bytes[this.#length++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
    this.#bytes[this.#length++] = v
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

/** Reads varints from a byte range; any read past the end throws `E_CORRUPT`. */
export class ByteReader {
  offset: number

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.offset = start
  }

  get done(): boolean {
    return this.offset >= this.end
  }

  varint(): number {
    let value = 0
    let scale = 1
    for (let i = 0; i < 8; i++) {
      if (this.offset >= this.end) throw truncated()
      const byte = this.bytes[this.offset++]!
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
    }
    throw corruptIndex('a number is too long')
  }

  /** The next `length` bytes, as a view. */
  take(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.end) throw truncated()
    const view = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return view
  }
}

function truncated(): NewsdexError {
  return corruptIndex('data ends in the middle of a value')
}
