import { statSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { isAbsolute, resolve, sep } from 'node:path'
import fg from 'fast-glob'
import { checkFieldMap, type FieldMap } from '../article/fields.js'
import { homeCountryOption, isNdjsonPath, keywordFieldsOption, ndjsonLineParser, parseArticles, type ParseOptions } from '../article/parse-article.js'
import { NewsdexError } from '../errors.js'
import { WritableNewsIndex as NewsIndex } from '../engine/writable-index.js'
import type { Article, NewsIndexOptions } from '../types.js'
import { BuildCache, type FileStat } from './build-cache.js'
import { useNativeCrc32 } from './native-crc.js'
import { pageUrl } from './page-url.js'
import { ChangedWhileRead, ReadError, readLines, readWhole } from './read-input.js'

/** One input file or record that could not be indexed (or, with `strict`, was skipped). */
export interface BuildError {
  /** The file's path, relative to `cwd`; a JSON array element is named `file[i]`. */
  path: string
  /** The 1-based line of an NDJSON record, when the error is about one. */
  line?: number
  message: string
}

/** Progress of a build, reported after each article (record) and after each file. */
export interface BuildProgress {
  /** Files finished. */
  done: number
  /** Files to read. */
  total: number
  /** The file being read (or just finished). */
  path: string
  /** Articles handled so far in every file: indexed, skipped or bad. */
  articles: number
  /** Input bytes handled so far (within a file, in proportion to its records). */
  bytes: number
  /** Bytes of every input file. */
  totalBytes: number
}

/** What `buildIndex()` returns. */
export interface BuildResult {
  /** The articles that were read; call `serialize()` or `writeIndex()`. */
  index: NewsIndex
  /** Every file or record that failed, one each (never the skipped ones, unless `strict`). */
  errors: BuildError[]
  /** Articles skipped because they have no text (no title, no body); `0` with `strict`. */
  skipped: number
}

/** Options of `buildIndex()`. */
export interface BuildIndexOptions {
  /**
   * fast-glob patterns of the input files, relative to `cwd` (or `site`). Required, unless `site` is
   * given: then every `.html` file of the site.
   */
  patterns?: string | string[]
  /** Directory the patterns are relative to. Default `process.cwd()`. */
  cwd?: string
  /**
   * The root of a built site (relative to `cwd`), whose HTML pages are indexed: the patterns are
   * relative to it, and each article's URL is its page's path in it (`/world/rocket/` for
   * `world/rocket/index.html`). Pages with no article are skipped. Default none.
   */
  site?: string
  /** fast-glob patterns of files to skip. Default none (`node_modules` is always skipped). */
  ignore?: string[]
  /** Options of the index that is built. Default `{}`. */
  index?: NewsIndexOptions
  /**
   * The publication's home country, an ISO 3166-1 alpha-2 code (`'US'`): every article's ambiguous and
   * small local places resolve there (see `ParseOptions.country`). Default none: inferred per article
   * from its own places. An invalid code throws `E_INVALID_ARGUMENT` before any file is read.
   */
  country?: string
  /**
   * Which input keys hold which article fields, for JSON, NDJSON and front matter:
   * `{ title: 'headline', body: 'content' }`; a list of keys takes the first present. Default none:
   * the usual spellings. An unknown article field throws `E_INVALID_ARGUMENT` before any file is read.
   */
  fields?: FieldMap
  /**
   * Custom keyword fields, filterable and facetable like `source` (`['category']`): read from the
   * input keys of these names (a string is one value, a list several) and added to the index's
   * `facets` option. Default none. A name the index refuses throws `E_INVALID_ARGUMENT` before any
   * file is read.
   */
  facets?: string[]
  /**
   * Whether an article with no text (no title, no body: an empty record or file) is an error in
   * `errors`. Default `false`: it is skipped and counted in `skipped`.
   */
  strict?: boolean
  /**
   * Parse results to reuse: a `BuildCache` kept in memory across builds, or the path of a cache file
   * (relative to the working directory; read at the start, what changed appended at the end). Only
   * the files whose content changed are parsed and extracted again (an NDJSON file is then read
   * whole, not as it is parsed). The index is encoded before `buildIndex` returns (`serialize()` and
   * `serializeParts()` with the default chunk size use that encoding while it is unchanged), patched
   * from the last build's when only articles in place changed; its postings are made only when it
   * is searched or changed. Default none.
   */
  cache?: string | BuildCache
  /** Called after each article (record) and after each file. Default none. */
  onProgress?: (progress: BuildProgress) => void
}

/** The message without its leading `path: ` (the error list names the path apart). */
function withoutPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message
}

