import { sentenceEnds } from '../analysis/sentences.js'

/** Longest derived title, in characters; longer first sentences are cut at a word boundary. */
export const MAX_TITLE_LENGTH = 120

/** A title derived from the text: its first sentence, cut at a word boundary when too long. */
export function deriveTitle(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ')
  const window = flat.slice(0, MAX_TITLE_LENGTH * 4)
  const sentence = window.slice(0, sentenceEnds(window)[0] ?? window.length).trim()
  if (sentence.length <= MAX_TITLE_LENGTH) return sentence
  const cut = sentence.slice(0, MAX_TITLE_LENGTH + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_TITLE_LENGTH)).replace(/(?<![\s,;:–—-])[\s,;:–—-]+$/u, '')}…`
}
