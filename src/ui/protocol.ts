/** The messages between the search box and its worker. */
import type { IndexInfo, ViewRequest, ViewResponse } from './search-core.js'

/** To the worker: open the index, run a view request, or drop one. */
export type WorkerCall = { open: string } | { id: number; request: ViewRequest } | { abort: number }

/** From the worker: the index opened (`id` 0), a view request's partial response (snippets to come), its response, or an error. */
export type WorkerReply = { id: number; info?: IndexInfo; partial?: ViewResponse; response?: ViewResponse; error?: string }
