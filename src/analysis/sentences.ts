/** Words whose trailing dot does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'st', 'jr', 'sr',
  'no', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])

const TERMINATOR = /[.!?…]+["”’)\]]*(?=\s|$)/g

/**
 * Offsets just after each sentence-ending punctuation run in `text[from, to)`, in order.
 * A dot after an abbreviation ("Gen."), an initial ("W.") or a dotted short form ("U.S.") ends no sentence.
 */
export function sentenceEnds(text: string, from = 0, to = text.length): number[] {
  const ends: number[] = []
  TERMINATOR.lastIndex = from
  for (let m = TERMINATOR.exec(text); m !== null && m.index < to; m = TERMINATOR.exec(text)) {
    const end = m.index + m[0].length
    if (end > to) break
    if (m[0].startsWith('.') && !m[0].startsWith('...')) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(from, m.index - 12), m.index))?.[1] ?? ''
      if (ABBREVIATIONS.has(before.toLowerCase()) || before.includes('.') || /^\p{Lu}$/u.test(before)) continue
    }
    ends.push(end)
  }
  return ends
}
