/**
 * `<newsdex-search>` (newsdex/ui) in real Chromium (playwright-core, no downloaded browser): the
 * keyboard path, the ARIA semantics, axe-core, facets, sort, paging, the no-results state, recent
 * searches, the worker and its fallbacks, out-of-order responses, layout stability, and screenshots
 * at 1280 and 375 px, light and dark, written to test-output/ for review.
 *
 * Needs a build (`npm run build`) and Chromium at $CHROMIUM_PATH or /usr/bin/chromium; without
 * Chromium the suite is skipped with a notice.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`[ui.test] Chromium not found at ${CHROMIUM}; the <newsdex-search> browser tests are skipped (apt-get install chromium, or set CHROMIUM_PATH)`)

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const OUTPUT = join(ROOT, 'test-output')
const XSS = '<img src=x onerror=alert(1)>'

interface Server {
  url: string
  close(): Promise<void>
}

const CITIES = ['Berlin', 'Paris', 'Rome', 'Madrid', 'Vienna', 'Lisbon', 'Oslo']
const SOURCES = ['Reuters', 'AP', 'AFP']
const TOPICS = [
  ['approves a new tram line', 'tram'],
  ['debates the housing budget', 'housing'],
  ['votes on bicycle lanes', 'bicycle'],
  ['opens a public library', 'library'],
]

interface Fixture {
  source: string
  location: string
  year: string
}

/** The 28 council stories: dated 2019–2021, three sources, seven cities, each with a URL. */
const COUNCIL: Fixture[] = Array.from({ length: 28 }, (_, i) => ({ source: SOURCES[i % 3]!, location: CITIES[i % 7]!, year: String(2019 + (Math.floor(i / 2) % 3)) }))

/** How many council stories have these values. */
const councils = (match: Partial<Fixture>): number => COUNCIL.filter((f) => Object.entries(match).every(([k, v]) => f[k as keyof Fixture] === v)).length

