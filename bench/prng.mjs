// Deterministic pseudo-random numbers, so every run draws the same corpus and queries.

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns a function yielding floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seeded generator with a few helpers. */
export function rng(seed) {
  const next = mulberry32(seed)
  return {
    next,
    /** Integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    /** One element of a non-empty array. */
    pick: (array) => array[Math.floor(next() * array.length)],
  }
}
