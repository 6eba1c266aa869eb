import { porterStem } from './porter.js'

/** Most stems remembered. */
const REMEMBERED_STEMS = 65_536
/** The first stems computed: a search box stems the same dictionary terms keystroke after keystroke. */
const stems = new Map<string, string>()

/** The English (Porter) stem of an analyzed term: 'rockets' → 'rocket', 'casualties' → 'casualti'. */
export function stem(term: string): string {
  let stemmed = stems.get(term)
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(term) ? term : porterStem(term)
    if (stems.size < REMEMBERED_STEMS) stems.set(term, stemmed)
  }
  return stemmed
}

/**
 * The dictionary prefix under which every term with the same stem as `term` lies: the stem less its
 * last letter ('casualti' → 'casualt' covers 'casualty'), or the whole stem when it is short.
 */
export function stemFamilyPrefix(stemmed: string): string {
  return stemmed.length > 4 ? stemmed.slice(0, -1) : stemmed
}