/** The council stories, one hostile story (also about the council) and one without a URL. */
function fixtureArticles(): Record<string, string> {
  const files: Record<string, string> = {}
  COUNCIL.forEach(({ source, location: city, year }, i) => {
    const [what, word] = TOPICS[i % TOPICS.length]!
    const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`
    files[`council-${i}.md`] =
      `---\ntitle: ${city} council ${what}\ndate: ${date}\nsource: ${source}\nlocation: ${city}\nurl: /news/council-${i}\n---\n` +
      `The ${city} city council met on Tuesday. Councillors said the ${word} plan would take two years. ` +
      `Residents of ${city} asked questions about the cost of the ${word} project.\n`
  })
  files['hostile.md'] = `---\ntitle: Breaking ${XSS} council news\ndate: 2018-03-04\nsource: <b>Evil Wire</b>\nurl: javascript:alert(3)\n---\nThe council met. ${XSS} was posted, and <script>window.__pwned = true</script> too.\n`
  files['katyusha.md'] = `---\ntitle: A katyusha rocket landed near Baghdad airport\ndate: 2020-06-23\nsource: AP\nlocation: Baghdad\n---\nA katyusha rocket landed in the vicinity of Baghdad airport on Monday, AP reported.\n`
  return files
}

/** "N results" as the status says it. */
const results = (n: number): string => (n === 1 ? '1 result' : `${n} results`)

/** Waits until the status says `text`. */
async function statusIs(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('newsdex-search')!.shadowRoot!.querySelector('[role=status]')!.textContent === t, text)
}

describe.skipIf(!hasChromium)('<newsdex-search> in Chromium', { timeout: 120_000 }, () => {
  let server: Server
  let browser: Browser
  let work: string
  let base: string
  const pageErrors: string[] = []

  async function buildIndex(args: string[]): Promise<void> {
    await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'build', ...args, '--quiet'], { cwd: ROOT })
  }

  beforeAll(async () => {
    for (const file of ['ui.js', 'ui-worker.js', 'ui.css', 'cli.js']) {
      if (!existsSync(join(ROOT, 'dist', file))) throw new Error(`dist/${file} is missing: run \`npm run build\` before the browser tests`)
    }
    await mkdir(join(ROOT, '.tmp'), { recursive: true })
    work = await mkdtemp(join(ROOT, '.tmp', 'ui-test-'))
    base = `/${relative(ROOT, work).split('\\').join('/')}`
    await mkdir(join(work, 'news'))
    for (const [name, text] of Object.entries(fixtureArticles())) await writeFile(join(work, 'news', name), text)
    await mkdir(join(work, 'undated'))
    for (const [i, city] of ['Berlin', 'Paris', 'Rome'].entries()) {
      await writeFile(join(work, 'undated', `${i}.md`), `---\ntitle: ${city} council meets\n---\nThe ${city} council met to discuss the budget.\n`)
    }
    await buildIndex(['**/*.md', '--cwd', join(work, 'news'), '--out', join(work, 'news.json'), '--split'])
    await buildIndex(['**/*.md', '--cwd', join(work, 'undated'), '--out', join(work, 'undated.json'), '--split'])
    await buildIndex(['seeds/**/*.txt', '--out', join(work, 'seeds.json'), '--split'])
    // packed.json: 40 stories in 10 chunks of 4, each chunk again in a pack of its own.
    const { NewsIndex } = (await import(pathToFileURL(join(ROOT, 'dist', 'indexer.js')).href)) as typeof import('../../src/indexer.js')
    const { manifestFiles } = await import('../../src/ingest/manifest.js')
    const packed = new NewsIndex()
    for (let i = 0; i < 40; i++) packed.add({ id: `p${i}`, title: `Story ${i} about ${i < 4 ? 'harbour' : 'railway'} works`, body: `The ${i < 4 ? 'harbour' : 'railway'} works of story ${i} go on.`, date: '2021-01-01', source: [], location: [], country: [] })
    const { manifestBytes, files } = manifestFiles(packed.serializeParts({ chunkSize: 4, packBytes: 1 }), 'packed')
    await writeFile(join(work, 'packed.json'), manifestBytes)
    for (const [name, bytes] of files) await writeFile(join(work, name), bytes)
    // The page: one element, its attributes from the query string; it records the element's events.
    await writeFile(
      join(work, 'page.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>newsdex-search test page</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;background:light-dark(#fff,#121316);color:light-dark(#111,#eee)}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:12px 20px;border-bottom:1px solid #8884}main{padding:0 20px 40px}</style>
<script type="module" src="/dist/ui.js"></script></head>
<body><header><button id="before" type="button">Before</button><span id="slot-modal"></span></header>
<main><h1>Test page</h1><div id="slot-inline"></div><p id="below">Below the search box.</p></main>
<script type="module">
const params = new URLSearchParams(location.search)
const el = document.createElement('newsdex-search')
for (const [name, value] of params) el.setAttribute(name, value)
window.events = []
for (const type of ['newsdex:search', 'newsdex:select']) el.addEventListener(type, (event) => {
  window.events.push({ type, query: event.detail.query, total: event.detail.total, id: event.detail.hit?.id, url: event.detail.url, filter: event.detail.filter, sort: event.detail.sort })
  if (type === 'newsdex:select' && window.cancelSelect) event.preventDefault()
})
document.getElementById(params.get('mode') === 'inline' ? 'slot-inline' : 'slot-modal').append(el)
</script></body></html>`,
    )
    // A worker that holds its answer to "baghdad" for 1.5 s and ignores aborts: a stale answer that arrives last.
    await writeFile(
      join(work, 'slow-worker.js'),
      `import '/dist/ui-worker.js'
const queries = new Map()
self.late = 0
self.held = 0
// A capturing listener runs before the worker's own: it hides the aborts from it.
self.addEventListener('message', (event) => {
  if ('abort' in event.data) event.stopImmediatePropagation()
  if (event.data.request) queries.set(event.data.id, event.data.request.q)
}, { capture: true })
const post = self.postMessage.bind(self)
// Its answers to "baghdad" (a partial one without snippets, if any, and the last) arrive late.
self.postMessage = (message) => {
  if (queries.get(message.id) !== 'baghdad') return post(message)
  const last = !message.partial
  if (last) self.held++
  setTimeout(() => { post(message); if (last) self.late++ }, 1500)
}
`,
    )
    await mkdir(OUTPUT, { recursive: true })
    const href: string = pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href
    const { startServer } = (await import(href)) as { startServer: (options: { root: string; port: number }) => Promise<Server> }
    server = await startServer({ root: ROOT, port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })

  /** Opens the test page with these attributes on the element (`src` relative to the work folder). */
  async function open(attributes: Record<string, string> = {}, options: { width?: number; height?: number; dark?: boolean; before?: (page: Page) => void } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, colorScheme: options.dark ? 'dark' : 'light' })
    page.setDefaultTimeout(20_000)
    options.before?.(page)
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    const params = new URLSearchParams({ src: `${base}/news.json`, ...attributes })
    if (attributes.src) params.set('src', `${base}/${attributes.src}`)
    await page.goto(`${server.url}${base.slice(1)}/page.html?${params}`)
    await page.waitForFunction(() => customElements.get('newsdex-search') && document.querySelector('newsdex-search')?.shadowRoot?.querySelector('.panel'))
    // The stylesheet has applied once the hiding style is gone.
    await page.waitForFunction(() => !document.querySelector('newsdex-search')!.shadowRoot!.querySelector('style'))
    return page
  }

  const input = (page: Page) => page.locator('newsdex-search input')
  const status = (page: Page) => page.locator('newsdex-search [role=status]')
  const options = (page: Page) => page.locator('newsdex-search [role=option]')
  const attr = (page: Page, name: string) => input(page).getAttribute(name)

  /** Waits until the results (or suggestions) of `query` are shown. */
  async function shown(page: Page, query: string): Promise<void> {
    await page.locator(`newsdex-search .list[data-query="${query.replace(/["\\]/g, '\\$&')}"]`).waitFor({ state: 'attached' })
    await page.waitForFunction(() => !document.querySelector('newsdex-search')!.shadowRoot!.querySelector('[aria-busy]'))
  }

  /** Types `text` into the (focused) box and waits for its results. */
  async function type(page: Page, text: string): Promise<void> {
    await input(page).fill('')
    await input(page).pressSequentially(text)
    await shown(page, text.trim())
  }

  /** The deepest focused element, described. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let el = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : null
    })

  async function axe(page: Page): Promise<{ id: string; nodes: string[] }[]> {
    await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') })
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document)
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }))
    })
  }

  it('opens with Ctrl+K and /, keeps focus in the input, and Escape closes and restores focus', async () => {
    const page = await open()
    const dialogOpen = () => page.evaluate(() => document.querySelector('newsdex-search')!.shadowRoot!.querySelector('dialog')!.open)
    const trigger = page.locator('newsdex-search [part=button]')
    expect(await trigger.getAttribute('aria-haspopup')).toBe('dialog')
    expect(await trigger.textContent()).toContain('Search')

    await page.locator('#before').focus()
    await page.keyboard.press('Control+k')
    expect(await dialogOpen()).toBe(true)
    expect(await focused(page)).toBe('input#i')
    await page.keyboard.press('Escape')
    expect(await dialogOpen()).toBe(false)
    expect(await focused(page)).toBe('button#before')

    await page.locator('#before').focus()
    await page.keyboard.press('/')
    expect(await dialogOpen()).toBe(true)
    expect(await input(page).inputValue()).toBe('') // the slash opened the box, it was not typed
    await page.keyboard.press('Escape')
    await expect.poll(dialogOpen).toBe(false)
    expect(await focused(page)).toBe('button#before')

    // The button opens it too; Escape then returns to the button.
    await trigger.click()
    expect(await dialogOpen()).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(dialogOpen).toBe(false)
    expect(await focused(page)).toBe('button.trigger')

    // `/` typed in a text field is text, not a shortcut.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<label>Other <input id="other"></label>'))
    await page.locator('#other').focus()
    expect(await focused(page)).toBe('input#other')
    await page.keyboard.press('/')
    expect(await dialogOpen()).toBe(false)
    expect(await page.locator('#other').inputValue()).toBe('/')
    expect(pageErrors).toEqual([])
  })

  it('is an APG combobox: roles, aria-expanded, aria-activedescendant, the status, arrows and Enter', async () => {
    const page = await open()
    await page.keyboard.press('Control+k')
    expect(await attr(page, 'role')).toBe('combobox')
    expect(await attr(page, 'aria-autocomplete')).toBe('list')
    expect(await attr(page, 'aria-expanded')).toBe('false')
    expect(await attr(page, 'aria-label')).toBe('Search articles')
    const listId = await attr(page, 'aria-controls')
    expect(await page.locator(`newsdex-search #${listId}`).getAttribute('role')).toBe('listbox')
    expect(await page.locator('newsdex-search dialog').getAttribute('aria-label')).toBe('Search articles')

    await type(page, 'council')
    expect(await status(page).textContent()).toBe('29 results')
    expect(await status(page).getAttribute('role')).toBe('status')
    expect(await attr(page, 'aria-expanded')).toBe('true')
    expect(await options(page).count()).toBe(10)
    // The first result is active.
    expect(await attr(page, 'aria-activedescendant')).toBe('o0')
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('true')
    expect(await options(page).nth(0).getAttribute('aria-setsize')).toBe('29')

    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(await attr(page, 'aria-activedescendant')).toBe('o2')
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('false')
    expect(await options(page).nth(2).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp') // wraps to the last
    expect(await attr(page, 'aria-activedescendant')).toBe('o9')
    expect(await focused(page)).toBe('input#i') // focus never left the input

    // Enter opens the active result: its URL, and the query becomes a recent search.
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/news\/council-\d+$/)
    await page.goBack()
    await page.waitForFunction(() => document.querySelector('newsdex-search')?.shadowRoot?.querySelector('.panel'))
    expect(await page.evaluate(() => localStorage.getItem('newsdex:recent'))).toBe('["council"]')
    expect(pageErrors).toEqual([])
  })

  it('emits newsdex:search and a cancelable newsdex:select, and never opens a javascript: URL', async () => {
    const page = await open({ href: '/article/{id}' })
    await page.evaluate(() => ((window as unknown as { cancelSelect: boolean }).cancelSelect = true))
    await page.keyboard.press('Control+k')
    await type(page, 'council')
    await page.keyboard.press('Enter')
    expect(await page.locator('newsdex-search dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false) // chosen: the dialog closes
    await page.keyboard.press('Control+k')
    await type(page, 'rocket')
    await page.keyboard.press('Enter') // no url: the href template gives one
    await page.keyboard.press('Control+k')
    await type(page, 'breaking')
    await options(page).first().click() // a javascript: URL is no URL: the template again
    const events = await page.evaluate(() => (window as unknown as { events: Record<string, unknown>[] }).events)
    const selects = events.filter((e) => e.type === 'newsdex:select')
    expect(selects).toHaveLength(3)
    expect(selects[0]).toMatchObject({ query: 'council', url: expect.stringMatching(/^http:\/\/localhost:\d+\/(news\/council-\d+|article\/hostile)$/) })
    expect(selects[1]).toMatchObject({ query: 'rocket', id: 'katyusha', url: `${server.url}article/katyusha` })
    expect(selects[2]).toMatchObject({ query: 'breaking', id: 'hostile', url: `${server.url}article/hostile` })
    expect(events.find((e) => e.type === 'newsdex:search' && e.query === 'council')).toMatchObject({ total: 29, filter: {}, sort: 'relevance' })
    expect(page.url()).toContain('/page.html') // canceled: no navigation
    // The hostile article is text, never markup.
    expect(await page.locator('newsdex-search #o0 [part=result-title]').textContent()).toBe(`Breaking ${XSS} council news`)
    expect(await page.locator('newsdex-search #o0 [part=result-meta]').textContent()).toContain('<b>Evil Wire</b>')
    const injected = await page.evaluate(() => ({
      elements: document.querySelector('newsdex-search')!.shadowRoot!.querySelectorAll('img, script, b').length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    }))
    expect(injected).toEqual({ elements: 0, pwned: undefined })
    expect(pageErrors).toEqual([])
  })

  it('filters by facets (collapsible), sorts newest first, and loads more', async () => {
    const page = await open()
    await page.keyboard.press('Control+k')
    await type(page, 'council')
    const filters = page.locator('newsdex-search [part=filters-button]')
    const facets = page.locator('newsdex-search [part=facets]')
    expect(await filters.getAttribute('aria-expanded')).toBe('false')
    expect(await facets.isHidden()).toBe(true)
    await filters.click()
    expect(await filters.getAttribute('aria-expanded')).toBe('true')
    expect(await facets.isVisible()).toBe(true)
    // Facets are counted only once the panel opens: that search ends after the click.
    const groups = () => page.locator('newsdex-search [part=facets] [role=group]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-labelledby')))
    await expect.poll(groups, { timeout: 10_000 }).toEqual(['f-source', 'f-location', 'f-country', 'f-year'])
    // Country codes are shown by name.
    expect(await page.locator('newsdex-search [data-f=country]').allTextContents()).toContain('Germany4')

    await page.locator('newsdex-search [data-f=source][data-v=AFP]').click()
    await statusIs(page, results(councils({ source: 'AFP' })))
    expect(await page.locator('newsdex-search [data-f=source][data-v=AFP]').getAttribute('aria-pressed')).toBe('true')
    expect(await focused(page)).toBe('button.chip') // focus stays on the facet after the update
    expect(await filters.textContent()).toBe('Filters (1)')
    // Values of the selected field are still counted without it, so a second source can be added.
    expect(await page.locator('newsdex-search [data-f=source][data-v=AP]').textContent()).toBe(`AP${councils({ source: 'AP' })}`)
    await page.locator('newsdex-search [data-f=source][data-v=AP]').click()
    await statusIs(page, results(councils({ source: 'AFP' }) + councils({ source: 'AP' })))
    // A year is one choice; with the sources.
    await page.locator('newsdex-search [data-f=year][data-v="2020"]').click()
    await statusIs(page, results(councils({ source: 'AFP', year: '2020' }) + councils({ source: 'AP', year: '2020' })))
    await page.locator('newsdex-search [data-f=year][data-v="2021"]').click()
    await statusIs(page, results(councils({ source: 'AFP', year: '2021' }) + councils({ source: 'AP', year: '2021' })))
    expect(await page.locator('newsdex-search [data-f=year][data-v="2020"]').getAttribute('aria-pressed')).toBe('false')
    expect(await filters.textContent()).toBe('Filters (3)')
    for (const [field, value] of [['source', 'AFP'], ['source', 'AP'], ['year', '2021']]) {
      await page.locator(`newsdex-search [data-f=${field}][data-v="${value}"]`).click()
      await page.locator(`newsdex-search [data-f=${field}][data-v="${value}"][aria-pressed=false]`).waitFor()
    }
    await statusIs(page, '29 results')
    expect(await filters.textContent()).toBe('Filters')
    // The filters collapse again.
    await filters.click()
    expect(await facets.isHidden()).toBe(true)

    // Newest first.
    const sort = page.locator('newsdex-search [part=sort]')
    expect(await sort.getAttribute('aria-pressed')).toBe('false')
    await sort.click()
    await page.waitForFunction(() => document.querySelector('newsdex-search')!.shadowRoot!.querySelector('[part=sort]')!.getAttribute('aria-pressed') === 'true')
    await shown(page, 'council')
    const dates = await page.locator('newsdex-search [role=option] time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!))
    expect(dates).toEqual([...dates].sort().reverse())
    expect(dates[0]!.startsWith('2021')).toBe(true)

    // Show more: 10, 20, 29, then the button goes and focus returns to the input.
    const more = page.locator('newsdex-search [part=more]')
    await more.click()
    await page.waitForFunction(() => document.querySelector('newsdex-search')!.shadowRoot!.querySelectorAll('[role=option]').length === 20)
    expect(await attr(page, 'aria-activedescendant')).toBe('o0')
    await more.click()
    await page.waitForFunction(() => document.querySelector('newsdex-search')!.shadowRoot!.querySelectorAll('[role=option]').length === 29)
    expect(await more.isHidden()).toBe(true)
    expect(await focused(page)).toBe('input#i')
    expect(await options(page).nth(28).getAttribute('aria-posinset')).toBe('29')
    const all = await page.locator('newsdex-search [role=option] time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!))
    expect(all).toEqual([...all].sort().reverse())
    expect(new Set(await page.locator('newsdex-search [role=option]').evaluateAll((els) => els.map((el) => el.id))).size).toBe(29)
    expect(pageErrors).toEqual([])
  })

  it('offers no "newest first" over an undated archive', async () => {
    const page = await open({ src: 'undated.json' })
    await page.keyboard.press('Control+k')
    await type(page, 'council')
    expect(await status(page).textContent()).toBe('3 results')
    expect(await page.locator('newsdex-search [part=sort]').isHidden()).toBe(true)
    expect(await page.locator('newsdex-search [role=option] time').count()).toBe(0)
  })

  it('shows no results with "did you mean" and completions, and clears filters that hide every result', async () => {
    const page = await open()
    await page.keyboard.press('Control+k')
    await type(page, 'xylophonequartz')
    expect(await status(page).textContent()).toBe('No results')
    expect(await page.locator('newsdex-search [part=empty] p').textContent()).toBe('No articles match “xylophonequartz”.')
    expect(await attr(page, 'aria-expanded')).toBe('false')

    await type(page, 'councilxyz')
    expect(await status(page).textContent()).toBe('No results')
    expect(await page.locator('newsdex-search [part=list-heading]').textContent()).toBe('Did you mean')
    const offers = await options(page).allTextContents()
    expect(offers[0]).toBe('council')
    expect(await attr(page, 'aria-expanded')).toBe('true')
    expect(await attr(page, 'aria-activedescendant')).toBe('o0')
    await page.keyboard.press('Enter') // searches the suggestion
    await shown(page, 'council')
    expect(await input(page).inputValue()).toBe('council')
    expect(await status(page).textContent()).toBe('29 results')

    // A filter that leaves nothing: say so, offer to clear it.
    await page.locator('newsdex-search [part=filters-button]').click()
    await page.locator('newsdex-search [data-f=location][data-v=Berlin]').click()
    await statusIs(page, results(councils({ location: 'Berlin' })))
    await type(page, 'rocket')
    expect(await status(page).textContent()).toBe('No results')
    expect(await page.locator('newsdex-search [part=empty] p').textContent()).toBe('No articles match “rocket”. 1 result without the filters.')
    // The selected value stays, so it can be removed, and the panel offers to clear it.
    expect(await page.locator('newsdex-search [data-f=location][data-v=Berlin]').getAttribute('aria-pressed')).toBe('true')
    await page.locator('newsdex-search [part=clear-filters]').click()
    await statusIs(page, '1 result')
    expect(await focused(page)).toBe('input#i')
    expect(pageErrors).toEqual([])
  })

  it('keeps recent searches (and forgets them on request), unless no-recent', async () => {
    const page = await open()
    await page.keyboard.press('Control+k')
    await type(page, 'tram')
    await page.evaluate(() => ((window as unknown as { cancelSelect: boolean }).cancelSelect = true))
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+k')
    await type(page, 'library')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+k')
    await input(page).fill('')
    await page.waitForFunction(() => document.querySelector('newsdex-search')!.shadowRoot!.querySelector('[part=list-heading]')?.textContent === 'Recent searches')
    expect(await options(page).allTextContents()).toEqual(['library', 'tram'])
    expect(await attr(page, 'aria-expanded')).toBe('true')
    expect(await status(page).textContent()).toBe('')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await shown(page, 'tram')
    expect(await input(page).inputValue()).toBe('tram')
    await input(page).fill('')
    await page.locator('newsdex-search [part=clear-recent]').click()
    expect(await options(page).count()).toBe(0)
    expect(await page.evaluate(() => localStorage.getItem('newsdex:recent'))).toBeNull()

    const off = await open({ 'no-recent': '' })
    await off.evaluate(() => localStorage.setItem('newsdex:recent', '["tram"]'))
    await off.keyboard.press('Control+k')
    await type(off, 'library')
    await off.evaluate(() => ((window as unknown as { cancelSelect: boolean }).cancelSelect = true))
    await off.keyboard.press('Enter')
    await off.keyboard.press('Control+k')
    await input(off).fill('')
    expect(await options(off).count()).toBe(0)
    expect(await off.evaluate(() => localStorage.getItem('newsdex:recent'))).toBe('["tram"]')
    expect(pageErrors).toEqual([])
  })

  it('inline mode: in the page, Ctrl+K focuses it, Escape clears it', async () => {
    const page = await open({ mode: 'inline' })
    expect(await page.locator('newsdex-search dialog').count()).toBe(0)
    await page.locator('#before').focus()
    await page.keyboard.press('Control+k')
    expect(await focused(page)).toBe('input#i')
    await page.keyboard.type('council')
    await shown(page, 'council')
    expect(await status(page).textContent()).toBe('29 results')
    expect(await attr(page, 'aria-activedescendant')).toBe('o0')
    await page.keyboard.press('Escape')
    expect(await input(page).inputValue()).toBe('')
    expect(await attr(page, 'aria-expanded')).toBe('false')
    expect(await focused(page)).toBe('input#i')
    expect(pageErrors).toEqual([])
  })

  it('runs the index in a worker, and on the main thread when workers are off or cannot start', async () => {
    const inWorker = await open()
    await inWorker.keyboard.press('Control+k')
    await type(inWorker, 'rocket')
    expect(inWorker.workers()).toHaveLength(1)
    expect(await status(inWorker).textContent()).toBe('1 result')

    for (const worker of ['off', '/nowhere/missing-worker.js']) {
      const page = await open({ worker })
      await page.keyboard.press('Control+k')
      await type(page, 'rocket')
      expect(await status(page).textContent()).toBe('1 result')
      expect(await page.locator('newsdex-search [role=option] mark').first().textContent()).toBe('rocket')
      expect(page.workers()).toHaveLength(0)
    }
    expect(pageErrors).toEqual([])
  })

  it('never shows a response out of order: a stale answer that arrives last is dropped', async () => {
    const page = await open({ worker: `${base}/slow-worker.js` })
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = [])
      const list = document.querySelector('newsdex-search')!.shadowRoot!.querySelector('.list')!
      new MutationObserver(() => seen.push(list.getAttribute('data-query') ?? '')).observe(list, { attributes: true, attributeFilter: ['data-query'] })
    })
    await page.keyboard.press('Control+k')
    await input(page).fill('baghdad')
    const [worker] = page.workers()
    // The worker has answered "baghdad", and holds the answer back.
    await expect.poll(() => worker!.evaluate(() => (self as unknown as { held: number }).held), { timeout: 5_000 }).toBe(1)
    await input(page).fill('rocket')
    await shown(page, 'rocket')
    await expect.poll(() => worker!.evaluate(() => (self as unknown as { late: number }).late), { timeout: 5_000 }).toBe(1)
    await page.waitForTimeout(200)
    expect(await page.locator('newsdex-search .list').getAttribute('data-query')).toBe('rocket')
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).not.toContain('baghdad')
    expect(await options(page).allTextContents()).toHaveLength(1)
    expect(pageErrors).toEqual([])
  })

  it('shows an index that cannot be opened as an alert', async () => {
    const page = await open({ src: 'missing.idx' })
    await page.keyboard.press('Control+k')
    await page.locator('newsdex-search[data-state=error]').waitFor({ state: 'attached' })
    expect(await page.locator('newsdex-search [role=alert]').textContent()).toMatch(/^Search is unavailable\. .*missing\.idx: HTTP 404/)
    await writeFile(join(work, 'corrupt.idx'), 'this is not an index')
    const corrupt = await open({ src: 'corrupt.idx' })
    await corrupt.keyboard.press('Control+k')
    await corrupt.locator('newsdex-search[data-state=error]').waitFor({ state: 'attached' })
    expect(await corrupt.locator('newsdex-search [role=alert]').textContent()).toMatch(/^Search is unavailable\. .+/)
  })

  it('opens a split index lazily: the search part on first interaction, then only what a search needs', async () => {
    const fetched: string[] = []
    const page = await open({}, { before: (p) => p.on('request', (request) => fetched.push(request.url().split('/').pop()!)) })
    // The manifest news.json, then the parts it names: news.<hash>.idx, news.positions.<hash>.idx…
    const parts = () => fetched.filter((name) => name.startsWith('news.'))
    const positions = () => parts().filter((name) => name.startsWith('news.positions.'))
    expect(parts()).toEqual([]) // nothing until the visitor shows interest
    await page.locator('newsdex-search [part=button]').hover()
    await expect.poll(parts).toEqual([expect.stringMatching(/^news\.json$/), expect.stringMatching(/^news\.[0-9a-f]{8}\.idx$/)])
    await page.keyboard.press('Control+k')
    await type(page, 'rocket')
    expect(await options(page).first().locator('[part=result-title] mark').textContent()).toBe('rocket')
    expect(positions()).toEqual([])
    await type(page, '"baghdad airport"')
    expect(await options(page).first().locator('mark').allTextContents()).toContain('Baghdad airport')
    // A phrase is checked on its candidates' text codes when their text is in (the box preloads
    // it after its first results), else on the positions part, fetched once.
    expect(positions().length).toBeLessThanOrEqual(1)
    expect(new Set(parts()).size).toBe(parts().length)
    expect(pageErrors).toEqual([])
  })

  it('preloads a split index by its packs from its first search on, behind that page\'s chunks: a later search fetches no chunk', async () => {
    const requested: string[] = []
    const finished: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const page = await open({ src: 'packed.json', mode: 'inline' }, {
      before: (p) => {
        p.on('request', (request) => requested.push(request.url().split('/').pop()!))
        p.on('requestfinished', (request) => finished.push(request.url().split('/').pop()!))
        // The first page's text arrives only when released.
        void p.route(/packed\.text-0\.[0-9a-f]+\.idx$/, async (route) => (await held, route.continue()))
      },
    })
    const named = (list: string[], pattern: RegExp) => list.filter((name) => pattern.test(name))
    const PACK = /^packed\.pack-\d+\.[0-9a-f]{8}\.idx$/
    const CHUNK = /^packed\.(?:display|text)-\d+\./
    await input(page).focus()
    // The first search fetches the chunk of its hits (chunk 0 holds the 4 harbour stories), and
    // the packs start behind it, before its text is in.
    await input(page).pressSequentially('harbour')
    await expect.poll(() => named(requested, PACK).length).toBeGreaterThan(0)
    expect(named(requested, CHUNK).map((name) => name.split('.')[1]).sort()).toEqual(['display-0', 'text-0'])
    expect(requested.findIndex((name) => PACK.test(name))).toBeGreaterThan(requested.findIndex((name) => /^packed\.text-0\./.test(name)))
    release()
    await shown(page, 'harbour')
    expect(await options(page).count()).toBe(4)
    // Then all 10 packs, each once, and no other chunk.
    await expect.poll(() => named(finished, PACK).length).toBe(10)
    expect(new Set(named(requested, PACK)).size).toBe(10)
    // (the worker adds each pack as its body arrives: a few ms after the request finishes)
    await page.waitForTimeout(500)
    // The railway stories are in chunks 1–9: their titles and snippets come from the packs.
    await type(page, 'railway')
    expect(await options(page).count()).toBe(10)
    expect(await options(page).first().locator('[part=result-snippet] mark').first().textContent()).toMatch(/railway/i)
    expect(named(requested, CHUNK).map((name) => name.split('.')[1]).sort()).toEqual(['display-0', 'text-0'])
    expect(pageErrors).toEqual([])
  })

  it('shows a page whose text is on its way with its titles first, then fills in its snippets (one newsdex:search)', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    // The text chunks arrive only when released; the search part and the titles come at once.
    const page = await open({}, { before: (p) => void p.route(/news\.text-\d+\.[0-9a-f]+\.idx$/, async (route) => (await held, route.continue())) })
    await page.keyboard.press('Control+k')
    await input(page).pressSequentially('rocket')
    await page.locator('newsdex-search .list[data-query="rocket"]').waitFor({ state: 'attached' })
    const snippets = () => options(page).locator('[part=result-snippet]').allTextContents()
    expect(await options(page).count()).toBeGreaterThan(0)
    expect(await options(page).first().locator('[part=result-title]').textContent()).toMatch(/rocket/i)
    expect((await snippets()).every((text) => text === '')).toBe(true)
    expect(await page.locator('newsdex-search .panel').getAttribute('aria-busy')).toBe('true')
    const searches = () => page.evaluate(() => (window as unknown as { events: { type: string; query: string }[] }).events.filter((e) => e.type === 'newsdex:search' && e.query === 'rocket').length)
    expect(await searches()).toBe(1)
    const active = await attr(page, 'aria-activedescendant')
    release()
    await shown(page, 'rocket')
    expect((await snippets()).some((text) => /rocket/i.test(text))).toBe(true)
    expect(await options(page).first().locator('[part=result-title] mark').first().textContent()).toMatch(/rocket/i)
    // Filled in where it was: the same options, the same one active, no second event.
    expect(await attr(page, 'aria-activedescendant')).toBe(active)
    expect(await page.locator('newsdex-search [aria-selected=true]').count()).toBe(1)
    expect(await searches()).toBe(1)
    expect(pageErrors).toEqual([])
  })

  it('takes localised text from attributes and the strings property, with plural forms', async () => {
    const page = await open({ 'text-placeholder': 'Rechercher', 'text-results': '{n} résultats', 'text-results-one': '{n} résultat', 'text-button': 'Rechercher' })
    expect(await page.locator('newsdex-search [part=button]').textContent()).toContain('Rechercher')
    expect(await input(page).getAttribute('placeholder')).toBe('Rechercher')
    await page.keyboard.press('Control+k')
    await type(page, 'rocket')
    expect(await status(page).textContent()).toBe('1 résultat')
    await type(page, 'council')
    expect(await status(page).textContent()).toBe('29 résultats')
    await page.evaluate(() => {
      const el = document.querySelector('newsdex-search') as HTMLElement & { strings: Record<string, string> }
      el.strings = { more: 'Plus de résultats', filters: 'Filtres' }
    })
    expect(await page.locator('newsdex-search [part=more]').textContent()).toBe('Plus de résultats')
    expect(await page.locator('newsdex-search [part=filters-button]').textContent()).toBe('Filtres')
  })

  it('does not move as results arrive', async () => {
    const page = await open()
    await page.keyboard.press('Control+k')
    const box = () => page.evaluate(() => {
      const root = document.querySelector('newsdex-search')!.shadowRoot!
      const rect = (selector: string) => JSON.stringify(root.querySelector(selector)!.getBoundingClientRect())
      return { dialog: rect('dialog'), body: rect('.body'), tools: rect('.tools') }
    })
    const empty = await box()
    await type(page, 'rocket')
    expect(await box()).toEqual(empty)
    await type(page, 'council')
    expect(await box()).toEqual(empty)
    await type(page, 'xylophonequartz')
    expect(await box()).toEqual(empty)

    const inline = await open({ mode: 'inline' })
    const below = () => inline.locator('#below').evaluate((el) => el.getBoundingClientRect().top)
    const before = await below()
    await input(inline).focus()
    await type(inline, 'rocket')
    expect(await below()).toBe(before)
    await type(inline, 'tram berlin')
    expect(await below()).toBe(before)
    // While a search runs, the results shown stay until the new ones replace them.
    await type(inline, 'council')
    const during = await inline.evaluate(async () => {
      const root = document.querySelector('newsdex-search')!.shadowRoot!
      const input = root.querySelector('input')!
      input.value = 'council o'
      input.dispatchEvent(new Event('input'))
      return { options: root.querySelectorAll('[role=option]').length, busy: root.querySelector('.panel')!.hasAttribute('aria-busy') }
    })
    expect(during).toEqual({ options: 10, busy: true })
  })

  describe('axe-core finds no violations', () => {
    for (const mode of ['modal', 'inline'] as const) {
      for (const dark of [false, true]) {
        it(`${mode}, ${dark ? 'dark' : 'light'}: empty, with results, with no results, with facets`, async () => {
          const page = await open({ mode }, { dark })
          if (mode === 'modal') expect(await axe(page)).toEqual([])
          if (mode === 'modal') await page.keyboard.press('Control+k')
          else await input(page).focus()
          expect(await axe(page)).toEqual([])
          await type(page, 'council')
          await page.locator('newsdex-search [part=filters-button]').click()
          expect(await axe(page)).toEqual([])
          await type(page, 'councilxyz')
          expect(await axe(page)).toEqual([])
          await type(page, 'xylophonequartz')
          expect(await axe(page)).toEqual([])
        })
      }
    }
  })

  describe('screenshots for review (test-output/)', () => {
    for (const width of [1280, 375]) {
      for (const dark of [false, true]) {
        const scheme = dark ? 'dark' : 'light'
        it(`${width} px, ${scheme}`, async () => {
          const page = await open({}, { width, height: width > 500 ? 800 : 812, dark })
          await page.screenshot({ path: join(OUTPUT, `ui-closed-${width}-${scheme}.png`) })
          await page.keyboard.press('Control+k')
          await type(page, 'council')
          await page.locator('newsdex-search [part=filters-button]').click()
          await page.keyboard.press('ArrowDown')
          const modal = join(OUTPUT, `ui-modal-${width}-${scheme}.png`)
          await page.screenshot({ path: modal })
          expect((await readFile(modal)).subarray(1, 4).toString()).toBe('PNG')
          if (width < 500) {
            // Full screen on a phone, the first result high on the screen even with the filters open.
            const { dialog, first } = await page.evaluate(() => {
              const root = document.querySelector('newsdex-search')!.shadowRoot!
              return { dialog: root.querySelector('dialog')!.getBoundingClientRect().toJSON(), first: root.querySelector('[role=option]')!.getBoundingClientRect().toJSON() }
            })
            expect(dialog).toMatchObject({ x: 0, y: 0, width: 375 })
            expect(first.y).toBeLessThan(400)
          }
          await type(page, 'councilxyz')
          await page.screenshot({ path: join(OUTPUT, `ui-no-results-${width}-${scheme}.png`) })

          const inline = await open({ mode: 'inline' }, { width, height: width > 500 ? 800 : 812, dark })
          await input(inline).focus()
          await type(inline, 'rocket')
          await inline.screenshot({ path: join(OUTPUT, `ui-inline-${width}-${scheme}.png`), fullPage: true })
        })
      }
    }
  })

  it('works on the example page (examples/site-search)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${server.url}examples/site-search/?index=${encodeURIComponent(`${base}/seeds.json`)}`)
    await page.keyboard.press('Control+k')
    await input(page).pressSequentially('rocket')
    await shown(page, 'rocket')
    expect(await status(page).textContent()).toBe('1 result')
    await page.keyboard.press('Enter') // the seed has no URL: the page shows the choice
    await page.locator('#selected').waitFor()
    expect(await page.locator('#selected-title').textContent()).toMatch(/^A katyusha rocket landed/)
    await expect.poll(() => focused(page)).toBe('button.trigger') // the dialog closed, focus went back
    await page.screenshot({ path: join(OUTPUT, 'ui-example-page.png') })
    expect(pageErrors).toEqual([])
  })
})
