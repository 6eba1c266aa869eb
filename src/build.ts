/**
 * newsdex build entry (Node): parse articles, extract their metadata, build and write indexes.
 */
export { parseArticle, parseArticles, type ArticleFormat, type ParseOptions } from './article/parse-article.js'
export type { FieldMap, MappableField } from './article/fields.js'
export { extractMetadata, type ExtractHints } from './extract/extract-metadata.js'
export { buildIndex, type BuildError, type BuildIndexOptions, type BuildProgress, type BuildResult } from './ingest/build-index.js'
export { BuildCache, type BuildCacheOptions } from './ingest/build-cache.js'
export { writeFileAtomic, writeIndex, writeIndexParts, type WrittenParts } from './ingest/write-index.js'
// From the modules, not from the other entries: an entry that imports another leaves an empty shared chunk in dist/.
export { WritableNewsIndex as NewsIndex } from './engine/writable-index.js'
export { NewsdexError, type NewsdexErrorCode } from './errors.js'
export type * from './types.js'