/** The error of a record at `where` (`file`, `file:12` for an NDJSON line, `file[3]`), line apart. */
function recordError(where: string, file: string, message: string): BuildError {
  const line = where.startsWith(`${file}:`) ? Number(where.slice(file.length + 1)) : NaN
  const text = withoutPath(message, where)
  return Number.isInteger(line) && line > 0 ? { path: file, line, message: text } : { path: where, message: text }
}

/**
 * What the cache needs of a file's stat, or `undefined` when it cannot be had (the read then reports
 * why): the four numbers, not the `fs.Stats` (kept for every file until the build ends, 21,578 of
 * them took 18 MB on Reuters split into a file per article).
 */
function statOrUndefined(path: string): FileStat | undefined {
  try {
    const stat = statSync(path)
    return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino }
  } catch {
    return undefined
  }
}

/** Articles parsed before they are indexed together. */
const CHUNK = 256

/** Whole files read ahead of the one being parsed (NDJSON files are read as they are parsed instead). */
const READ_AHEAD = 16

/** Reads of a file that keeps changing while it is read, before it is reported and skipped. */
export const READ_ATTEMPTS = 3

/** A file's read, started ahead of its turn: its text, or why it could not be read. */
type WholeRead = Promise<{ text: string } | { error: ReadError }>

/** What indexing one file added and found; merged into the build's only when the file is done with. */
interface FileOutcome {
  added: Set<string>
  errors: BuildError[]
  skipped: number
}

/**
 * Finds files with fast-glob, parses each into articles and indexes them. Never stops at a bad file
 * or record: each one is reported in `errors` (as is a pattern list that matches nothing), and the
 * rest are indexed. Articles with no text are skipped and counted (`skipped`), or errors if `strict`.
 *
 * Memory: the index, plus at most `READ_AHEAD` whole files read ahead (an NDJSON file is read
 * `READ_CHUNK_BYTES` at a time instead) and `CHUNK` parsed articles not yet indexed. No parsed
 * article is kept once indexed (see DESIGN.md, "Build and CLI").
 */
