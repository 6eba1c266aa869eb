import { validateArticle } from '../article/validate.js'
import { checkOption, NewsdexError } from '../errors.js'
import { encodeAll, encodeAllPieces, encodeParts } from './store/store-encoder.js'
import { ENGLISH_STOPWORDS } from '../analysis/stopwords.js'
import type { Article, NewsIndexOptions, SerializePartsOptions } from '../types.js'
import { NewsIndex } from './news-index.js'
import { addArticle, removeArticle } from './store/store-writer.js'

/**
 * A `NewsIndex` that can also be changed and written: `add()`, `remove()`, `serialize()` and
 * `serializeParts()`. It is what `newsdex/indexer` and `newsdex/build` export as `NewsIndex`; the
 * runtime entry `newsdex` keeps only the read side, so that a browser that searches a prebuilt
 * index does not download the indexer.
 */
export class WritableNewsIndex extends NewsIndex {
  /** See `NewsIndexOptions`; with the `english` analyzer, the English stopword list unless `stopwords` is given. */
  constructor(options: NewsIndexOptions = {}) {
    super({ stopwords: options.analyzer === 'simple' ? [] : [...ENGLISH_STOPWORDS], ...options })
  }

  /** Adds one article. Throws `E_DUPLICATE_ID` if its id is taken, `E_INVALID_ARGUMENT` if it is malformed. */
  add(article: Article): void {
    const clean = validateArticle(article)
    if (this.store.docOf(clean.id) !== undefined) throw new NewsdexError('E_DUPLICATE_ID', `an article with id '${clean.id}' is already in the index`)
    addArticle(this.store, clean)
  }

  /** Adds many articles; stops at the first invalid one (those before it stay added). */
  addAll(articles: Iterable<Article>): void {
    for (const article of articles) this.add(article)
  }

  /** Removes an article; returns whether it was there. */
  remove(id: string): boolean {
    const doc = this.store.docOf(id)
    if (doc === undefined) return false
    removeArticle(this.store, doc)
    return true
  }

  /** The whole index, options included, as one file that `NewsIndex.load()` reads back. */
  serialize(): Uint8Array {
    return encodeAll(this.store, this.options)
  }

  /**
   * What `serialize()` returns, as pieces to write one after another: a file writer saves the copy
   * of the whole index into one buffer.
   * @internal
   */
  _serializePieces(): Uint8Array[] {
    return encodeAllPieces(this.store, this.options)
  }

  /**
   * The index split for the browser: `search` (everything `search()` needs for ids, scores, dates
   * and facets), `positions` (for phrases), and `display-<i>` and `text-<i>` chunks (titles and
   * bodies of the hits shown). `NewsIndex.load(parts.search)` answers searches; `addPart()` or
   * `NewsIndex.open()` bring in the rest.
   */
  serializeParts(options: SerializePartsOptions = {}): Record<string, Uint8Array> {
    const { chunkSize } = Object(options) as SerializePartsOptions
    checkOption(chunkSize === undefined || (Number.isInteger(chunkSize) && chunkSize > 0), 'chunkSize', chunkSize)
    return encodeParts(this.store, this.options, chunkSize)
  }
}
