/**
 * `parseArticle` / `parseArticles` on every format: built HTML pages and RSS/Atom feeds with
 * nested, unclosed and hostile markup and JSON-LD, custom keyword fields named after
 * `Object.prototype` keys, hostile YAML front matter (aliases, deep
 * nesting, tags, `__proto__` keys), JSON and NDJSON with odd types, entities named after
 * `Object.prototype` keys, lone surrogates, RTL and zero-width characters, invalid UTF-8 (decoded
 * as a file reader would), huge lines.
 */
import fc from 'fast-check'
import { parseArticle, parseArticles } from '../../src/build.js'
import type { Article } from '../../src/types.js'
import { FuzzFailure, type Campaign } from './harness.js'
import { hostileText, repeated, WORDS } from './text.js'

const yamlScalar = fc.oneof(
  fc.constantFrom('T', '2020-06-23', 'null', '~', 'true', '0x1F', '1e400', '.nan', '"q"', "'s'", '|', '>', '&a x', '*a', '*b', '!!binary aGk=', '!!js/function "x"', '!custom x', '<<: *a', '[a, b]', '{a: 1}', '[[[[[[', '{{{{'),
  hostileText(4),
)
const yamlKey = fc.constantFrom('title', 'date', 'source', 'location', 'country', 'url', 'id', 'dateline', '__proto__', 'constructor', 'prototype', 'toString', '<<', '? complex', '"quoted"', 'x')

/** Nested YAML: sequences and maps `depth` deep, with anchors and aliases. */
const nested = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom('- ', '[', '{a: ', 'a:\n', '&x [*x, '), fc.boolean()).map(([depth, open, tagged]) => {
  const tag = tagged ? '!!seq ' : ''
  if (open === 'a:\n') return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}a${i}:`).join('\n') + ' x'
  if (open === '- ') return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${tag}`).join('\n') + 'x'
  return `title: ${tag}${open.repeat(depth)}`
})

/** A billion-laughs style alias bomb. */
const aliases = fc.integer({ min: 1, max: 12 }).map((levels) => {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`)
  lines.push(`title: *a${levels - 1}`)
  return lines.join('\n')
})

const frontMatter = fc.oneof(
  fc.array(fc.tuple(yamlKey, yamlScalar).map(([k, v]) => `${k}: ${v}`), { maxLength: 8 }).map((lines) => lines.join('\n')),
  nested,
  aliases,
  hostileText(10),
)

const markdown = fc.tuple(frontMatter, hostileText(), fc.boolean()).map(([fm, body, withFm]) => (withFm ? `---\n${fm}\n---\n${body}` : `# ${body}`))

const jsonValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 'x', '', [], {}, [[[]]], { __proto__: 'x' }),
  hostileText(6),
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
)
const jsonKey = fc.constantFrom('title', 'body', 'text', 'content', 'date', 'source', 'location', 'country', 'url', 'id', 'meta', 'dateline', '__proto__', 'constructor', 'x')
const record = fc.dictionary(jsonKey, jsonValue, { maxKeys: 8 })
/** JSON text of a record, with `__proto__` written as an own key (as `JSON.parse` reads it). */
const recordText = record.map((r) => JSON.stringify(r).replace('"x":', '"__proto__":'))
const json = fc.oneof(recordText, fc.array(recordText, { maxLength: 5 }).map((rs) => `[${rs.join(',')}]`), fc.jsonValue().map((v) => JSON.stringify(v)), hostileText(8).map((t) => `{${t}`))
const ndjson = fc.array(fc.oneof(recordText, hostileText(4)), { maxLength: 6 }).map((lines) => lines.join('\n'))

const seedText = fc.oneof(hostileText(), fc.tuple(hostileText(5), repeated(20_000)).map(([a, b]) => a + b), fc.constantFrom(' date 2020-06-23 ', ' date 9999-99-99 ', ' date ').chain((h) => hostileText().map((t) => h + t)))

const tagName = fc.constantFrom('article', 'main', 'nav', 'header', 'footer', 'aside', 'script', 'style', 'time', 'p', 'div', 'h1', 'meta', 'title', 'br', '!--', '![CDATA[', 'svg', 'template', 'x:y')
const attribute = fc.tuple(fc.constantFrom('datetime', 'property', 'content', 'name', 'type', 'href', 'data-newsdex-ignore', '__proto__'), fc.oneof(fc.constantFrom('og:title', 'article:published_time', 'application/ld+json', '2020-06-23', '"'), hostileText(3)))
  .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
