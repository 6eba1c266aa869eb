/**
 * Whether `wanted` (not empty) occurs as a run in `sequence`, in at most 2 × (sequence + wanted)
 * compares however the two repeat themselves (a naive scan takes sequence × wanted on "a a a …"):
 * Knuth–Morris–Pratt's prefix function over `wanted`, a separator equal to nothing (NaN), then
 * `sequence`; a prefix as long as `wanted` can only end in `sequence`, where it is a match.
 */
export function inSequence(sequence: ArrayLike<unknown>, wanted: readonly unknown[]): boolean {
  const all = [...wanted, NaN, ...Array.from(sequence)]
  // back[i]: the length of the longest proper prefix of all[0..i] that also ends it.
  const back = [0]
  for (let i = 1, k = 0; i < all.length; back[i++] = k) {
    while (k && all[i] !== all[k]) k = back[k - 1]!
    if (all[i] === all[k] && ++k === wanted.length) return true
  }
  return false
}
