import { createHash } from 'node:crypto'
import type { Stats } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { deserialize, serialize } from 'node:v8'
import { parseArticles, type ParseOptions } from '../article/parse-article.js'
import { NewsdexError } from '../errors.js'
import { StringTable, type AnalysisTables, type AnalyzedArticle } from '../engine/store/analyzed-text.js'
import type { Article } from '../types.js'
import { packAnalyses, unpackAnalyses, type PackedAnalyses } from './packed-analyses.js'
import { VERSION } from './version.js'
import { crcOf, knowCrc, sectionList } from '../engine/store/store-encoder.js'
import type { EncodedSnapshot } from '../engine/store/store-patcher.js'
import { writeFileAtomic } from './write-index.js'

/** One thing parsing a file reported, in order, as the cache replays it. */
type ParseEvent =
  | { kind: 'record'; done: number; total: number; article?: Article; where: string }
  | { kind: 'skip' | 'error'; message: string; where: string }

/** What parsing one file gave: its content hash, what it reported, and what it returned or threw. */
interface CachedParse {
  hash: string
  /**
   * The file's `[size, mtimeMs, ctimeMs, ino]` when its content was last read, and the time it was
   * read then (`Date.now()`): a file with the same four is not read again (see `isFresh`).
   */
  stat?: number[]
  events: ParseEvent[]
  /** The articles returned, when no record was reported one by one (a single-article file). */
  parsed: Article[]
  /** The message of the `E_PARSE` error thrown instead. */
  failure?: string
}

/**
 * The cache file's content (`v8.serialize`d): per file its parse, and the analyses of every file's
 * articles in order, packed, numbering in the tables `terms` and `gaps`.
 */
interface CacheFile {
  format: string
  fingerprint: string
  terms: string[]
  gaps: string[]
  files: [path: string, parse: CachedParse][]
  analyses: PackedAnalyses
  /** The last build's encoded index, and the CRC-32 of each of its sections (in `sectionList` order). */
  snapshot?: { encoded: EncodedSnapshot; crcs: number[] }
}

/** The cache file's layout; another layout (or newsdex version, or parse options) starts empty. */
const FORMAT = 'newsdex-build-cache-2'

/** What a cache file starts with, before the SHA-1 of the rest (the `v8.serialize`d `CacheFile`). */
const HEADER = Buffer.from(`${FORMAT}\n`)

/** Options of a `BuildCache`. */
export interface BuildCacheOptions {
  /**
   * Milliseconds within which a file changed (its mtime or ctime) before it was last read is read
   * again rather than trusted on its stat: file systems record times in steps (up to 2 s), so a file
   * changed twice within one step, the same size, keeps its stat. Default 2000.
   */
  racyMs?: number
}

/** Handlers of `ParseOptions` the cache records and replays. */
type Handlers = Required<Pick<ParseOptions, 'onError' | 'onSkip' | 'onRecord'>>

/**
 * What parsing, extraction and analysis gave for each input file, keyed by its path and content
 * hash, so that a build parses only the files that changed: `buildIndex({ cache })`. Kept in memory
 * across builds (as `newsdex build --watch` does), or saved to a file between them (`--cache
 * <file>`). A file whose size, mtime, ctime and inode are those recorded when it was last read is
 * not read again (unless it changed within `racyMs` of that read); the articles of unchanged files
 * are indexed again, but not parsed, extracted or analyzed again. A cache made with other parse
 * options (fields, facets, country, site), another analyzer or another newsdex version is emptied.
 */
export class BuildCache {
  #files = new Map<string, CachedParse>()
  /** The files of the current build: what stays after it. */
  #seen = new Map<string, CachedParse>()
  #fingerprint = ''
  /** Files parsed and replayed since the build began, and files read. */
  #counts = { parsed: 0, reused: 0, read: 0 }
  /** Whether the last build parsed a file or dropped one: whether its result may differ from the one before. */
  #changed = true
  /** Whether the cache holds something its file does not (a parse, an analysis, a file's stat). */
  #unsaved = true
  #racyMs: number
  /** The tables that the analyses number terms and separators in. */
  #tables: AnalysisTables = { terms: new StringTable(), gaps: new StringTable() }
  /** Each cached article's analysis. */
  #analyses = new WeakMap<Article, AnalyzedArticle>()
  /** The encoded index of the last build, which the next one patches. */
  #snapshot: EncodedSnapshot | undefined

