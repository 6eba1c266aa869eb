import { posix, resolve } from 'node:path'
import fg from 'fast-glob'
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import { buildIndex, type BuildIndexOptions } from '../ingest/build-index.js'
import { contentHash, manifestFiles, type ManifestFiles } from '../ingest/manifest.js'

/** Options of the `newsdex()` Vite plugin. */
export interface NewsdexViteOptions extends Omit<BuildIndexOptions, 'patterns' | 'cwd' | 'onProgress'> {
  /** fast-glob patterns of the article files (`'content/news/**\/*.md'`), relative to `cwd`. */
  input: string | string[]
  /** Base name of the files: `news` gives `news.<hash>.json` and `news.<hash>.idx`, `news.display-0.<hash>.idx`… Default `'news'`. */
  output?: string
  /** Directory `input` is relative to. Default Vite's `root`. */
  cwd?: string
  /**
   * Whether a file or record that fails to parse only warns (its articles are left out). Default
   * `false`: it fails `vite build` (in `vite dev`, the last good index stays served either way).
   */
  keepGoing?: boolean
}

/** The event the dev server sends its clients after each rebuild: `import.meta.hot.on('newsdex:update', …)`. */
export interface NewsdexUpdate {
  /** The manifest URL (the same as `virtual:newsdex` exports). */
  url: string
  /** The build fingerprint of the new index. */
  build: string
}

/** The id `import manifestUrl from 'virtual:newsdex'` asks for. */
export const VIRTUAL_ID = 'virtual:newsdex'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
/** Where the dev server serves the index from memory, under Vite's `base`. */
const DEV_PREFIX = '@newsdex/'
/** Milliseconds to wait after a change, so that a burst of changes (a save of many files) rebuilds once. */
const REBUILD_DELAY = 50

/** A build of the index: its files, and the input files it read. */
interface Built extends ManifestFiles {
  inputs: Set<string>
}

/**
 * The newsdex Vite plugin: builds the index of the `input` articles and publishes it split, each
 * part under a content-hashed name with a manifest, for `NewsIndex.open()`.
 *
 * - `vite build` emits the parts and the manifest as assets (`assets/news.<hash>.json`…).
 * - `vite dev` builds in memory and serves them under `<base>@newsdex/`, rebuilds when an input file
 *   changes, is added or removed, and then sends the custom HMR event `newsdex:update`.
 * - `import manifestUrl from 'virtual:newsdex'` gives the manifest's URL, for `NewsIndex.open()`
 *   (types: `/// <reference types="newsdex/vite/client" />`).
 */
export function newsdex(options: NewsdexViteOptions): Plugin {
  const { input, output = 'news', cwd: cwdOption, keepGoing = false, ...buildOptions } = options
  const patterns = Array.isArray(input) ? input : [input]
  if (patterns.length === 0 || patterns.some((pattern) => typeof pattern !== 'string' || pattern === '')) {
    throw new TypeError('newsdex(): `input` must be one or more glob patterns of article files')
  }
  if (!/^[\w.-]+$/.test(output)) throw new TypeError(`newsdex(): \`output\` must be a file base name such as 'news', got '${output}'`)
  let config: ResolvedConfig
  let cwd = ''
  let manifestRef = ''
  let devUrl = ''

  /** The input files, as `buildIndex()` finds them. */
  const inputFiles = async (): Promise<Set<string>> => {
    const files = await fg(patterns, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', ...(buildOptions.ignore ?? [])] })
    return new Set(files.map((file) => resolve(file)))
  }

  /** Builds the index; `fail` reports input errors (it throws unless `keepGoing`). */
  const build = async (fail: (message: string) => void, warn: (message: string) => void): Promise<Built> => {
    const [{ index, errors, skipped }, inputs] = await Promise.all([buildIndex({ ...buildOptions, patterns, cwd }), inputFiles()])
    if (errors.length > 0) {
      const lines = errors.map((error) => `${error.path}${error.line ? `:${error.line}` : ''}: ${error.message}`)
      const message = `newsdex: ${errors.length} error(s) in the articles\n${lines.join('\n')}`
      if (keepGoing) warn(message)
      else fail(message)
    }
    if (skipped > 0) warn(`newsdex: ${skipped} record(s) without text skipped`)
    if (index.size === 0) fail(`newsdex: no articles to index in ${patterns.join(' ')} (from ${cwd})`)
    return { ...manifestFiles(index.serializeParts(), output), inputs }
  }

  return {
    name: 'newsdex',

    configResolved(resolved) {
      config = resolved
      cwd = resolve(config.root, cwdOption ?? '.')
      devUrl = `${config.base.endsWith('/') ? config.base : `${config.base}/`}${DEV_PREFIX}${output}.json`
    },

    async buildStart() {
      if (config.command !== 'build') return
      const built = await build(
        (message) => this.error(message),
        (message) => this.warn(message),
      )
      for (const file of built.inputs) this.addWatchFile(file)
      const dir = config.build.assetsDir
      for (const [file, bytes] of built.files) this.emitFile({ type: 'asset', fileName: posix.join(dir, file), source: bytes })
      manifestRef = this.emitFile({
        type: 'asset',
        fileName: posix.join(dir, `${output}.${contentHash(built.manifestBytes)}.json`),
        source: built.manifestBytes,
      })
    },

    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },

    load(id) {
      if (id !== RESOLVED_ID) return undefined
      // In a build, Vite turns the reference into the asset's URL under `base`.
      const url = config.command === 'build' ? `import.meta.ROLLUP_FILE_URL_${manifestRef}` : JSON.stringify(devUrl)
      return `const manifestUrl = ${url}\nexport default manifestUrl\nexport { manifestUrl }\n`
    },

    configureServer(server) {
      serveFromMemory(server, devUrl, build, inputFiles, patterns, cwd)
    },
  }
}

