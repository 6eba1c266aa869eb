/**
 * `NewsIndex.open()` of a manifest (content-hashed parts, as `newsdex build --split` writes them):
 * part URLs relative to the manifest, query strings kept apart from part names, errors that name
 * the URL and say what came back, and the one reload of the manifest when a part fails.
 */
import { describe, expect, it } from 'vitest'
import { FORMAT_VERSION, NewsdexError, NewsIndex } from '../../src/indexer.js'
import { manifestFiles } from '../../src/ingest/manifest.js'
import type { Article, SearchResponse } from '../../src/types.js'
import { generateArticles, normalized } from '../helpers.js'

/** Two builds of one archive of 600 articles (three chunks of 256): the second has one article more. */
function archive(extra: boolean): NewsIndex {
  const articles: Article[] = generateArticles(600, 7)
  articles[300]!.body += '\n\nA rocket hit the camp near Baghdad airport.'
  articles[550]!.body += '\n\nRocket fire again.'
  if (extra) articles.push({ ...articles[5]!, id: 'extra', title: 'Rocket over the harbour', body: 'A rocket over the harbour.' })
  const index = new NewsIndex()
  index.addAll(articles)
  return index
}

const A = archive(false)
const B = archive(true)
const CHUNKS = { chunkSize: 256 }
const PARTS_A = A.serializeParts(CHUNKS)
const PARTS_B = B.serializeParts(CHUNKS)

interface Request {
  url: string
  cache: RequestCache | undefined
}

/**
 * A fake host: a map of URL → bytes (or a Response maker), recording each request. `publish`
 * puts a split build at `dir` under the manifest layout, as the CLI writes it.
 */
function host() {
  const files = new Map<string, Uint8Array | (() => Response)>()
  const requests: Request[] = []
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    // As a browser does, the fragment is not sent.
    const url = String(input).replace(/#.*/, '')
    init?.signal?.throwIfAborted()
    requests.push({ url, cache: init?.cache })
    await new Promise((resolve) => setTimeout(resolve, 1))
    const file = files.get(url)
    if (typeof file === 'function') return file()
    return file ? new Response(file.slice(), { status: 200 }) : new Response('<!doctype html><p>Not found', { status: 404, headers: { 'content-type': 'text/html' } })
  }) as typeof globalThis.fetch
  /** Publishes `parts` at `dir` (ending in `/`): its parts by hashed name, then `news.json`. Returns the part URLs by part name. */
  const publish = (dir: string, parts: Record<string, Uint8Array>, query = ''): Record<string, string> => {
    const { manifest, manifestBytes, files: named } = manifestFiles(parts, 'news')
    for (const [file, bytes] of named) files.set(`${dir}${file}${query}`, bytes)
    files.set(`${dir}news.json${query}`, manifestBytes)
    return Object.fromEntries(Object.entries(manifest.parts).map(([name, part]) => [name, `${dir}${part.file}${query}`]))
  }
  /** Removes every part file of `urls` (a deploy that cleans the build before). */
  const unpublish = (urls: Record<string, string>): void => {
    for (const url of Object.values(urls)) files.delete(url)
  }
  return { files, requests, fetch, publish, unpublish, urls: () => requests.map((r) => r.url) }
}

const view = (response: SearchResponse): SearchResponse => normalized(response)

async function failure(promise: Promise<unknown>): Promise<NewsdexError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(NewsdexError)
  return error as NewsdexError
}

describe('manifestFiles()', () => {
  it('names each part by its content and lists it with its hash, size and the build fingerprint', () => {
    const { manifest, manifestBytes, files } = manifestFiles(PARTS_A, 'news')
    expect(manifest.format).toBe('newsdex')
    expect(manifest.version).toBe(FORMAT_VERSION)
    expect(Object.keys(manifest.parts)).toEqual(Object.keys(PARTS_A))
    expect(manifest.parts.search!.file).toMatch(/^news\.[0-9a-f]{8}\.idx$/)
    expect(manifest.parts['display-2']!.file).toMatch(/^news\.display-2\.[0-9a-f]{8}\.idx$/)
    for (const [name, part] of Object.entries(manifest.parts)) {
      expect(files.get(part.file), name).toBe(PARTS_A[name])
      expect(part.bytes).toBe(PARTS_A[name]!.length)
      expect(part.file).toContain(`.${part.hash}.`)
    }
    expect(JSON.parse(new TextDecoder().decode(manifestBytes))).toEqual(manifest)
    // Another build: other names for every part (each part's header carries the build fingerprint).
    const other = manifestFiles(PARTS_B, 'news').manifest
    expect(other.build).not.toBe(manifest.build)
    for (const name of Object.keys(manifest.parts)) expect(other.parts[name]?.file).not.toBe(manifest.parts[name]!.file)
    // The same build: the same names.
    expect(manifestFiles(archive(false).serializeParts(CHUNKS), 'news').manifest).toEqual(manifest)
  })
})

