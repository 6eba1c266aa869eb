import { isKeywordFieldName, validateArticle } from '../article/validate.js'
import { checkOption, NewsdexError } from '../errors.js'
import { encodeAll, encodeAllPieces, encodeParts, encodeStore, keepEncoded, liveDocuments } from './store/store-encoder.js'
import { patchSections, type EncodedSnapshot } from './store/store-patcher.js'
import { ENGLISH_STOPWORDS } from '../analysis/stopwords.js'
import type { Article, NewsIndexOptions, SerializePartsOptions } from '../types.js'
import { NewsIndex } from './news-index.js'
import { analyzeArticle, type AnalysisTables, type AnalyzedArticle } from './store/analyzed-text.js'
import { addArticle, knowTermCount, removeArticle } from './store/store-writer.js'

/** Names a custom keyword field cannot take: the fields of `Article`, and the date facets. */
const RESERVED_FIELDS = ['id', 'title', 'body', 'date', 'source', 'location', 'country', 'url', 'meta', 'keywords', 'year', 'month']

/** The custom keyword field names of the `facets` option, checked, each once. */
function keywordFieldNames(facets: unknown = []): string[] {
  checkOption(Array.isArray(facets) && facets.every(isKeywordFieldName), 'facets', facets)
  const names = facets as string[]
  const taken = names.find((name) => RESERVED_FIELDS.includes(name))
  if (taken) throw new NewsdexError('E_INVALID_ARGUMENT', `invalid facets: '${taken}' is a built-in field; give the custom keyword field another name`)
  return [...new Set(names)]
}

/** What `patch` gives, or `null` when the snapshot it reads does not decode (it is then not used: the index is encoded whole). */
function patchedOrNull<T>(patch: () => T | null): T | null {
  try {
    return patch()
  } catch (error) {
    if (error instanceof NewsdexError && error.code === 'E_CORRUPT') return null
    throw error
  }
}

/**
 * A `NewsIndex` that can also be changed and written: `add()`, `remove()`, `serialize()` and
 * `serializeParts()`. It is what `newsdex/indexer` and `newsdex/build` export as `NewsIndex`; the
 * runtime entry `newsdex` keeps only the read side, so that a browser that searches a prebuilt
 * index does not download the indexer.
 */
export class WritableNewsIndex extends NewsIndex {
  /**
   * See `NewsIndexOptions`; with the `english` analyzer, the English stopword list unless `stopwords`
   * is given. A custom keyword field whose name is not one (see `NewsIndexOptions.facets`) throws `E_INVALID_ARGUMENT`.
   */
  constructor(options: NewsIndexOptions = {}) {
    super({ stopwords: options.analyzer === 'simple' ? [] : [...ENGLISH_STOPWORDS], ...options, facets: keywordFieldNames(options.facets) })
  }

  /**
   * Adds one article, with the values of the custom keyword fields (`keywords.category`, else
   * `meta.category`). Throws `E_DUPLICATE_ID` if its id is taken, `E_INVALID_ARGUMENT` if it is malformed.
   */
  add(article: Article): void {
    const clean = validateArticle(article, 'E_INVALID_ARGUMENT', this.options.facets)
    if (this.store.docOf(clean.id) !== undefined) throw new NewsdexError('E_DUPLICATE_ID', `an article with id '${clean.id}' is already in the index`)
    addArticle(this.store, clean)
  }

  /**
   * `add()`, with the article's analysis: the one given (made by this index's analyzer, numbering
   * in `tables`, as a build cache keeps it), or one made now in `tables`. Returns the analysis.
   * @internal
   */
  _addAnalyzed(article: Article, tables: AnalysisTables, analyzed?: AnalyzedArticle, defer = false): AnalyzedArticle {
    const clean = validateArticle(article, 'E_INVALID_ARGUMENT', this.options.facets)
    if (this.store.docOf(clean.id) !== undefined) throw new NewsdexError('E_DUPLICATE_ID', `an article with id '${clean.id}' is already in the index`)
    const analysis = analyzed?.tables === tables ? analyzed : analyzeArticle(clean.title, clean.body, this.store.analyzer, tables)
    addArticle(this.store, clean, analysis, { defer })
    return analysis
  }

  /**
   * Encodes the index now, for `serialize()` and `serializeParts()` (with the default chunk size)
   * while it stays unchanged: patched from `previous` when it can be (see `patchSections`), else
   * whole. `keyOf` gives the key of each article by id (see `EncodedSnapshot.keys`). Returns the
   * snapshot for the next build.
   * @internal
   */
  _encodeAhead(keyOf: (id: string) => string, previous?: EncodedSnapshot): EncodedSnapshot {
    const keys = liveDocuments(this.store).map((doc) => keyOf(this.store.idOf(doc)))
    const sections = (previous && patchedOrNull(() => patchSections(this.store, this.options, keys, previous))) ?? encodeStore(this.store, this.options, true)
    keepEncoded(this.store, this.options, sections)
    knowTermCount(this.store, sections.meta.terms)
    return { options: JSON.stringify(this.options), keys, sections }
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
    const { chunkSize, packBytes } = Object(options) as SerializePartsOptions
    checkOption(chunkSize === undefined || (Number.isInteger(chunkSize) && chunkSize > 0), 'chunkSize', chunkSize)
    checkOption(packBytes === undefined || (Number.isInteger(packBytes) && packBytes >= 0), 'packBytes', packBytes)
    return encodeParts(this.store, this.options, chunkSize, packBytes)
  }
}
