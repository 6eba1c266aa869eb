/** Plain values packed for the build cache file (src/ingest/packed-values.ts): read back as they were, damage refused. */
import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { packValues, unpackValues } from '../../src/ingest/packed-values.js'

const article = {
  id: 'reuters-1',
  title: 'Oil falls in café trading',
  body: 'Crude fell 2% on Monday’s news 😀, traders said.\n\nMore text follows here.',
  date: null,
  source: [],
  location: ['United States', 'Zürich'],
  country: ['US', 'CH'],
  url: undefined,
  meta: { dateline: 'NEW YORK, Feb 26 -', topics: '', ['__proto__']: 'kept as a key' },
  keywords: { category: ['energy'] },
}

describe('packValues', () => {
  it('gives byte arrays over memory of their own, small or large (v8.serialize writes a view\'s whole memory)', () => {
    for (const text of ['short', 'x'.repeat(100_000), 'wide ☃'.repeat(20_000)]) {
      const packed = packValues([text])
      for (const bytes of [packed.narrow, packed.wide]) {
        expect(bytes.byteOffset).toBe(0)
        expect(bytes.buffer.byteLength).toBe(bytes.byteLength)
      }
      // What is written is about the text, not a shared pool.
      expect(serialize(packed).length).toBeLessThan(2 * text.length + 4096)
      expect(unpackValues(packed)).toEqual([text])
    }
  })

  it('reads back strings (Latin-1 and not), numbers, booleans, null, undefined, arrays and objects as they were', () => {
    const meta = JSON.parse('{"__proto__": "a key", "x": "1"}') as Record<string, string>
    const values = ['path/a.json', { hash: 'abc', stat: [144, 1796456791924.9167, -0, 2295058, Number.MAX_SAFE_INTEGER], events: [], parsed: [article] }, true, false, null, undefined, 0, NaN, '', meta, [[['deep']]]]
    const back = unpackValues(packValues(values))!
    expect(back).toEqual(values)
    expect(Object.is((back[1] as { stat: number[] }).stat[2], -0)).toBe(true)
    // An own `__proto__` key stays a key, not the prototype.
    expect(Object.getPrototypeOf(back[9])).toBe(Object.prototype)
    expect(Object.keys(back[9] as object)).toEqual(['__proto__', 'x'])
    expect('url' in ((back[1] as { parsed: object[] }).parsed[0]!)).toBe(true)
  })

  it('puts the Latin-1 strings and the others in two strings, whose slices the values are', () => {
    const lone = '\ud800 lone'
    const packed = packValues(['plain', 'café', 'Monday’s', '😀', 'x', lone])
    expect(Buffer.from(packed.narrow).toString('latin1')).toBe('plaincaféx')
    expect(Buffer.from(packed.wide).toString('utf16le')).toBe(`Monday’s😀${lone}`)
    expect(unpackValues(packed)).toEqual(['plain', 'café', 'Monday’s', '😀', 'x', lone])
  })

  it('writes Latin-1 text a byte a character, even a string that V8 holds two bytes a character', () => {
    // A slice of a string with a character outside Latin-1 is held as its parent is, two bytes a character.
    const text = `${'Crude oil fell. '.repeat(200)}€`.slice(0, 3200)
    expect(serialize(text).length).toBeGreaterThan(6400)
    expect(serialize(packValues([text])).length).toBeLessThan(3500)
    expect(unpackValues(packValues([text]))).toEqual([text])
  })

  it('refuses what it cannot give back the same', () => {
    expect(() => packValues([new Date(0)])).toThrow(TypeError)
    expect(() => packValues([new Map()])).toThrow(TypeError)
    expect(() => packValues([1n])).toThrow(TypeError)
  })

  it('refuses arrays that do not add up: counts past an end, unknown tags, something left over, other types', () => {
    const packed = packValues([{ a: 'text', b: [1, 2] }, 'more'])
    expect(unpackValues({ ...packed, tags: packed.tags.subarray(0, -1) })).toBeNull()
    expect(unpackValues({ ...packed, tags: Uint8Array.from([...packed.tags, 200]) })).toBeNull()
    expect(unpackValues({ ...packed, sizes: packed.sizes.map((s, i) => (i === 0 ? s + 1 : s)) })).toBeNull()
    expect(unpackValues({ ...packed, numbers: Float64Array.of(1) })).toBeNull()
    expect(unpackValues({ ...packed, narrow: Uint8Array.from([...packed.narrow, 120]) })).toBeNull()
    expect(unpackValues({ ...packed, narrow: packed.narrow.slice(1) })).toBeNull()
    expect(unpackValues({ ...packed, wide: Uint8Array.of(1) })).toBeNull()
    expect(unpackValues({ ...packed, keyRefs: Uint32Array.of(0, 7) })).toBeNull()
    expect(unpackValues({ ...packed, keys: ['a'] })).toBeNull()
    expect(unpackValues({ ...packed, sizes: [2, 4, 2, 4] as unknown as Uint32Array })).toBeNull()
    expect(unpackValues(null as never)).toBeNull()
    // An array longer than the values left.
    expect(unpackValues({ ...packValues([[1]]), sizes: Uint32Array.of(1e9) })).toBeNull()
  })
})
