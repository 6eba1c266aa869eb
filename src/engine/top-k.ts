/**
 * The first `k` items of `items` in `compare` order, sorted, in O(n log k): a bounded max-heap
 * (by `compare`) keeps the best `k` seen so far.
 */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return []
  const heap: T[] = []
  const worse = (i: number, j: number): boolean => compare(heap[i]!, heap[j]!) > 0
  const swap = (i: number, j: number): void => {
    const t = heap[i]!
    heap[i] = heap[j]!
    heap[j] = t
  }
  const down = (from: number): void => {
    let i = from
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let top = i
      if (l < heap.length && worse(l, top)) top = l
      if (r < heap.length && worse(r, top)) top = r
      if (top === i) return
      swap(i, top)
      i = top
    }
  }
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item
      down(0)
    }
  }
  return heap.sort(compare)
}
