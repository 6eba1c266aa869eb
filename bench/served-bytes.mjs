// Bytes a browser fetches on the served path: newsdex's single file and split layout, opened with
// `NewsIndex.open(url, { fetch })` over a fake fetch that serves the prepared bytes from memory and
// records what each request costs gzip'd (each file compressed on its own, gzip level 6, as a
// static server with on-the-fly or precompressed gzip serves it). Searches run with `searchAsync`
// and default options (highlighted snippets, limit 10), one distinct word per keystroke.
import { gzipSync } from 'node:zlib'

const GZIP_LEVEL = 6
export const gzipSize = (bytes) => gzipSync(bytes, { level: GZIP_LEVEL }).length

/** The group a part's name belongs to: `text-12` → `text-*`; `search` stays `search`. */
const groupOf = (name) => name.replace(/-\d+(?=$|\.)/, '-*')

/**
 * Opens `files[url]` with `NewsIndex.open()` and runs the first word, then the rest one by one;
 * returns what was fetched before the first result and after all of them.
 */
async function simulate(NewsIndex, url, files, gzipOf, firstWord, words) {
  const fetched = []
  const fakeFetch = async (requested) => {
    const name = requested === url ? 'search' : requested.startsWith(`${url}.`) ? requested.slice(url.length + 1) : null
    const bytes = name === null ? undefined : files.get(name)
    if (bytes === undefined) return new Response(null, { status: 404 })
    fetched.push({ name, raw: bytes.byteLength, gzip: gzipOf(name) })
    return new Response(bytes)
  }
  const tally = (list) => {
    const groups = {}
    for (const f of list) {
      const g = (groups[groupOf(f.name)] ??= { requests: 0, raw: 0, gzip: 0 })
      g.requests++
      g.raw += f.raw
      g.gzip += f.gzip
    }
    return { requests: list.length, raw: list.reduce((s, f) => s + f.raw, 0), gzip: list.reduce((s, f) => s + f.gzip, 0), groups }
  }
  const index = await NewsIndex.open(url, { fetch: fakeFetch })
  const firstResponse = await index.searchAsync(firstWord)
  const beforeFirst = tally(fetched)
  let withSnippets = firstResponse.hits.some((h) => h.highlight?.snippets.length) ? 1 : 0
  for (const word of words) {
    const response = await index.searchAsync(word)
    if (response.hits.some((h) => h.highlight?.snippets.length)) withSnippets++
  }
  return { beforeFirst, afterAll: tally(fetched), queries: 1 + words.length, withSnippets }
}

/**
 * @param NewsIndex the runtime class (dist/index.js)
 * @param single `serialize()` bytes
 * @param parts `serializeParts()` record
 * @param words the keystrokes' queries, the first one first
 */
export async function servedBytes(NewsIndex, single, parts, words) {
  const partGzip = new Map(Object.entries(parts).map(([name, bytes]) => [name, gzipSize(bytes)]))
  const singleGzip = gzipSize(single)
  const layout = {}
  for (const [name, bytes] of Object.entries(parts)) {
    const g = (layout[groupOf(name)] ??= { files: 0, raw: 0, gzip: 0 })
    g.files++
    g.raw += bytes.byteLength
    g.gzip += partGzip.get(name)
  }
  const [firstWord, ...rest] = words
  const url = 'https://example.test/news.idx'
  const singleRun = await simulate(NewsIndex, url, new Map([['search', single]]), () => singleGzip, firstWord, rest)
  const splitRun = await simulate(NewsIndex, url, new Map(Object.entries(parts)), (name) => partGzip.get(name), firstWord, rest)
  return {
    gzipLevel: GZIP_LEVEL,
    single: { raw: single.byteLength, gzip: singleGzip, ...singleRun },
    split: {
      raw: Object.values(parts).reduce((s, b) => s + b.byteLength, 0),
      gzip: [...partGzip.values()].reduce((s, n) => s + n, 0),
      layout,
      ...splitRun,
    },
  }
}