describe('NewsIndex.open() of a manifest', () => {
  it('fetches the manifest and the search part, then the parts a search needs, relative to the manifest', async () => {
    const server = host()
    const urls = server.publish('https://cdn.example/static/', PARTS_A)
    const index = await NewsIndex.open('https://cdn.example/static/news.json', { fetch: server.fetch })
    expect(server.urls()).toEqual(['https://cdn.example/static/news.json', urls.search])
    const response = await index.searchAsync('"baghdad airport"')
    expect(view(response)).toEqual(view(A.search('"baghdad airport"')))
    expect(server.urls().slice(2).sort()).toEqual([urls.positions, urls['display-1'], urls['text-1']].sort())
  })

  it('keeps a query string apart from part names, and adds it to each part URL (a version, a token)', async () => {
    const server = host()
    const urls = server.publish('https://cdn.example/static/', PARTS_A, '?v=1')
    const index = await NewsIndex.open('https://cdn.example/static/news.json?v=1#top', { fetch: server.fetch })
    expect(view(await index.searchAsync('rocket'))).toEqual(view(A.search('rocket')))
    expect(server.urls()[0]).toBe('https://cdn.example/static/news.json?v=1')
    expect(server.urls().slice(1).every((url) => url.endsWith('.idx?v=1'))).toBe(true)
    expect(server.urls()).toContain(urls['display-2'])
  })

  it('keeps a query string apart from part names in the older layout too (news.idx.display-2?v=1)', async () => {
    const server = host()
    for (const [name, bytes] of Object.entries(PARTS_A)) server.files.set(`https://cdn.example/news.idx${name === 'search' ? '' : `.${name}`}?v=1`, bytes)
    const index = await NewsIndex.open('https://cdn.example/news.idx?v=1', { fetch: server.fetch })
    expect(view(await index.searchAsync('rocket'))).toEqual(view(A.search('rocket')))
    expect(server.urls()).toContain('https://cdn.example/news.idx.display-2?v=1')
  })

  it('resolves parts against a path-only URL', async () => {
    const server = host()
    const urls = server.publish('/search/', PARTS_A)
    const index = await NewsIndex.open('/search/news.json', { fetch: server.fetch })
    await index.searchAsync('rocket')
    expect(server.urls()).toContain(urls['text-2'])
  })

  it('a whole index behind a URL still opens, and fetches nothing more', async () => {
    const server = host()
    server.files.set('https://cdn.example/news.idx', A.serialize())
    const index = await NewsIndex.open('https://cdn.example/news.idx', { fetch: server.fetch })
    expect(view(await index.searchAsync('"baghdad airport"'))).toEqual(view(A.search('"baghdad airport"')))
    expect(server.urls()).toEqual(['https://cdn.example/news.idx'])
  })
})

