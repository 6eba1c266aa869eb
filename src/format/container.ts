import { checkIndex, corruptIndex, NewsdexError } from '../errors.js'
import { crc32 } from './crc32.js'

/** The four bytes every newsdex file starts with. */
export const MAGIC = 'NDEX'
/** Version of the container layout and of the sections it holds. */
export const FORMAT_VERSION = 4
/** Format name stored in the header. */
export const FORMAT_NAME = 'newsdex'

/** Where a section lives in the file, and its checksum. */
export interface SectionEntry {
  name: string
  offset: number
  length: number
  crc32: number
}

/** The JSON header of a newsdex file. */
export interface ContainerHeader<Meta> {
  format: typeof FORMAT_NAME
  version: number
  meta: Meta
  sections: SectionEntry[]
}

/** Bytes before the JSON header. */
export const PREAMBLE = 16 // magic (4) + version (u16) + reserved (u16) + header length (u32) + header CRC-32 (u32)
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** Packs a header and named sections into one file: preamble, JSON header, then the sections. */
export function encodeContainer<Meta>(meta: Meta, sections: Record<string, Uint8Array>, crcOf = crc32): Uint8Array {
  const pieces = containerPieces(meta, sections, crcOf)
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0))
  let at = 0
  for (const piece of pieces) {
    out.set(piece, at)
    at += piece.length
  }
  return out
}

/** The container as pieces to write one after another: preamble and header, then each section (`crcOf` gives a section's CRC-32). */
export function containerPieces<Meta>(meta: Meta, sections: Record<string, Uint8Array>, crcOf = crc32): Uint8Array[] {
  const entries: SectionEntry[] = []
  let offset = 0
  for (const [name, bytes] of Object.entries(sections)) {
    entries.push({ name, offset, length: bytes.length, crc32: crcOf(bytes) })
    offset += bytes.length
  }
  const header: ContainerHeader<Meta> = { format: FORMAT_NAME, version: FORMAT_VERSION, meta, sections: entries }
  const headerBytes = encoder.encode(JSON.stringify(header))
  const head = new Uint8Array(PREAMBLE + headerBytes.length)
  const view = new DataView(head.buffer)
  head.set(encoder.encode(MAGIC), 0)
  view.setUint16(4, FORMAT_VERSION, true)
  view.setUint32(8, headerBytes.length, true)
  view.setUint32(12, crc32(headerBytes), true)
  head.set(headerBytes, PREAMBLE)
  return [head, ...Object.values(sections)]
}

/** A decoded container: its header and each section's bytes, all validated. */
export interface DecodedContainer {
  meta: unknown
  sections: Map<string, Uint8Array>
}


/** Reads and validates a container: magic, version, header, every section's bounds and checksum. */
export function decodeContainer(data: Uint8Array | ArrayBuffer): DecodedContainer {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data
  if (!(bytes instanceof Uint8Array) || bytes.length < PREAMBLE || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new NewsdexError('E_NOT_AN_INDEX', `not a newsdex index (no '${MAGIC}' bytes)`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  const version = view.getUint16(4, true)
  if (version !== FORMAT_VERSION) throw new NewsdexError('E_VERSION', `newsdex index version ${version}: this build reads version ${FORMAT_VERSION}; rebuild the index`)
  const body = PREAMBLE + view.getUint32(8, true)
  const headerBytes = bytes.subarray(PREAMBLE, body)
  checkIndex(body <= bytes.length && crc32(headerBytes) === view.getUint32(12, true), 'header')
  const header = decodeText(headerBytes, 'header') as Partial<ContainerHeader<unknown>>
  checkIndex(header?.format === FORMAT_NAME && header.version === FORMAT_VERSION && Array.isArray(header.sections), 'header')
  const sections = new Map<string, Uint8Array>()
  for (const entry of header.sections) {
    const { name, offset, length, crc32: sum } = Object(entry) as SectionEntry
    const end = body + offset + length
    checkIndex(isCount(offset) && isCount(length) && end <= bytes.length && crc32(bytes.subarray(end - length, end)) === sum, `section '${name}'`)
    sections.set(name, bytes.subarray(end - length, end))
  }
  return { meta: header.meta, sections }
}

/** Whether `value` is a whole number ≥ 0. */
export const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

/** Decodes UTF-8 `bytes` with `parse` (JSON by default); any failure is `corruptIndex(what)`. */
export function decodeText<T = unknown>(bytes: Uint8Array | undefined, what: string, parse: (text: string) => T = JSON.parse): T {
  try {
    return parse(decoder.decode(bytes))
  } catch (error) {
    throw corruptIndex(what, error)
  }
}

/** Decodes a section holding UTF-8 JSON. */
export function decodeJsonSection(sections: Map<string, Uint8Array>, name: string): unknown {
  return decodeText(sections.get(name), `section '${name}'`)
}

/** A section holding a JSON list of strings; `what` names it in the error when it is anything else. */
export function decodeStringList(bytes: Uint8Array | undefined, what: string): string[] {
  const list = decodeText(bytes, what)
  checkIndex(Array.isArray(list) && list.every((v) => typeof v === 'string'), what)
  return list
}

/** Encodes a value as a UTF-8 JSON section. */
export function encodeJsonSection(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value))
}
