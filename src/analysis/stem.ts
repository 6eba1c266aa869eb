import { porterStem } from './porter.js'

/** The English (Porter) stem of an analyzed term: 'rockets' → 'rocket', 'casualties' → 'casualti'. */
export function stem(term: string): string {
  return /^\p{N}+$/u.test(term) ? term : porterStem(term)
}

/**
 * The dictionary prefix under which every term with the same stem as `term` lies: the stem less its
 * last letter ('casualti' → 'casualt' covers 'casualty'), or the whole stem when it is short.
 */
export function stemFamilyPrefix(stemmed: string): string {
  return stemmed.length > 4 ? stemmed.slice(0, -1) : stemmed
}
