/**
 * The markup of the search box: the static skeleton, result options, query options (recent
 * searches, suggestions) and facet rows. Text always goes in as text; the only HTML set is
 * `hit.highlight` (the runtime escaped it, `<mark>` is its only markup).
 */
import type { FacetCount, Hit } from '../types.js'

/** Formats what the markup shows, in the element's language. */
export interface Formatter {
  date(iso: string): string
  /** The label of a facet value (country codes become names). */
  value(field: string, value: string): string
  untitled: string
}

const SEARCH_ICON = '<svg class="ic" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5"/><path d="m15.5 15.5 5 5"/></svg>'

/** The element's shadow markup: a trigger and a dialog around the panel (modal), or the panel alone (inline). */
export function skeleton(modal: boolean): string {
  const panel =
    `<div class="panel" part="panel"><div class="bar" part="bar">${SEARCH_ICON}` +
    '<input id="i" part="input" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="l" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">' +
    (modal ? '<button type="button" class="x" part="close"></button>' : '') +
    '</div><div class="tools" part="toolbar"><p class="st" role="status" part="status"></p>' +
    '<button type="button" class="sort" part="sort" aria-pressed="false" hidden></button>' +
    '<button type="button" class="ft" part="filters-button" aria-expanded="false" aria-controls="f" hidden></button></div>' +
    '<div id="f" class="facets" part="facets" hidden></div>' +
    '<div class="body" part="body"><p class="err" role="alert" part="error"></p>' +
    '<div class="none" part="empty" hidden><p></p><button type="button" class="cf" part="clear-filters" hidden></button></div>' +
    '<p class="note" part="note" hidden></p><p id="h" class="lh" part="list-heading" hidden></p>' +
    '<ul id="l" class="list" role="listbox" part="results" hidden></ul>' +
    '<button type="button" class="more" part="more" hidden></button>' +
    '<button type="button" class="cr" part="clear-recent" hidden></button></div>' +
    (modal ? '<p class="keys" part="footer" aria-hidden="true"><kbd>↑</kbd><kbd>↓</kbd><span></span><kbd>↵</kbd><span></span><kbd>esc</kbd><span></span></p>' : '') +
    '</div>'
  return modal ? `<button type="button" class="trigger" part="button" aria-haspopup="dialog">${SEARCH_ICON}<span></span><kbd aria-hidden="true"></kbd></button><dialog part="dialog">${panel}</dialog>` : panel
}

/** An element with attributes (`null` and `false` leave one out) and children (strings become text). */
export function h(tag: string, attributes: Record<string, string | number | boolean | null | undefined>, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value))
  node.append(...children)
  return node
}

/** Sets newsdex's highlighted HTML, or `fallback` as text. */
function highlighted(node: HTMLElement, html: string | undefined, fallback: string): HTMLElement {
  if (html) node.innerHTML = html
  else node.textContent = fallback
  return node
}

/** The option of a hit: title, date, sources and places, and the best snippet. */
export function hitOption(hit: Hit, index: number, total: number, format: Formatter): HTMLElement {
  const { article, highlight } = hit
  const meta: (Node | string)[] = []
  if (article.date) meta.push(h('time', { datetime: article.date }, format.date(article.date)))
  for (const [field, values] of [['source', article.source], ['location', article.location.slice(0, 3)]] as const) {
    if (values.length > 0) meta.push(h('span', {}, values.map((value) => format.value(field, value)).join(', ')))
  }
  // The option's name is all its text (title, date, places, snippet), as it is shown.
  return h(
    'li',
    { id: `o${index}`, class: 'hit', role: 'option', part: 'result', 'aria-selected': 'false', 'aria-posinset': index + 1, 'aria-setsize': total },
    highlighted(h('span', { class: 't', part: 'result-title' }), highlight?.title, article.title || format.untitled),
    h('span', { class: 'm', part: 'result-meta' }, ...meta),
    highlighted(h('span', { class: 's', part: 'result-snippet' }), highlight?.snippets[0], ''),
  )
}

/** The option of a query to search (a recent search, a suggestion). */
export function queryOption(query: string, index: number): HTMLElement {
  return h('li', { id: `o${index}`, class: 'q', role: 'option', part: 'suggestion', 'aria-selected': 'false' }, query)
}

/** One row of facet buttons: a label, then the values (the selected ones pressed), scrolling sideways. */
export function facetRow(field: string, label: string, counts: FacetCount[], selected: string[], format: Formatter): HTMLElement {
  let values = field === 'year' || field === 'month' ? [...counts].sort((a, b) => b.value.localeCompare(a.value)) : counts
  values = values.slice(0, 10)
  for (const value of selected) if (!values.some((v) => v.value === value)) values.push({ value, count: 0 })
  return h(
    'div',
    { class: 'fg', role: 'group', 'aria-labelledby': `f-${field}` },
    h('span', { id: `f-${field}`, class: 'fl' }, label),
    h(
      'div',
      { class: 'chips' },
      ...values.map(({ value, count }) =>
        h('button', { type: 'button', class: 'chip', part: 'facet', 'data-f': field, 'data-v': value, 'aria-pressed': String(selected.includes(value)) }, format.value(field, value), h('span', { class: 'c' }, String(count))),
      ),
    ),
  )
}
