/**
 * newsdex site search: a static page, no framework, no build step.
 *
 * Flow:
 *  1. Import NewsIndex from /dist/newsdex.browser.js (built by `npm run build`) and
 *     NewsIndex.open() ./seeds.json (or the URL in ?index=…): the manifest of `newsdex build --split`,
 *     and the search part it names (or a whole index, if ?index= names an .idx file built without
 *     --split). Any failure is shown in the page.
 *  2. Typing (debounced 80 ms, so only the latest input runs) or toggling a facet button runs
 *     index.searchAsync(query, { filter, facets, sort, limit, signal }), which fetches just the title
 *     and text chunks of the hits shown (and positions for a phrase); a newer search aborts the one
 *     still waiting for its parts. An empty query browses, newest first.
 *  3. Render the count, query notes, facet buttons and hits. Only hit.highlight strings (escaped by
 *     newsdex; <mark> is their only markup) go through innerHTML; everything else is textContent.
 */

const FACETS = ['source', 'location', 'year']
const FACET_LABELS = { source: 'Source', location: 'Location', year: 'Year' }
const FACET_VALUES_SHOWN = 12
const LIMIT = 20
const DEBOUNCE_MS = 80

const $ = (id) => document.getElementById(id)
const els = {
  form: $('search-form'),
  input: $('q'),
  count: $('count'),
  detail: $('status-detail'),
  error: $('error'),
  relaxed: $('relaxed'),
  diagnostics: $('diagnostics'),
  results: $('results'),
  facets: $('facets'),
  clear: $('clear-filters'),
  hitTemplate: $('hit-template'),
}

const params = new URLSearchParams(location.search)
const indexUrl = new URL(params.get('index') || './seeds.json', location.href)
/** Selected facet values. Year is single-choice: the date filter is one range. */
const selected = { source: new Set(), location: new Set(), year: new Set() }
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
let index = null
let timer = 0

async function loadIndex() {
  let NewsIndex
  try {
    ;({ NewsIndex } = await import('/dist/newsdex.browser.js'))
  } catch (error) {
    throw new Error(`Could not load the newsdex library from /dist/newsdex.browser.js; run \`npm run build\` first. (${error.message})`)
  }
  try {
    return await NewsIndex.open(indexUrl.href)
  } catch (error) {
    if (error.code === 'E_IO' || error instanceof TypeError) throw new Error(`Could not fetch the index: ${error.message}`)
    throw new Error(`The index ${indexUrl.pathname} cannot be read: ${error.message}`)
  }
}

/** The search filter for the current selection, leaving out `skip`'s own selection. */
function filterFor(skip) {
  const filter = {}
  if (skip !== 'source' && selected.source.size) filter.source = [...selected.source]
  if (skip !== 'location' && selected.location.size) filter.location = [...selected.location]
  const [year] = selected.year
  if (skip !== 'year' && year) filter.date = { from: `${year}-01-01`, to: `${year}-12-31` }
  return filter
}

/** Aborts the search still waiting for parts when a newer one starts. */
let pending = null

async function run() {
  clearTimeout(timer)
  if (!index) return
  const query = els.input.value.trim()
  pending?.abort()
  const controller = (pending = new AbortController())
  let res
  try {
    res = await index.searchAsync(query, { filter: filterFor(), facets: FACETS, sort: query ? 'relevance' : 'newest', limit: LIMIT, signal: controller.signal })
  } catch (error) {
    if (controller.signal.aborted) return // a newer search has started
    showError(error.message)
    return
  }
  // Values of a field with a selection are counted without that selection, so they can be combined.
  const facets = {}
  for (const field of FACETS) {
    facets[field] = selected[field].size
      ? index.search(query, { filter: filterFor(field), facets: [field], limit: 0, highlight: false }).facets[field]
      : res.facets[field]
  }
  render(query, res, facets)
  const url = new URL(location.href)
  if (query) url.searchParams.set('q', query)
  else url.searchParams.delete('q')
  history.replaceState(null, '', url)
}

function render(query, res, facets) {
  const { total, hits } = res
  els.count.textContent = `${total} ${total === 1 ? 'article' : 'articles'}`
  const shown = total > hits.length ? `, showing the first ${hits.length}` : ''
  els.detail.textContent = (query ? `for “${query}”` : 'newest first') + shown
  els.relaxed.hidden = !res.query.relaxed
  els.diagnostics.replaceChildren(...res.query.diagnostics.map((d) => el('li', null, d.message)))
  els.diagnostics.hidden = res.query.diagnostics.length === 0
  els.results.replaceChildren(...hits.map(renderHit))
  els.results.dataset.query = query
  renderFacets(facets)
}