  /** An empty cache. An invalid `racyMs` throws `E_INVALID_ARGUMENT`. */
  constructor(options: BuildCacheOptions = {}) {
    const racyMs = options.racyMs ?? 2000
    if (typeof racyMs !== 'number' || !(racyMs >= 0)) throw new NewsdexError('E_INVALID_ARGUMENT', `invalid racyMs: ${String(racyMs)} (milliseconds, 0 or more)`)
    this.#racyMs = racyMs
  }

  /**
   * A cache saved by `save()`; an empty one when the file is missing, damaged, or not a cache of
   * this newsdex (it is then written anew by the next save).
   */
  static async load(file: string, options: BuildCacheOptions = {}): Promise<BuildCache> {
    const cache = new BuildCache(options)
    let data: CacheFile
    try {
      const bytes = await readFile(file)
      const payload = bytes.subarray(HEADER.length + 20)
      // A damaged file (a byte changed inside an article's text still deserializes) is not used.
      if (!bytes.subarray(0, HEADER.length).equals(HEADER) || !bytes.subarray(HEADER.length, HEADER.length + 20).equals(createHash('sha1').update(payload).digest())) return cache
      data = deserialize(payload) as CacheFile
      if (!isCacheFile(data)) return cache
    } catch {
      return cache
    }
    const tables = { terms: new StringTable(data.terms), gaps: new StringTable(data.gaps) }
    const analyses = unpackAnalyses(data.analyses, tables)
    const articles = data.files.flatMap(([, entry]) => articlesOf(entry))
    if (!analyses || analyses.length !== articles.length) return cache
    cache.#fingerprint = data.fingerprint
    cache.#tables = tables
    for (const [path, entry] of data.files) cache.#files.set(path, entry)
    articles.forEach((article, i) => {
      if (analyses[i]) cache.#analyses.set(article, analyses[i])
    })
    if (data.snapshot && isSnapshot(data.snapshot)) {
      const { encoded, crcs } = data.snapshot
      // The file's SHA-1 checked every byte: its sections' checksums are not computed again.
      sectionList(encoded.sections, true).forEach((bytes, i) => knowCrc(bytes, crcs[i]!))
      cache.#snapshot = encoded
    }
    cache.#unsaved = false
    return cache
  }

