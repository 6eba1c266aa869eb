import { stem, stemFamilyPrefix } from '../analysis/stem.js'
import { compareByDocumentCount } from '../term-order.js'
import type { TermSpec } from '../query/plan.js'
import type { TermDictionary } from './term-dictionary.js'

/** An indexed term that a query term matched, with the weight its score gets. */
export interface TermMatch<Entry> {
  term: string
  entry: Entry
  weight: number
  /** The query word itself or another form of it (same stem), rather than a completion or a typo. */
  sameWord: boolean
}

/** Most indexed terms one query term expands to by prefix or typo; the most frequent are kept. */
export const MAX_EXPANSIONS = 50

/**
 * The indexed terms a query term matches: itself (weight 1), terms with its stem, its completions
 * when prefix-matched, and terms within its typo budget. Exact ranks above stemmed, stemmed above
 * prefix, prefix above fuzzy. Typos are looked for only while the other matches are in fewer than
 * `typosBelow` documents (Typesense's `typo_tokens_threshold`): a word that fills the page as
 * typed is taken as typed.
 */
export function lookupTerm<Entry extends { df: number }>(
  terms: TermDictionary<Entry>,
  spec: TermSpec,
  typosBelow = Infinity,
): { matches: TermMatch<Entry>[]; capped: boolean } {
  /** Weight of a term with the same stem ('rocket' for 'rockets'). */
  const STEM_WEIGHT = 0.8
  /** Weight of a prefix match: from 0.5, up by the share of the indexed term the prefix covers (below 0.75). */
  const PREFIX_WEIGHT = 0.5
  const PREFIX_SHARE_WEIGHT = 0.25
  /** Weight of a match with one typo; two typos weigh half as much again. */
  const FUZZY_WEIGHT = 0.45
  const found = new Map<string, TermMatch<Entry>>()
  const exact = terms.get(spec.term)
  if (exact) found.set(spec.term, { term: spec.term, entry: exact, weight: 1, sameWord: true })
  if (spec.stem) {
    const own = stem(spec.term)
    for (const [term, entry] of terms.atPrefix(stemFamilyPrefix(own))) {
      if (term !== spec.term && stem(term) === own) found.set(term, { term, entry, weight: STEM_WEIGHT, sameWord: true })
    }
  }
  const expansions: TermMatch<Entry>[] = []
  if (spec.prefix) {
    for (const [term, entry] of terms.atPrefix(spec.term)) {
      if (!found.has(term)) expansions.push({ term, entry, weight: PREFIX_WEIGHT + (PREFIX_SHARE_WEIGHT * spec.term.length) / term.length, sameWord: false })
    }
  }
  const documents = [...found.values(), ...expansions].reduce((sum, match) => sum + match.entry.df, 0)
  if (spec.fuzzy > 0 && documents < typosBelow) {
    const fuzzy = terms.fuzzyGet(spec.term, spec.fuzzy)
    // Swapped neighbours ("sginal") are one typo, as in Damerau's distance, though two edits for Levenshtein.
    for (let i = 0; i + 1 < spec.term.length; i++) {
      const swapped = spec.term.slice(0, i) + spec.term[i + 1] + spec.term[i] + spec.term.slice(i + 2)
      const entry = terms.get(swapped)
      if (entry && !(fuzzy.get(swapped)?.[1] === 1)) fuzzy.set(swapped, [entry, 1])
    }
    const candidates = [...fuzzy].filter(([term]) => !found.has(term) && !(spec.prefix && term.startsWith(spec.term)))
    // A typo more likely meant a common word than a rare one: weigh candidates by how common they are.
    const commonest = Math.max(1, ...candidates.map(([, [entry]]) => entry.df))
    for (const [term, [entry, distance]] of candidates) {
      expansions.push({ term, entry, weight: (FUZZY_WEIGHT / 2 ** (distance - 1)) * (entry.df / commonest) ** 0.25, sameWord: false })
    }
  }
  expansions.sort((a, b) => compareByDocumentCount(a.term, a.entry.df, b.term, b.entry.df))
  for (const match of expansions.slice(0, MAX_EXPANSIONS)) found.set(match.term, match)
  return { matches: [...found.values()], capped: expansions.length > MAX_EXPANSIONS }
}
