import { fold } from '../analysis/fold.js'

/** A word of the text, with its offsets. */
export interface Word {
  start: number
  end: number
  /** The word as written. */
  text: string
  /** Folded lookup key: lower case, no diacritics, no dots, no possessive, "st" read as "saint". */
  key: string
}

// Acronyms with dots ("U.S.", "D.C.") or words with inner apostrophes ("Xi'an", "d'Ivoire").
const WORD = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*/gu
const ABBREVIATIONS = new Map([['st', 'saint'], ['ste', 'sainte'], ['mt', 'mount'], ['ft', 'fort']])

/** The folded words that `foldWord` expands ("st" → "saint"), as a regular expression alternation: `st|ste|mt|ft`. */
export const EXPANDED_WORDS = [...ABBREVIATIONS.keys()].join('|')

/**
 * Folds one word to its lookup key. `abbreviation` says whether "St", "Mt", "Ft" may stand for
 * Saint, Mount, Fort here (default true); see `splitWords`.
 */
export function foldWord(word: string, abbreviation = true): string {
  let k = fold(word)
  if (k.includes('.')) k = k.replaceAll('.', '')
  if (k.includes('’') || k.includes('‘')) k = k.replace(/[’‘]/g, "'")
  if (k.endsWith("'s")) k = k.slice(0, -2)
  return abbreviation ? (ABBREVIATIONS.get(k) ?? k) : k
}

/**
 * "MT" alone is Montana's postal code, not "Mount": written in capitals, St/Mt/Ft are abbreviations
 * only when a dot or a capitalised word follows ("ST. LOUIS", "MT Everest").
 */
function mayAbbreviate(word: string, text: string, end: number): boolean {
  if (word.length !== 2 || word !== word.toUpperCase()) return true
  return text[end] === '.' || /^[ \t]\p{Lu}/u.test(text.slice(end, end + 2))
}

/** Splits text into words (letters, digits, inner apostrophes, dotted acronyms). */
export function splitWords(text: string): Word[] {
  const tokens: Word[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const end = m.index + m[0].length
    tokens.push({ start: m.index, end, text: m[0], key: foldWord(m[0], mayAbbreviate(m[0], text, end)) })
  }
  return tokens
}

/** The lookup key of a multi-word name: its folded words joined by single spaces. */
export function nameKey(name: string): string {
  return splitWords(name).map((t) => t.key).join(' ')
}

/** `true` when the word starts with an upper-case letter. */
export function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0)
  if (c >= 65 && c <= 90) return true
  if (c >= 97 && c <= 122) return false
  return /^\p{Lu}/u.test(word)
}

/** `true` when the word has letters and none of them is lower case. */
export function isUpperCase(word: string): boolean {
  return word.toUpperCase() === word && word.toLowerCase() !== word
}
