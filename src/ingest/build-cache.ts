import { createHash } from 'node:crypto'
import { appendFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { parseArticles, type ParseOptions } from '../article/parse-article.js'
import { NewsdexError } from '../errors.js'
import { StringTable, type AnalysisTables, type AnalyzedArticle } from '../engine/store/analyzed-text.js'
import type { Article } from '../types.js'
import { packAnalyses, unpackAnalyses, type PackedAnalyses } from './packed-analyses.js'
import { packValues, unpackValues, type PackedValues } from './packed-values.js'
import { readEarlyOrNow } from './read-early.js'
import { VERSION } from './version.js'
import { crcOf, knowCrc } from '../engine/store/section-crc.js'
import { nativeCrc32 } from './native-crc.js'
import type { EncodedSections } from '../engine/store/store-encoder.js'
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
 * One record of the cache file (`v8.serialize`d): the first holds the whole cache, each next one
 * what changed since the record before: files parsed again or read again (with their articles'
 * analyses, packed, numbering in the tables, whose new strings it appends), files dropped, and the
 * sections of the encoded index that changed.
 */
interface CacheRecord {
  fingerprint: string
  /** The tables' lengths before this record's strings are appended (0 in the first record). */
  termsFrom: number
  gapsFrom: number
  terms: string[]
  gaps: string[]
  /** The files' paths and entries, one after the other (`[path, entry, path, entry, …]`), packed. */
  files: PackedValues
  dropped: string[]
  /** The analyses of the articles of `files`, in order. */
  analyses: PackedAnalyses
  snapshot?: SnapshotRecord
}

/** The encoded index of the last build, in a record: its sections that changed since the record before (all in the first). */
interface SnapshotRecord {
  options: string
  meta: EncodedSections['meta']
  /** Each document's key; with `keyChanges`, only those that changed, `[place, key]` (the same number of documents). */
  keys?: string[]
  keyChanges?: [number, string][]
  /** The names of every section, in order (`search.<name>`, `positions.<name>`, `<chunk>.display`, `<chunk>.<name>`). */
  names: string[]
  /** The sections that changed, with their CRC-32. */
  changed: [name: string, bytes: Uint8Array, crc: number][]
}

/** The cache file's layout; another layout (or newsdex version, or parse options) starts empty. */
const FORMAT = 'newsdex-build-cache-5'

/**
 * What a cache file starts with; then records, each its payload's length and a CRC-32 (4 bytes
 * each, little-endian), and the payload. The CRC-32 is that of every payload so far (it goes on from
 * the record before's: half the time of a SHA-1 of the payload, 45 against 85 ms for 80 MB). Records are
 * appended; a record that does not check (cut short by a crash, or appended by another build to
 * another state of the file) ends the file there.
 */
const HEADER = Buffer.from(`${FORMAT}\n`)
/** The bytes before a record's payload: its length and CRC-32. */
const RECORD_HEAD = 8

/** Whether the file's records after the first have grown past this many times its first one's size: then it is written whole again. */
const COMPACT_RATIO = 1

/** An encoded index's sections by name (see `SnapshotRecord.names`), in order. */
function namedSections(sections: EncodedSections): [string, Uint8Array][] {
  return [
    ...Object.entries(sections.search).map(([name, bytes]): [string, Uint8Array] => [`search.${name}`, bytes]),
    ...Object.entries(sections.positions).map(([name, bytes]): [string, Uint8Array] => [`positions.${name}`, bytes]),
    ...sections.chunks.flatMap((chunk, c) => [[`${c}.display`, chunk.display] as [string, Uint8Array], ...Object.entries(chunk.text).map(([name, bytes]): [string, Uint8Array] => [`${c}.${name}`, bytes])]),
  ]
}

/** The sections named by `namedSections`, back in their places; `undefined` when one is missing. */
function sectionsFromNames(meta: EncodedSections['meta'], names: readonly string[], byName: Map<string, Uint8Array>): EncodedSections | undefined {
  const sections: EncodedSections = { meta, search: {}, positions: {}, chunks: [] }
  for (const name of names) {
    const bytes = byName.get(name)
    const dot = name.indexOf('.')
    if (!bytes || dot < 0) return undefined
    const [head, rest] = [name.slice(0, dot), name.slice(dot + 1)]
    if (head === 'search') sections.search[rest] = bytes
    else if (head === 'positions') sections.positions[rest] = bytes
    else {
      const c = Number(head)
      if (!Number.isInteger(c) || c < 0 || c > sections.chunks.length) return undefined
      if (c === sections.chunks.length) {
        if (rest !== 'display') return undefined
        sections.chunks.push({ display: bytes, text: {} })
      } else sections.chunks[c]!.text[rest] = bytes
    }
  }
  return sections
}

/** What a cache file holds, as a cache read or wrote it last (see `BuildCache.save`). */
interface CacheFileState {
  path: string
  /** Its length, up to the end of its last record that checks. */
  length: number
  /** The CRC-32 of its records (see `RECORD_HEAD`). */
  digest: number
  /** The size of its first record's payload. */
  first: number
  /** The lengths of the tables. */
  terms: number
  gaps: number
  /** The encoded index's sections by name, and its documents' keys. */
  sections: Map<string, Uint8Array>
  keys: string[]
}

/** What the cache keeps of a file's stat (a `fs.Stats` has these, and about 800 bytes more). */
export type FileStat = Readonly<{ size: number; mtimeMs: number; ctimeMs: number; ino: number }>

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
  /**
   * The cache file this cache read or wrote last, as it left it: its path, length, last record's
   * CRC-32, first record's size, and what of the cache it holds (table lengths, sections, keys).
   */
  #file: CacheFileState | undefined
  /** Files whose entry changed since the file was read or written, and files dropped since. */
  #dirty = new Set<string>()
  #dropped = new Set<string>()

  /** An empty cache. An invalid `racyMs` throws `E_INVALID_ARGUMENT`. */
  constructor(options: BuildCacheOptions = {}) {
    const racyMs = options.racyMs ?? 2000
    if (typeof racyMs !== 'number' || !(racyMs >= 0)) throw new NewsdexError('E_INVALID_ARGUMENT', `invalid racyMs: ${String(racyMs)} (milliseconds, 0 or more)`)
    this.#racyMs = racyMs
  }

  /**
   * A cache saved by `save()`; an empty one when the file is missing, damaged, or not a cache of
   * this newsdex (it is then written anew by the next save). Records appended after a damaged one
   * (a save cut short) are not read: the cache is as the saves before it left it.
   */
  static async load(file: string, options: BuildCacheOptions = {}): Promise<BuildCache> {
    const cache = new BuildCache(options)
    let bytes: Buffer
    try {
      bytes = await readEarlyOrNow(file)
    } catch {
      return cache
    }
    if (!bytes.subarray(0, HEADER.length).equals(HEADER)) return cache
    let [at, digest, first] = [HEADER.length, 0, 0]
    const state = { sections: new Map<string, Uint8Array>(), keys: [] as string[] }
    while (at + RECORD_HEAD <= bytes.length) {
      const length = bytes.readUInt32LE(at)
      const payload = bytes.subarray(at + RECORD_HEAD, at + RECORD_HEAD + length)
      // A damaged record (a byte changed inside an article's text still deserializes), and those after it, are not used.
      if (payload.length !== length) break
      const next = nativeCrc32(payload, digest)
      if (next !== bytes.readUInt32LE(at + 4)) break
      let record: CacheRecord
      try {
        record = deserialize(payload) as CacheRecord
      } catch {
        break
      }
      // A record that checks but does not apply is not one this code wrote: the whole cache is ignored.
      if (!cache.#apply(record, first === 0, state)) return new BuildCache(options)
      ;[at, digest] = [at + RECORD_HEAD + length, next]
      first ||= length
    }
    if (first === 0) return new BuildCache(options)
    cache.#file = { path: resolve(file), length: at, digest, first, terms: cache.#tables.terms.strings.length, gaps: cache.#tables.gaps.strings.length, ...state }
    cache.#unsaved = false
    return cache
  }

  /** Applies a record read from the cache file (the first one: the whole cache); whether it did. */
  #apply(record: CacheRecord, first: boolean, state: { sections: Map<string, Uint8Array>; keys: string[] }): boolean {
    if (!isRecord(record) || (first ? record.termsFrom !== 0 || record.gapsFrom !== 0 : record.fingerprint !== this.#fingerprint)) return false
    const tables = this.#tables
    if (record.termsFrom !== tables.terms.strings.length || record.gapsFrom !== tables.gaps.strings.length) return false
    for (const term of record.terms) if (tables.terms.number(term) !== tables.terms.strings.length - 1) return false
    for (const gap of record.gaps) if (tables.gaps.number(gap) !== tables.gaps.strings.length - 1) return false
    const files = filesOf(record.files)
    if (!files) return false
    const analyses = unpackAnalyses(record.analyses, tables)
    const articles = files.flatMap(([, entry]) => articlesOf(entry))
    if (!analyses || analyses.length !== articles.length) return false
    this.#fingerprint = record.fingerprint
    for (const path of record.dropped) this.#files.delete(path)
    for (const [path, entry] of files) this.#files.set(path, entry)
    articles.forEach((article, i) => {
      if (analyses[i]) this.#analyses.set(article, analyses[i])
    })
    const snapshot = record.snapshot
    if (snapshot) {
      if (snapshot.keys) state.keys = snapshot.keys
      else if (snapshot.keyChanges) {
        state.keys = [...state.keys]
        for (const [place, key] of snapshot.keyChanges) if (place < state.keys.length) state.keys[place] = key
      }
      // The record's CRC-32 checked every byte: the sections' own are not computed again.
      for (const [name, bytes, crc] of snapshot.changed) {
        state.sections.set(name, bytes)
        knowCrc(bytes, crc)
      }
      const sections = sectionsFromNames(snapshot.meta, snapshot.names, state.sections)
      if (!sections || state.keys.length !== snapshot.meta.documents) return false
      const named = new Set(snapshot.names)
      for (const name of [...state.sections.keys()]) if (!named.has(name)) state.sections.delete(name)
      this.#snapshot = { options: snapshot.options, keys: state.keys, sections }
    }
    return true
  }

  /**
   * Writes the files of the last build, with their articles' analyses and the encoded index, to
   * `file`: what changed since the cache last read or wrote that file is appended to it (a
   * record, checked when read), unless the records appended have grown past the first one's size,
   * or the file is not as this cache left it; then the whole cache is written, atomically. Not
   * flushed to the disk: a record cut short by a crash fails its hash, and it is as if it was not written.
   */
  async save(file: string): Promise<void> {
    const path = resolve(file)
    let known = this.#file?.path === path ? this.#file : undefined
    if (known && known.length - HEADER.length > known.first * (1 + COMPACT_RATIO) + RECORD_HEAD) known = undefined
    if (known) {
      // Appended only to the file this cache read or wrote (not replaced, not grown since).
      const size = await stat(path).then((s) => s.size, () => -1)
      if (size !== known.length) known = undefined
    }
    const named = this.#snapshot ? namedSections(this.#snapshot.sections) : []
    const record = this.#record(known, named)
    const payload = serialize(record)
    const head = Buffer.alloc(RECORD_HEAD)
    const digest = nativeCrc32(payload, known?.digest ?? 0)
    head.writeUInt32LE(payload.length, 0)
    head.writeUInt32LE(digest, 4)
    if (known) {
      try {
        await appendFile(path, Buffer.concat([head, payload]))
      } catch (error) {
        throw new NewsdexError('E_IO', `cannot write ${file}: ${(error as Error).message}`, { cause: error })
      }
    } else {
      // Not flushed to the disk (50 MB on Reuters, seconds on a busy disk): a file cut short by a crash fails its hash and is ignored.
      await writeFileAtomic(file, [HEADER, head, payload], { sync: false })
    }
    this.#file = {
      path,
      length: (known?.length ?? HEADER.length) + RECORD_HEAD + payload.length,
      digest,
      first: known?.first ?? payload.length,
      terms: this.#tables.terms.strings.length,
      gaps: this.#tables.gaps.strings.length,
      sections: new Map(named),
      keys: this.#snapshot?.keys ?? [],
    }
    this.#dirty.clear()
    this.#dropped.clear()
    this.#unsaved = false
  }

  /** What a save writes: everything (no `known` file), or what changed since `known`. */
  #record(known: CacheFileState | undefined, named: [string, Uint8Array][]): CacheRecord {
    const files = known ? [...this.#dirty].flatMap((path): [string, CachedParse][] => (this.#files.has(path) ? [[path, this.#files.get(path)!]] : [])) : [...this.#files]
    const snapshot = this.#snapshot
    const keys = snapshot?.keys ?? []
    const sameCount = known !== undefined && known.keys.length === keys.length
    return {
      fingerprint: this.#fingerprint,
      termsFrom: known?.terms ?? 0,
      gapsFrom: known?.gaps ?? 0,
      terms: this.#tables.terms.strings.slice(known?.terms ?? 0),
      gaps: this.#tables.gaps.strings.slice(known?.gaps ?? 0),
      files: packValues(files.flat()),
      dropped: known ? [...this.#dropped] : [],
      analyses: packAnalyses(
        files.flatMap(([, entry]) =>
          articlesOf(entry).map((article) => {
            const analysis = this.#analyses.get(article)
            return analysis?.tables === this.#tables ? analysis : null
          }),
        ),
        this.#tables,
      ),
      ...(snapshot
        ? {
            snapshot: {
              options: snapshot.options,
              meta: snapshot.sections.meta,
              ...(sameCount ? { keyChanges: keys.flatMap((key, i): [number, string][] => (key === known.keys[i] ? [] : [[i, key]])) } : { keys }),
              names: named.map(([name]) => name),
              changed: named.filter(([name, bytes]) => known?.sections.get(name) !== bytes).map(([name, bytes]): [string, Uint8Array, number] => [name, bytes, crcOf(bytes)]),
            },
          }
        : {}),
    }
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

  /** @internal */
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
   * Keeps an article's analysis (made with `_tables`), for the next builds; `path` is its file's.
   * @internal
   */
  _keepAnalysis(article: Article, analysis: AnalyzedArticle, path: string): void {
    if (this.#analyses.get(article) === analysis) return
    this.#analyses.set(article, analysis)
    // Saved with its file's entry.
    this.#dirty.add(path)
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
      // Nothing of the file is kept: it is written whole.
      this.#file = undefined
      this.#dirty.clear()
      this.#dropped.clear()
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
    for (const path of this.#files.keys()) {
      if (this.#seen.has(path)) continue
      this.#dropped.add(path)
      this.#dirty.delete(path)
    }
    this.#files = this.#seen
  }

  /**
   * Whether a file can be taken from the cache without reading it: its size, mtime, ctime and inode
   * are those recorded when its content was last read, and it had not changed within `racyMs`
   * before that read. `stat` is the file's, taken at `now`.
   * @internal
   */
  isFresh(path: string, stat: FileStat | undefined): boolean {
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
  parse(path: string, text: string | null, options: ParseOptions & Handlers, stat?: FileStat, statAt = Date.now()): Article[] {
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
        this.#dirty.add(path)
        this.#unsaved = true
      }
      this.#seen.set(path, cached)
      this.#counts.reused++
      return replay(cached, path, options)
    }
    this.#counts.parsed++
    this.#dirty.add(path)
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
      const error = withoutStack(() => new NewsdexError('E_PARSE', event.message, { path: event.where }))
      if (event.kind === 'skip') handlers.onSkip(error)
      else handlers.onError(error)
    }
  }
  if (cached.failure !== undefined) throw new NewsdexError('E_PARSE', cached.failure, { path })
  return cached.parsed.length > 0 ? cached.parsed : articles
}

/**
 * An error made with no stack trace: a replayed parse error was not thrown here, and capturing the
 * stack cost 20 ms for the 737 records Reuters skips.
 */
function withoutStack<E extends Error>(make: () => E): E {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** The articles an entry gives, in order: those of its records, or those it returned. */
function articlesOf(entry: CachedParse): Article[] {
  const articles: Article[] = []
  for (const event of entry.events) if (event.kind === 'record' && event.article) articles.push(event.article)
  return articles.length > 0 ? articles : entry.parsed
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string')

/** Whether an entry read from a cache file has the shape of one. */
function isEntry(entry: CachedParse): boolean {
  if (typeof entry !== 'object' || entry === null || typeof entry.hash !== 'string' || !Array.isArray(entry.events) || !Array.isArray(entry.parsed)) return false
  const stat = entry.stat
  if (stat === undefined) return true
  if (!Array.isArray(stat) || stat.length !== 5) return false
  for (let i = 0; i < 5; i++) if (typeof stat[i] !== 'number') return false
  return true
}

/** The files of a record (`[path, entry]`), unpacked; `undefined` when they are not whole or not entries. */
function filesOf(packed: PackedValues): [string, CachedParse][] | undefined {
  const values = unpackValues(packed)
  if (!values || values.length % 2 !== 0) return undefined
  const files: [string, CachedParse][] = []
  for (let i = 0; i < values.length; i += 2) {
    const [path, entry] = [values[i], values[i + 1] as CachedParse]
    if (typeof path !== 'string' || !isEntry(entry)) return undefined
    files.push([path, entry])
  }
  return files
}

/** Whether a record read from a cache file has the shape of one of this layout (its analyses are checked as they are unpacked); else the file is ignored. */
function isRecord(data: unknown): data is CacheRecord {
  const d = Object(data) as Partial<CacheRecord>
  const isCount = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0
  if (typeof d.fingerprint !== 'string' || !isCount(d.termsFrom) || !isCount(d.gapsFrom) || !isStrings(d.terms) || !isStrings(d.gaps) || !isStrings(d.dropped) || typeof d.files !== 'object' || d.files === null) return false
  if (d.snapshot === undefined) return true
  const s = Object(d.snapshot) as Partial<SnapshotRecord>
  const meta = Object(s.meta) as Partial<EncodedSections['meta']>
  if (typeof s.options !== 'string' || !isStrings(s.names) || !isCount(meta.documents) || !isCount(meta.terms) || !isCount(meta.chunkSize) || !isCount(meta.chunks)) return false
  if (s.keys !== undefined ? !isStrings(s.keys) : !Array.isArray(s.keyChanges) || !s.keyChanges.every((c) => Array.isArray(c) && isCount(c[0]) && typeof c[1] === 'string')) return false
  return Array.isArray(s.changed) && s.changed.every((c) => Array.isArray(c) && typeof c[0] === 'string' && c[1] instanceof Uint8Array && typeof c[2] === 'number')
}
