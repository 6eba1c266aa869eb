/**
 * Recent searches, newest first, kept in `localStorage` (or any `Storage`). Storage that is
 * missing, full, disabled (private browsing) or holding something else never throws: the list is
 * then empty or not saved.
 */

/** The methods of `Storage` this module uses. */
export type RecentStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** The searches a visitor chose a result for, newest first, without duplicates (ignoring case). */
export class RecentSearches {
  /**
   * @param storage where the list is kept; `null` keeps nothing
   * @param key the storage key
   * @param max how many searches are kept
   */
  constructor(
    private readonly _storage: RecentStorage | null,
    readonly key = 'newsdex:recent',
    readonly max = 5,
  ) {}

  /** The searches, newest first. */
  list(): string[] {
    try {
      const value: unknown = JSON.parse(this._storage?.getItem(this.key) ?? '[]')
      return Array.isArray(value) ? value.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, this.max) : []
    } catch {
      return []
    }
  }

  /** Puts `query` first (moving it there when it is already kept); returns the new list. */
  add(query: string): string[] {
    const q = query.trim().replace(/\s+/g, ' ')
    if (!q) return this.list()
    return this._save([q, ...this.list().filter((kept) => kept.toLowerCase() !== q.toLowerCase())])
  }

  /** Forgets one search; returns the new list. */
  remove(query: string): string[] {
    return this._save(this.list().filter((kept) => kept !== query))
  }

  /** Forgets every search. */
  clear(): void {
    try {
      this._storage?.removeItem(this.key)
    } catch {
      // Storage is disabled: there is nothing to forget.
    }
  }

  private _save(list: string[]): string[] {
    const kept = list.slice(0, this.max)
    try {
      this._storage?.setItem(this.key, JSON.stringify(kept))
    } catch {
      // Full or disabled storage: the search is not kept.
    }
    return kept
  }
}
