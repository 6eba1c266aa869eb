/**
 * newsdex site search: a static page, no framework, no build step. The search box is the
 * <newsdex-search> element (newsdex/ui, loaded from /dist/ui.js); this script only configures it
 * from the page's URL and shows what a visitor chose.
 *
 *   ?index=/path/to/news.json   the index (default ./seeds.json, written by `npm run demo`)
 *   ?mode=inline               the box in the page rather than a button and a dialog
 *   ?q=rocket                  starts with a query
 */
const params = new URLSearchParams(location.search)
let search = document.getElementById('search')

if (params.get('mode') === 'inline') {
  // Move the element into the page, in inline mode.
  search.remove()
  search = document.createElement('newsdex-search')
  search.id = 'search'
  search.setAttribute('mode', 'inline')
  search.setAttribute('src', './seeds.json')
  document.getElementById('inline-slot').append(search)
}
if (params.get('index')) search.setAttribute('src', params.get('index'))
// The mode links keep the index.
for (const [id, mode] of [['inline-link', 'inline'], ['modal-link', null]]) {
  const url = new URL(location.href)
  url.searchParams.delete('q')
  if (mode) url.searchParams.set('mode', mode)
  else url.searchParams.delete('mode')
  document.getElementById(id).href = url.search || '?'
}
if (params.get('q')) search.setAttribute('query', params.get('q'))

// A hit with a URL is opened by the element; the seeds have none, so show the choice here instead.
// A site with a router would call event.preventDefault() and route to event.detail.hit.id.
search.addEventListener('newsdex:select', (event) => {
  const { hit, url } = event.detail
  if (url) return
  const { article } = hit
  document.getElementById('selected-title').textContent = article.title || '(untitled)'
  document.getElementById('selected-meta').textContent = [article.date, article.source.join(', '), article.location.join(', ')].filter(Boolean).join(' · ')
  document.getElementById('selected').hidden = false
  search.close()
})

// Keep the URL in step with the search, so a search can be shared.
search.addEventListener('newsdex:search', (event) => {
  const url = new URL(location.href)
  if (event.detail.query) url.searchParams.set('q', event.detail.query)
  else url.searchParams.delete('q')
  history.replaceState(null, '', url)
})
