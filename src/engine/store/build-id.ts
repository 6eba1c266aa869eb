import { buildCrc32, crcOf } from './section-crc.js'
import type { EncodedSections } from './encoded-sections.js'

/** The sections the build fingerprint covers, in order: the search part's, the positions part's (`withPositions`), then each chunk's. */
export function sectionList(sections: EncodedSections, withPositions: boolean): Uint8Array[] {
  return [...Object.values(sections.search), ...(withPositions ? Object.values(sections.positions) : []), ...sections.chunks.flatMap((c) => [c.display, ...Object.values(c.text)])]
}

/** The build fingerprint: it covers every byte of every part, so parts of two builds never mix. */
export function buildId(sections: EncodedSections, withPositions: boolean): string {
  const every = sectionList(sections, withPositions)
  return `${sections.meta.documents.toString(36)}-${buildCrc32(new Uint8Array(Uint32Array.from(every, crcOf).buffer)).toString(36)}`
}