/** An element, opened and maybe closed, with attributes and hostile text or other elements inside. */
const element: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc.tuple(tagName, fc.array(attribute, { maxLength: 3 }), fc.array(fc.oneof({ depthSize: 'small' }, hostileText(4), tie('el')), { maxLength: 4 }), fc.boolean())
    .map(([tag, attrs, inner, closed]) => `<${tag}${attrs.join('')}>${inner.join('')}${closed ? `</${tag}>` : ''}`),
})).el
const jsonLd = fc.oneof(recordText, fc.constantFrom('{"@type":"NewsArticle","headline":"T","datePublished":"2020-06-23","@graph":[{"@type":"NewsArticle"}]}', '{"@graph":{"__proto__":1}}', '[['))
  .map((ld) => `<script type="application/ld+json">${ld}</script>`)
const html = fc.tuple(fc.array(fc.oneof(element, jsonLd, repeated(5_000).map((r) => `<div>${r}`)), { maxLength: 5 }), fc.boolean())
  .map(([parts, doc]) => (doc ? `<!doctype html><html><head></head><body>${parts.join('')}</body></html>` : parts.join('')))
const feedItem = fc.tuple(fc.constantFrom('item', 'entry'), fc.array(fc.tuple(fc.constantFrom('title', 'description', 'content', 'link', 'pubDate', 'updated', 'published', 'guid', 'category', 'summary', 'dc:date'), fc.oneof(hostileText(3), element)), { maxLength: 5 }))
  .map(([tag, fields]) => `<${tag}>${fields.map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</${tag}>`)
const feed = fc.tuple(fc.constantFrom('<rss version="2.0"><channel>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<rdf:RDF>', '<rss>'), fc.array(feedItem, { maxLength: 5 }), fc.boolean())
  .map(([open, items, closed]) => `<?xml version="1.0"?>${open}${items.join('')}${closed ? '</channel></rss>' : ''}`)

/** Bytes that are not valid UTF-8, decoded the way a file reader decodes them. */
const invalidUtf8 = fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes))

const FORMATS = ['auto', 'seed', 'markdown', 'json', 'ndjson', 'html', 'feed'] as const
const PATHS = [undefined, 'a.md', 'a.txt', 'a.json', 'a.ndjson', 'a.jsonl', '__proto__.md', 'constructor.txt', 'dir/ü ñ.md', '.md', 'x', 'a.html', 'index.htm', 'a.rss', 'a.atom', 'a.xml'] as const

export interface ArticleInput {
  text: string
  format: (typeof FORMATS)[number]
  path: string | undefined
  many: boolean
  country: string | undefined
  facets: string[] | undefined
}

const input: fc.Arbitrary<ArticleInput> = fc.record({
  text: fc.oneof(markdown, json, ndjson, seedText, invalidUtf8, html, feed),
  format: fc.constantFrom(...FORMATS),
  path: fc.constantFrom(...PATHS),
  many: fc.boolean(),
  country: fc.constantFrom(undefined, undefined, undefined, 'US', 'gb', 'ZZZ', ''),
  facets: fc.constantFrom(undefined, undefined, ['category'], ['category', 'tags'], ['__proto__'], ['constructor', 'toString'], ['']),
})

function checkArticle(a: Article): void {
  const ok =
    typeof a.id === 'string' && typeof a.title === 'string' && typeof a.body === 'string' && (a.date === null || /^\d{4}-\d{2}-\d{2}$/.test(a.date)) &&
    [a.source, a.location, a.country].every((list) => Array.isArray(list) && list.every((v) => typeof v === 'string')) &&
    (a.url === undefined || typeof a.url === 'string') &&
    (a.meta === undefined || Object.values(a.meta).every((v) => typeof v === 'string')) &&
    (a.keywords === undefined || Object.entries(a.keywords).every(([, list]) => Array.isArray(list) && list.every((v) => typeof v === 'string')))
  if (!ok) throw new FuzzFailure(`malformed article ${JSON.stringify(a).slice(0, 200)}`)
  if (/function \w*\(\) \{ \[native code\] \}/.test(a.body + a.title)) throw new FuzzFailure('an Object.prototype member leaked into the text')
}

export const articlesCampaign: Campaign<ArticleInput> = {
  name: 'articles',
  entry: 'parseArticle / parseArticles (seed, Markdown+YAML, JSON, NDJSON, HTML pages, RSS/Atom feeds)',
  arbitrary: () => input,
  size: (i) => i.text.length * 3,
  run: (i) => {
    const options = { format: i.format, path: i.path, country: i.country, ...(i.facets ? { facets: i.facets } : {}) }
    const articles = i.many ? parseArticles(i.text, options) : [parseArticle(i.text, options)]
    articles.forEach(checkArticle)
  },
}
