/**
 * What search needs of a term dictionary: exact, prefix and typo-tolerant lookup of each term's
 * `Entry`. A loaded index answers from `SortedTerms`; an index being built uses MiniSearch's
 * `SearchableMap` radix tree, which has the same read methods and also takes inserts and deletes.
 */
export interface TermDictionary<Entry> extends Iterable<[string, Entry]> {
  readonly size: number
  get(term: string): Entry | undefined
  /** The terms that start with `prefix`, in order. */
  atPrefix(prefix: string): Iterable<[string, Entry]>
  /** The terms within `maxDistance` Levenshtein edits of `term`, with their distance. */
  fuzzyGet(term: string, maxDistance: number): Map<string, [Entry, number]>
}
