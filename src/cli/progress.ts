import type { BuildProgress } from '../ingest/build-index.js'
import { grouped } from './output.js'

/** Milliseconds between two redraws of the progress line. */
const THROTTLE_MS = 100

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?'
  if (seconds < 60) return `${Math.ceil(seconds)}s`
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`
}

/**
 * A progress line for a terminal: redrawn in place (`\r`, erase to end of line) at most every
 * 100 ms, with articles, percent of input bytes, articles per second and the time left.
 * `write` takes raw text (no newline is added); `done()` erases the line.
 */
export function progressLine(write: (text: string) => void, columns = 80): { update: (p: BuildProgress) => void; done: () => void } {
  const started = performance.now()
  // The first draw waits one period after the first article, so that a quick build shows nothing
  // and the first rate is not a wild one.
  let last = -1
  let shown = false
  return {
    update(p) {
      const now = performance.now()
      if (last < 0) last = now
      if (now - last < THROTTLE_MS && p.done < p.total) return
      last = now
      const seconds = (now - started) / 1000
      const fraction = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : p.done / Math.max(1, p.total)
      const rate = seconds > 0 ? Math.round(p.articles / seconds) : 0
      const eta = fraction > 0 ? duration((seconds * (1 - fraction)) / fraction) : '?'
      const files = p.total > 1 ? ` · file ${Math.min(p.done + 1, p.total)}/${p.total}` : ''
      const line = `indexing: ${grouped(p.articles)} articles · ${Math.floor(fraction * 100)}% · ${grouped(rate)}/s · ETA ${eta}${files}`
      write(`\r${line.slice(0, Math.max(20, columns - 1))}\u001b[K`)
      shown = true
    },
    done() {
      if (shown) write('\r\u001b[K')
      shown = false
    },
  }
}