describe('NewsIndex.open(): errors name the URL and say what came back', () => {
  it('an HTML page with status 200 (a single-page app fallback) → E_NOT_AN_INDEX, "got text/html: is the path right?"', async () => {
    const server = host()
    server.files.set('https://example.com/news.json', () => new Response('<!doctype html><div id=app></div>', { headers: { 'content-type': 'text/html; charset=utf-8' } }))
    const error = await failure(NewsIndex.open('https://example.com/news.json', { fetch: server.fetch }))
    expect(error.code).toBe('E_NOT_AN_INDEX')
    expect(error.message).toBe('https://example.com/news.json: got text/html: is the path right?')
    expect(error.path).toBe('https://example.com/news.json')
    // HTML without its content type is not an index either, and the error says which URL.
    server.files.set('https://example.com/news.idx', new TextEncoder().encode('<html>'))
    const untyped = await failure(NewsIndex.open('https://example.com/news.idx', { fetch: server.fetch }))
    expect(untyped.code).toBe('E_NOT_AN_INDEX')
    expect(untyped.message).toBe("https://example.com/news.idx: not a newsdex index (no 'NDEX' bytes)")
  })

  it('an HTTP error → E_IO with the status', async () => {
    const server = host()
    const error = await failure(NewsIndex.open('https://example.com/missing.json', { fetch: server.fetch }))
    expect(error.code).toBe('E_IO')
    expect(error.message).toBe('https://example.com/missing.json: HTTP 404')
    expect(error.path).toBe('https://example.com/missing.json')
  })

  it('a search part the manifest names that is gone → E_IO naming the part', async () => {
    const server = host()
    const urls = server.publish('https://example.com/', PARTS_A)
    server.files.delete(urls.search!)
    const error = await failure(NewsIndex.open('https://example.com/news.json', { fetch: server.fetch }))
    expect(error.code).toBe('E_IO')
    expect(error.message).toBe(`${urls.search}: HTTP 404`)
  })

  it('bytes that are not an index, a broken manifest → coded errors naming the URL', async () => {
    const server = host()
    const at = (text: string): string => {
      const url = `https://example.com/${server.files.size}.json`
      server.files.set(url, new TextEncoder().encode(text))
      return url
    }
    const cases: [string, string, string][] = [
      [at('GIF89a'), 'E_NOT_AN_INDEX', "not a newsdex index (no 'NDEX' bytes)"],
      [at('{"format": "newsdex", '), 'E_CORRUPT', 'bad manifest'],
      [at('{"name": "my-app"}'), 'E_CORRUPT', 'bad manifest'],
      [at('{"format": "newsdex", "version": 4, "build": "x"}'), 'E_CORRUPT', 'bad manifest'],
    ]
    for (const [url, code, fragment] of cases) {
      const error = await failure(NewsIndex.open(url, { fetch: server.fetch }))
      expect(error.code, url).toBe(code)
      expect(error.message, url).toBe(`${url}: ${code === 'E_CORRUPT' ? 'corrupt newsdex index: ' : ''}${fragment}`)
      expect(error.path, url).toBe(url)
    }
  })

  it('a manifest that lacks a part → the part is fetched by its name, and the error names that URL', async () => {
    const server = host()
    server.files.set('https://example.com/news.json', new TextEncoder().encode('{"format": "newsdex", "version": 4, "build": "x", "parts": {}}'))
    const error = await failure(NewsIndex.open('https://example.com/news.json', { fetch: server.fetch }))
    expect(error.message).toBe('https://example.com/search: HTTP 404')
  })

  it('parts of another format version → E_VERSION naming the part', async () => {
    const server = host()
    const newer = PARTS_A.search!.slice()
    new DataView(newer.buffer).setUint16(4, FORMAT_VERSION + 1, true)
    const urls = server.publish('https://example.com/', PARTS_A)
    server.files.set(urls.search!, newer)
    const error = await failure(NewsIndex.open('https://example.com/news.json', { fetch: server.fetch }))
    expect(error.code).toBe('E_VERSION')
    expect(error.message).toContain(urls.search)
    expect(error.message).toContain(`version ${FORMAT_VERSION + 1}`)
  })

  it('open() reads a manifest again, past the cache, when what it names is gone (a stale cached manifest)', async () => {
    const server = host()
    const old = server.publish('https://example.com/', PARTS_A)
    const stale = server.files.get('https://example.com/news.json') as Uint8Array
    server.unpublish(old)
    server.publish('https://example.com/', PARTS_B)
    const fresh = server.files.get('https://example.com/news.json') as Uint8Array
    // The browser's cache answers with the old manifest unless told not to.
    server.files.set('https://example.com/news.json', () => new Response(server.requests.at(-1)!.cache === 'no-cache' ? fresh.slice() : stale.slice()))
    const index = await NewsIndex.open('https://example.com/news.json', { fetch: server.fetch })
    expect(index.has('extra')).toBe(true)
    expect(server.requests.filter((r) => r.url.endsWith('news.json')).map((r) => r.cache)).toEqual([undefined, 'no-cache'])
  })
})

