import type { ArticleMetadata } from '../types.js'

/** Hints that sharpen extraction: a known title (weighted as salient) and a known date (gives datelines their year). */
export interface ExtractHints {
  title?: string
  date?: string
}

/**
 * Reads date, sources, locations and countries out of raw article text.
 * Placeholder until the extraction issue lands: finds nothing.
 */
export function extractMetadata(text: string, hints: ExtractHints = {}): ArticleMetadata {
  void text
  return { date: hints.date ?? null, source: [], location: [], country: [] }
}
