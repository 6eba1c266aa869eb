import type { AnalysisTables, AnalyzedArticle } from '../engine/store/analyzed-text.js'

/**
 * Many articles' analyses as a few long arrays, as the build cache file holds them: read back as
 * views into them, where an array per article would cost an allocation (and a buffer in the file)
 * each. The articles without one are marked in `present`.
 */
export interface PackedAnalyses {
  /** Per article: 1 when it has an analysis. */
  present: Uint8Array
  /** Per analysis: its title tokens, body tokens and literals. */
  counts: Uint32Array
  /** Term numbers: 16 bits each while the terms table has fewer than 65,536 (a smaller file, faster to read and write). */
  title: Uint16Array | Uint32Array
  body: Uint16Array | Uint32Array
  cases: Uint8Array
  /** Separator numbers, body tokens + 1 per analysis (16 bits each while there are fewer than 65,536). */
  gaps: Uint16Array | Uint32Array
  literals: string[]
}

/** An array for numbers below `size`: 16 bits each when they fit. */
const numbers = (length: number, size: number): Uint16Array | Uint32Array => (size <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length))

/** Packs analyses (`null`: an article without one) numbering in `tables`. */
export function packAnalyses(analyses: readonly (AnalyzedArticle | null)[], tables: AnalysisTables): PackedAnalyses {
  const present = new Uint8Array(analyses.length)
  const kept = analyses.filter((a, i): a is AnalyzedArticle => a !== null && (present[i] = 1) === 1)
  const counts = new Uint32Array(kept.length * 3)
  let [titles, bodies] = [0, 0]
  kept.forEach((a, i) => {
    counts[3 * i] = a.title.length
    counts[3 * i + 1] = a.body.length
    counts[3 * i + 2] = a.literals.length
    titles += a.title.length
    bodies += a.body.length
  })
  const [terms, gaps] = [tables.terms.strings.length, tables.gaps.strings.length]
  const packed: PackedAnalyses = { present, counts, title: numbers(titles, terms), body: numbers(bodies, terms), cases: new Uint8Array(bodies), gaps: numbers(bodies + kept.length, gaps), literals: [] }
  let [t, b] = [0, 0]
  kept.forEach((a, i) => {
    packed.title.set(a.title, t)
    packed.body.set(a.body, b)
    packed.cases.set(a.cases, b)
    packed.gaps.set(a.gaps, b + i)
    t += a.title.length
    b += a.body.length
    for (const literal of a.literals) packed.literals.push(literal)
  })
  return packed
}

/**
 * An analysis read back from a cache file: its arrays are views into the packed ones, each made when
 * first asked for. A rebuild whose index is patched asks only its token counts of most articles
 * (five arrays an article fewer to make and to keep: 100,000 objects on Reuters).
 */
class PackedAnalysis implements AnalyzedArticle {
  readonly titleTokens: number
  readonly bodyTokens: number
  #title?: Uint16Array | Uint32Array
  #body?: Uint16Array | Uint32Array
  #cases?: Uint8Array
  #gaps?: Uint16Array | Uint32Array
  #literals?: string[]

  /** The `i`th analysis of `packed`, whose title, body and literals start at `t`, `b` and `l`. */
  constructor(
    readonly tables: AnalysisTables,
    private readonly packed: PackedAnalyses,
    private readonly i: number,
    private readonly t: number,
    private readonly b: number,
    private readonly l: number,
  ) {
    this.titleTokens = packed.counts[3 * i]!
    this.bodyTokens = packed.counts[3 * i + 1]!
  }

  get title(): Uint16Array | Uint32Array {
    return (this.#title ??= this.packed.title.subarray(this.t, this.t + this.titleTokens))
  }

  get body(): Uint16Array | Uint32Array {
    return (this.#body ??= this.packed.body.subarray(this.b, this.b + this.bodyTokens))
  }

  get cases(): Uint8Array {
    return (this.#cases ??= this.packed.cases.subarray(this.b, this.b + this.bodyTokens))
  }

  get gaps(): Uint16Array | Uint32Array {
    return (this.#gaps ??= this.packed.gaps.subarray(this.b + this.i, this.b + this.i + this.bodyTokens + 1))
  }

  get literals(): string[] {
    return (this.#literals ??= this.packed.literals.slice(this.l, this.l + this.packed.counts[3 * this.i + 2]!))
  }
}

/** The largest number in `numbers`, or -1. */
function largest(numbers: Uint16Array | Uint32Array): number {
  let most = -1
  for (let i = 0; i < numbers.length; i++) if (numbers[i]! > most) most = numbers[i]!
  return most
}

/**
 * The analyses packed, numbering in `tables`, as views into the packed arrays; `null` when they are
 * not whole (lengths that do not add up, a number outside the tables, a literal count that is not
 * the count of literal cases): the cache is then not used.
 */
export function unpackAnalyses(packed: PackedAnalyses, tables: AnalysisTables): (AnalyzedArticle | null)[] | null {
  const p = Object(packed) as Partial<PackedAnalyses>
  const isNumbers = (a: unknown): a is Uint16Array | Uint32Array => a instanceof Uint16Array || a instanceof Uint32Array
  if (!(p.present instanceof Uint8Array && p.counts instanceof Uint32Array && isNumbers(p.title) && isNumbers(p.body) && p.cases instanceof Uint8Array && isNumbers(p.gaps) && Array.isArray(p.literals))) return null
  const { present, counts, cases, literals } = p as PackedAnalyses
  // Views into the packed arrays as they are (16 bits each while the tables are small): no copy.
  const [title, body, gaps] = [p.title, p.body, p.gaps]
  const kept = counts.length / 3
  if (!Number.isInteger(kept) || present.reduce((sum, flag) => sum + flag, 0) !== kept || cases.length !== body.length || gaps.length !== body.length + kept) return null
  if (largest(title) >= tables.terms.strings.length || largest(body) >= tables.terms.strings.length || largest(gaps) >= tables.gaps.strings.length) return null
  if (!literals.every((literal) => typeof literal === 'string')) return null
  const out: (AnalyzedArticle | null)[] = []
  let [i, t, b, l] = [0, 0, 0, 0]
  for (const flag of present) {
    if (flag !== 1) {
      if (flag !== 0) return null
      out.push(null)
      continue
    }
    const [titles, bodies, literalCount] = [counts[3 * i]!, counts[3 * i + 1]!, counts[3 * i + 2]!]
    if (t + titles > title.length || b + bodies > body.length || l + literalCount > literals.length) return null
    let literalCases = 0
    for (let k = b; k < b + bodies; k++) if (cases[k]! === 3) literalCases++
    if (literalCases !== literalCount) return null
    out.push(new PackedAnalysis(tables, packed as PackedAnalyses, i, t, b, l))
    ;[i, t, b, l] = [i + 1, t + titles, b + bodies, l + literalCount]
  }
  return t === title.length && b === body.length && l === literals.length ? out : null
}