export async function buildIndex(options: BuildIndexOptions): Promise<BuildResult> {
  useNativeCrc32()
  const country = homeCountryOption(options.country)
  let fields: FieldMap
  try {
    fields = checkFieldMap(options.fields)
  } catch (error) {
    throw new NewsdexError('E_INVALID_ARGUMENT', (error as Error).message, { cause: error })
  }
  const cwd = resolve(options.cwd ?? process.cwd(), options.site ?? '')
  if (options.patterns === undefined && options.site === undefined) {
    throw new NewsdexError('E_INVALID_ARGUMENT', 'buildIndex needs patterns of input files, or a site')
  }
  const given = options.patterns ?? '**/*.html'
  const patterns = Array.isArray(given) ? given : [given]
  const facets = keywordFieldsOption(options.facets)
  const index = new NewsIndex({ ...options.index, facets: [...(options.index?.facets ?? []), ...facets] })
  const errors: BuildError[] = []
  let skipped = 0
  const paths = (await fg(patterns, { cwd, ignore: ['**/node_modules/**', ...(options.ignore ?? [])], onlyFiles: true, dot: false })).sort()
  if (paths.length === 0) {
    errors.push({ path: patterns.join(' '), message: `no files match in ${cwd}` })
    return { index, errors, skipped }
  }
  const cache = typeof options.cache === 'string' ? await BuildCache.load(options.cache) : options.cache
  cache?.begin({ fields, facets: index.options.facets, country, site: options.site !== undefined, analyzer: index.options.analyzer })
  // With a cache, each file's stat: a file whose stat the cache recorded is not read (see BuildCache.isFresh).
  const statAt = Date.now()
  // The path as the system takes it (`resolve` normalizes it, which cost 14 MB of strings for 21,578 files).
  const stats = cache ? paths.map((path) => statOrUndefined(isAbsolute(path) ? path : `${cwd}${sep}${path}`)) : []
  const fresh = paths.map((path, i) => cache?.isFresh(path, stats[i]) ?? false)
  const onProgress = options.onProgress
  const sizes = cache ? stats.map((s) => s?.size ?? 0) : onProgress ? await Promise.all(paths.map((path) => stat(resolve(cwd, path)).then((s) => s.size, () => 0))) : []
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0)
  const parseOptions = (path: string, file: FileOutcome): ParseOptions & Required<Pick<ParseOptions, 'onError' | 'onSkip'>> => ({
    path,
    fields,
    facets: index.options.facets,
    ...(options.site !== undefined ? { url: pageUrl(path) } : {}),
    ...(country ? { country } : {}),
    onError: (error) => file.errors.push(recordError(error.path ?? path, path, error.message)),
    onSkip: (error) => {
      if (options.strict) file.errors.push(recordError(error.path ?? path, path, error.message))
      else file.skipped++
    },
  })
  let done = 0
  let articles = 0
  let bytes = 0
  /** With a cache, the file of each article added, by id. */
  const fileOf = new Map<string, string>()

  /**
   * Indexes one article of `path`; an id of another file fails the whole file (which is added
   * atomically), an id repeated within the file fails the record.
   */
  const add = (file: FileOutcome, path: string, article: Article, where: string): void => {
    if (index.has(article.id)) {
      if (!file.added.has(article.id)) throw new Error(`article id '${article.id}' is already used by another file`)
      file.errors.push(recordError(where, path, `article id '${article.id}' is used twice in this file`))
      return
    }
    try {
      // With a cache, the article's analysis is taken from it (or made and kept in it).
      // Their postings are made only if the index is searched or encoded whole (see `_encodeAhead`).
      if (cache) {
        cache._keepAnalysis(article, index._addAnalyzed(article, cache._tables, cache._analysisOf(article), true), path)
        fileOf.set(article.id, path)
      } else index.add(article)
      file.added.add(article.id)
    } catch (error) {
      if (!(error instanceof NewsdexError)) throw error
      file.errors.push(recordError(where, path, error.message))
    }
  }

  /**
   * A file of one or more articles, already read (or `null`: unread, its stat found fresh in the
   * cache): parsed, and its records indexed 256 at a time.
   */
  const indexText = (path: string, text: string | null, size: number, file: FileOutcome, stat?: FileStat): void => {
    let records = 0
    const pending: [Article, string][] = []
    const first = articles
    const parse = (options: Parameters<BuildCache['parse']>[2]): Article[] => (cache ? cache.parse(path, text, options, stat, statAt) : parseArticles(text!, options))
    const parsed = parse({
      ...parseOptions(path, file),
      onRecord: (n, total, article, where) => {
        if (article) pending.push([article, where])
        if (pending.length < CHUNK && n < total) return
        // Indexed in chunks as they are parsed: per article, parse and index would evict each
        // other's data from the caches (15% slower on Reuters); per file, progress would stall.
        for (const [a, w] of pending) {
          add(file, path, a, w)
          articles++
          onProgress?.({ done, total: paths.length, path, articles, bytes: bytes + Math.round((size * (articles - first)) / total), totalBytes })
        }
        pending.length = 0
        articles = first + n
        records = n
      },
    })
    // A single-article file reports no record: its article is indexed here.
    if (records === 0) {
      for (const article of parsed) add(file, path, article, path)
      articles++
    }
  }

  /** An NDJSON file, parsed and indexed as it is read, 256 records at a time. */
  const indexLines = async (path: string, file: FileOutcome): Promise<void> => {
    const parse = ndjsonLineParser(parseOptions(path, file))
    const pending: [Article, string, number][] = []
    let records = 0
    const flush = (): void => {
      for (const [article, where, read] of pending) {
        add(file, path, article, where)
        articles++
        onProgress?.({ done, total: paths.length, path, articles, bytes: bytes + read, totalBytes })
      }
      pending.length = 0
      articles = first + records
    }
    const first = articles
    for await (const { line, n, bytes: read } of readLines(resolve(cwd, path))) {
      const article = parse(line, n)
      if (line.trim() !== '') records++
      if (article) pending.push([article, `${path}:${n}`, read])
      if (pending.length >= CHUNK) flush()
    }
    flush()
  }

  /** Reads and indexes one file, again when it changed during the read; returns what it added and found. */
  const indexFile = async (i: number, ahead: WholeRead | undefined): Promise<FileOutcome> => {
    const [path, size] = [paths[i]!, sizes[i] ?? 0]
    for (let attempt = 1; ; attempt++) {
      const file: FileOutcome = { added: new Set(), errors: [], skipped: 0 }
      const first = articles
      try {
        if (fresh[i]) {
          indexText(path, null, size, file)
        } else if (ahead) {
          const read = await ahead
          if ('error' in read) throw read.error
          indexText(path, read.text, size, file, stats[i])
        } else {
          await indexLines(path, file)
        }
        return file
      } catch (error) {
        // What the file added goes, so that it is added whole or not at all.
        for (const id of file.added) index.remove(id)
        if (error instanceof ChangedWhileRead && attempt < READ_ATTEMPTS) {
          articles = first
          ahead &&= readAhead(path)
          continue
        }
        // A file that failed counts as one article handled, unless its records were counted.
        if (articles === first) articles++
        const message = error instanceof ChangedWhileRead ? `${error.message}, ${READ_ATTEMPTS} times; skipped` : error instanceof ReadError ? `cannot read the file: ${error.message}` : withoutPath((error as Error).message, path)
        return { added: new Set(), errors: [{ path, message }], skipped: 0 }
      }
    }
  }

  const readAhead = (path: string): WholeRead => readWhole(resolve(cwd, path)).then((text) => ({ text }), (error: unknown) => ({ error: error instanceof ReadError ? error : new ReadError(String(error)) }))
  const ahead = new Map<number, WholeRead>()
  for (let i = 0; i < paths.length; i++) {
    for (let j = i; j < Math.min(paths.length, i + READ_AHEAD); j++) {
      // NDJSON is parsed as it is read, unless a cache keeps parses by the file's whole content.
      if (!ahead.has(j) && !fresh[j] && (cache || !isNdjsonPath(paths[j]!))) ahead.set(j, readAhead(paths[j]!))
    }
    const path = paths[i]!
    const outcome = await indexFile(i, ahead.get(i))
    ahead.delete(i)
    errors.push(...outcome.errors)
    skipped += outcome.skipped
    bytes += sizes[i] ?? 0
    onProgress?.({ done: ++done, total: paths.length, path, articles, bytes, totalBytes })
  }
  cache?.end()
  // The index encoded now, patched from the last build's when only articles in place changed; kept for the next build.
  if (cache) {
    const snapshot = index._encodeAhead((id) => `${fileOf.get(id)}\n${cache._hashOf(fileOf.get(id)!)}\n${id}`, cache._snapshot)
    if (snapshot.sections !== cache._snapshot?.sections) cache._snapshot = snapshot
  }
  if (typeof options.cache === 'string' && cache!.unsaved) await cache!.save(options.cache)
  return { index, errors, skipped }
}
