/**
 * Levenshtein distance between `a` and `b` if it is at most `max`, else `max + 1`.
 * Runs in O(|a| · (2·max + 1)) by only filling the diagonal band.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (a === b) return 0
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max)
    const to = Math.min(b.length, i + max)
    current[0] = i
    if (from > 1) current[from - 1] = max + 1
    let rowMin = i
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const value = Math.min(
        (previous[j - 1] ?? max + 1) + cost,
        (j < i + max ? (previous[j] ?? max + 1) : max + 1) + 1,
        (current[j - 1] ?? max + 1) + 1,
      )
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (to < b.length) current[to + 1] = max + 1
    if (rowMin > max) return max + 1
    ;[previous, current] = [current, previous]
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1)
}
