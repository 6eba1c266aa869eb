/**
 * `NewsIndex.load` and `addPart` on every part kind (`all`, `search`, `positions`, `display`,
 * `text`), mutated: raw bit flips, truncation and insertion (checksums left stale), and, with every
 * checksum recomputed so that the mutation reaches the decoders: section bit flips, truncation,
 * insertion, swapped, dropped and duplicated sections, header counts set to huge values, varints
 * set to huge values, and JSON values replaced by odd types. A file that loads is then searched
 * (with highlights and a phrase), read with `get`, `stats` and `suggest`.
 */
import fc from 'fast-check'
import { NewsIndex as RuntimeIndex } from '../../src/index.js'
import { ByteReader, ByteWriter } from '../../src/format/bytes.js'
import { decodeContainer, encodeContainer } from '../../src/format/container.js'
import { smallIndex } from './corpus.js'
import { FuzzFailure, type Campaign } from './harness.js'

interface Base {
  kind: string
  bytes: Uint8Array
}
let bases: Base[] = []
let searchPart: Uint8Array = new Uint8Array()
let ids: string[] = []

const HUGE = [2 ** 53 - 1, 2 ** 53, 2 ** 32, 2 ** 32 - 1, 2 ** 31, 2 ** 31 - 1, 2 ** 30, 16_777_216, 1_000_000, 65_536, 257, 256, 255, 41, 40, 39, 1, 0, -1, 0.5, 1e308]

/** One mutation, described by plain numbers so that fast-check can generate and print it. */
export type Mutation =
  | { op: 'flip'; at: number; bit: number; count: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'section-flip'; section: number; at: number; bit: number }
  | { op: 'section-truncate'; section: number; at: number }
  | { op: 'section-insert'; section: number; at: number; bytes: number[] }
  | { op: 'swap'; a: number; b: number }
  | { op: 'drop'; section: number }
  | { op: 'rename'; section: number; to: number }
  | { op: 'meta'; field: string; value: number }
  | { op: 'varint'; section: number; at: number; value: number }
  | { op: 'json'; section: number; path: number[]; value: number }

export interface FileInput {
  base: number
  mutations: Mutation[]
}

const ODD_JSON = (): unknown[] => [256, null, true, 'x', '', {}, [], [[]], { title: 1 }, ['t', 5, 5], ['t', null, { a: 1 }], -1, 2 ** 53, '__proto__', { __proto__: null, constructor: 'x' }]
const ODD_JSON_COUNT = 15

const index = fc.nat(1_000_000)
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: index, bit: fc.nat(7), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: index }),
  fc.record({ op: fc.constant('insert' as const), at: index, bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('section-flip' as const), section: index, at: index, bit: fc.nat(7) }),
  fc.record({ op: fc.constant('section-truncate' as const), section: index, at: index }),
  fc.record({ op: fc.constant('section-insert' as const), section: index, at: index, bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('swap' as const), a: index, b: index }),
  fc.record({ op: fc.constant('drop' as const), section: index }),
  fc.record({ op: fc.constant('rename' as const), section: index, to: index }),
  fc.record({ op: fc.constant('meta' as const), field: fc.constantFrom('documents', 'terms', 'chunks', 'chunkSize', 'chunk', 'both', 'chunk-of-one'), value: fc.constantFrom(...HUGE) }),
  fc.record({ op: fc.constant('varint' as const), section: index, at: index, value: fc.oneof(fc.constantFrom(...HUGE.filter((v) => Number.isInteger(v) && v >= 0)), fc.nat(300)) }),
  fc.record({ op: fc.constant('json' as const), section: index, path: fc.array(index, { maxLength: 3 }), value: fc.nat(ODD_JSON_COUNT - 1) }),
)


/** The sections of a file, in order, and its meta; `null` when it is not a decodable container. */
function unpack(bytes: Uint8Array): { meta: Record<string, unknown>; sections: [string, Uint8Array][] } | null {
  try {
    const { meta, sections } = decodeContainer(bytes)
    return { meta: { ...(meta as object) }, sections: [...sections].map(([n, b]) => [n, b.slice()]) }
  } catch {
    return null
  }
}

const pack = (u: { meta: Record<string, unknown>; sections: [string, Uint8Array][] }): Uint8Array => encodeContainer(u.meta, Object.fromEntries(u.sections))

function varintsOf(bytes: Uint8Array): number[] | null {
  const reader = new ByteReader(bytes)
  const values: number[] = []
  try {
    while (!reader.done) values.push(reader.varint())
  } catch {
    return null
  }
  return values
}

