import { watch, type FSWatcher } from 'node:fs'
import { dirname, resolve, sep } from 'node:path'

/** A directory to watch, and whether its subdirectories are watched too. */
export interface WatchRoot {
  dir: string
  recursive: boolean
}

/** Characters that make a glob pattern segment dynamic. */
const GLOB = /[*?[\]{}()!]/

/**
 * Where the files of fast-glob patterns can change: the static start of each dynamic pattern
 * (`news/**\/*.md` → `news`, recursively), and the directory of each plain path (not recursively).
 */
export function watchRoots(patterns: readonly string[], cwd: string): WatchRoot[] {
  const roots = new Map<string, WatchRoot>()
  for (const pattern of patterns) {
    const segments = pattern.replace(/\\/g, '/').split('/')
    const dynamic = segments.findIndex((segment) => GLOB.test(segment))
    const root = dynamic < 0 ? { dir: dirname(resolve(cwd, pattern)), recursive: false } : { dir: resolve(cwd, segments.slice(0, dynamic).join('/') || '.'), recursive: true }
    const known = roots.get(root.dir)
    if (!known || (root.recursive && !known.recursive)) roots.set(root.dir, root)
  }
  return [...roots.values()]
}

/** Options of `watchInputs()`. */
export interface WatchOptions {
  /** Paths whose changes are not inputs (the index written, its parts, the cache). Default none. */
  ignore?: (path: string) => boolean
  /** Milliseconds without a change before a rebuild starts. Default 150. */
  debounceMs?: number
  /** Stops watching. Default none: until the process ends. */
  signal?: AbortSignal
}

/**
 * Calls `rebuild` after changes under the roots, once they have settled for `debounceMs`; a change
 * during a rebuild brings one more rebuild after it, never two at once. Uses `fs.watch` (recursive
 * on Linux since Node 20). Resolves when `signal` aborts.
 */
export function watchInputs(roots: readonly WatchRoot[], rebuild: () => Promise<unknown>, options: WatchOptions = {}): Promise<void> {
  const { ignore = () => false, debounceMs = 150, signal } = options
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | null = null
  let again = false
  const run = (): void => {
    if (running) {
      again = true
      return
    }
    running = rebuild().finally(() => {
      running = null
      if (again) {
        again = false
        run()
      }
    })
  }
  const changed = (dir: string, name: string | Buffer | null): void => {
    const path = name === null ? dir : resolve(dir, name.toString())
    if (ignore(path) || path.split(sep).includes('node_modules')) return
    clearTimeout(timer)
    timer = setTimeout(run, debounceMs)
  }
  const watchers: FSWatcher[] = roots.map((root) => watch(root.dir, { recursive: root.recursive }, (_event, name) => changed(root.dir, name)))
  return new Promise((done) => {
    const stop = (): void => {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      void Promise.resolve(running).then(() => done())
    }
    if (signal?.aborted) stop()
    else signal?.addEventListener('abort', stop, { once: true })
  })
}
