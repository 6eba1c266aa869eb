import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import fg from 'fast-glob'
import { homeCountryOption, parseArticles } from '../article/parse-article.js'
import { WritableNewsIndex as NewsIndex } from '../engine/writable-index.js'
import type { NewsIndexOptions } from '../types.js'

/** One input file that could not be indexed. */
export interface BuildError {
  /** The file's path, relative to `cwd`. */
  path: string
  message: string
}

/** Progress of a build, reported after each file. */
export interface BuildProgress {
  done: number
  total: number
  path: string
}

/** Options of `buildIndex()`. */
export interface BuildIndexOptions {
  /** fast-glob patterns of the input files, relative to `cwd`. */
  patterns: string | string[]
  /** Directory the patterns are relative to. Default `process.cwd()`. */
  cwd?: string
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
  /** Called after each file. Default none. */
  onProgress?: (progress: BuildProgress) => void
}

/** The message without its leading `path: ` (the error list names the path apart). */
function withoutPath(message: string, path: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message
}

/** Files read at once. */
const READ_AHEAD = 16

/**
 * Finds files with fast-glob, parses each into articles and indexes them. Never stops at a bad file:
 * each one is reported in `errors` (as is a pattern list that matches nothing), and the rest are indexed.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<{ index: NewsIndex; errors: BuildError[] }> {
  const country = homeCountryOption(options.country)
  const cwd = resolve(options.cwd ?? process.cwd())
  const patterns = Array.isArray(options.patterns) ? options.patterns : [options.patterns]
  const index = new NewsIndex(options.index)
  const errors: BuildError[] = []
  const paths = (await fg(patterns, { cwd, ignore: ['**/node_modules/**', ...(options.ignore ?? [])], onlyFiles: true, dot: false })).sort()
  if (paths.length === 0) {
    errors.push({ path: patterns.join(' '), message: `no files match in ${cwd}` })
    return { index, errors }
  }
  let done = 0
  for (let start = 0; start < paths.length; start += READ_AHEAD) {
    const batch = paths.slice(start, start + READ_AHEAD)
    const texts = await Promise.all(batch.map((path) => readFile(resolve(cwd, path), 'utf8').catch((error: Error) => error)))
    batch.forEach((path, i) => {
      const text = texts[i]!
      try {
        if (text instanceof Error) throw new Error(`cannot read the file: ${text.message}`)
        const articles = parseArticles(text, {
          path,
          ...(country ? { country } : {}),
          onError: (error) => {
            const where = error.path ?? path
            errors.push({ path: where, message: withoutPath(error.message, where) })
          },
        })
        const taken = articles.find((a) => index.has(a.id))
        if (taken) throw new Error(`article id '${taken.id}' is already used by another file`)
        index.addAll(articles)
      } catch (error) {
        errors.push({ path, message: withoutPath((error as Error).message, path) })
      }
      options.onProgress?.({ done: ++done, total: paths.length, path })
    })
  }
  return { index, errors }
}
