#!/usr/bin/env node
/**
 * A tiny, dependency-free static file server for the examples. It serves the repository root, so
 * `examples/site-search/` can load `/dist/newsdex.browser.js` and its `.idx` file.
 *
 *   node scripts/serve.mjs [--port N]        (or PORT=N; default 8080; 0 picks a free port)
 *
 * Only GET and HEAD; never serves anything outside the root (`..`, encoded or not, and symlinks that
 * lead out are refused) nor `.git`. Meant for local development, not production.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.idx': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
}

/** The content type of a file, by extension. */
export function contentType(path) {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Whether `path` is `root` or inside it. */
function inside(root, path) {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * Maps a request path to a file under `root`, or `null` when it must not be served.
 * Returns `{ file, redirect }`; `redirect` is set for a directory asked for without its trailing slash.
 */
async function locate(root, pathname) {
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/')
  if (segments.some((s) => s === '..' || s === '.git')) return null
  const target = resolve(join(root, ...segments))
  if (!inside(root, target)) return null
  let file = target
  let info = await stat(file).catch(() => null)
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { file: null, redirect: `${pathname}/` }
    file = join(file, 'index.html')
    info = await stat(file).catch(() => null)
  }
  if (!info?.isFile()) return { file: null }
  // A symlink inside the root may still point outside it.
  const real = await realpath(file).catch(() => null)
  if (real === null || !inside(root, real)) return null
  return { file, size: info.size }
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(res.req.method === 'HEAD' ? undefined : `${text}\n`)
}

/**
 * Starts the server. `port` 0 picks a free port. Resolves once it listens, with its base URL
 * (ending in `/`) and `close()`.
 */
export async function startServer({ root = process.cwd(), port = 8080, host = 'localhost' } = {}) {
  const base = await realpath(resolve(root))
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { allow: 'GET, HEAD' })
      const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] || '/'
      const found = pathname.startsWith('/') ? await locate(base, pathname) : null
      if (found === null) return send(res, 404, 'not found')
      if (found.redirect) return send(res, 301, 'moved', { location: found.redirect })
      if (!found.file) return send(res, 404, 'not found')
      res.writeHead(200, { 'content-type': contentType(found.file), 'content-length': found.size, 'cache-control': 'no-store' })
      if (req.method === 'HEAD') return res.end()
      createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res)
    } catch {
      if (!res.headersSent) send(res, 500, 'internal error')
      else res.destroy()
    }
  })
  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done()
    })
  })
  const { port: actual } = server.address()
  return {
    url: `http://localhost:${actual}/`,
    port: actual,
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()))
        server.closeAllConnections()
      }),
  }
}

function portFromArgs(argv) {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='))
  const raw = i === -1 ? process.env.PORT : argv[i].includes('=') ? argv[i].slice('--port='.length) : argv[i + 1]
  if (raw === undefined || raw === '') return 8080
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port '${raw}'`)
  return port
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
    const { url } = await startServer({ root, port: portFromArgs(process.argv.slice(2)), host: process.env.HOST || 'localhost' })
    console.log(`newsdex site search: ${url}examples/site-search/`)
    console.log(`serving ${root}${sep} (Ctrl-C to stop)`)
  } catch (error) {
    console.error(`serve: ${error.message}`)
    process.exitCode = 1
  }
}