function replaceJson(value: unknown, path: number[], odd: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return odd
  const [step, ...rest] = path as [number, ...number[]]
  if (Array.isArray(value)) {
    if (value.length === 0) return odd
    const copy = [...value]
    copy[step % copy.length] = replaceJson(copy[step % copy.length], rest, odd)
    return copy
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return odd
  const key = keys[step % keys.length]!
  return { ...value, [key]: replaceJson((value as Record<string, unknown>)[key], rest, odd) }
}

/** Applies one mutation; section mutations re-encode the container, so every checksum is valid. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.op) {
    case 'flip': {
      const out = bytes.slice()
      for (let i = 0; i < m.count && out.length > 0; i++) out[(m.at + i * 7919) % out.length]! ^= 1 << ((m.bit + i) % 8)
      return out
    }
    case 'truncate':
      return bytes.slice(0, m.at % (bytes.length + 1))
    case 'insert': {
      const at = m.at % (bytes.length + 1)
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)])
    }
  }
  const u = unpack(bytes)
  if (!u || u.sections.length === 0) return bytes
  const s = u.sections
  const pick = (i: number): [string, Uint8Array] => s[i % s.length]!
  switch (m.op) {
    case 'section-flip': {
      const [, b] = pick(m.section)
      if (b.length > 0) b[m.at % b.length]! ^= 1 << m.bit
      break
    }
    case 'section-truncate': {
      const entry = pick(m.section)
      entry[1] = entry[1].slice(0, m.at % (entry[1].length + 1))
      break
    }
    case 'section-insert': {
      const entry = pick(m.section)
      const at = m.at % (entry[1].length + 1)
      entry[1] = Uint8Array.from([...entry[1].subarray(0, at), ...m.bytes, ...entry[1].subarray(at)])
      break
    }
    case 'swap': {
      const a = pick(m.a)
      const b = pick(m.b)
      ;[a[1], b[1]] = [b[1], a[1]]
      break
    }
    case 'drop':
      s.splice(m.section % s.length, 1)
      break
    case 'rename':
      pick(m.section)[0] = pick(m.to)[0]
      u.sections = [...new Map(s)]
      break
    case 'meta':
      if (m.field === 'both') {
        u.meta.documents = m.value
        u.meta.chunks = Math.ceil(m.value / Number(u.meta.chunkSize))
      } else if (m.field === 'chunk-of-one') {
        // Consistent counts that claim one chunk per document: the most chunks a header can claim.
        Object.assign(u.meta, { documents: m.value, chunkSize: 1, chunks: m.value })
      } else u.meta[m.field] = m.value
      break
    case 'varint': {
      const entry = pick(m.section)
      const values = varintsOf(entry[1])
      if (!values || values.length === 0) return pack(u)
      values[m.at % values.length] = m.value
      const w = new ByteWriter()
      for (const v of values) w.varint(v)
      entry[1] = w.finish()
      break
    }
    case 'json': {
      const entry = pick(m.section)
      let value: unknown
      try {
        value = JSON.parse(new TextDecoder().decode(entry[1]))
      } catch {
        return pack(u)
      }
      entry[1] = new TextEncoder().encode(JSON.stringify(replaceJson(value, m.path, ODD_JSON()[m.value])))
      break
    }
  }
  return pack(u)
}

const QUERIES = ['rocket', 'baghdad attack', '"rocket attack"', 'iraq OR london', 'source:AP', 'baghdd', 'rock', '-oil price']

/** Uses a loaded index the way an application would; any non-coded error here is a failure too. */
function exercise(index: RuntimeIndex): void {
  for (const q of QUERIES) {
    const r = index.search(q, { facets: ['source', 'location', 'country', 'year', 'month'], limit: 5 })
    if (!Number.isInteger(r.total) || !Array.isArray(r.hits) || r.hits.some((h) => typeof h.id !== 'string' || !Number.isFinite(h.score))) {
      throw new FuzzFailure(`malformed response to ${q}: ${JSON.stringify(r).slice(0, 200)}`)
    }
  }
  for (const id of ids.slice(0, 3)) index.get(id)
  index.stats()
  index.suggest('ba')
}

export const indexFileCampaign: Campaign<FileInput> = {
  name: 'index-file',
  entry: 'NewsIndex.load + addPart (all, search, positions, display, text)',
  setup: () => {
    if (bases.length > 0) return
    const built = smallIndex()
    ids = built.search('', { limit: 100 }).hits.map((h) => h.id)
    const parts = built.serializeParts()
    searchPart = parts.search!
    bases = [{ kind: 'all', bytes: built.serialize() }, ...Object.entries(parts).map(([kind, bytes]) => ({ kind, bytes }))]
  },
  arbitrary: () => fc.record({ base: fc.nat(bases.length - 1 || 4), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  size: (i) => bases[i.base % bases.length]!.bytes.length + 1024,
  run: (i) => {
    const base = bases[i.base % bases.length]!
    let bytes = base.bytes
    for (const m of i.mutations) bytes = mutate(bytes, m)
    if (base.kind === 'all' || base.kind === 'search') {
      const index = RuntimeIndex.load(bytes)
      exercise(index)
      // The parts of a mutated search part go on too.
      if (base.kind === 'search') for (const part of bases.slice(2)) index.addPart(part.bytes)
      exercise(index)
    } else {
      const index = RuntimeIndex.load(searchPart)
      // Every other part first, so that the mutated one meets a complete index.
      for (const part of bases.slice(2)) if (part !== base) index.addPart(part.bytes)
      index.addPart(bytes)
      exercise(index)
    }
  },
}
