/**
 * newsdex indexer entry: the runtime plus the write side. Its `NewsIndex` can `add()`, `remove()`
 * and `serialize()`; like the runtime it runs anywhere (browsers, workers, Node, edge runtimes) and
 * holds no Node built-ins and no build-time data.
 */
export { WritableNewsIndex as NewsIndex } from './engine/writable-index.js'
// From the modules, not from './index.js': an entry that imports another leaves an empty shared chunk in dist/.
export { highlight, type HighlightTextOptions } from './highlight/highlight.js'
export { parseQuery } from './query/parse-query.js'
export { analyze, type Token } from './analysis/analyzer.js'
export { NewsdexError, type NewsdexErrorCode } from './errors.js'
export { FORMAT_VERSION } from './format/container.js'
export type { ResolvedOptions } from './engine/news-index.js'
export type * from './types.js'
