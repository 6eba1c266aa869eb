/**
 * The first `k` items of `items` in `compare` order, sorted. Items that beat the `k`th best found so
 * far are gathered; whenever more than `2k` are, they are sorted and cut back to `k`. Most items
 * cost one compare, and the whole costs O(n log k) compares whatever the order of the items (a
 * sorted list that every item entered took O(n·k) moves, when dates ascend with document numbers).
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  let top: T[] = []
  // The kth best at the last cut: only items that beat it can be among the first k.
  let bar: T | undefined
  const cut = (): void => {
    top = top.sort(compare).slice(0, Math.max(0, k))
    bar = top[k - 1]
  }
  for (const item of items) {
    if (bar !== undefined && compare(item, bar) >= 0) continue
    top.push(item)
    if (top.length > 2 * k) cut()
  }
  cut()
  return top
}
