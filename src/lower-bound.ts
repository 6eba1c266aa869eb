/**
 * The first index in `[from, to)` at which `isBelow` turns false, for a predicate that is true up to
 * some index and false from there on (a sorted list searched for a key): a binary search.
 */
export function lowerBound(from: number, to: number, isBelow: (index: number) => boolean): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (isBelow(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