/**
 * `vite dev`: builds the index into memory, serves it, and rebuilds when an input file changes, is
 * added or removed (one rebuild at a time; a change during a rebuild rebuilds once more after it).
 */
function serveFromMemory(
  server: ViteDevServer,
  manifestUrl: string,
  build: (fail: (message: string) => void, warn: (message: string) => void) => Promise<Built>,
  inputFiles: () => Promise<Set<string>>,
  patterns: string[],
  cwd: string,
): void {
  const logger = server.config.logger
  const prefix = manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1)
  let current: Built | null = null
  let failure: string | null = null
  const attempt = async (): Promise<void> => {
    try {
      current = await build(
        (message) => {
          throw new Error(message)
        },
        (message) => logger.warn(message),
      )
      failure = null
      server.ws.send({ type: 'custom', event: 'newsdex:update', data: { url: manifestUrl, build: current.manifest.build } })
    } catch (error) {
      failure = (error as Error).message
      logger.error(current ? `${failure}\nnewsdex: still serving the index built before` : failure)
    }
  }
  let running = attempt()
  let again = false
  let timer: NodeJS.Timeout | undefined
  const rebuild = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (again) return
      again = true
      running = running.then(() => {
        again = false
        return attempt()
      })
    }, REBUILD_DELAY)
  }

  // Watch the directories the patterns start from (they may lie outside Vite's root).
  for (const task of fg.generateTasks(patterns, { cwd })) server.watcher.add(resolve(cwd, task.base))
  // A changed or removed file matters if the last build read it; an added one if the patterns match it.
  const wasInput = (file: string): void => {
    if (current?.inputs.has(resolve(file))) rebuild()
  }
  server.watcher.on('change', wasInput)
  server.watcher.on('unlink', wasInput)
  server.watcher.on('add', (file) => {
    void inputFiles().then((now) => now.has(resolve(file)) && rebuild())
  })

  server.middlewares.use((req, res, next) => {
    const path = (req.url ?? '').replace(/[?#].*/, '')
    if (!path.startsWith(prefix)) return next()
    void running.then(() => {
      // Names are plain ([\w.-]): no decoding.
      const name = path.slice(prefix.length)
      const built = current
      if (!built) {
        res.statusCode = 500
        res.setHeader('content-type', 'text/plain; charset=utf-8')
        res.end(`newsdex: the index could not be built\n${failure ?? ''}`)
        return
      }
      const isManifest = path === manifestUrl
      const bytes = isManifest ? built.manifestBytes : built.files.get(name)
      if (!bytes) {
        res.statusCode = 404
        res.setHeader('content-type', 'text/plain; charset=utf-8')
        res.end(`newsdex: no ${name} in the current build`)
        return
      }
      res.setHeader('content-type', isManifest ? 'application/json' : 'application/octet-stream')
      // The manifest names the build of the moment; a hashed part never changes.
      res.setHeader('cache-control', isManifest ? 'no-cache' : 'public, max-age=31536000, immutable')
      res.setHeader('content-length', bytes.length)
      res.end(req.method === 'HEAD' ? undefined : bytes)
    })
  })
}
