/** BM25 term-frequency saturation. */
export const K1 = 1.2
/** BM25 length normalization. */
export const B = 0.75

/** Inverse document frequency of a term found in `df` of `n` documents (the non-negative Lucene form). */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/**
 * BM25F over title and body: each field's term frequency is length-normalized and weighted by the
 * field's boost, the weighted sum is saturated once (Robertson, Zaragoza and Taylor, "Simple BM25
 * extension to multiple weighted fields", 2004). With one field of boost 1 it is exactly classic BM25.
 */
export function bm25f(
  idfValue: number,
  titleTf: number,
  bodyTf: number,
  titleLength: number,
  bodyLength: number,
  averageLength: readonly [number, number],
  boost: readonly [number, number],
): number {
  let weighted = 0
  if (titleTf > 0 && boost[0] > 0) weighted += (boost[0] * titleTf) / (1 - B + (B * titleLength) / (averageLength[0] || 1))
  if (bodyTf > 0 && boost[1] > 0) weighted += (boost[1] * bodyTf) / (1 - B + (B * bodyLength) / (averageLength[1] || 1))
  return weighted === 0 ? 0 : (idfValue * weighted * (K1 + 1)) / (K1 + weighted)
}
