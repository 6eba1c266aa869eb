import type { CacheUsage } from '../../types.js'

/** The default budget of decoded data per index: 6 MiB (a browser tab holds the index itself besides). */
export const DEFAULT_CACHE_BYTES = 6 * 1024 * 1024

/**
 * Decoded data (postings, term codes, texts) kept for reuse within a byte budget: when a new entry
 * takes the total over it, the least recently used entries go first. An entry larger than the whole
 * budget is handed back but not kept.
 */
export class DecodedCache {
  #entries = new Map<string, { value: unknown; bytes: number }>()
  #bytes = 0

  constructor(public limit: number = DEFAULT_CACHE_BYTES) {}

  /** The value under `key`, now the most recently used; `undefined` when not held. */
  get<T>(key: string): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.value as T
  }

  /** Keeps `value` (about `bytes` large) under `key`, evicting as needed; returns the value. */
  set<T>(key: string, value: T, bytes: number): T {
    this.delete(key)
    if (bytes > this.limit) return value
    this.#entries.set(key, { value, bytes })
    this.#bytes += bytes
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.limit) break
      this.#entries.delete(oldest)
      this.#bytes -= entry.bytes
    }
    return value
  }

  delete(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#entries.delete(key)
    this.#bytes -= entry.bytes
  }

  /** Drops everything. */
  clear(): void {
    this.#entries.clear()
    this.#bytes = 0
  }

  get usage(): CacheUsage {
    return { bytes: this.#bytes, entries: this.#entries.size, limit: this.limit }
  }
}
