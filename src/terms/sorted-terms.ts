import { lowerBound } from '../lower-bound.js'
import type { TermDictionary } from './term-dictionary.js'

/**
 * The frozen dictionary of a loaded index: the sorted term list of the file as it is, with no tree
 * to rebuild. Lookups are binary searches; typo lookup walks the list as a trie (see DESIGN.md).
 */
export class SortedTerms<Entry> implements TermDictionary<Entry> {
  /** `terms` must be sorted and distinct; `entries[i]` belongs to `terms[i]`. */
  constructor(
    readonly terms: readonly string[],
    readonly entries: readonly Entry[],
  ) {}

  get size(): number {
    return this.terms.length
  }

  get(term: string): Entry | undefined {
    const i = this.#lowerBound(term)
    return this.terms[i] === term ? this.entries[i] : undefined
  }

  atPrefix(prefix: string): [string, Entry][] {
    const out: [string, Entry][] = []
    for (let i = this.#lowerBound(prefix), end = this.#prefixEnd(prefix, i); i < end; i++) out.push([this.terms[i]!, this.entries[i]!])
    return out
  }

  fuzzyGet(query: string, maxDistance: number): Map<string, [Entry, number]> {
    const found = new Map<string, [Entry, number]>()
    const terms = this.terms
    const width = query.length + 1
    const codes = Uint16Array.from({ length: query.length }, (_, j) => query.charCodeAt(j))
    // rows[d]: edit distances between the first d characters of `previous` and each prefix of the query.
    const rows = [Uint16Array.from({ length: width }, (_, j) => j)]
    let previous = ''
    let valid = 0
    for (let i = 0; i < terms.length; ) {
      const term = terms[i]!
      let depth = 0
      while (depth < valid && depth < term.length && previous.charCodeAt(depth) === term.charCodeAt(depth)) depth++
      let dead = false
      for (; depth < term.length && !dead; depth++) {
        const above = rows[depth]!
        const row = (rows[depth + 1] ??= new Uint16Array(width))
        const char = term.charCodeAt(depth)
        let least = (row[0] = depth + 1)
        for (let j = 1; j < width; j++) {
          let cost = above[j - 1]! + (codes[j - 1] === char ? 0 : 1)
          if (above[j]! < cost) cost = above[j]! + 1
          if (row[j - 1]! < cost) cost = row[j - 1]! + 1
          row[j] = cost
          if (cost < least) least = cost
        }
        dead = least > maxDistance
      }
      previous = term
      valid = depth
      i++
      if (dead) {
        // No term that starts like this can come within reach: skip them all.
        i = this.#prefixEnd(term.slice(0, depth), i)
        continue
      }
      const distance = rows[depth]![width - 1]!
      if (distance <= maxDistance) found.set(term, [this.entries[i - 1]!, distance])
    }
    return found
  }

  *[Symbol.iterator](): Iterator<[string, Entry]> {
    for (let i = 0; i < this.terms.length; i++) yield [this.terms[i]!, this.entries[i]!]
  }

  /** The first index whose term is not below `term`. */
  #lowerBound(term: string): number {
    return lowerBound(0, this.terms.length, (i) => this.terms[i]! < term)
  }

  /**
   * The first index from `from` (a term at or above `prefix`) whose term does not start with
   * `prefix`: galloping (probes 1, 2, 4… terms ahead), then a binary search, so a short run costs a
   * probe or two.
   */
  #prefixEnd(prefix: string, from: number): number {
    const terms = this.terms
    const startsWithPrefix = (i: number): boolean => terms[i]!.startsWith(prefix)
    if (from >= terms.length || !startsWithPrefix(from)) return from
    let last = from
    let step = 1
    while (last + step < terms.length && startsWithPrefix(last + step)) {
      last += step
      step *= 2
    }
    return lowerBound(last + 1, Math.min(terms.length, last + step), startsWithPrefix)
  }
}
