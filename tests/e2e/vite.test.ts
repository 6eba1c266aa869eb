/**
 * The newsdex Vite plugin (`newsdex/vite`) and examples/vite:
 *  - `vite build` of the example emits the index as hashed assets with a manifest, and the built
 *    site, served by a small static server, searches it in real Chromium (playwright-core; skipped
 *    with a notice without Chromium at $CHROMIUM_PATH or /usr/bin/chromium);
 *  - `vite dev` serves the manifest and parts from memory, and rebuilds when an article changes, is
 *    added or removed, sending `newsdex:update`; an index opened before moves to the new build; the
 *    example's page, under `vite dev` in Chromium, opens the new build on that event.
 *
 * The build test needs `npm run build` (the example's config imports `newsdex/vite` from dist/).
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { build, createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NewsIndex } from '../../src/index.js'
import type { Manifest } from '../../src/format/manifest.js'
import { newsdex } from '../../src/vite.js'
import { DIST, BUILD_HINT, SEED_PATH } from '../helpers.js'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const EXAMPLE = join(ROOT, 'examples', 'vite')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`[vite.test] Chromium not found at ${CHROMIUM}; the search of the built example in Chromium is skipped (apt-get install chromium, or set CHROMIUM_PATH)`)
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Server {
  url: string
  close(): Promise<void>
}

/** scripts/serve.mjs, the repository's static file server, typed here. */
async function startServer(root: string): Promise<Server> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href)) as { startServer: (options: { root: string; port: number }) => Promise<Server> }
  return mod.startServer({ root, port: 0 })
}

const temporary: string[] = []
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  temporary.push(dir)
  return dir
}
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })))
})

/** Polls `check` until it returns something, or fails after `ms`. */
async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

describe('newsdex() options', () => {
  it('needs input patterns and a plain base name', () => {
    expect(() => newsdex({ input: [] })).toThrow(/input/)
    expect(() => newsdex({ input: '' })).toThrow(/input/)
    expect(() => newsdex({ input: 'news/*.md', output: '../news' })).toThrow(/output/)
    expect(() => newsdex({ input: 'news/*.md', output: 'a/b' })).toThrow(/output/)
    expect(newsdex({ input: 'news/*.md', output: 'site-news.v2' }).name).toBe('newsdex')
  })
})

describe('vite build of examples/vite', { timeout: 120_000 }, () => {
  let out: string
  let manifest: Manifest
  let manifestFile: string

  beforeAll(async () => {
    const plugin = join(DIST.dir, 'vite.js')
    if (!existsSync(plugin)) throw new Error(`${plugin} is missing: ${BUILD_HINT}`)
    out = await tempDir('newsdex-vite-build-')
    await build({ root: EXAMPLE, configFile: join(EXAMPLE, 'vite.config.js'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } })
    const assets = await readdir(join(out, 'assets'))
    const manifests = assets.filter((name) => /^news\.[0-9a-f]{8}\.json$/.test(name))
    expect(manifests).toHaveLength(1)
    manifestFile = manifests[0]!
    manifest = JSON.parse(await readFile(join(out, 'assets', manifestFile), 'utf8')) as Manifest
  })

  it('emits the parts under content-hashed names beside a hashed manifest that lists them', async () => {
    expect(manifest).toMatchObject({ format: 'newsdex', build: expect.any(String) })
    expect(Object.keys(manifest.parts).sort()).toEqual(['display-0', 'positions', 'search', 'text-0'])
    for (const [name, part] of Object.entries(manifest.parts)) {
      const bytes = await readFile(join(out, 'assets', part.file))
      expect(createHash('sha256').update(bytes).digest('hex').slice(0, 8), name).toBe(part.hash)
      expect(bytes.length, name).toBe(part.bytes)
      expect(part.file, name).toMatch(new RegExp(`^news\\.${name === 'search' ? '' : `${name}\\.`}${part.hash}\\.idx$`))
    }
  })

  it('puts the manifest URL into the app, where virtual:newsdex was imported', async () => {
    const scripts = (await readdir(join(out, 'assets'))).filter((name) => name.endsWith('.js'))
    const code = (await Promise.all(scripts.map((name) => readFile(join(out, 'assets', name), 'utf8')))).join('\n')
    expect(code).toContain(`/assets/${manifestFile}`)
    expect(code).not.toContain('virtual:newsdex')
    // The app bundles the runtime entry only: none of the place data of the build side.
    expect(code).not.toContain('Baghdad')
  })

  describe.skipIf(!hasChromium)('the built site in Chromium', () => {
    let server: Server
    let browser: Browser

    beforeAll(async () => {
      server = await startServer(out)
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120_000 })
    })

    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it('searches the index as you type, fetching the manifest and only the parts it needs', async () => {
      const page = await browser.newPage()
      page.setDefaultTimeout(30_000)
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const fetched: string[] = []
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop()!
        if (name.startsWith('news.')) fetched.push(name)
      })
      await page.goto(server.url)
      await page.locator('html[data-state="ready"]').waitFor({ state: 'attached' })
      expect(fetched.slice(0, 2)).toEqual([manifestFile, manifest.parts.search!.file])
      expect(await page.locator('#status').textContent()).toBe('1 article')

      await page.getByLabel('Search articles').pressSequentially('rocket')
      await page.locator('[data-testid="results"][data-query="rocket"]').waitFor({ state: 'attached' })
      expect(await page.locator('.hit h2 mark').first().textContent()).toBe('rocket')
      expect(fetched).not.toContain(manifest.parts.positions!.file)

      await page.getByLabel('Search articles').fill('"baghdad airport"')
      await page.locator('[data-testid="results"][data-query=\'"baghdad airport"\']').waitFor({ state: 'attached' })
      expect(await page.locator('.hit p mark').allTextContents()).toContain('Baghdad airport')
      expect(fetched).toContain(manifest.parts.positions!.file)
      expect(new Set(fetched).size).toBe(fetched.length)
      expect(errors).toEqual([])
      await page.close()
    })
  })
})

