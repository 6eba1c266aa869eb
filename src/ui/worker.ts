/**
 * The search box's worker (`dist/ui-worker.js`): it opens the index and runs the view requests, so
 * that decoding and ranking never block the page. A request that a newer one makes stale is dropped:
 * aborted while it waits for parts, skipped when it has not started.
 */
import type { WorkerCall, WorkerReply } from './protocol.js'
import { openIndex, runView, type ViewResponse } from './search-core.js'

const scope = self as unknown as {
  postMessage(message: WorkerReply): void
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerCall>) => void): void
}
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

let opened: ReturnType<typeof openIndex> | undefined
/** The newest request seen: every older one is stale. */
let latest = 0
const running = new Map<number, AbortController>()

scope.addEventListener('message', ({ data }) => {
  if ('open' in data) {
    opened = openIndex(data.open)
    opened.then(
      ({ info }) => scope.postMessage({ id: 0, info }),
      (error: unknown) => scope.postMessage({ id: 0, error: messageOf(error) }),
    )
  } else if ('abort' in data) {
    running.get(data.abort)?.abort()
  } else {
    const { id, request } = data
    const controller = new AbortController()
    running.set(id, controller)
    latest = Math.max(latest, id)
    // Start once the messages already queued are read: a keystroke typed meanwhile makes this one stale.
    setTimeout(async () => {
      try {
        if (id < latest) throw new Error('stale')
        if (!opened) throw new Error('no index opened')
        const { index } = await opened
        const partial = (response: ViewResponse): void => scope.postMessage({ id, partial: response })
        scope.postMessage({ id, response: await runView(index, request, controller.signal, partial) })
      } catch (error) {
        scope.postMessage({ id, error: messageOf(error) })
      } finally {
        running.delete(id)
      }
    })
  }
})
