import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { parseArticles, type ParseOptions } from '../article/parse-article.js'
import { NewsdexError } from '../errors.js'
import type { Article } from '../types.js'
import { VERSION } from './version.js'
import { writeFileAtomic } from './write-index.js'

/** One thing parsing a file reported, in order, as the cache replays it. */
type ParseEvent =
  | { kind: 'record'; done: number; total: number; article?: Article; where: string }
  | { kind: 'skip' | 'error'; message: string; where: string }

/** What parsing one file gave: its content hash, what it reported, and what it returned or threw. */
interface CachedParse {
  hash: string
  events: ParseEvent[]
  /** The articles returned, when no record was reported one by one (a single-article file). */
  parsed: Article[]
  /** The message of the `E_PARSE` error thrown instead. */
  failure?: string
}

/** The cache file's layout; another layout (or newsdex version, or parse options) starts empty. */
const FORMAT = 'newsdex-build-cache-1'

/** Handlers of `ParseOptions` the cache records and replays. */
type Handlers = Required<Pick<ParseOptions, 'onError' | 'onSkip' | 'onRecord'>>

/**
 * What parsing and extraction gave for each input file, keyed by its path and content hash, so that
 * a build parses only the files that changed: `buildIndex({ cache })`. Kept in memory across builds
 * (as `newsdex build --watch` does), or saved to a file between them (`--cache <file>`). The
 * articles of unchanged files are indexed again, but not parsed or extracted again. A cache made
 * with other parse options (fields, facets, country, site) or another newsdex version is emptied.
 */
export class BuildCache {
  #files = new Map<string, CachedParse>()
  /** The files of the current build: what stays after it. */
  #seen = new Map<string, CachedParse>()
  #fingerprint = ''
  /** Files parsed and replayed since the build began. */
  #counts = { parsed: 0, reused: 0 }
  /** Whether the last build parsed a file or dropped one: whether its result may differ from the one before. */
  #changed = true

  /** A cache saved by `save()`; an empty one when the file is missing or not a cache of this newsdex. */
  static async load(file: string): Promise<BuildCache> {
    const cache = new BuildCache()
    let data: { format?: unknown; fingerprint?: unknown; files?: unknown }
    try {
      data = Object(JSON.parse(await readFile(file, 'utf8')))
    } catch {
      return cache
    }
    if (data.format !== FORMAT || typeof data.fingerprint !== 'string' || typeof data.files !== 'object' || data.files === null) return cache
    cache.#fingerprint = data.fingerprint
    cache.#files = new Map(Object.entries(data.files as Record<string, CachedParse>))
    return cache
  }

  /** Writes the files of the last build to `file`, atomically. */
  async save(file: string): Promise<void> {
    const data = { format: FORMAT, fingerprint: this.#fingerprint, files: Object.fromEntries(this.#files) }
    await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(data)))
  }

  /** Files held. */
  get size(): number {
    return this.#files.size
  }

  /** Files of the last build that were parsed, and that were taken from the cache. */
  get counts(): { parsed: number; reused: number } {
    return { ...this.#counts }
  }

  /** Whether the last build parsed a file, or no longer found one: what it built may differ from the build before. */
  get changed(): boolean {
    return this.#changed
  }

  /**
   * Starts a build with these parse options (what else changes a parse's result: the newsdex version
   * is added). Entries made with other options are dropped.
   * @internal
   */
  begin(options: object): void {
    const fingerprint = JSON.stringify({ version: VERSION, options })
    if (fingerprint !== this.#fingerprint) this.#files = new Map()
    this.#fingerprint = fingerprint
    this.#seen = new Map()
    this.#counts = { parsed: 0, reused: 0 }
  }

  /**
   * Ends a build: the files it did not read are dropped.
   * @internal
   */
  end(): void {
    this.#changed = this.#counts.parsed > 0 || this.#counts.reused < this.#files.size
    this.#files = this.#seen
  }

  /**
   * `parseArticles(text, options)`, or a replay of it when this path had the same content last time:
   * the same calls of the handlers, the same articles returned, the same `E_PARSE` error thrown.
   * @internal
   */
  parse(path: string, text: string, options: ParseOptions & Handlers): Article[] {
    const hash = createHash('sha1').update(text).digest('base64')
    const cached = this.#files.get(path)
    if (cached?.hash === hash) {
      this.#seen.set(path, cached)
      this.#counts.reused++
      return replay(cached, path, options)
    }
    this.#counts.parsed++
    const entry: CachedParse = { hash, events: [], parsed: [] }
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
