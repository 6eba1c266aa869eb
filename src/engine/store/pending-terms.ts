import type SearchableMap from 'minisearch/SearchableMap'
import type { TermDictionary } from '../../terms/term-dictionary.js'
import type { Store, TermEntry } from './store.js'

/**
 * The dictionary of a store whose last articles were added with their analyses and whose postings
 * are not made yet (`addArticle(store, article, analysis, { defer: true })`): they are made, in
 * document order, on the first use of the dictionary, which is then the radix tree. A build whose
 * encoded index is patched from the one before (see `patchSections`) never makes them. Its size can
 * be told beforehand (`knownSize`), by what encoded the store.
 */
export class PendingTerms implements TermDictionary<TermEntry> {
  /** The documents whose postings are pending, in order. */
  readonly docs: number[] = []
  /** The number of terms, when known without making the postings. */
  knownSize: number | undefined

  /** `make(doc)` makes the postings of a document in `terms`, the tree the store's dictionary is once they are made. */
  constructor(
    private readonly owner: Store,
    private readonly terms: SearchableMap<TermEntry>,
    private readonly make: (doc: number) => void,
  ) {}

  /** Makes the pending postings; the store's dictionary is the tree from then on. */
  tree(): SearchableMap<TermEntry> {
    if (this.owner._terms === this) {
      this.owner._terms = this.terms
      for (const doc of this.docs) if (this.owner.isLive(doc)) this.make(doc)
    }
    return this.terms
  }

  get size(): number {
    return this.knownSize ?? this.tree().size
  }

  get(term: string): TermEntry | undefined {
    return this.tree().get(term)
  }

  atPrefix(prefix: string): Iterable<[string, TermEntry]> {
    return this.tree().atPrefix(prefix)
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [TermEntry, number]> {
    return this.tree().fuzzyGet(term, maxDistance)
  }

  [Symbol.iterator](): Iterator<[string, TermEntry]> {
    return this.tree()[Symbol.iterator]()
  }
}
