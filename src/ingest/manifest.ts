import { createHash } from 'node:crypto'
import { decodeContainer, FORMAT_NAME, FORMAT_VERSION } from '../format/container.js'
import type { Manifest } from '../format/manifest.js'

/** A split index as files: the manifest and each part under its content-hashed name. */
export interface ManifestFiles {
  manifest: Manifest
  /** The manifest as JSON bytes. */
  manifestBytes: Uint8Array
  /** Each part's bytes by file name (relative to the manifest). */
  files: Map<string, Uint8Array>
}

/** The first 8 hex digits of the SHA-256 of `bytes`. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8)
}

/**
 * Names the parts of `serializeParts()` by their content, under the base name `name` (`news`):
 * `news.<hash>.idx` for the search part, `news.<part>.<hash>.idx` for the others, and lists them in
 * a manifest with the build fingerprint their headers carry.
 */
export function manifestFiles(parts: Record<string, Uint8Array>, name: string): ManifestFiles {
  const search = parts.search
  if (!search) throw new TypeError('the parts have no search part')
  const { build } = decodeContainer(search).meta as { build: string }
  const manifest: Manifest = { format: FORMAT_NAME, version: FORMAT_VERSION, build, parts: {} }
  const files = new Map<string, Uint8Array>()
  for (const [part, bytes] of Object.entries(parts)) {
    const hash = contentHash(bytes)
    const file = `${name}${part === 'search' ? '' : `.${part}`}.${hash}.idx`
    manifest.parts[part] = { file, hash, bytes: bytes.length }
    files.set(file, bytes)
  }
  // One line per part, so that a diff of two manifests shows which parts changed.
  const { parts: listed, ...header } = manifest
  const lines = Object.entries(listed).map(([part, entry]) => `  ${JSON.stringify(part)}: ${JSON.stringify(entry)}`)
  const json = `${JSON.stringify(header).slice(0, -1)},"parts":{\n${lines.join(',\n')}\n}}\n`
  return { manifest, manifestBytes: new TextEncoder().encode(json), files }
}
