import { NewsdexError } from '../errors.js'
import { containingPlaces } from '../extract/containing-places.js'
import { extractMetadata } from '../extract/extract-metadata.js'
import type { Article } from '../types.js'
import { checkFieldMap, explicitFields, type ExplicitFields, type FieldMap } from './fields.js'
import { idFromPath } from './id.js'
import { isKeywordFieldName } from './validate.js'
import { splitFrontMatter } from './front-matter.js'
import { readFeed } from './feed.js'
import { readHtmlPage } from './html-page.js'
import { firstHeading, markdownToText } from './markdown.js'
import { normalizeParagraphs } from './paragraphs.js'
import { parseSeedHeader } from './seed.js'
import { deriveTitle } from './title.js'

/**
 * Input formats `parseArticle` reads. `'auto'` picks by file extension, then by content. `'html'` is
 * a built page (its article, JSON-LD and OpenGraph metadata); `'feed'` an RSS or Atom feed.
 */
export type ArticleFormat = 'auto' | 'seed' | 'markdown' | 'json' | 'html' | 'feed'

/** Options of `parseArticle()` and `parseArticles()`. */
export interface ParseOptions {
  /** Article id; default: from the text's own metadata, else derived from `path`. */
  id?: string
  /** File path, used to derive the id and to name the file in errors. */
  path?: string
  /**
   * The article's URL, over any its text gives: a built page's, from its path in the site. Default
   * none: the text's own (`url`, `link`, `og:url`…). Not for inputs of several articles.
   */
  url?: string
  /** Input format. Default `'auto'`. */
  format?: ArticleFormat | 'ndjson'
  /**
   * Called with the error of each bad record of a multi-article input (an NDJSON line, a JSON array
   * element), which is then skipped. Default none: the first bad record throws.
   */
  onError?: (error: NewsdexError) => void
  /**
   * The publication's home country, an ISO 3166-1 alpha-2 code (`'US'`, any case): ambiguous and
   * small local places resolve there ("Athens" in a Georgia paper is Athens, Georgia), in the text and
   * in given `location` lists. Default none: each article's home country is inferred from its own
   * places. An invalid code throws `E_INVALID_ARGUMENT`.
   */
  country?: string
  /**
   * Which input keys hold which article fields, for JSON, NDJSON and front matter:
   * `{ title: 'headline', body: ['content', 'text'] }` (first present key wins). A mapped field is read
   * from its keys only. Default none: the usual spellings (`headline`, `content`, `published`…).
   * An unknown article field throws `E_INVALID_ARGUMENT`.
   */
  fields?: FieldMap
  /**
   * Input keys read as custom keyword fields into the article's `keywords` (`['category']`: a
   * string is one value, a list several), rather than into `meta`; for JSON, NDJSON and front
   * matter. The index's `facets` option names the same fields. Default none.
   */
  facets?: string[]
  /**
   * Called with the error of each article that has no text (no title and no body), which is then
   * skipped instead of failing. Default none: such an article is an error like any other.
   */
  onSkip?: (error: NewsdexError) => void
  /**
   * Called after each record of a multi-article input (parsed, skipped or bad) with the records done,
   * their number, and the article parsed from it with where it came from (`file:line`, `file[i]`),
   * so that a build can index it and report progress at once. An error thrown here stops the parse.
   * @internal
   */
  onRecord?: (done: number, total: number, article: Article | undefined, where: string) => void
}

/** Thrown for an article with no text, so that callers can skip it apart from real errors. */
class NoTextError extends NewsdexError {}

/** The home-country option, checked and upper-cased; `null` when not given. */
export function homeCountryOption(country: unknown, option = 'country'): string | null {
  if (country === undefined) return null
  if (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country)) {
    throw new NewsdexError('E_INVALID_ARGUMENT', `${option} must be an ISO 3166-1 alpha-2 code such as 'US', got ${JSON.stringify(country)}`)
  }
  return country.toUpperCase()
}

type Resolved = Exclude<ArticleFormat, 'auto'> | 'ndjson'

function resolveFormat(text: string, options: ParseOptions): Resolved {
  const format = options.format ?? 'auto'
  if (format !== 'auto') return format
  const extension = /\.([A-Za-z0-9]+)$/.exec(options.path ?? '')?.[1]?.toLowerCase()
  if (extension === 'md' || extension === 'markdown' || extension === 'mdx') return 'markdown'
  if (extension === 'json') return 'json'
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson'
  if (extension === 'txt' || extension === 'text') return 'seed'
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html'
  if (extension === 'rss' || extension === 'atom' || extension === 'xml') return 'feed'
  const start = text.trimStart()
  if (start.startsWith('<')) return /<(?:rss|feed|rdf:RDF)[\s>]/.test(start.slice(0, 4096)) ? 'feed' : 'html'
  if (/^\uFEFF?---[ \t]*\r?\n/.test(text)) return 'markdown'
  if (start.startsWith('{') || start.startsWith('[')) return 'json'
  return 'seed'
}

