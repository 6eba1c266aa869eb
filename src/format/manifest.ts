import { checkIndex } from '../errors.js'
import { decodeText, FORMAT_NAME } from './container.js'

/** One part of a split index, as its manifest lists it. */
export interface ManifestPart {
  /** Its file name, relative to the manifest: `news.display-0.3f2a91c0.idx`. */
  file: string
  /** The first 8 hex digits of the SHA-256 of its bytes, as in its file name. */
  hash: string
  /** Its size in bytes. */
  bytes: number
}

/**
 * The manifest of a split index (`news.json`), which `NewsIndex.open()` reads: the format version,
 * the build fingerprint that every part's header carries, and where each part is. See DESIGN.md.
 */
export interface Manifest {
  format: typeof FORMAT_NAME
  /** The format version of the parts (`FORMAT_VERSION`). */
  version: number
  /** The build fingerprint in the header of every part (parts of two builds never mix). */
  build: string
  /** Every part by name: `search`, `positions`, `display-<i>`, `text-<i>`. */
  parts: Record<string, ManifestPart>
}

/** Reads a manifest (bytes starting with `{`) and checks what `open()` relies on: that it is one, with parts (a part it lacks is fetched by its name, and not found). */
export function decodeManifest(bytes: Uint8Array): Manifest {
  // Bytes that start with '{' (which callers check) parse to an object, if at all. The version is
  // checked in the header of each part.
  const manifest = decodeText(bytes, 'manifest') as Partial<Manifest>
  checkIndex(manifest.format === FORMAT_NAME && manifest.parts, 'manifest')
  return manifest as Manifest
}
