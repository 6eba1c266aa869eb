/**
 * End-to-end tests of examples/site-search in real Chromium (playwright-core, no downloaded browser),
 * plus tests of scripts/serve.mjs that need no browser.
 *
 * Needs a build (`npm run build`) and Chromium at $CHROMIUM_PATH or /usr/bin/chromium; without
 * Chromium the browser suite is skipped with a notice.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type Browser, type Page, type Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`[browser.test] Chromium not found at ${CHROMIUM}; browser tests skipped (apt-get install chromium, or set CHROMIUM_PATH)`)

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const SCREENSHOT = join(ROOT, 'test-output', 'site-search-rocket.png')
const XSS = '<img src=x onerror=alert(1)>'

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

describe.skipIf(!hasChromium)('site search in Chromium', { timeout: 90_000 }, () => {
  let server: Server
  let browser: Browser
  let work: string
  let seedsIdx: string
  let fixturesIdx: string
  let splitIdx: string
  const pages: Page[] = []
  const pageErrors: string[] = []
  const dialogs: string[] = []

  async function buildIndex(args: string[]): Promise<void> {
    await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'build', ...args, '--quiet'], { cwd: ROOT })
  }

  async function findSeed(text: string): Promise<string> {
    for (const name of (await readdir(join(ROOT, 'seeds'))).sort()) {
      const file = join(ROOT, 'seeds', name)
      if (name.endsWith('.txt') && (await readFile(file, 'utf8')).includes(text)) return file
    }
    throw new Error(`no seed article contains "${text}"`)
  }

  beforeAll(async () => {
    for (const file of ['newsdex.browser.js', 'cli.js']) {
      if (!existsSync(join(ROOT, 'dist', file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before the browser tests`)
    }
    // Indexes live under .tmp/ (git-ignored) inside the served root, one directory per run.
    await mkdir(join(ROOT, '.tmp'), { recursive: true })
    work = await mkdtemp(join(ROOT, '.tmp', 'browser-test-'))
    seedsIdx = join(work, 'seeds.idx')
    await buildIndex(['seeds/**/*.txt', '--out', seedsIdx])

    // Fixtures: the seed (2020), a 2019 and a 2021 article, one full of HTML that must stay text.
    const fixtures = join(work, 'fixtures')
    await mkdir(fixtures)
    const seedFile = await findSeed('A katyusha rocket landed')
    await copyFile(seedFile, join(fixtures, 'seed.txt'))
    await writeFile(
      join(fixtures, 'xss.txt'),
      `date 2021-03-04\ntitle Breaking ${XSS} news\nsource <b>Evil Wire</b>\nlocation <svg onload=alert(2)>\n` +
        `The council met on Tuesday. ${XSS} was posted in the comments, and <script>window.__pwned = true</script> too.\n`,
    )
    await writeFile(
      join(fixtures, 'berlin.md'),
      '---\ntitle: Berlin council approves tram line\ndate: 2019-05-02\nsource: Reuters\nlocation: Berlin\n---\n' +
        'The Berlin city council approved a new tram line on Thursday, Reuters reported.\n',
    )
    await writeFile(
      join(fixtures, 'rome.md'),
      '---\ntitle: Rome opens a new metro station\ndate: 2020-11-12\nsource: Reuters\nlocation: Rome\n---\n' +
        'A new metro station opened in Rome on Thursday, Reuters reported.\n',
    )
    fixturesIdx = join(work, 'fixtures.idx')
    await buildIndex(['**/*.{txt,md}', '--cwd', fixtures, '--out', fixturesIdx])
    splitIdx = join(work, 'split', 'fixtures.json')
    await buildIndex(['**/*.{txt,md}', '--cwd', fixtures, '--out', splitIdx, '--split'])
    await writeFile(join(work, 'corrupt.idx'), 'this is not an index')

    server = await (await loadStartServer())({ root: ROOT, port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })

  /** Opens the page on an index file (absolute path under the repository) and waits until it is ready. */
  async function open(indexFile: string, state: 'ready' | 'error' = 'ready', onRequest?: (request: Request) => void): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } })
    pages.push(page)
    if (onRequest) page.on('request', onRequest)
    page.setDefaultTimeout(30_000)
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const indexPath = `/${relative(ROOT, indexFile).split('\\').join('/')}`
    await page.goto(`${server.url}examples/site-search/?index=${encodeURIComponent(indexPath)}`)
    await page.locator(`html[data-state="${state}"]`).waitFor({ state: 'attached' })
    return page
  }

  /** Types into the search box like a user and waits until that query's results are shown. */
  async function search(page: Page, text: string): Promise<void> {
    const input = page.getByLabel('Search articles')
    await input.fill('')
    await input.pressSequentially(text)
    await page.locator('[data-testid="results"]').and(page.locator(`[data-query="${text.trim().replace(/["\\]/g, '\\$&')}"]`)).waitFor({ state: 'attached' })
  }

  const count = (page: Page) => page.getByTestId('count').textContent()
  const hits = (page: Page) => page.getByTestId('hit')

  afterAll(async () => {
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)))
  })

  it('shows the newest articles for an empty query', async () => {
    const page = await open(fixturesIdx)
    expect(await count(page)).toBe('4 articles')
    const dates = await hits(page).locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')))
    expect(dates).toEqual(['2021-03-04', '2020-11-12', '2020-06-23', '2019-05-02'])
    expect(pageErrors).toEqual([])
  })

  it('searches as you type and highlights "rocket"', async () => {
    const page = await open(seedsIdx)
    // Record every query the page renders: debouncing must skip intermediate keystrokes.
    await page.evaluate(() => {
      const results = document.querySelector('[data-testid="results"]')!
      const seen: string[] = ((window as unknown as { renderedQueries: string[] }).renderedQueries = [])
      new MutationObserver(() => seen.push(results.getAttribute('data-query') ?? '')).observe(results, { attributes: true, attributeFilter: ['data-query'], childList: true })
    })
    // 25 ms between keys: slower than the event loop, faster than the page's 80 ms debounce.
    await page.getByLabel('Search articles').focus()
    await page.keyboard.type('rocket', { delay: 25 })
    await page.locator('[data-testid="results"][data-query="rocket"]').waitFor({ state: 'attached' })
    const rendered = await page.evaluate(() => (window as unknown as { renderedQueries: string[] }).renderedQueries)
    expect(rendered.at(-1)).toBe('rocket')
    expect(new Set(rendered).size).toBeLessThan('rocket'.length)

    expect(await count(page)).toMatch(/^[1-9]\d* articles?$/)
    const hit = hits(page).filter({ hasText: 'A katyusha rocket landed' })
    await expect(hit.locator('.hit-title').textContent()).resolves.toMatch(/^A katyusha rocket landed/)
    const marks = await hit.locator('mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((m) => /^rocket/i.test(m))).toBe(true)
    expect(await hit.locator('.hit-title mark').textContent()).toBe('rocket')
    expect(await hit.locator('time').getAttribute('datetime')).toBe('2020-06-23')

    await mkdir(join(ROOT, 'test-output'), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    expect((await readFile(SCREENSHOT)).subarray(1, 4).toString()).toBe('PNG')
    expect(pageErrors).toEqual([])
  })

  it('finds a phrase and marks it in a snippet', async () => {
    const page = await open(seedsIdx)
    await search(page, '"baghdad airport"')
    expect(await count(page)).toMatch(/^[1-9]\d* articles?$/)
    const marks = await hits(page).filter({ hasText: 'A katyusha rocket landed' }).locator('.snippet mark').allTextContents()
    expect(marks).toContain('Baghdad airport')
    expect(await page.locator('#relaxed').isHidden()).toBe(true)
    expect(await page.locator('#diagnostics').isHidden()).toBe(true)
  })

  it('opens a split index: the manifest and the search part first, then only the parts a search needs', async () => {
    const manifest = JSON.parse(await readFile(splitIdx, 'utf8')) as { parts: Record<string, { file: string }> }
    const fetched: string[] = []
    const page = await open(splitIdx, 'ready', (request) => {
      const name = request.url().split('/').pop()!
      if (name.startsWith('fixtures.')) fetched.push(name)
    })
    // Then the page shows the newest articles: their display and text chunk.
    expect(fetched.slice(0, 2)).toEqual(['fixtures.json', manifest.parts.search!.file])
    expect(await count(page)).toBe('4 articles')
    await search(page, 'rocket')
    const hit = hits(page).filter({ hasText: 'A katyusha rocket landed' })
    expect(await hit.locator('.hit-title mark').textContent()).toBe('rocket')
    expect(fetched).not.toContain(manifest.parts.positions!.file)
    await search(page, '"baghdad airport"')
    expect(await hits(page).locator('.snippet mark').allTextContents()).toContain('Baghdad airport')
    expect(fetched).toContain(manifest.parts.positions!.file)
    expect(fetched.every((name) => name === 'fixtures.json' || /^fixtures\.(?:[a-z]+-?\d*\.)?[0-9a-f]{8}\.idx$/.test(name)), fetched.join(' ')).toBe(true)
    expect(new Set(fetched).size).toBe(fetched.length)
    expect(pageErrors).toEqual([])
  })

  it('toggles a year facet from the keyboard', async () => {
    const page = await open(fixturesIdx)
    expect(await count(page)).toBe('4 articles')
    await page.getByLabel('Search articles').focus()
    const isYear2020 = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return el?.dataset.testid === 'facet-year' && el.dataset.value === '2020'
      })
    let tabs = 0
    while (!(await isYear2020())) {
      if (++tabs > 80) throw new Error('the year 2020 facet button cannot be reached with Tab')
      await page.keyboard.press('Tab')
    }
    const button = page.getByTestId('facet-year').and(page.locator('[data-value="2020"]'))
    expect(await button.getAttribute('aria-pressed')).toBe('false')

    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.textContent === '2 articles')
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    const dates = await hits(page).locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')))
    expect(dates).toEqual(['2020-11-12', '2020-06-23'])
    expect(await isYear2020()).toBe(true) // focus stays on the button after re-rendering

    await page.keyboard.press('Space')
    await page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.textContent === '4 articles')
    expect(await button.getAttribute('aria-pressed')).toBe('false')

    // Facets combine with a query: Reuters articles about "new".
    await search(page, 'new')
    await page.getByTestId('facet-source').and(page.locator('[data-value="Reuters"]')).click()
    await page.waitForFunction(() => document.querySelector('[data-testid="count"]')?.textContent === '2 articles')
    expect(await hits(page).locator('.meta-source').allTextContents()).toEqual(['Sources: Reuters', 'Sources: Reuters'])
    expect(pageErrors).toEqual([])
  })

  it('shows 0 and no hits when nothing matches', async () => {
    const page = await open(seedsIdx)
    await search(page, 'xylophonequartz')
    expect(await count(page)).toBe('0 articles')
    expect(await hits(page).count()).toBe(0)
  })

  it('notes partial matches and query diagnostics', async () => {
    const page = await open(seedsIdx)
    await search(page, 'rocket xylophonequartz')
    expect(await page.locator('#relaxed').isVisible()).toBe(true)
    expect(await hits(page).count()).toBeGreaterThan(0)
    await search(page, 'rocket source:')
    expect(await page.locator('#diagnostics li').count()).toBeGreaterThan(0)
    expect(await page.locator('#relaxed').isHidden()).toBe(true)
  })

  it('renders article HTML as text, never as markup', async () => {
    const page = await open(fixturesIdx)
    const xssHit = hits(page).filter({ hasText: 'Breaking' })
    expect(await xssHit.locator('.hit-title').textContent()).toBe(`Breaking ${XSS} news`)
    expect(await page.getByTestId('facet-source').allTextContents()).toContain('<b>Evil Wire</b>1')
    expect(await page.getByTestId('facet-location').allTextContents()).toContain('<svg onload=alert(2)>1')

    await search(page, 'onerror')
    expect(await count(page)).toBe('1 article')
    expect(await hits(page).locator('mark').first().textContent()).toBe('onerror')
    expect(await hits(page).first().textContent()).toContain('<script>window.__pwned = true</script>')

    const injected = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      scripts: document.querySelectorAll('main script, b').length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      markup: Array.from(document.querySelectorAll('[data-testid="results"] *')).map((el) => el.tagName.toLowerCase()).filter((t) => !['li', 'article', 'h3', 'p', 'div', 'span', 'time', 'mark', 'a'].includes(t)),
    }))
    expect(injected).toEqual({ imgs: 0, svgs: 0, scripts: 0, pwned: undefined, markup: [] })
    expect(dialogs).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('shows index loading errors in the page', async () => {
    const missing = await open(join(work, 'missing.idx'), 'error')
    expect(await missing.getByRole('alert').textContent()).toMatch(/Could not fetch the index: http:\/\/localhost:\d+\/.*missing\.idx: HTTP 404/)
    expect(await missing.getByLabel('Search articles').isDisabled()).toBe(true)

    const corrupt = await open(join(work, 'corrupt.idx'), 'error')
    expect(await corrupt.getByRole('alert').textContent()).toMatch(/corrupt\.idx cannot be read: http:\/\/localhost:\d+\/.*corrupt\.idx: not a newsdex index/)

    // A page where the index should be (what a single-page app's fallback serves, with status 200).
    const html = await open(join(ROOT, 'examples', 'site-search', 'index.html'), 'error')
    expect(await html.getByRole('alert').textContent()).toMatch(/index\.html: got text\/html: is the path right\?/)
  })
})
