// Searches the index the newsdex Vite plugin built: `virtual:newsdex` is the URL of its manifest,
// and NewsIndex.open() fetches the search part now and the other parts a search needs.
import { NewsIndex } from 'newsdex'
import manifestUrl from 'virtual:newsdex'

const input = document.getElementById('q')
const status = document.getElementById('status')
const results = document.getElementById('results')
let index = null
let pending = null

/** Runs the query in the box and shows its hits; a newer keystroke drops the search before it. */
async function run() {
  if (!index) return
  const query = input.value.trim()
  pending?.abort()
  const controller = (pending = new AbortController())
  let response
  try {
    response = await index.searchAsync(query, { limit: 10, signal: controller.signal })
  } catch (error) {
    if (error === controller.signal.reason) return
    throw error
  }
  status.textContent = `${response.total} article${response.total === 1 ? '' : 's'}`
  results.replaceChildren(
    ...response.hits.map((hit) => {
      const article = document.createElement('article')
      article.className = 'hit'
      const title = document.createElement('h2')
      // newsdex escapes highlights: <mark> is their only markup.
      if (hit.highlight) title.innerHTML = hit.highlight.title
      else title.textContent = hit.article.title
      article.append(title)
      for (const snippet of hit.highlight?.snippets ?? []) {
        const p = document.createElement('p')
        p.innerHTML = snippet
        article.append(p)
      }
      return article
    }),
  )
  results.dataset.query = query
}

async function open() {
  try {
    index = await NewsIndex.open(manifestUrl)
  } catch (error) {
    status.setAttribute('role', 'alert')
    status.textContent = `The index could not be opened: ${error.message}`
    document.documentElement.dataset.state = 'error'
    return
  }
  input.disabled = false
  await run()
  document.documentElement.dataset.state = 'ready'
}

input.addEventListener('input', () => void run())
void open()

// In `vite dev`, the plugin rebuilds the index when an article changes and says so.
if (import.meta.hot) {
  import.meta.hot.on('newsdex:update', async ({ build }) => {
    index = await NewsIndex.open(manifestUrl)
    await run()
    document.documentElement.dataset.build = build
  })
}
