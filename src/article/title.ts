/** Longest derived title, in characters; longer first sentences are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 120

/** Words whose trailing dot does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'st', 'jr', 'sr',
  'no', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])

/** End of the first sentence of `text` (index after its closing punctuation), or the text's length. */
export function firstSentenceEnd(text: string): number {
  const end = /[.!?]+["”’)]*(?=\s|$)/g
  for (let m = end.exec(text); m !== null; m = end.exec(text)) {
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''
    const word = before.toLowerCase()
    // "U.S." and "Gen." do not end sentences; a single capital is an initial ("George W. Bush").
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || word.includes('.') || /^\p{Lu}$/u.test(before))) continue
    return m.index + m[0].length
  }
  return text.length
}

/** A title derived from the text: its first sentence, cut at a word boundary when too long. */
export function deriveTitle(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ')
  const sentence = flat.slice(0, firstSentenceEnd(flat)).trim()
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence
  const cut = sentence.slice(0, MAX_TITLE_LENGTH + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_TITLE_LENGTH)).replace(/[\s,;:–—-]+$/u, '')}…`
}
