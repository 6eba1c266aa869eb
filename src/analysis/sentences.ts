/**
 * A sentence end: sentence-ending punctuation, with any closing quotes or brackets, before the end
 * of the text or before a word that does not start in lower case or with a digit ("etc. and",
 * "No. 5" and "“Stop!” she said" end no sentence). A single dot ends none either after a short
 * form: an initial or a capitalised word without vowels ("W. Bush", "Mr.", "Sgt.", "Ltd."), a title
 * with vowels or "vs." ("Gen. Smith"), or a dotted form ("U.S. Army"). A run of punctuation is tried
 * once, from its start, so the cost is linear (see docs/redos.md).
 */
const SENTENCE_END =
  /(?<![.!?…])(?:(?=[.!?…]*[!?…]|\.\.\.)|(?=\.)(?<!(?<!\p{L})(?:\p{Lu}[b-df-hj-np-tv-xz]*|Prof|Gen|Col|Capt|Gov|Sen|Rep|vs)|\.\p{L}*))[.!?…]+["”’)\]]*(?=\s*$|\s+[^\p{Ll}\p{N}])/gu

/** Offsets just after each sentence end (see `SENTENCE_END`) in `text`, in order. */
export function sentenceEnds(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)].map((m) => m.index! + m[0].length)
}

const SENTENCE_END_AT = new RegExp(SENTENCE_END.source, 'uy')

/** The offset just after the sentence end (see `SENTENCE_END`) whose punctuation starts at `at` in `text`, or -1. */
export function sentenceEndAt(text: string, at: number): number {
  SENTENCE_END_AT.lastIndex = at
  const match = SENTENCE_END_AT.exec(text)
  return match ? at + match[0].length : -1
}