function fail(options: ParseOptions, message: string, cause?: unknown, Kind: typeof NewsdexError = NewsdexError): never {
  const where = options.path ?? options.id ?? 'article'
  throw new Kind('E_PARSE', `${where}: ${message}`, { cause, path: where })
}

/** The custom keyword fields option, checked: a list of names. */
export function keywordFieldsOption(facets: unknown): string[] {
  if (facets === undefined) return []
  if (!Array.isArray(facets) || !facets.every(isKeywordFieldName)) {
    throw new NewsdexError('E_INVALID_ARGUMENT', `facets must be a list of field names such as ['category'], got ${JSON.stringify(facets)}`)
  }
  return facets
}

/** The field mapping option, checked. */
function fieldMapOption(options: ParseOptions): FieldMap {
  try {
    return checkFieldMap(options.fields)
  } catch (error) {
    throw new NewsdexError('E_INVALID_ARGUMENT', (error as Error).message, { cause: error })
  }
}

/** Runs `parse`; an article with no text goes to `options.onSkip` when given (returning no article). */
function skippable(options: ParseOptions, parse: () => Article[]): Article[] {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof NoTextError) || !options.onSkip) throw error
    options.onSkip(error)
    return []
  }
}

/** Builds the article: explicit metadata wins; extraction fills what is missing. */
function assemble(fields: ExplicitFields, text: string, options: ParseOptions, fallbackId: string): Article {
  const body = normalizeParagraphs(fields.body ?? text)
  const title = fields.title ?? deriveTitle(body)
  if (body === '' && title === '') fail(options, 'the article has no text', undefined, NoTextError)
  const dateline = fields.meta.dateline ? `${fields.meta.dateline} ` : ''
  const home = homeCountryOption(options.country)
  const extracted = extractMetadata(`${dateline}${body}`, {
    title,
    ...(fields.date ? { date: fields.date } : {}),
    ...(home ? { country: home } : {}),
  })
  const pick = (given: string[] | undefined, found: string[]): string[] => (given && given.length > 0 ? given : found)
  // Given places are kept first, then what contains them, so that location:Iraq finds 'Baghdad'.
  const given = fields.location && fields.location.length > 0 ? containingPlaces(fields.location, home) : undefined
  const article: Article = {
    id: options.id ?? fields.id ?? fallbackId,
    title,
    body,
    date: fields.date ?? extracted.date,
    source: pick(fields.source, extracted.source),
    location: given ? given.location : extracted.location,
    country: pick(fields.country, given && given.country.length > 0 ? given.country : extracted.country),
  }
  const url = options.url ?? fields.url
  if (url !== undefined) article.url = url
  if (Object.keys(fields.meta).length > 0) article.meta = fields.meta
  if (options.facets?.length) article.keywords = Object.fromEntries(options.facets.map((field) => [field, fields.keywords[field] ?? []]))
  return article
}

function fromRecord(record: unknown, options: ParseOptions, fallbackId: string): Article {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) fail(options, 'a JSON article must be an object')
  let fields: ExplicitFields
  try {
    fields = explicitFields(record as Record<string, unknown>, options.fields, options.facets)
  } catch (error) {
    return fail(options, (error as Error).message, error)
  }
  return assemble(fields, '', options, fallbackId)
}

function parseJson(text: string, options: ParseOptions): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    return fail(options, `invalid JSON: ${(error as Error).message}`, error)
  }
}

/**
 * Parses the records of a multi-article input; bad ones go to `options.onError` when given, else
 * throw. With `options.onRecord`, each article goes to it and none is collected (a build indexes
 * them as they come, and must not hold a whole file's articles); the count of articles is returned.
 */
function parseRecords<R extends { where: string; n: number }>(
  records: Iterable<R> & { length: number },
  read: (record: R, where: ParseOptions) => unknown,
  options: ParseOptions,
  baseId: string | undefined,
): { articles: Article[]; count: number } {
  const articles: Article[] = []
  let count = 0
  let done = 0
  for (const record of records) {
    const article = parseRecord(record, read, options, baseId)
    if (article) {
      count++
      if (!options.onRecord) articles.push(article)
    }
    options.onRecord?.(++done, records.length, article, record.where)
  }
  return { articles, count }
}

/** One record of a multi-article input: its article, or `undefined` when it was handed to `onError` or `onSkip`. */
function parseRecord<R extends { where: string; n: number }>(record: R, read: (record: R, where: ParseOptions) => unknown, options: ParseOptions, baseId: string | undefined): Article | undefined {
  const where: ParseOptions = { ...options, path: record.where, id: undefined, url: undefined }
  try {
    return fromRecord(read(record, where), where, `${baseId ?? 'article'}#${record.n}`)
  } catch (error) {
    if (error instanceof NoTextError && options.onSkip) options.onSkip(error)
    else if (options.onError && error instanceof NewsdexError) options.onError(error)
    else throw error
    return undefined
  }
}

/** Whether `path` names an NDJSON file (`.ndjson`, `.jsonl`): one record a line, which a build reads in pieces. */
export function isNdjsonPath(path: string): boolean {
  return resolveFormat('', { path }) === 'ndjson'
}

