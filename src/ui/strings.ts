/**
 * The text of `<newsdex-search>`, in English. Every entry can be replaced, per element, by an
 * attribute `text-<key>` (`text-placeholder="Rechercher"`) or by the `strings` property
 * (`el.strings = { placeholder: 'Rechercher' }`).
 *
 * `{n}`, `{q}` are filled in. A count picks a plural form first: with `n` given, `<key>-<category>`
 * (the CLDR category of `Intl.PluralRules` for the page's language: `results-one`, `results-few`…)
 * is used when it exists, else `<key>`.
 */
export const STRINGS = {
  /** The button that opens the search dialog (modal mode). */
  button: 'Search',
  /** The accessible name of the search input and of the dialog. */
  label: 'Search articles',
  placeholder: 'Search articles',
  /** The button that closes the dialog. */
  close: 'Close',
  /** Status while the index or the first results load. */
  loading: 'Loading…',
  /** Shown when the index cannot be opened; the error's message follows. */
  error: 'Search is unavailable.',
  results: '{n} results',
  'results-one': '{n} result',
  'no-results': 'No results',
  /** The message of the no-results state. */
  'no-match': 'No articles match “{q}”.',
  /** After `no-match` when the query has results without the selected filters. */
  unfiltered: '{n} results without the filters.',
  'unfiltered-one': '{n} result without the filters.',
  'did-you-mean': 'Did you mean',
  relaxed: 'No article has all your words; showing the closest matches.',
  more: 'Show more results',
  recent: 'Recent searches',
  'clear-recent': 'Clear recent searches',
  filters: 'Filters',
  'clear-filters': 'Clear filters',
  /** The sort toggle: pressed, newest first; not pressed, by relevance. */
  newest: 'Newest first',
  source: 'Source',
  location: 'Location',
  country: 'Country',
  year: 'Year',
  month: 'Month',
  untitled: 'Untitled',
  /** The keyboard hints at the foot of the dialog. */
  'key-move': 'to move',
  'key-open': 'to open',
  'key-close': 'to close',
}

/** The keys of the element's text. */
export type UiStringKey = keyof typeof STRINGS

/** Replacements of the element's text: the keys of `STRINGS`, and their plural forms (`results-few`). */
export type UiStrings = Partial<Record<UiStringKey, string>> & Record<string, string | undefined>

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
