// The static server of the browser benchmarks: files held gzip'd in memory (level 6, as a host
// would send them), never cached, and cross-origin isolated so that performance.now() in the page
// has 5 µs resolution, not 100 µs.
import { createServer } from 'node:http'
import { gzipSync } from 'node:zlib'

/** Files to serve, by path. */
export class GzippedFiles {
  #files = new Map()

  /** Adds `body` (a string or bytes) at `path` with its content type. */
  add(path, body, type) {
    this.#files.set(path, { type, gzip: gzipSync(typeof body === 'string' ? Buffer.from(body) : body, { level: 6 }) })
  }

  get(path) {
    return this.#files.get(path)
  }
}

/** Serves `files` on a free port of 127.0.0.1; resolves to its origin and a `close()`. */
export async function serveGzipped(files) {
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url, 'http://x').pathname)
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-encoding': 'gzip',
      'content-length': file.gzip.length,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    })
    res.end(file.gzip)
  })
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }
}
