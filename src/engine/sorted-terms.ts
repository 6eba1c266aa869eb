import type { TermEntry } from './store.js'

/**
 * What search needs of a term dictionary: exact, prefix and typo-tolerant lookup. A loaded index
 * answers from `SortedTerms`; an index being built uses MiniSearch's `SearchableMap` radix tree,
 * which has the same read methods and also takes inserts and deletes.
 */
export interface TermDictionary extends Iterable<[string, TermEntry]> {
  readonly size: number
  get(term: string): TermEntry | undefined
  /** The terms that start with `prefix`, in order. */
  atPrefix(prefix: string): Iterable<[string, TermEntry]>
  /** The terms within `maxDistance` Levenshtein edits of `term`, with their distance. */
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermEntry, number]>
}

/**
 * The frozen dictionary of a loaded index: the sorted term list of the file as it is, with no tree
 * to rebuild. Lookups are binary searches; typo lookup walks the list as a trie (see DESIGN.md).
 */
export class SortedTerms implements TermDictionary {
  /** `terms` must be sorted and distinct; `entries[i]` belongs to `terms[i]`. */
  constructor(
    readonly terms: readonly string[],
    readonly entries: readonly TermEntry[],
  ) {}

  get size(): number {
    return this.terms.length
  }

  get(term: string): TermEntry | undefined {
    const i = this.#lowerBound(term)
    return this.terms[i] === term ? this.entries[i] : undefined
  }

  atPrefix(prefix: string): [string, TermEntry][] {
    const out: [string, TermEntry][] = []
    for (let i = this.#lowerBound(prefix), end = this.#prefixEnd(prefix, i); i < end; i++) out.push([this.terms[i]!, this.entries[i]!])
    return out
  }

  fuzzyGet(query: string, maxDistance: number): Map<string, [TermEntry, number]> {
    const found = new Map<string, [TermEntry, number]>()
    const width = query.length + 1
    // rows[d]: edit distances between the first d characters of `prefix` and each prefix of the query.
    const rows = [Uint16Array.from({ length: width }, (_, j) => j)]
    let prefix = ''
    for (let i = 0; i < this.terms.length; ) {
      const term = this.terms[i]!
      let depth = 0
      while (depth < prefix.length && depth < term.length && prefix[depth] === term[depth]) depth++
      let dead = false
      for (; depth < term.length && !dead; depth++) {
        const above = rows[depth]!
        const row = (rows[depth + 1] ??= new Uint16Array(width))
        row[0] = depth + 1
        let least = row[0]
        for (let j = 1; j < width; j++) {
          row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (query[j - 1] === term[depth] ? 0 : 1))
          least = Math.min(least, row[j]!)
        }
        dead = least > maxDistance
      }
      prefix = term.slice(0, depth)
      if (dead) {
        // No term that starts like this can come within reach: skip them all.
        i = this.#prefixEnd(prefix, i)
        continue
      }
      const distance = rows[depth]![width - 1]!
      if (distance <= maxDistance) found.set(term, [this.entries[i]!, distance])
      i++
    }
    return found
  }

  *[Symbol.iterator](): Iterator<[string, TermEntry]> {
    for (let i = 0; i < this.terms.length; i++) yield [this.terms[i]!, this.entries[i]!]
  }

  /** The first index whose term is not below `term`. */
  #lowerBound(term: string): number {
    let lo = 0
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.terms[mid]! < term) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The first index from `from` (a term at or above `prefix`) whose term does not start with `prefix`. */
  #prefixEnd(prefix: string, from: number): number {
    let lo = from
    let hi = this.terms.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.terms[mid]!.startsWith(prefix)) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