  /** Writes the files of the last build, with their articles' analyses, to `file`, atomically. */
  async save(file: string): Promise<void> {
    const data: CacheFile = {
      format: FORMAT,
      fingerprint: this.#fingerprint,
      terms: this.#tables.terms.strings,
      gaps: this.#tables.gaps.strings,
      files: [...this.#files],
      analyses: packAnalyses(
        [...this.#files.values()].flatMap((entry) =>
          articlesOf(entry).map((article) => {
            const analysis = this.#analyses.get(article)
            return analysis?.tables === this.#tables ? analysis : null
          }),
        ),
        this.#tables,
      ),
      ...(this.#snapshot ? { snapshot: { encoded: this.#snapshot, crcs: sectionList(this.#snapshot.sections, true).map(crcOf) } } : {}),
    }
    const payload = serialize(data)
    // Not flushed to the disk (50 MB on Reuters, seconds on a busy disk): a file cut short by a crash fails its hash and is ignored.
    await writeFileAtomic(file, [HEADER, createHash('sha1').update(payload).digest(), payload], { sync: false })
    this.#unsaved = false
  }

  /** Files held. */
  get size(): number {
    return this.#files.size
  }

  /** Files of the last build that were parsed, and that were taken from the cache. */
  get counts(): { parsed: number; reused: number } {
    return { parsed: this.#counts.parsed, reused: this.#counts.reused }
  }

  /** Files the last build read (the others were trusted on their stat): those parsed, and those whose content was found unchanged. */
  get read(): number {
    return this.#counts.read
  }

  /** Whether the last build parsed a file, or no longer found one: what it built may differ from the build before. */
  get changed(): boolean {
    return this.#changed
  }

  /** Whether the cache holds something that `save()` has not written (or `load()` did not read). */
  get unsaved(): boolean {
    return this.#unsaved
  }

  /**
   * The tables the analyses of this cache number terms and separators in.
   * @internal
   */
  get _tables(): AnalysisTables {
    return this.#tables
  }

  /**
   * The analysis of an article this cache returned, when it has one.
   * @internal
   */
  _analysisOf(article: Article): AnalyzedArticle | undefined {
    return this.#analyses.get(article)
  }

  /**
   * The encoded index of the last build (see `EncodedSnapshot`), which the next build patches; set
   * by the build.
   * @internal
   */
  get _snapshot(): EncodedSnapshot | undefined {
    return this.#snapshot
  }

  set _snapshot(snapshot: EncodedSnapshot | undefined) {
    this.#snapshot = snapshot
    this.#unsaved = true
  }

  /**
   * The content hash of a file of the current build, once parsed or replayed.
   * @internal
   */
  _hashOf(path: string): string | undefined {
    return this.#seen.get(path)?.hash
  }

  /**
   * Keeps an article's analysis (made with `_tables`), for the next builds.
   * @internal
   */
  _keepAnalysis(article: Article, analysis: AnalyzedArticle): void {
    if (this.#analyses.get(article) === analysis) return
    this.#analyses.set(article, analysis)
    this.#unsaved = true
  }

  /**
   * Starts a build with these parse options (what else changes a parse's result: the newsdex version
   * is added). Entries made with other options are dropped.
   * @internal
   */
  begin(options: object): void {
    const fingerprint = JSON.stringify({ version: VERSION, options })
    if (fingerprint !== this.#fingerprint) {
      this.#files = new Map()
      this.#snapshot = undefined
      this.#tables = { terms: new StringTable(), gaps: new StringTable() }
      this.#unsaved = true
    }
    this.#fingerprint = fingerprint
    this.#seen = new Map()
    this.#counts = { parsed: 0, reused: 0, read: 0 }
  }

  /**
   * Ends a build: the files it did not read are dropped.
   * @internal
   */
  end(): void {
    this.#changed = this.#counts.parsed > 0 || this.#counts.reused < this.#files.size
    if (this.#changed) this.#unsaved = true
    this.#files = this.#seen
  }

  /**
   * Whether a file can be taken from the cache without reading it: its size, mtime, ctime and inode
   * are those recorded when its content was last read, and it had not changed within `racyMs`
   * before that read. `stat` is the file's, taken at `now`.
   * @internal
   */
  isFresh(path: string, stat: Stats | undefined): boolean {
    const known = this.#files.get(path)?.stat
    if (!stat || !known) return false
    const [size, mtime, ctime, ino, readAt] = known as [number, number, number, number, number]
    return stat.size === size && stat.mtimeMs === mtime && stat.ctimeMs === ctime && stat.ino === ino && Math.max(mtime, ctime) + this.#racyMs <= readAt
  }

  /**
   * `parseArticles(text, options)`, or a replay of it when this path had the same content last time:
   * the same calls of the handlers, the same articles returned, the same `E_PARSE` error thrown.
   * `text` is `null` for a file found fresh (`isFresh`), which is replayed unread. `stat` is the
   * file's, taken at `statAt` before it was read (recorded for the next builds).
   * @internal
   */
  parse(path: string, text: string | null, options: ParseOptions & Handlers, stat?: Stats, statAt = Date.now()): Article[] {
    const cached = this.#files.get(path)
    if (text === null) {
      if (!cached) throw new Error(`${path}: not in the build cache`)
      this.#seen.set(path, cached)
      this.#counts.reused++
      return replay(cached, path, options)
    }
    this.#counts.read++
    const hash = createHash('sha1').update(text).digest('base64')
    const fingerprint = stat ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, statAt] : undefined
    if (cached?.hash === hash) {
      if (fingerprint) {
        cached.stat = fingerprint
        this.#unsaved = true
      }
      this.#seen.set(path, cached)
      this.#counts.reused++
      return replay(cached, path, options)
    }
    this.#counts.parsed++
    const entry: CachedParse = { hash, ...(fingerprint ? { stat: fingerprint } : {}), events: [], parsed: [] }
    // An error of a handler (the index refusing an article) is the build's, not the parse's: not kept.
    let handlerFailed = false
    const recorded = <A extends unknown[]>(handler: (...args: A) => void, event: (...args: A) => ParseEvent) => (...args: A): void => {
      entry.events.push(event(...args))
      try {
        handler(...args)
      } catch (error) {
        handlerFailed = true
        throw error
      }
    }
    try {
      entry.parsed = parseArticles(text, {
        ...options,
        onError: recorded(options.onError, (e) => ({ kind: 'error', message: e.message, where: e.path ?? path })),
        onSkip: recorded(options.onSkip, (e) => ({ kind: 'skip', message: e.message, where: e.path ?? path })),
        onRecord: recorded(options.onRecord, (done, total, article, where) => ({ kind: 'record', done, total, ...(article ? { article } : {}), where })),
      })
    } catch (error) {
      if (!handlerFailed && error instanceof NewsdexError && error.code === 'E_PARSE') {
        entry.failure = error.message
        this.#seen.set(path, entry)
      }
      throw error
    }
    // Articles reported one by one are not kept twice.
    if (entry.events.some((e) => e.kind === 'record')) entry.parsed = []
    this.#seen.set(path, entry)
    return entry.parsed
  }
}

/** Calls the handlers as the parse did, and returns (or throws) what it did. */
function replay(cached: CachedParse, path: string, handlers: Handlers): Article[] {
  const articles: Article[] = []
  for (const event of cached.events) {
    if (event.kind === 'record') {
      if (event.article) articles.push(event.article)
      handlers.onRecord(event.done, event.total, event.article, event.where)
    } else {
      const error = new NewsdexError('E_PARSE', event.message, { path: event.where })
      if (event.kind === 'skip') handlers.onSkip(error)
      else handlers.onError(error)
    }
  }
  if (cached.failure !== undefined) throw new NewsdexError('E_PARSE', cached.failure, { path })
  return cached.parsed.length > 0 ? cached.parsed : articles
}

/** The articles an entry gives, in order: those of its records, or those it returned. */
function articlesOf(entry: CachedParse): Article[] {
  const articles: Article[] = []
  for (const event of entry.events) if (event.kind === 'record' && event.article) articles.push(event.article)
  return articles.length > 0 ? articles : entry.parsed
}

/** Whether a snapshot read from a cache file has the shape of one (its bytes were checked by the file's SHA-1). */
function isSnapshot(value: unknown): value is { encoded: EncodedSnapshot; crcs: number[] } {
  const { encoded, crcs } = Object(value) as { encoded?: EncodedSnapshot; crcs?: unknown }
  const sections = encoded?.sections
  const isBytes = (record: unknown): boolean => typeof record === 'object' && record !== null && Object.values(record).every((bytes) => bytes instanceof Uint8Array)
  if (typeof encoded?.options !== 'string' || !isStrings(encoded.keys) || typeof sections?.meta !== 'object' || !isBytes(sections.search) || !isBytes(sections.positions) || !Array.isArray(sections.chunks)) return false
  if (!sections.chunks.every((chunk) => chunk?.display instanceof Uint8Array && isBytes(chunk.text))) return false
  return Array.isArray(crcs) && crcs.length === sectionList(sections, true).length && crcs.every((crc) => typeof crc === 'number')
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string')

/** Whether what a cache file held is a cache of this layout (its analyses are checked as they are unpacked); else it is ignored. */
function isCacheFile(data: unknown): data is CacheFile {
  const d = Object(data) as Partial<CacheFile>
  if (d.format !== FORMAT || typeof d.fingerprint !== 'string' || !isStrings(d.terms) || !isStrings(d.gaps) || !Array.isArray(d.files)) return false
  return d.files.every((file) => {
    if (!Array.isArray(file) || typeof file[0] !== 'string') return false
    const entry = file[1] as CachedParse
    if (typeof entry !== 'object' || entry === null || typeof entry.hash !== 'string' || !Array.isArray(entry.events) || !Array.isArray(entry.parsed)) return false
    return entry.stat === undefined || (Array.isArray(entry.stat) && entry.stat.length === 5 && entry.stat.every((n) => typeof n === 'number'))
  })
}
