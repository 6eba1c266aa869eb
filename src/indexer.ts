/**
 * newsdex indexer entry: the runtime plus the write side. Its `NewsIndex` can `add()`, `remove()`
 * and `serialize()`; like the runtime it runs anywhere (browsers, workers, Node, edge runtimes) and
 * holds no Node built-ins and no build-time data.
 */
export { WritableNewsIndex as NewsIndex } from './engine/writable-index.js'
export { highlight, parseQuery, analyze, NewsdexError, FORMAT_VERSION, type HighlightTextOptions, type NewsdexErrorCode, type ResolvedOptions, type Token } from './index.js'
export type * from './types.js'