describe('searchAsync() after the index was rebuilt', () => {
  it('a part that is gone (a deploy removed the build before) → one reload of the manifest, then the search runs on the new build', async () => {
    const server = host()
    const old = server.publish('https://example.com/', PARTS_A)
    const index = await NewsIndex.open('https://example.com/news.json', { fetch: server.fetch })
    expect(index.has('extra')).toBe(false)
    server.unpublish(old)
    server.publish('https://example.com/', PARTS_B)
    const response = await index.searchAsync('rocket')
    expect(view(response)).toEqual(view(B.search('rocket')))
    expect(response.hits.map((h) => h.id)).toContain('extra')
    expect(index.has('extra')).toBe(true)
    expect(index.search('rocket').total).toBe(B.search('rocket').total)
    expect(server.requests.filter((r) => r.url.endsWith('news.json')).map((r) => r.cache)).toEqual([undefined, 'no-cache'])
    // Later searches fetch parts of the new build only.
    const before = server.requests.length
    expect(view(await index.searchAsync('"baghdad airport"'))).toEqual(view(B.search('"baghdad airport"')))
    expect(server.urls().slice(before).every((url) => !Object.values(old).includes(url))).toBe(true)
  })

  it('the older layout rebuilt in place: a part of another build → the search part is read again, and the search runs on it', async () => {
    const server = host()
    const put = (parts: Record<string, Uint8Array>): void => {
      for (const [name, bytes] of Object.entries(parts)) server.files.set(`https://example.com/news.idx${name === 'search' ? '' : `.${name}`}`, bytes)
    }
    put(PARTS_A)
    const index = await NewsIndex.open('https://example.com/news.idx', { fetch: server.fetch })
    put(PARTS_B)
    expect(view(await index.searchAsync('rocket'))).toEqual(view(B.search('rocket')))
  })

  it('concurrent searches during the move all answer from one build', async () => {
    const server = host()
    const old = server.publish('https://example.com/', PARTS_A)
    const index = await NewsIndex.open('https://example.com/news.json', { fetch: server.fetch })
    server.unpublish(old)
    server.publish('https://example.com/', PARTS_B)
    // Each needs parts (a search whose hits need none answers from the build it has).
    const queries = ['rocket', '"baghdad airport"', 'rocket fire', '', 'rocket harbour']
    const responses = await Promise.all(queries.map((q) => index.searchAsync(q)))
    responses.forEach((response, i) => expect(view(response), queries[i]).toEqual(view(B.search(queries[i]!))))
  })

  it('a part of another build while the manifest still names this one → one reload, then E_CORRUPT naming the part URL', async () => {
    const server = host()
    const urls = server.publish('https://example.com/', PARTS_A)
    server.files.set(urls['display-2']!, PARTS_B['display-2']!)
    const index = await NewsIndex.open('https://example.com/news.json', { fetch: server.fetch })
    const error = await failure(index.searchAsync('rocket'))
    expect(error.code).toBe('E_CORRUPT')
    expect(error.message).toContain(urls['display-2'])
    expect(error.message).toContain('another build')
    expect(error.path).toBe(urls['display-2'])
    expect(server.urls().filter((url) => url.endsWith('news.json'))).toHaveLength(2)
    // The index is unharmed: the synchronous search answers, and the parts that came are kept.
    expect(index.search('rocket').total).toBe(A.search('rocket').total)
  })

  it('a part that is gone while the manifest still names it → one reload, then E_IO naming the part URL', async () => {
    const server = host()
    const urls = server.publish('https://example.com/', PARTS_A)
    server.files.delete(urls['text-1']!)
    const index = await NewsIndex.open('https://example.com/news.json', { fetch: server.fetch })
    const error = await failure(index.searchAsync('"baghdad airport"'))
    expect(error.code).toBe('E_IO')
    expect(error.message).toBe(`${urls['text-1']}: HTTP 404`)
    expect(error.path).toBe(urls['text-1'])
    expect(server.urls().filter((url) => url.endsWith('news.json'))).toHaveLength(2)
    // A search that needs only other parts still works.
    expect(view(await index.searchAsync('rocket fire', { highlight: false }))).toEqual(view(A.search('rocket fire', { highlight: false })))
  })

  it('an aborted search reloads nothing', async () => {
    const server = host()
    const old = server.publish('https://example.com/', PARTS_A)
    const index = await NewsIndex.open('https://example.com/news.json', { fetch: server.fetch })
    server.unpublish(old)
    const controller = new AbortController()
    const reason = new Error('newer keystroke')
    const pending = index.searchAsync('rocket', { signal: controller.signal })
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
    expect(server.urls().filter((url) => url.endsWith('news.json'))).toHaveLength(1)
  })
})
