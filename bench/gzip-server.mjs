// The static server of the browser benchmarks: files held gzip'd in memory (level 6, as a host
// would send them), never cached, and cross-origin isolated so that performance.now() in the page
// has 5 µs resolution, not 100 µs. Over HTTP/1.1 (Chromium: six connections to a host), or over
// HTTP/2 (one connection, requests multiplexed: what static hosts and CDNs speak), which browsers
// speak only over TLS: a certificate made for the run by `openssl`, which the browser is told to accept.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createSecureServer } from 'node:http2'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

/** A self-signed certificate for 127.0.0.1, valid a day (`openssl`, which Debian has). */
function throwawayCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'newsdex-cert-'))
  try {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' })
    if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr || made.error}`)
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Serves `files` on a free port of 127.0.0.1; resolves to its origin and a `close()`. With `http2`,
 * over HTTP/2 and TLS (the page's browser context needs `ignoreHTTPSErrors`).
 */
export async function serveGzipped(files, { http2 = false } = {}) {
  const handler = (req, res) => {
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
  }
  const server = http2 ? createSecureServer({ ...throwawayCertificate(), allowHTTP1: true }, handler) : createServer(handler)
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
  return { origin: `${http2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}`, close: () => server.close() }
}
