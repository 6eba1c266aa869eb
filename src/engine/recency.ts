import { checkOption } from '../errors.js'
import type { RecencyBoost } from '../types.js'

/** Milliseconds in a day. */
const DAY = 86_400_000

/** Multiplies each score by its article's recency boost (see `RecencyBoost`). */
export function applyRecency(scores: Map<number, number>, dateOf: (doc: number) => string | null, boost: RecencyBoost): void {
  const { halfLife, weight = 0.5, now } = boost
  const today = now === undefined ? Date.now() : Date.parse(`${now}T00:00:00Z`)
  checkOption(Number.isFinite(halfLife) && halfLife > 0 && weight >= 0 && weight <= 1 && !Number.isNaN(today), 'recency', boost)
  for (const [doc, score] of scores) {
    const date = dateOf(doc)
    const age = date ? Math.max(0, (today - Date.parse(`${date}T00:00:00Z`)) / DAY) : Infinity
    scores.set(doc, score * (1 - weight + weight * 2 ** (-age / halfLife)))
  }
}
