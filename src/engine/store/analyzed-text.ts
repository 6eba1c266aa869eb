import { analyze } from '../../analysis/analyzer.js'
import { caseOf } from '../../format/token-text.js'
import type { AnalyzerPreset } from '../../types.js'
import type { Store } from './store.js'

/** Strings numbered in the order they were first seen: the terms, or the separators, of analyses. */
export class StringTable {
  readonly strings: string[]
  #numbers: Map<string, number>

  constructor(strings: string[] = []) {
    this.strings = strings
    this.#numbers = new Map(strings.map((s, i) => [s, i]))
  }

  /** The number of `s`, given it if new. */
  number(s: string): number {
    let n = this.#numbers.get(s)
    if (n === undefined) {
      n = this.strings.length
      this.strings.push(s)
      this.#numbers.set(s, n)
    }
    return n
  }
}

/** The tables an article's analysis numbers its terms and separators in (a build cache keeps one pair). */
export interface AnalysisTables {
  terms: StringTable
  gaps: StringTable
}

/**
 * What analyzing an article gives, kept so that it is not analyzed again: to add it to an index
 * (its terms) and to write its token text (cases, literals, separators). Numbers are into `tables`.
 * A function of the title, the body and the analyzer only.
 */
export interface AnalyzedArticle {
  tables: AnalysisTables
  /** Per title token, its term's number (16 bits each when read back from a cache file whose tables are small). */
  title: Uint16Array | Uint32Array
  /** Per body token, its term's number. */
  body: Uint16Array | Uint32Array
  /** Per body token, how its surface is written (see `encodeTokenText`): 0 lower, 1 Capitalized, 2 UPPER, 3 literal. */
  cases: Uint8Array
  /** The separators of the body: before each token, and one after the last (numbers into `tables.gaps`). */
  gaps: Uint16Array | Uint32Array
  /** The surfaces no case rebuilds, in order. */
  literals: string[]
  /** The numbers of title and body tokens, when an analysis knows them without making `title` and `body` (one read back from a cache). */
  readonly titleTokens?: number
  readonly bodyTokens?: number
}

/** Analyzes an article's title and body, numbering terms and separators in `tables`. */
export function analyzeArticle(title: string, body: string, analyzer: AnalyzerPreset, tables: AnalysisTables): AnalyzedArticle {
  const titleTokens = analyze(title, analyzer)
  const titleNumbers = new Uint32Array(titleTokens.length)
  titleTokens.forEach((token, i) => (titleNumbers[i] = tables.terms.number(token.term)))
  const tokens = analyze(body, analyzer)
  const numbers = new Uint32Array(tokens.length)
  const cases = new Uint8Array(tokens.length)
  const gaps = new Uint32Array(tokens.length + 1)
  const literals: string[] = []
  let cursor = 0
  tokens.forEach((token, i) => {
    numbers[i] = tables.terms.number(token.term)
    gaps[i] = tables.gaps.number(body.slice(cursor, token.start))
    cursor = token.end
    const surface = body.slice(token.start, token.end)
    const kind = caseOf(surface, token.term)
    cases[i] = kind
    if (kind === 3) literals.push(surface)
  })
  gaps[tokens.length] = tables.gaps.number(body.slice(cursor))
  return { tables, title: titleNumbers, body: numbers, cases, gaps, literals }
}

/** Per store being built, each document's analysis when it was added with one (none for a loaded index). */
const analyses = new WeakMap<Store, (AnalyzedArticle | undefined)[]>()

/** The analyses of a store's documents, by document number. */
export function analysesOf(store: Store): (AnalyzedArticle | undefined)[] {
  let list = analyses.get(store)
  if (!list) analyses.set(store, (list = []))
  return list
}