/** Sets markup that newsdex produced and escaped (hit.highlight): the only innerHTML in this file. */
function setHighlighted(node, html, fallbackText) {
  if (html) node.innerHTML = html
  else node.textContent = fallbackText
}

function renderHit(hit) {
  const item = els.hitTemplate.content.firstElementChild.cloneNode(true)
  const { article, highlight } = hit
  const heading = item.querySelector('.hit-title')
  const url = safeUrl(article.url)
  const titleNode = url ? heading.appendChild(el('a', { href: url })) : heading
  setHighlighted(titleNode, highlight?.title, article.title || '(untitled)')

  const meta = item.querySelector('.hit-meta')
  if (article.date) meta.append(el('time', { dateTime: article.date }, dateFormat.format(new Date(`${article.date}T00:00:00Z`))))
  if (article.source.length) meta.append(labelled('Sources', article.source.join(', '), 'meta-source'))
  if (article.location.length) meta.append(labelled('Locations', article.location.join(', '), 'meta-location'))

  const snippets = item.querySelector('.hit-snippets')
  for (const snippet of highlight?.snippets ?? []) {
    const p = el('p', { className: 'snippet' })
    setHighlighted(p, snippet, '')
    snippets.append(p)
  }
  return item
}

function renderFacets(facets) {
  // Re-rendering replaces the buttons: keep keyboard focus on the same value.
  const focused = document.activeElement?.closest?.('button[data-field]')
  const focus = focused && { field: focused.dataset.field, value: focused.dataset.value }
  const groups = []
  for (const field of FACETS) {
    let values = [...(facets[field] ?? [])]
    if (field === 'year') values.sort((a, b) => b.value.localeCompare(a.value))
    values = values.slice(0, FACET_VALUES_SHOWN)
    for (const value of selected[field]) if (!values.some((v) => v.value === value)) values.push({ value, count: 0 })
    if (values.length === 0) continue
    const headingId = `facet-heading-${field}`
    const list = el('ul', { className: 'facet-values' })
    for (const { value, count } of values) {
      const button = el('button', { type: 'button', className: 'facet' })
      button.dataset.testid = `facet-${field}`
      button.dataset.field = field
      button.dataset.value = value
      button.setAttribute('aria-pressed', String(selected[field].has(value)))
      button.setAttribute('aria-label', `${value}, ${count} ${count === 1 ? 'article' : 'articles'}`)
      button.append(el('span', { className: 'facet-value' }, value), el('span', { className: 'facet-count' }, String(count)))
      list.append(el('li', null, button))
    }
    const group = el('div', { className: 'facet-group' }, el('h3', { id: headingId }, FACET_LABELS[field]), list)
    group.setAttribute('role', 'group')
    group.setAttribute('aria-labelledby', headingId)
    groups.push(group)
  }
  els.facets.replaceChildren(...groups)
  els.clear.hidden = FACETS.every((field) => selected[field].size === 0)
  if (focus) {
    const again = [...els.facets.querySelectorAll('button[data-field]')].find((b) => b.dataset.field === focus.field && b.dataset.value === focus.value)
    ;(again ?? els.input).focus()
  }
}

function toggle(field, value) {
  const values = selected[field]
  if (values.has(value)) values.delete(value)
  else {
    if (field === 'year') values.clear()
    values.add(value)
  }
  run()
}

/** Creates an element with properties and children (strings become text). */
function el(tag, props, ...children) {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

function labelled(label, text, className) {
  return el('span', { className }, el('span', { className: 'visually-hidden' }, `${label}: `), text)
}

/** The article URL if it is http(s), else null (no javascript: links). */
function safeUrl(raw) {
  if (!raw) return null
  try {
    const url = new URL(raw, location.href)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function showError(message) {
  els.error.textContent = message
  els.error.hidden = false
  els.count.textContent = ''
  els.detail.textContent = 'Search is unavailable.'
}

els.input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(run, DEBOUNCE_MS)
})
els.form.addEventListener('submit', (event) => {
  event.preventDefault()
  run()
})
els.facets.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-field]')
  if (button) toggle(button.dataset.field, button.dataset.value)
})
els.clear.addEventListener('click', () => {
  FACETS.forEach((field) => selected[field].clear())
  els.input.focus()
  run()
})

els.input.value = params.get('q') ?? ''
try {
  index = await loadIndex()
  els.input.disabled = false
  await run()
  // Ready once the first results are on the page.
  document.documentElement.dataset.state = 'ready'
} catch (error) {
  console.error(error)
  showError(error.message)
  document.documentElement.dataset.state = 'error'
}
