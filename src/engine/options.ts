import { normalizeTerm } from '../analysis/analyzer.js'
import { checkOption } from '../errors.js'
import type { AnalyzerPreset, NewsIndexOptions, TextField } from '../types.js'

/** Options with every default filled in; stored with the serialized index. */
export interface ResolvedOptions {
  boost: Record<TextField, number>
  analyzer: AnalyzerPreset
  /** Stopwords as analyzed terms. */
  stopwords: string[]
  /** Custom keyword fields, distinct. */
  facets: string[]
}

/**
 * Fills in the defaults (title boost 2, body 1, the `english` analyzer, no stopwords: the writable
 * index fills in the English list; no custom keyword fields) and checks the values.
 */
export function resolveOptions({ analyzer = 'english', boost = {}, stopwords = [], facets = [] }: NewsIndexOptions = {}): ResolvedOptions {
  const { title = 2, body = 1 } = Object(boost) as NewsIndexOptions['boost'] & object
  checkOption(analyzer === 'english' || analyzer === 'simple', 'analyzer', analyzer)
  checkOption([title, body].every((weight) => Number.isFinite(weight) && weight >= 0), 'boost', boost)
  checkOption(Array.isArray(stopwords) && stopwords.every((word) => typeof word === 'string'), 'stopwords', stopwords)
  // Custom keyword fields are checked by the writable index; a loaded index's, against its sections.
  return { boost: { title, body }, analyzer, stopwords: [...new Set(stopwords.map((word) => normalizeTerm(word, analyzer)).filter(Boolean))], facets }
}
