import type { Store } from './store/store.js'

/** Fetches a part of an index by name (`'positions'`, `'display-3'`…), for `NewsIndex.open()`. */
export type PartLoader = (name: string) => Promise<Uint8Array | ArrayBuffer>

/**
 * Brings in the parts of a split index that a search needs, each once: positions for phrases, and
 * the display and text chunks of the documents a page shows (as Pagefind's `request_indexes` works
 * out which index chunks a search needs before loading them). A failed fetch is tried again next time.
 */
export class PartFetcher {
  #pending = new Map<string, Promise<void>>()

  constructor(
    private readonly load: PartLoader,
    private readonly add: (bytes: Uint8Array | ArrayBuffer) => void,
  ) {}

  /** The names of the parts that the page's documents need and the store lacks. */
  static partsFor(store: Store, page: readonly number[], withText: boolean): string[] {
    const wanted = new Set<string>()
    for (const doc of page) {
      const chunk = store.chunkOf(doc)
      if (!store.displayOf(doc)) wanted.add(`display-${chunk}`)
      if (withText && !store.text.has(doc)) wanted.add(`text-${chunk}`)
    }
    return [...wanted]
  }

  /**
   * Fetches and adds the parts, each once; resolves when all are in, or rejects with `signal`'s
   * reason when it aborts first (the fetches go on, and their parts are added when they arrive).
   */
  async fetch(names: readonly string[], signal?: AbortSignal): Promise<void> {
    const all = Promise.all(names.map((name) => this.#fetchOne(name)))
    if (!signal) {
      await all
      return
    }
    signal.throwIfAborted()
    let onAbort = (): void => {}
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      await Promise.race([all, aborted])
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  #fetchOne(name: string): Promise<void> {
    let pending = this.#pending.get(name)
    if (!pending) {
      pending = this.load(name).then((bytes) => this.add(bytes))
      pending.catch(() => this.#pending.delete(name))
      this.#pending.set(name, pending)
    }
    return pending
  }
}
