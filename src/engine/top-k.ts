import { lowerBound } from '../lower-bound.js'

/**
 * The first `k` items of `items` in `compare` order, sorted: a sorted list of the best `k` seen so
 * far, which an item enters (at its place, found by binary search) only when it beats the list's
 * last. One compare per item when few enter it, the usual case for a page of hits.
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = []
  for (const item of items) {
    if (top.length < k || (k > 0 && compare(item, top[k - 1]!) < 0)) {
      top.splice(lowerBound(0, top.length, (i) => compare(top[i]!, item) < 0), 0, item)
      if (top.length > k) top.pop()
    }
  }
  return top
}
