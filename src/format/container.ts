import { corruptIndex, NewsdexError } from '../errors.js'
import { crc32 } from './crc32.js'

/** The four bytes every newsdex file starts with. */
export const MAGIC = 'NDEX'
/** Version of the container layout and of the sections it holds. */
export const FORMAT_VERSION = 3
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
export function encodeContainer<Meta>(meta: Meta, sections: Record<string, Uint8Array>): Uint8Array {
  const entries: SectionEntry[] = []
  let offset = 0
  for (const [name, bytes] of Object.entries(sections)) {
    entries.push({ name, offset, length: bytes.length, crc32: crc32(bytes) })
    offset += bytes.length
  }
  const header: ContainerHeader<Meta> = { format: FORMAT_NAME, version: FORMAT_VERSION, meta, sections: entries }
  const headerBytes = encoder.encode(JSON.stringify(header))
  const out = new Uint8Array(PREAMBLE + headerBytes.length + offset)
  const view = new DataView(out.buffer)
  out.set(encoder.encode(MAGIC), 0)
  view.setUint16(4, FORMAT_VERSION, true)
  view.setUint32(8, headerBytes.length, true)
  view.setUint32(12, crc32(headerBytes), true)
  out.set(headerBytes, PREAMBLE)
  let at = PREAMBLE + headerBytes.length
  for (const bytes of Object.values(sections)) {
    out.set(bytes, at)
    at += bytes.length
  }
  return out
}

/** A decoded container: its header and each section's bytes, all validated. */
export interface DecodedContainer {
  meta: unknown
  sections: Map<string, Uint8Array>
}


/** Reads and validates a container: magic, version, header, every section's bounds and checksum. */
export function decodeContainer(data: Uint8Array | ArrayBuffer): DecodedContainer {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null
  if (!bytes) throw new NewsdexError('E_NOT_AN_INDEX', 'not a newsdex index: expected a Uint8Array or ArrayBuffer')
  if (bytes.length < PREAMBLE || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new NewsdexError('E_NOT_AN_INDEX', `not a newsdex index: the data does not start with '${MAGIC}'`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint16(4, true)
  if (version !== FORMAT_VERSION) {
    throw new NewsdexError('E_VERSION', `newsdex index format version ${version} is not supported (this build reads version ${FORMAT_VERSION}); rebuild the index`)
  }
  const headerLength = view.getUint32(8, true)
  if (PREAMBLE + headerLength > bytes.length) throw corruptIndex(`header of ${headerLength} bytes runs past the end of the data`)
  const headerBytes = bytes.subarray(PREAMBLE, PREAMBLE + headerLength)
  if (crc32(headerBytes) !== view.getUint32(12, true)) throw corruptIndex('the header fails its checksum')
  let header: unknown
  try {
    header = JSON.parse(decoder.decode(headerBytes))
  } catch (error) {
    throw corruptIndex('the header is not valid JSON', error)
  }
  if (!isHeader(header)) throw corruptIndex('the header does not describe a newsdex index')
  if (header.version !== FORMAT_VERSION) throw corruptIndex(`header version ${String(header.version)} differs from the preamble's ${version}`)
  const body = bytes.subarray(PREAMBLE + headerLength)
  const sections = new Map<string, Uint8Array>()
  for (const entry of header.sections) {
    if (entry.offset + entry.length > body.length) throw corruptIndex(`section '${entry.name}' runs past the end of the data (truncated file?)`)
    const section = body.subarray(entry.offset, entry.offset + entry.length)
    if (crc32(section) !== entry.crc32) throw corruptIndex(`section '${entry.name}' fails its checksum`)
    sections.set(entry.name, section)
  }
  return { meta: header.meta, sections }
}

function isHeader(value: unknown): value is ContainerHeader<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const h = value as Record<string, unknown>
  return (
    h.format === FORMAT_NAME &&
    typeof h.version === 'number' &&
    Array.isArray(h.sections) &&
    h.sections.every((s: unknown) => {
      if (typeof s !== 'object' || s === null) return false
      const e = s as Record<string, unknown>
      return typeof e.name === 'string' && isCount(e.offset) && isCount(e.length) && isCount(e.crc32)
    })
  )
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

/** Decodes a section holding UTF-8 JSON. */
export function decodeJsonSection(sections: Map<string, Uint8Array>, name: string): unknown {
  const bytes = sections.get(name)
  if (!bytes) throw corruptIndex(`section '${name}' is missing`)
  try {
    return JSON.parse(decoder.decode(bytes))
  } catch (error) {
    throw corruptIndex(`section '${name}' is not valid JSON`, error)
  }
}

/** Encodes a value as a UTF-8 JSON section. */
export function encodeJsonSection(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value))
}