/**
 * Parses NDJSON one line at a time, as `parseArticles` parses a whole NDJSON text: call the returned
 * function with each line and its 1-based number. It returns the line's article, or `undefined`
 * for a blank line and for a record handed to `onError` or `onSkip`; a NUL character (a binary
 * file) throws `E_PARSE` for the whole file. For a build that reads a big file in pieces.
 * @internal
 */
export function ndjsonLineParser(options: ParseOptions = {}): (line: string, n: number) => Article | undefined {
  homeCountryOption(options.country)
  const parsing: ParseOptions = { ...options, fields: fieldMapOption(options) }
  const baseId = options.id ?? (options.path ? idFromPath(options.path) : undefined)
  return (line, n) => {
    if (line.includes('\u0000')) fail(parsing, 'the file is binary, not text')
    if (line.trim() === '') return undefined
    return parseRecord({ line, where: `${options.path ?? 'input'}:${n}`, n }, (r, where) => parseJson(r.line, where), parsing, baseId)
  }
}

/**
 * Parses every article in `text`: one for seed text and Markdown, one per element of a JSON array,
 * one per line of NDJSON, one per item of an RSS or Atom feed; a built HTML page holds one or none
 * (skipped as having no text). Ids of several articles default to `<path id>#<n>`. Throws a
 * `NewsdexError` (`E_PARSE`) naming the file and the problem.
 */
export function parseArticles(text: string, options: ParseOptions = {}): Article[] {
  homeCountryOption(options.country)
  keywordFieldsOption(options.facets)
  const fields = fieldMapOption(options)
  return skippable(options, () => parseAll(text, { ...options, fields }))
}

function parseAll(text: string, options: ParseOptions): Article[] {
  if (typeof text !== 'string') fail(options, 'the input is not text')
  if (text.includes('\u0000')) fail(options, 'the file is binary, not text')
  const baseId = options.id ?? (options.path ? idFromPath(options.path) : undefined)
  const format = resolveFormat(text, options)
  if (format === 'ndjson') {
    const records = text.split(/\r?\n/).map((line, i) => ({ line, where: `${options.path ?? 'input'}:${i + 1}`, n: i + 1 }))
    const { articles, count } = parseRecords(records.filter((r) => r.line.trim() !== ''), (r, where) => parseJson(r.line, where), options, baseId)
    if (count === 0 && !options.onError && !options.onSkip) fail(options, 'no articles in the NDJSON input')
    return articles
  }
  if (format === 'json') {
    const data = parseJson(text, options)
    if (Array.isArray(data)) {
      if (data.length === 0) fail(options, 'an empty JSON array holds no articles')
      const records = data.map((record: unknown, i) => ({ record, where: `${options.path ?? 'input'}[${i}]`, n: i + 1 }))
      return parseRecords(records, (r) => r.record, options, baseId).articles
    }
    return [fromRecord(data, options, baseId ?? 'article')]
  }
  if (text.trim() === '') fail(options, 'the file is empty', undefined, NoTextError)
  if (format === 'html') {
    const page = readHtmlPage(text)
    if (!page) fail(options, 'the page has no article', undefined, NoTextError)
    return [fromRecord(page, options, baseId ?? 'article')]
  }
  if (format === 'feed') {
    const items = readFeed(text)
    if (!items) fail(options, 'not an RSS or Atom feed (no <rss> or <feed> element)')
    if (items.length === 0) fail(options, 'the feed has no items', undefined, NoTextError)
    const records = items.map((record, i) => ({ record, where: `${options.path ?? 'input'}[${i}]`, n: i + 1 }))
    return parseRecords(records, (r) => r.record, options, baseId).articles
  }
  if (format === 'markdown') {
    let parts
    try {
      parts = splitFrontMatter(text)
    } catch (error) {
      return fail(options, `invalid front matter: ${(error as Error).message}`, error)
    }
    let fields: ExplicitFields
    try {
      fields = explicitFields(parts.frontMatter, options.fields, options.facets)
    } catch (error) {
      return fail(options, (error as Error).message, error)
    }
    const heading = fields.title === undefined ? firstHeading(parts.body) : undefined
    const markdown = heading === undefined ? parts.body : parts.body.replace(/^[ \t]{0,3}#[ \t]+.+$/m, '')
    const withTitle: ExplicitFields = heading === undefined ? fields : { ...fields, title: markdownToText(heading).trim() }
    return [assemble(withTitle, markdownToText(markdown), options, baseId ?? 'article')]
  }
  const { fields, body } = parseSeedHeader(text)
  let explicit: ExplicitFields
  try {
    explicit = explicitFields(fields, options.fields, options.facets)
  } catch (error) {
    return fail(options, (error as Error).message, error)
  }
  return [assemble(explicit, body, options, baseId ?? 'article')]
}

/** Parses one article (see `parseArticles`); throws `E_PARSE` if the text holds several. */
export function parseArticle(text: string, options: ParseOptions = {}): Article {
  const articles = parseArticles(text, options)
  if (articles.length !== 1) fail(options, `expected one article, found ${articles.length}; use parseArticles()`)
  return articles[0]!
}
