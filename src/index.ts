/**
 * newsdex runtime entry: load, search and highlight a prebuilt index (`newsdex/indexer` adds
 * `add()` and `serialize()`). Runs in browsers, workers, Node and edge runtimes; it holds no Node
 * built-ins and no build-time data.
 */
export { NewsIndex, type IndexClass, type ResolvedOptions } from './engine/news-index.js'
export { highlight, type HighlightTextOptions } from './highlight/highlight.js'
export { parseQuery } from './query/parse-query.js'
export { analyze, type Token } from './analysis/analyzer.js'
export { NewsdexError, type NewsdexErrorCode } from './errors.js'
export { FORMAT_VERSION } from './format/container.js'
export type { Manifest, ManifestPart } from './format/manifest.js'
export type * from './types.js'
