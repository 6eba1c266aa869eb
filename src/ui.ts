/**
 * newsdex/ui: the `<newsdex-search>` element. Importing this module defines it (once); its styles
 * are built in (`newsdex/ui/style.css` is the same stylesheet, to read or to fork and pass as
 * `stylesheet="…"`), and its index runs in `ui-worker.js`, loaded beside this module.
 */
import { NewsdexSearch } from './ui/element.js'

export { NewsdexSearch, type SearchDetail, type SelectDetail } from './ui/element.js'
export { STRINGS, type UiStringKey, type UiStrings } from './ui/strings.js'

if (typeof customElements !== 'undefined' && !customElements.get('newsdex-search')) customElements.define('newsdex-search', NewsdexSearch)

declare global {
  interface HTMLElementTagNameMap {
    'newsdex-search': NewsdexSearch
  }
  interface HTMLElementEventMap {
    'newsdex:select': CustomEvent<import('./ui/element.js').SelectDetail>
    'newsdex:search': CustomEvent<import('./ui/element.js').SearchDetail>
  }
}