describe('vite build with articles that fail', { timeout: 60_000 }, () => {
  async function site(): Promise<string> {
    const root = await tempDir('newsdex-vite-bad-')
    await mkdir(join(root, 'articles'))
    await copyFile(SEED_PATH, join(root, 'articles', 'seed.txt'))
    await writeFile(join(root, 'articles', 'broken.json'), '{ "title": "broken", ')
    await writeFile(join(root, 'index.html'), '<!doctype html><script type="module">import url from "virtual:newsdex"; document.title = url</script>')
    return root
  }

  it('fails the build, naming the file, unless keepGoing', async () => {
    const root = await site()
    const config = { root, configFile: false as const, logLevel: 'silent' as const, build: { outDir: join(root, 'dist') } }
    await expect(build({ ...config, plugins: [newsdex({ input: 'articles/*' })] })).rejects.toThrow(/articles\/broken\.json/)
    const warnings: string[] = []
    await build({
      ...config,
      logLevel: 'warn',
      customLogger: { info: () => {}, warn: (m: string) => void warnings.push(m), warnOnce: (m: string) => void warnings.push(m), error: () => {}, clearScreen: () => {}, hasErrorLogged: () => false, hasWarned: false },
      plugins: [newsdex({ input: 'articles/*', keepGoing: true })],
    })
    expect(warnings.join('\n')).toContain('articles/broken.json')
    expect((await readdir(join(root, 'dist', 'assets'))).filter((name) => name.endsWith('.json'))).toHaveLength(1)
  })

  it('fails the build when the input matches nothing', async () => {
    const root = await site()
    await expect(build({ root, configFile: false, logLevel: 'silent', build: { outDir: join(root, 'dist') }, plugins: [newsdex({ input: 'nowhere/*.md' })] })).rejects.toThrow(/nowhere/)
  })
})

