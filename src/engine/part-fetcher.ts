import { NewsdexError } from '../errors.js'
import type { Store } from './store/store.js'

/** Fetches a part of an index by name (`'positions'`, `'display-3'`…) and adds it, for `NewsIndex.open()`. */
export type PartLoader = (name: string) => Promise<void>

/**
 * Fetches `url` and hands its bytes to `read`. An HTTP error, or an HTML page (what a server's
 * fallback answers for a path it lacks, often with status 200), is an error; any `NewsdexError`
 * that names no URL yet (of the fetch or of `read`) gets `url`, in its message and `path`.
 */
export async function fetchPart<T>(get: typeof fetch, url: string, init: RequestInit, read: (bytes: Uint8Array) => T | Promise<T>): Promise<T> {
  const response = await get(url, init)
  const bytes = new Uint8Array(await response.arrayBuffer())
  try {
    if (!response.ok) throw new NewsdexError('E_IO', `HTTP ${response.status}`)
    if (/html/.test(response.headers.get('content-type')!)) throw new NewsdexError('E_NOT_AN_INDEX', 'got text/html: is the path right?')
    return await read(bytes)
  } catch (error) {
    throw error instanceof NewsdexError && !error.path ? new NewsdexError(error.code, `${url}: ${error.message}`, { cause: error, path: url }) : error
  }
}

/** The names of the parts that the page's documents need and the store lacks. */
export function partsFor(store: Store, page: readonly number[], withText: boolean): string[] {
  const wanted = new Set<string>()
  for (const doc of page) {
    const chunk = store.chunkOf(doc)
    if (!store.displayOf(doc)) wanted.add(`display-${chunk}`)
    if (withText && !store.text.has(doc)) wanted.add(`text-${chunk}`)
  }
  return [...wanted]
}

/**
 * Fetches and adds parts, each once; resolves when all are in, or rejects with `signal`'s reason
 * when it aborts first (the fetches go on, and their parts are added when they arrive).
 */
export type PartFetcher = (names: readonly string[], signal?: AbortSignal) => Promise<unknown>

/**
 * Brings in the parts of a split index that a search needs, each once, with `load`: positions for
 * phrases, and the display and text chunks of the documents a page shows (as Pagefind's
 * `request_indexes` works out which index chunks a search needs before loading them). A failed
 * fetch is tried again next time.
 */
export function partFetcher(load: PartLoader): PartFetcher {
  const pending = new Map<string, Promise<void>>()
  const fetchOne = (name: string): Promise<void> => {
    let part = pending.get(name)
    if (!part) {
      pending.set(name, (part = load(name)))
      part.catch(() => pending.delete(name))
    }
    return part
  }
  return (names, signal) => {
    const all = Promise.all(names.map(fetchOne))
    return signal
      ? new Promise((resolve, reject) => {
          signal.throwIfAborted()
          const onAbort = (): void => reject(signal.reason)
          // Removed when the parts are in or failed (an abort fires once).
          signal.addEventListener('abort', onAbort)
          void all.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
        })
      : all
  }
}
