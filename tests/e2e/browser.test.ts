/**
 * Tests of scripts/serve.mjs, the static server of the examples (no browser needed). The site search
 * page (examples/site-search, built on <newsdex-search>) is tested in Chromium by ui.test.ts.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))


interface Server {
  url: string
  close(): Promise<void>
}
type StartServer = (options: { root: string; port: number }) => Promise<Server>

/** scripts/serve.mjs is plain JS without type declarations: import it by URL and type it here. */
async function loadStartServer(): Promise<StartServer> {
  const href: string = pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href
  const mod = (await import(href)) as { startServer: StartServer }
  return mod.startServer
}

/** A GET with the path sent exactly as given (fetch() would normalize `..`). */
function rawGet(base: string, path: string): Promise<{ status: number; type: string | undefined; body: string; location: string | undefined }> {
  const { hostname, port } = new URL(base)
  return new Promise((done, fail) => {
    get({ hostname, port, path }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, location: res.headers.location }))
    }).on('error', fail)
  })
}

describe('scripts/serve.mjs', () => {
  let server: Server
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdex-serve-'))
    const site = join(dir, 'site')
    await mkdir(join(site, 'sub'), { recursive: true })
    await mkdir(join(site, '.git'))
    await writeFile(join(dir, 'secret.txt'), 'TOP SECRET')
    await writeFile(join(site, '.git', 'config'), 'git config')
    await writeFile(join(site, 'sub', 'index.html'), '<!doctype html><p>sub</p>')
    const files: Record<string, string> = { 'a.html': '<p>a</p>', 'a.js': '1', 'a.mjs': '1', 'a.css': 'p{}', 'a.json': '{}', 'a.map': '{}', 'a.idx': 'NDX', 'a.png': 'png', 'a.svg': '<svg/>' }
    for (const [name, text] of Object.entries(files)) await writeFile(join(site, name), text)
    await symlink(join(dir, 'secret.txt'), join(site, 'link.txt'))
    server = await (await loadStartServer())({ root: site, port: 0 })
  })

  afterAll(async () => {
    await server?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('listens on a free port for port 0', () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/)
    expect(server.url).not.toMatch(/:0\/$/)
  })

  it.each([
    ['/a.html', 'text/html'],
    ['/a.js', 'text/javascript'],
    ['/a.mjs', 'text/javascript'],
    ['/a.css', 'text/css'],
    ['/a.json', 'application/json'],
    ['/a.map', 'application/json'],
    ['/a.idx', 'application/octet-stream'],
    ['/a.png', 'image/png'],
    ['/a.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, type) => {
    const res = await rawGet(server.url, path)
    expect(res.status).toBe(200)
    expect(res.type).toContain(type)
  })

  it('serves index.html for a directory and redirects a directory without its slash', async () => {
    expect((await rawGet(server.url, '/sub/')).body).toContain('<p>sub</p>')
    const redirect = await rawGet(server.url, '/sub?x=1')
    expect(redirect.status).toBe(301)
    expect(redirect.location).toBe('/sub/')
  })

  it('answers 404 for missing files', async () => {
    expect((await rawGet(server.url, '/nope.html')).status).toBe(404)
    expect((await rawGet(server.url, '/sub/nope/')).status).toBe(404)
  })

  it.each(['/../secret.txt', '/sub/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%5csecret.txt', '/link.txt', '/.git/config', '/a.html%00.txt', '/%E0%A4%A'])(
    'never serves %s',
    async (path) => {
      const res = await rawGet(server.url, path)
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('TOP SECRET')
      expect(res.body).not.toContain('git config')
    },
  )
})