describe('vite dev with the newsdex plugin', { timeout: 60_000 }, () => {
  let root: string
  let articles: string
  let server: ViteDevServer
  let base: string
  const events: { event: string; data: { url: string; build: string } }[] = []

  const manifestUrl = (): string => `${base}@newsdex/news.json`
  const getManifest = async (): Promise<Manifest> => (await (await fetch(manifestUrl())).json()) as Manifest

  beforeAll(async () => {
    root = await tempDir('newsdex-vite-dev-')
    articles = join(root, 'articles')
    await mkdir(articles)
    await copyFile(SEED_PATH, join(articles, 'seed.txt'))
    await writeFile(join(root, 'index.html'), '<!doctype html><title>dev</title>')
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [newsdex({ input: 'articles/*.txt' })],
      server: { port: 0, host: '127.0.0.1', strictPort: false },
    })
    // Record what the server sends its clients.
    const send = server.ws.send.bind(server.ws) as (payload: unknown) => void
    server.ws.send = ((payload: { type: string; event?: string; data?: unknown }) => {
      if (payload.type === 'custom') events.push(payload as (typeof events)[number])
      send(payload)
    }) as typeof server.ws.send
    await server.listen()
    base = server.resolvedUrls!.local[0]!
  })

  afterAll(async () => {
    await server?.close()
  })

  it('serves the manifest (no-cache) and each part (immutable) from memory', async () => {
    const response = await fetch(manifestUrl())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    const manifest = (await response.json()) as Manifest
    expect(Object.keys(manifest.parts).sort()).toEqual(['display-0', 'positions', 'search', 'text-0'])
    for (const [name, part] of Object.entries(manifest.parts)) {
      const res = await fetch(`${base}@newsdex/${part.file}`)
      expect(res.status, name).toBe(200)
      expect(res.headers.get('content-type'), name).toBe('application/octet-stream')
      expect(res.headers.get('cache-control'), name).toContain('immutable')
      expect((await res.arrayBuffer()).byteLength, name).toBe(part.bytes)
    }
    expect((await fetch(`${base}@newsdex/news.0123abcd.idx`)).status).toBe(404)
    const index = await NewsIndex.open(manifestUrl())
    expect((await index.searchAsync('rocket')).hits.map((h) => h.article.title)).toEqual([expect.stringMatching(/^A katyusha rocket landed/)])
  })

  it('exports the manifest URL from virtual:newsdex', async () => {
    const code = await (await fetch(`${base}@id/__x00__virtual:newsdex`)).text()
    expect(code).toContain('"/@newsdex/news.json"')
  })

  it('rebuilds when an article changes, is added or removed, sends newsdex:update, and an open index follows', async () => {
    const index = await NewsIndex.open(manifestUrl())
    expect((await index.searchAsync('zeppelin')).total).toBe(0)
    const first = (await getManifest()).build
    const seen = events.length

    // A change.
    await writeFile(join(articles, 'seed.txt'), `${await readFile(SEED_PATH, 'utf8')}\nA zeppelin was seen over the airport.\n`)
    const second = await until(async () => {
      const { build } = await getManifest()
      return build !== first ? build : undefined
    }, 'a rebuild after the change')
    expect(events.slice(seen)).toContainEqual({ type: 'custom', event: 'newsdex:update', data: { url: '/@newsdex/news.json', build: second } })
    // The index opened before knows nothing of the change until a part it needs is gone: then it
    // reads the manifest again and moves to the new build.
    expect((await index.searchAsync('rocket')).hits).toHaveLength(1)
    const found = await index.searchAsync('zeppelin')
    expect(found.hits.map((h) => h.id)).toEqual(['articles/seed'])
    expect(found.hits[0]!.highlight?.snippets.join(' ')).toContain('<mark>zeppelin</mark>')

    // An added file.
    await writeFile(join(articles, 'second.txt'), 'title A zeppelin lands\ndate 2021-05-01\n\nThe zeppelin landed in Friedrichshafen on Monday.\n')
    await until(async () => ((await getManifest()).build !== second ? true : undefined), 'a rebuild after the new file')
    expect((await (await NewsIndex.open(manifestUrl())).searchAsync('zeppelin')).total).toBe(2)

    // A removed file.
    const third = (await getManifest()).build
    await rm(join(articles, 'second.txt'))
    await until(async () => ((await getManifest()).build !== third ? true : undefined), 'a rebuild after the removal')
    expect((await (await NewsIndex.open(manifestUrl())).searchAsync('zeppelin')).total).toBe(1)

    // A file the input does not match changes nothing.
    const fourth = (await getManifest()).build
    const before = events.length
    await writeFile(join(articles, 'notes.md'), 'not an input')
    await new Promise((done) => setTimeout(done, 500))
    expect((await getManifest()).build).toBe(fourth)
    expect(events.length).toBe(before)
  })
})

describe.skipIf(!hasChromium)('examples/vite under vite dev, in Chromium', { timeout: 90_000 }, () => {
  let root: string
  let server: ViteDevServer
  let browser: Browser

  beforeAll(async () => {
    // The example's page and script, over a copy of the seed that the test may edit.
    root = await tempDir('newsdex-vite-page-')
    await mkdir(join(root, 'articles'))
    await copyFile(SEED_PATH, join(root, 'articles', 'seed.txt'))
    for (const file of ['index.html', 'main.js']) await copyFile(join(EXAMPLE, file), join(root, file))
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      // Outside the repository `newsdex` resolves to nothing: point it at the source.
      resolve: { alias: { newsdex: join(ROOT, 'src', 'index.ts') } },
      server: { port: 0, host: '127.0.0.1', fs: { allow: [root, join(ROOT, 'src')] } },
      plugins: [newsdex({ input: 'articles/*.txt' })],
    })
    await server.listen()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('searches, and on newsdex:update opens the new build and searches again', async () => {
    const page = await browser.newPage()
    page.setDefaultTimeout(30_000)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.resolvedUrls!.local[0]!)
    await page.locator('html[data-state="ready"]').waitFor({ state: 'attached' })
    await page.getByLabel('Search articles').fill('zeppelin')
    await page.locator('[data-testid="results"][data-query="zeppelin"]').waitFor({ state: 'attached' })
    expect(await page.locator('#status').textContent()).toBe('0 articles')

    await writeFile(join(root, 'articles', 'seed.txt'), `${await readFile(SEED_PATH, 'utf8')}\nA zeppelin was seen over the airport.\n`)
    await page.locator('html[data-build]').waitFor({ state: 'attached' })
    await page.waitForFunction(() => document.getElementById('status')?.textContent === '1 article')
    expect(await page.locator('.hit p mark').allTextContents()).toContain('zeppelin')
    expect(errors).toEqual([])
    await page.close()
  })
})
