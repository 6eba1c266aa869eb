/**
 * Where the search box's index runs: in a module worker by default (`dist/ui-worker.js`, beside
 * this module), or on the main thread when workers are turned off (`worker="off"`) or cannot start
 * (no module workers, a script blocked by the site's CSP or missing after bundling).
 */
import type { WorkerReply } from './protocol.js'
import type { IndexInfo, ViewRequest, ViewResponse } from './search-core.js'

/** Runs view requests over one index. */
export interface Searcher {
  /** Resolves once the index is open; rejects with the reason it cannot be. */
  ready: Promise<IndexInfo>
  /**
   * Runs a request; rejects with the signal's reason once the signal aborts. `onPartial` gets the
   * page first when its snippets' text is still being fetched.
   */
  search(request: ViewRequest, signal: AbortSignal, onPartial: (partial: ViewResponse) => void): Promise<ViewResponse>
  /** Ends the worker (a searcher on the main thread is left to the garbage collector). */
  stop(): void
}

/** The worker could not run at all (as opposed to the index failing to open in it). */
const NO_WORKER = 'no worker'

/** A searcher over the index at `src` (an absolute URL). `worker`: `'off'`, a worker script URL, or none for the bundled worker. */
export function connect(src: string, worker: string | null): Searcher {
  if (worker !== 'off') {
    try {
      // Written out in full so that bundlers (Vite, webpack) see and bundle the worker.
      const running = worker ? new Worker(worker, { type: 'module' }) : new Worker(new URL('./ui-worker.js', import.meta.url), { type: 'module' })
      let fallback: Searcher | undefined
      const inWorker = viaWorker(running, src)
      return {
        ready: inWorker.ready.catch((error: Error) => {
          if (error.message !== NO_WORKER) throw error
          running.terminate()
          return (fallback = onMainThread(src)).ready
        }),
        search: (request, signal, onPartial) => (fallback ?? inWorker).search(request, signal, onPartial),
        stop: () => running.terminate(),
      }
    } catch {
      // Workers are not available here (or the URL is refused): run on the main thread.
    }
  }
  return onMainThread(src)
}

function viaWorker(worker: Worker, src: string): Searcher {
  const calls = new Map<number, (reply: WorkerReply) => void>()
  let next = 1
  worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
    calls.get(data.id)?.(data)
    // A partial response comes before the request's last one.
    if (!data.partial) calls.delete(data.id)
  }
  const ready = new Promise<IndexInfo>((resolve, reject) => {
    calls.set(0, (reply) => (reply.info ? resolve(reply.info) : reject(new Error(reply.error))))
    worker.onerror = (event) => {
      event.preventDefault()
      reject(new Error(NO_WORKER))
    }
  })
  worker.postMessage({ open: src })
  return {
    ready,
    stop: () => worker.terminate(),
    search: (request, signal, onPartial) =>
      new Promise((resolve, reject) => {
        const id = next++
        const abort = (): void => {
          calls.delete(id)
          worker.postMessage({ abort: id })
          reject(signal.reason)
        }
        signal.throwIfAborted()
        signal.addEventListener('abort', abort, { once: true })
        calls.set(id, (reply) => {
          if (reply.partial) return onPartial(reply.partial)
          signal.removeEventListener('abort', abort)
          if (reply.response) resolve(reply.response)
          else reject(new Error(reply.error))
        })
        worker.postMessage({ id, request })
      }),
  }
}

function onMainThread(src: string): Searcher {
  // The runtime is loaded only now: a page whose worker runs never parses it.
  const opened = import('./search-core.js').then(async (core) => ({ core, ...(await core.openIndex(src)) }))
  return {
    ready: opened.then(({ info }) => info),
    stop: () => undefined,
    search: async (request, signal, onPartial) => {
      const { core, index } = await opened
      return core.runView(index, request, signal, onPartial)
    },
  }
}
