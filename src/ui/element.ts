/**
 * `<newsdex-search src="/news.idx">`: a site search box over a newsdex index, framework-free.
 *
 * - `mode="modal"` (default): a button that opens a dialog (full screen on small screens);
 *   `mode="inline"`: the box and its results in the page.
 * - Keyboard: the WAI-ARIA APG combobox (see combobox.ts); Ctrl/Cmd+K and `/` open it.
 * - The index runs in a worker (worker-client.ts); a newer keystroke aborts the search before it, and
 *   only the newest request's response is ever shown.
 * - Styled in its shadow root by ui.css (loaded beside this module); themed with `--newsdex-*`
 *   custom properties and `::part()`.
 * - Events: `newsdex:search` (results shown; over a split index whose text is still arriving, the
 *   snippets fill in just after) and `newsdex:select` (a result chosen; cancelable, and then the
 *   element does not navigate: a framework routes instead).
 *
 * Attributes: `src`, `mode`, `limit` (hits per page, default 10), `facets` (comma-separated, default
 * `source,location,country,year`), `href` (a URL template for hits without a URL: `/news/{id}`),
 * `query` (initial text), `preload` (open the index at once rather than on first interaction),
 * `no-recent` (keep no recent searches), `recent-key` (their storage key), `worker` (`off`, or the
 * worker script's URL), `stylesheet` (the URL of a stylesheet to use instead of ui.css) and
 * `text-<key>` (localised text, see strings.ts).
 */
import type { FacetCount, Hit } from '../types.js'
import { Combobox, isOpenShortcut } from './combobox.js'
import { RecentSearches } from './recent.js'
import { facetRow, h, hitOption, queryOption, skeleton, type Formatter } from './render.js'
import type { IndexInfo, ViewResponse } from './search-core.js'
import { fill, STRINGS, type UiStrings } from './strings.js'
import { connect, type Searcher } from './worker-client.js'

/** The detail of `newsdex:select`. */
export interface SelectDetail {
  hit: Hit
  /** Where the element navigates unless the event is canceled; `null` when the hit has no URL. */
  url: string | null
  query: string
}

/** The detail of `newsdex:search`. */
export interface SearchDetail {
  query: string
  total: number
  /** Selected facet values per field. */
  filter: Record<string, string[]>
  sort: 'relevance' | 'newest'
}

/** An option of the listbox: a hit, or a query to search (a recent search, a suggestion). */
type Item = { hit: Hit } | { query: string }

/** The element's base class; a stand-in where there is no DOM (server rendering imports this module). */
const Base = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement

