// Timing, size and memory measurement helpers.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export const now = () => performance.now()

/** A full, repeated garbage collection (needs node --expose-gc). */
export function collect() {
  if (typeof globalThis.gc !== 'function') return
  globalThis.gc()
  globalThis.gc()
}

/** Memory usage after GCs, repeated until the heap stops shrinking (at most 10). */
export function settleMemory() {
  let usage = process.memoryUsage()
  const trace = []
  for (let i = 0; i < 10; i++) {
    collect()
    const next = process.memoryUsage()
    trace.push([next.heapUsed, next.arrayBuffers])
    const stable = Math.abs(next.heapUsed - usage.heapUsed) < 64 * 1024 && next.arrayBuffers === usage.arrayBuffers
    usage = next
    if (stable && i > 0) break
  }
  if (process.env.BENCH_DEBUG) process.stderr.write(`settle: ${JSON.stringify(trace)}\n`)
  return usage
}

/**
 * Bytes of a string (UTF-8), a byte array, or a list of strings (chunks written one per line, for
 * serializations too large for one JavaScript string).
 */
export function toBytes(data) {
  if (typeof data === 'string') return Buffer.from(data, 'utf8')
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (Array.isArray(data)) return Buffer.concat(data.flatMap((chunk, i) => (i ? [NEWLINE, toBytes(chunk)] : [toBytes(chunk)])))
  throw new TypeError('expected a string, a Uint8Array or an array of strings')
}
const NEWLINE = Buffer.from('\n')

/**
 * Raw, gzip and brotli sizes of `data`. gzip at `gzipLevel` (6 is zlib's and most servers' default),
 * brotli at `brotliQuality` (0 skips brotli; 11 is what precompressed static files use, but takes
 * about 2 s per MB here).
 */
export function sizes(data, { gzipLevel = 6, brotliQuality = 9 } = {}) {
  const bytes = toBytes(data)
  const gzip = gzipSync(bytes, { level: gzipLevel }).length
  const brotli =
    brotliQuality > 0
      ? brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }).length
      : null
  return { raw: bytes.length, gzip, brotli }
}

export function median(values) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(sorted.length, rank) - 1]
}

/** Runs `fn` once and returns [its result, elapsed ms]. */
export function timed(fn) {
  const t0 = now()
  const result = fn()
  return [result, now() - t0]
}

/** Median of `runs` timed calls of `fn` (each after a full GC, its result dropped right away). */
export function medianTime(fn, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    collect()
    const t0 = now()
    let result = fn()
    times.push(now() - t0)
    result = null
  }
  return { median: median(times), runs: times }
}

/**
 * Memory kept alive by what `fn` returns: V8 heap (`heapUsed`) plus ArrayBuffer backing stores
 * (`arrayBuffers`, off-heap), measured after full GCs before and after, with the result still
 * referenced. Returns the result too, so the caller can keep using it.
 */
export function retained(fn) {
  const before = settleMemory()
  const result = fn()
  const after = settleMemory()
  const heapUsed = after.heapUsed - before.heapUsed
  const arrayBuffers = after.arrayBuffers - before.arrayBuffers
  return { result, heapUsed, arrayBuffers, total: heapUsed + arrayBuffers }
}
