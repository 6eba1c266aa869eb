import { Buffer } from 'node:buffer'

/**
 * Plain values (strings, numbers, booleans, `null`, `undefined`, arrays and plain objects of them:
 * what parsing a file gives) packed into a few long arrays and two long strings, as the build cache
 * file holds its entries. `v8.deserialize` makes every object, array and string one at a time (and
 * the collector then copies each of them twice); reading these back makes the objects and arrays in
 * one loop, and each string is a slice of one of the two long strings (V8 makes a slice of 13
 * characters or more a view into its parent, not a copy). The strings whose characters are all
 * Latin-1 are in one long string, kept as a byte a character, the others in another, two bytes a
 * character (UTF-16, which gives back even a lone surrogate): written as bytes, not as strings,
 * since `v8.serialize` writes a string as it is held, and a string joined from parts of which one is
 * held two bytes a character is held so whole, even when every character is Latin-1. A slice keeps
 * its long string alive: the text of articles read back from a cache stays in memory while one of
 * them is (the index keeps every article's text anyway).
 */
export interface PackedValues {
  /** Per value, what it is (see `Tag`). */
  tags: Uint8Array
  /** Per string, its length; per array, its length; per object, its number of keys: in value order. */
  sizes: Uint32Array
  /** The numbers, in value order. */
  numbers: Float64Array
  /** The object keys (each object's, in order), as numbers into `keys`. */
  keyRefs: Uint32Array
  keys: string[]
  /** The Latin-1 strings, one after the other, a byte a character; the others, UTF-16LE. */
  narrow: Uint8Array
  wide: Uint8Array
}

const enum Tag {
  Undefined,
  Null,
  False,
  True,
  Number,
  Narrow,
  Wide,
  Array,
  Object,
}

/** A character outside Latin-1. */
const WIDE = /[^\x00-\xff]/

/** Packs `values` (anything else, a `Date` or a class instance, throws: the cache would not give it back the same). */
export function packValues(values: readonly unknown[]): PackedValues {
  const tags: number[] = []
  const sizes: number[] = []
  const numbers: number[] = []
  const keyRefs: number[] = []
  const keys = new Map<string, number>()
  const narrow: string[] = []
  const wide: string[] = []
  const pack = (value: unknown): void => {
    if (value === undefined) tags.push(Tag.Undefined)
    else if (value === null) tags.push(Tag.Null)
    else if (value === false || value === true) tags.push(value ? Tag.True : Tag.False)
    else if (typeof value === 'number') {
      tags.push(Tag.Number)
      numbers.push(value)
    } else if (typeof value === 'string') {
      const isWide = WIDE.test(value)
      tags.push(isWide ? Tag.Wide : Tag.Narrow)
      sizes.push(value.length)
      ;(isWide ? wide : narrow).push(value)
    } else if (Array.isArray(value)) {
      tags.push(Tag.Array)
      sizes.push(value.length)
      for (let i = 0; i < value.length; i++) pack(value[i])
    } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const names = Object.keys(value)
      tags.push(Tag.Object)
      sizes.push(names.length)
      for (const name of names) {
        let ref = keys.get(name)
        if (ref === undefined) keys.set(name, (ref = keys.size))
        keyRefs.push(ref)
        pack((value as Record<string, unknown>)[name])
      }
    } else throw new TypeError(`cannot pack a ${typeof value} in the build cache`)
  }
  for (const value of values) pack(value)
  return {
    tags: Uint8Array.from(tags),
    sizes: Uint32Array.from(sizes),
    numbers: Float64Array.from(numbers),
    keyRefs: Uint32Array.from(keyRefs),
    keys: [...keys.keys()],
    narrow: bytesOf(Buffer.from(narrow.join(''), 'latin1')),
    wide: bytesOf(Buffer.from(wide.join(''), 'utf16le')),
  }
}

/**
 * A buffer's bytes as a plain `Uint8Array` over a memory of their own: `v8.serialize` writes a
 * view's whole memory, and a small `Buffer` is a view into a shared pool, so those bytes are
 * copied; a large one has its memory to itself and is viewed as it is (Reuters' text: 19 MB).
 */
const bytesOf = (buffer: Buffer): Uint8Array =>
  buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer)

/** Thrown inside `unpackValues` at data that does not add up. */
class NotWhole extends Error {}

/**
 * The values packed by `packValues`, in order; `null` when the arrays do not add up (a count past
 * an end, a tag unknown, something left over): the cache is then not used.
 */
export function unpackValues(packed: PackedValues): unknown[] | null {
  const p = Object(packed) as Partial<PackedValues>
  if (!(p.tags instanceof Uint8Array && p.sizes instanceof Uint32Array && p.numbers instanceof Float64Array && p.keyRefs instanceof Uint32Array)) return null
  if (!Array.isArray(p.keys) || !p.keys.every((key) => typeof key === 'string') || !(p.narrow instanceof Uint8Array && p.wide instanceof Uint8Array) || p.wide.length % 2 !== 0) return null
  const { tags, sizes, numbers, keyRefs, keys } = p as PackedValues
  const narrow = Buffer.from(p.narrow.buffer, p.narrow.byteOffset, p.narrow.length).toString('latin1')
  const wide = Buffer.from(p.wide.buffer, p.wide.byteOffset, p.wide.length).toString('utf16le')
  let [tag, size, number, keyRef, narrowAt, wideAt] = [0, 0, 0, 0, 0, 0]
  const take = (): number => {
    if (size >= sizes.length) throw new NotWhole()
    return sizes[size++]!
  }
  const unpack = (): unknown => {
    if (tag >= tags.length) throw new NotWhole()
    switch (tags[tag++]) {
      case Tag.Undefined:
        return undefined
      case Tag.Null:
        return null
      case Tag.False:
        return false
      case Tag.True:
        return true
      case Tag.Number:
        if (number >= numbers.length) throw new NotWhole()
        return numbers[number++]!
      case Tag.Narrow: {
        const end = narrowAt + take()
        if (end > narrow.length) throw new NotWhole()
        return narrow.slice(narrowAt, (narrowAt = end))
      }
      case Tag.Wide: {
        const end = wideAt + take()
        if (end > wide.length) throw new NotWhole()
        return wide.slice(wideAt, (wideAt = end))
      }
      case Tag.Array: {
        const length = take()
        if (length > tags.length - tag) throw new NotWhole()
        const array: unknown[] = []
        for (let i = 0; i < length; i++) array.push(unpack())
        return array
      }
      case Tag.Object: {
        const count = take()
        const object: Record<string, unknown> = {}
        for (let i = 0; i < count; i++) {
          if (keyRef >= keyRefs.length || keyRefs[keyRef]! >= keys.length) throw new NotWhole()
          const key = keys[keyRefs[keyRef++]!]!
          // `__proto__` (a JSON input's key) assigned would set the prototype, not a property.
          if (key === '__proto__') Object.defineProperty(object, key, { value: unpack(), enumerable: true, writable: true, configurable: true })
          else object[key] = unpack()
        }
        return object
      }
      default:
        throw new NotWhole()
    }
  }
  const values: unknown[] = []
  try {
    while (tag < tags.length) values.push(unpack())
  } catch (error) {
    // Too deep a nesting (a stack overflow) is data not whole too.
    if (error instanceof NotWhole || error instanceof RangeError) return null
    throw error
  }
  return size === sizes.length && number === numbers.length && keyRef === keyRefs.length && narrowAt === narrow.length && wideAt === wide.length ? values : null
}