/** The deepest focused element, through shadow roots. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active as HTMLElement | null
}

/** An http(s) URL resolved against the page, or `null`. */
function safeUrl(raw: string | undefined): string | null {
  try {
    const url = new URL(raw ?? '', document.baseURI)
    return raw && /^https?:$/.test(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

export class NewsdexSearch extends Base {
  static observedAttributes = ['src', 'mode']

  private _strings: UiStrings = {}
  private _root = this.attachShadow({ mode: 'open' })
  private _built = ''
  private _searcher: Searcher | undefined
  private _info: IndexInfo | undefined
  private _combo = new Combobox()
  private _items: Item[] = []
  private _hits: Hit[] = []
  /** Number of the newest request: a response to any other is never shown. */
  private _seq = 0
  private _abort: AbortController | undefined
  private _selected: Record<string, string[]> = {}
  private _newest = false
  private _returnTo: HTMLElement | null = null
  private _lang = 'en'
  private _formatter: Formatter | undefined
  private _intl: { plural: Intl.PluralRules; number: Intl.NumberFormat } | undefined
  /** The facets shown were not counted for the results shown (the panel was closed). */
  private _uncounted = true

  /** Replacements of the element's text (see `STRINGS`); setting them updates what is shown. */
  get strings(): UiStrings {
    return this._strings
  }

  set strings(value: UiStrings) {
    this._strings = { ...value }
    this._formatter = undefined
    if (this._built) this._texts()
  }

  connectedCallback(): void {
    this._lang = this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en'
    this._formatter = this._intl = undefined
    this._build()
    document.addEventListener('keydown', this._onShortcut)
    if (this.hasAttribute('preload')) this._connect()
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this._onShortcut)
    this._abort?.abort()
    // The worker and its index go with the element (a page that removes it gets the memory back).
    this._searcher?.stop()
    this._searcher = this._info = undefined
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this._built) return
    if (name === 'src') {
      this._searcher?.stop()
      this._searcher = this._info = undefined
      this.removeAttribute('data-state')
      this._search()
    } else this._build()
  }

  /** Opens the dialog (modal mode) or focuses the box (inline mode). */
  open(): void {
    this._connect()
    const dialog = this._$<HTMLDialogElement>('dialog')
    if (dialog && !dialog.open) {
      this._returnTo = deepActive()
      dialog.showModal()
    }
    const input = this._input
    input.focus()
    input.select()
  }

  /** Closes the dialog; focus goes back where it was before it opened. */
  close(): void {
    this._$<HTMLDialogElement>('dialog')?.close()
  }

  private get _modal(): boolean {
    return this.getAttribute('mode') !== 'inline'
  }

  private get _input(): HTMLInputElement {
    return this._$('input')!
  }

  private _$<T extends HTMLElement>(selector: string): T | null {
    return this._root.querySelector<T>(selector)
  }

  /** The text of `key` (see strings.ts): the element's own replacements first, each with its plural form for `n`. */
  private _t(key: string, n?: number, q = ''): string {
    const own = (k: string): string | undefined => this._strings[k] ?? this.getAttribute(`text-${k}`) ?? undefined
    const intl = (this._intl ??= { plural: new Intl.PluralRules(this._lang), number: new Intl.NumberFormat(this._lang) })
    const plural = n === undefined ? '' : `${key}-${intl.plural.select(n)}`
    const defaults = STRINGS as Record<string, string>
    const text = (plural && own(plural)) || own(key) || (plural && defaults[plural]) || defaults[key] || key
    return fill(text, { n: n === undefined ? '' : intl.number.format(n), q })
  }

  /** Formats dates and country names in the element's language (made once: Intl objects are slow to make). */
  private _format(): Formatter {
    if (this._formatter) return this._formatter
    const dates = new Intl.DateTimeFormat(this._lang, { dateStyle: 'medium', timeZone: 'UTC' })
    let regions: Intl.DisplayNames | undefined
    try {
      regions = new Intl.DisplayNames(this._lang, { type: 'region' })
    } catch {
      // Country codes stay codes.
    }
    return (this._formatter = {
      date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
      value: (field, value) => {
        if (field !== 'country') return value
        try {
          return regions?.of(value) ?? value
        } catch {
          return value
        }
      },
      untitled: this._t('untitled'),
    })
  }

  /** Builds the shadow content for the current mode. */
  private _build(): void {
    const modal = this._modal
    const mode = modal ? 'modal' : 'inline'
    if (this._built === mode) return
    this._built = mode
    // The styles load beside this module (ui.css), or from `stylesheet`; the panel stays invisible until they apply.
    const href = this.getAttribute('stylesheet') ?? new URL('./ui.css', import.meta.url).href
    this._root.innerHTML = `<style>:host{visibility:hidden}</style>${skeleton(modal)}`
    const hide = this._root.firstChild as Element
    const link = h('link', { rel: 'stylesheet', href })
    link.onload = link.onerror = () => hide.remove()
    hide.after(link)
    this._texts()
    const input = this._input
    input.value = this.getAttribute('query') ?? ''
    input.addEventListener('input', () => this._search())
    input.addEventListener('keydown', (event) => this._onKey(event))
    const warm = (): void => this._connect()
    const list = this._$('.list')!
    list.addEventListener('mousedown', (event) => event.preventDefault()) // focus stays in the input
    list.addEventListener('pointermove', (event) => {
      const option = (event.target as Element).closest('[role=option]')
      const index = option ? [...list.children].indexOf(option) : -1
      if (index >= 0 && index !== this._combo.active) this._activate(index, false)
    })
    const choose = (event: MouseEvent): void => {
      const option = (event.target as Element).closest('[role=option]')
      if (option && (event.button === 0 || event.button === 1)) this._choose([...list.children].indexOf(option), event)
    }
    list.addEventListener('click', choose)
    list.addEventListener('auxclick', choose)
    this._$('.facets')!.addEventListener('click', (event) => {
      const chip = (event.target as Element).closest<HTMLElement>('[data-f]')
      if (!chip) return
      const field = chip.dataset.f!
      const value = chip.dataset.v!
      const values = this._selected[field] ?? []
      this._selected[field] = values.includes(value) ? values.filter((v) => v !== value) : field === 'year' ? [value] : [...values, value]
      this._search()
    })
    this._$('.sort')!.addEventListener('click', () => {
      this._newest = !this._newest
      this._search()
    })
    const filters = this._$('.ft')!
    filters.addEventListener('click', () => {
      const open = filters.getAttribute('aria-expanded') !== 'true'
      filters.setAttribute('aria-expanded', String(open))
      this._$('.facets')!.hidden = !open
      // Facets are counted only while they show: count them for the results shown.
      if (open && this._uncounted) this._search()
    })
    this._$('.cf')!.addEventListener('click', () => {
      this._selected = {}
      input.focus()
      this._search()
    })
    this._$('.more')!.addEventListener('click', () => this._search(true))
    this._$('.cr')!.addEventListener('click', () => {
      this._recent()?.clear()
      input.focus()
      this._search()
    })
    input.addEventListener('focus', warm)
    input.addEventListener('pointerenter', warm)
    const dialog = this._$<HTMLDialogElement>('dialog')
    if (dialog) {
      const trigger = this._$('.trigger')!
      trigger.addEventListener('click', () => this.open())
      trigger.addEventListener('pointerenter', warm)
      trigger.addEventListener('focus', warm)
      this._$('.x')!.addEventListener('click', () => this.close())
      // A click on the backdrop (the dialog itself, outside its panel) closes it.
      dialog.addEventListener('click', (event) => event.target === dialog && this.close())
      dialog.addEventListener('close', () => {
        const back = this._returnTo?.isConnected && this._returnTo !== document.body ? this._returnTo : trigger
        back.focus()
      })
    }
    this._search()
  }

  /** Puts the current text into the skeleton. */
  private _texts(): void {
    const set = (selector: string, key: string, attribute?: string): void => {
      const node = this._$(selector)
      if (node && attribute) node.setAttribute(attribute, this._t(key))
      else if (node) node.textContent = this._t(key)
    }
    set('input', 'label', 'aria-label')
    set('input', 'placeholder', 'placeholder')
    set('dialog', 'label', 'aria-label')
    set('.trigger span', 'button')
    set('.x', 'close')
    set('.sort', 'newest')
    set('.more', 'more')
    set('.cf', 'clear-filters')
    set('.cr', 'clear-recent')
    this._root.querySelectorAll('.keys span').forEach((node, i) => (node.textContent = this._t(['key-move', 'key-open', 'key-close'][i]!)))
    const shortcut = this._$('.trigger kbd')
    if (shortcut) shortcut.textContent = /Mac|iP/.test(navigator.platform) ? '⌘ K' : 'Ctrl K'
    this._filtersLabel()
  }

  /** Starts opening the index (once per `src`). */
  private _connect(): void {
    const src = this.getAttribute('src')
    if (this._searcher || !src) return
    this.dataset.state = 'loading'
    const searcher = (this._searcher = connect(new URL(src, document.baseURI).href, this.getAttribute('worker')))
    searcher.ready.then(
      (info) => {
        if (searcher !== this._searcher) return
        this._info = info
        this.dataset.state = 'ready'
      },
      (error: Error) => {
        if (searcher !== this._searcher) return
        this.dataset.state = 'error'
        this._$('.err')!.textContent = `${this._t('error')} ${error.message}`
        this._status('')
      },
    )
  }

  private _recent(): RecentSearches | null {
    if (this.hasAttribute('no-recent')) return null
    let storage: Storage | null = null
    try {
      storage = localStorage
    } catch {
      // Storage is blocked: recent searches are not kept.
    }
    return new RecentSearches(storage, this.getAttribute('recent-key') ?? undefined)
  }

  private _status(text: string): void {
    const status = this._$('.st')!
    if (status.textContent !== text) status.textContent = text
  }

  /** Searches the input's text (`more`: the next page of the same search). */
  private async _search(more = false): Promise<void> {
    const q = this._input.value.trim()
    this._abort?.abort()
    const seq = ++this._seq
    if (!q) return this._showQueries(this._recent()?.list() ?? [], 'recent')
    this._connect()
    const searcher = this._searcher
    if (!searcher) return
    const controller = (this._abort = new AbortController())
    const panel = this._$('.panel')!
    panel.setAttribute('aria-busy', 'true')
    if (!this._info) this._status(this._t('loading'))
    try {
      const info = await searcher.ready
      // Facets are counted only while the panel shows them (counting costs time on each keystroke).
      // An undated archive has no years to offer.
      const shown = !more && this._$('.ft')!.getAttribute('aria-expanded') === 'true'
      const facets = shown ? (this.getAttribute('facets') ?? 'source,location,country,year').split(',').map((f) => f.trim()).filter((f) => f && (info.dated || !/^(year|month)$/.test(f))) : []
      const request = { q, sort: this._newest && info.dated ? ('newest' as const) : ('relevance' as const), limit: Number(this.getAttribute('limit')) || 10, offset: more ? this._hits.length : 0, facets, selected: this._selected }
      // A page whose snippets' text is being fetched is shown first without them, then filled in.
      let partial: ViewResponse | undefined
      const response = await searcher.search(request, controller.signal, (early) => {
        if (seq === this._seq) this._show(q, (partial = early), more, shown && facets)
      })
      if (seq !== this._seq) return
      if (partial && response.hits.length === partial.hits.length && response.hits.every((hit, i) => hit.id === partial!.hits[i]!.id)) this._complete(response)
      else this._show(q, response, more, shown && facets)
    } catch (error) {
      if (seq === this._seq && !controller.signal.aborted && this._info) {
        this._$('.err')!.textContent = `${this._t('error')} ${(error as Error).message}`
      }
    } finally {
      if (seq === this._seq) panel.removeAttribute('aria-busy')
    }
  }

  /** Shows a list of queries to search: recent searches (empty input) or suggestions (no results). */
  private _showQueries(queries: string[], kind: 'recent' | 'did-you-mean'): void {
    const recent = kind === 'recent'
    if (recent) {
      this._status('')
      this._hits = []
      for (const selector of ['.sort', '.ft', '.facets', '.none', '.note', '.more']) this._$(selector)!.hidden = true
      this._$('.err')!.textContent = ''
      this._$('.panel')!.removeAttribute('aria-busy')
    }
    this._$('.cr')!.hidden = !recent || queries.length === 0
    const heading = this._$('.lh')!
    heading.textContent = this._t(kind)
    heading.hidden = queries.length === 0
    this._items = queries.map((query) => ({ query }))
    this._fill(queries.map(queryOption), false, 'h')
  }

  /** Replaces (or, `more`, extends) the options of the listbox, and makes the first one active. */
  private _fill(options: HTMLElement[], more: boolean, labelledBy: string | null): void {
    const list = this._$('.list')!
    if (more) list.append(...options)
    else list.replaceChildren(...options)
    list.hidden = this._items.length === 0
    if (labelledBy) {
      list.setAttribute('aria-labelledby', labelledBy)
      list.removeAttribute('aria-label')
    } else {
      list.setAttribute('aria-label', this._t('label'))
      list.removeAttribute('aria-labelledby')
    }
    this._input.setAttribute('aria-expanded', String(this._items.length > 0))
    this._combo.reset(this._items.length, more)
    this._activate(this._combo.active, !more)
  }

  /** Shows a response. */
  private _show(q: string, res: ViewResponse, more: boolean, fields: string[] | false): void {
    const format = this._format()
    const start = more ? this._hits.length : 0
    this._hits = more ? [...this._hits, ...res.hits] : res.hits
    this._$('.err')!.textContent = ''
    this._$('.cr')!.hidden = true
    const none = res.total === 0
    const filtered = Object.values(this._selected).some((values) => values.length > 0)
    // No results: the message, "clear filters" and the suggestions.
    const empty = this._$('.none')!
    empty.hidden = !none
    if (none) {
      empty.firstElementChild!.textContent = this._t('no-match', undefined, q) + (res.unfiltered ? ` ${this._t('unfiltered', res.unfiltered)}` : '')
      this._$('.cf')!.hidden = !filtered
    }
    const note = this._$('.note')!
    const notes = [...(res.relaxed ? [this._t('relaxed')] : []), ...res.notes]
    note.textContent = notes.join(' ')
    note.hidden = notes.length === 0
    this._$('.more')!.hidden = this._hits.length >= res.total
    const sort = this._$('.sort')!
    sort.hidden = !this._info?.dated
    sort.setAttribute('aria-pressed', String(this._newest))
    this._$('.ft')!.hidden = false
    this._$('.facets')!.hidden = this._$('.ft')!.getAttribute('aria-expanded') !== 'true'
    if (fields) this._facets(fields, res.facets, format)
    if (!more) this._uncounted = !fields
    this._status(none ? this._t('no-results') : this._t('results', res.total))
    if (none) this._showQueries(res.suggestions, 'did-you-mean')
    else {
      this._$('.lh')!.hidden = true
      this._items = this._hits.map((hit) => ({ hit }))
      this._fill(res.hits.map((hit, i) => hitOption(hit, start + i, res.total, format)), more, null)
    }
    this._$('.list')!.dataset.query = q
    if (more && this._$('.more')!.hidden) this._input.focus()
    const detail: SearchDetail = { query: q, total: res.total, filter: structuredClone(this._selected), sort: this._newest && this._info?.dated ? 'newest' : 'relevance' }
    this.dispatchEvent(new CustomEvent('newsdex:search', { detail, bubbles: true, composed: true }))
  }

  /** Fills in the highlights of the hits last shown without them (the same hits, in the same order). */
  private _complete(res: ViewResponse): void {
    const start = this._hits.length - res.hits.length
    const options = this._$('.list')!.children
    const format = this._format()
    res.hits.forEach((hit, i) => {
      this._hits[start + i] = hit
      this._items[start + i] = { hit }
      const shown = options[start + i]
      const option = hitOption(hit, start + i, res.total, format)
      option.setAttribute('aria-selected', shown?.getAttribute('aria-selected') ?? 'false')
      shown?.replaceWith(option)
    })
  }

  /** Renders the facet rows; a focused facet button keeps the focus. */
  private _facets(fields: string[], counts: Record<string, FacetCount[]>, format: Formatter): void {
    const focused = this._root.activeElement as HTMLElement | null
    const panel = this._$('.facets')!
    panel.replaceChildren(...fields.map((field) => facetRow(field, this._t(field), counts[field] ?? [], this._selected[field] ?? [], format)))
    if (focused?.dataset.f) {
      const again = [...panel.querySelectorAll<HTMLElement>('[data-f]')].find((chip) => chip.dataset.f === focused.dataset.f && chip.dataset.v === focused.dataset.v)
      ;(again ?? this._input).focus()
    }
    this._filtersLabel()
  }

  /** "Filters", with the number of selected values. */
  private _filtersLabel(): void {
    const count = Object.values(this._selected).reduce((sum, values) => sum + values.length, 0)
    this._$('.ft')!.textContent = this._t('filters') + (count ? ` (${count})` : '')
  }

  /** Makes option `index` the active one (`aria-activedescendant`, `aria-selected`). */
  private _activate(index: number, scroll = true): void {
    this._combo.active = index
    const options = this._$('.list')!.children
    for (let i = 0; i < options.length; i++) options[i]!.setAttribute('aria-selected', String(i === index))
    const option = options[index]
    if (option) {
      this._input.setAttribute('aria-activedescendant', option.id)
      // At the next frame, which lays the page out anyway: scrolling now would lay it out once more.
      if (scroll) requestAnimationFrame(() => option.isConnected && option.scrollIntoView({ block: 'nearest' }))
    } else this._input.removeAttribute('aria-activedescendant')
  }

  private _onKey(event: KeyboardEvent): void {
    const intent = this._combo.key(event)
    if (intent === 'move') {
      event.preventDefault()
      this._activate(this._combo.active)
    } else if (intent === 'choose') {
      event.preventDefault()
      this._choose(this._combo.active, event)
    } else if (intent === 'escape' && !this._modal && this._input.value) {
      // Inline: Escape dismisses the results by clearing the box (modal: the dialog closes itself).
      event.preventDefault()
      this._input.value = ''
      this._search()
    }
  }

  /**
   * Chooses option `index`: searches a query option; selects a hit: closes the dialog and goes to
   * the hit's URL, unless `newsdex:select` is canceled (a router takes over). With Ctrl, Cmd, Shift
   * or the middle button, opens the URL in a new tab and stays.
   */
  private _choose(index: number, event: KeyboardEvent | MouseEvent): void {
    const item = this._items[index]
    if (!item) return
    if ('query' in item) {
      this._input.value = item.query
      this._input.focus()
      this._search()
      return
    }
    const query = this._input.value.trim()
    this._recent()?.add(query)
    const { hit } = item
    const template = this.getAttribute('href')
    const url = safeUrl(hit.article.url) ?? (template ? safeUrl(fill(template, { id: encodeURI(hit.id) })) : null)
    const detail: SelectDetail = { hit, url, query }
    const go = this.dispatchEvent(new CustomEvent('newsdex:select', { detail, bubbles: true, composed: true, cancelable: true }))
    if (event.ctrlKey || event.metaKey || event.shiftKey || ('button' in event && event.button === 1)) {
      if (go && url) window.open(url, '_blank', 'noopener')
      return
    }
    this.close()
    if (go && url) location.assign(url)
  }

  /** Ctrl/Cmd+K or `/` on the page: opens the search (the first element on the page takes the key). */
  private _onShortcut = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0] as HTMLElement
    const editable = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName ?? '')
    if (event.defaultPrevented || !isOpenShortcut(event, editable)) return
    event.preventDefault()
    this.open()
  }
}
