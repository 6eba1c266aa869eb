import { normalizeDate } from '../extract/date.js'
import { findElements, firstElement, parseMarkupTree, textContent, type MarkupElement } from './markup-tree.js'
import { normalizeParagraphs } from './paragraphs.js'

/** Elements whose text is not the article's: page furniture, code, forms, embedded media. */
const SKIPPED = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'form', 'button', 'select', 'iframe', 'object', 'canvas', 'dialog'])

/** Elements that start a paragraph of their own. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul',
])

/** Schema.org types of a news or blog article (`NewsArticle`, `ReportageNewsArticle`, `BlogPosting`…). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/

/** Whether an element's text is left out: a skipped element, or one marked hidden or ignored. */
function isSkipped(element: MarkupElement): boolean {
  const a = element.attributes
  return SKIPPED.has(element.name) || a.has('hidden') || a.get('aria-hidden') === 'true' || a.has('data-newsdex-ignore')
}

/**
 * The readable text of an element (of HTML, or of XHTML in a feed): text of skipped elements left out (see `isSkipped`), blocks as
 * paragraphs, `<br>` as a line break, white space collapsed. `leaveOut` elements are left out too.
 */
export function readableText(element: MarkupElement, leaveOut: ReadonlySet<MarkupElement> = new Set()): string {
  const parts: string[] = []
  /** `null` marks where a block ends. */
  const stack: (MarkupElement | string | null)[] = [element]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === null) parts.push('\n\n')
    else if (typeof node === 'string') parts.push(node.replace(/\s+/g, ' '))
    else if (node === element || !(isSkipped(node) || leaveOut.has(node))) {
      if (node.name === 'br') parts.push('\n')
      // Cells of a row are words apart.
      if (node.name === 'td' || node.name === 'th') parts.push(' ')
      if (BLOCKS.has(node.name)) {
        parts.push('\n\n')
        stack.push(null)
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
    }
  }
  return normalizeParagraphs(parts.join('').replace(/ {2,}/g, ' '))
}

/** The plain text of an HTML fragment (a feed item's description): paragraphs kept, markup and scripts left out. */
export function htmlToText(html: string): string {
  return readableText(parseMarkupTree(html))
}

/** The names in a JSON-LD value: a string, an object's `name`, or a list of either. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list
    .map((item) => (typeof item === 'string' ? item : typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : ''))
    .map((name) => name.trim())
    .filter(Boolean)
}

/** A JSON-LD value as text: a string, or a list of strings joined with `, `. */
function jsonText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ') || undefined
  return undefined
}

/** The first schema.org article node of the page's JSON-LD scripts (in a list or an `@graph` too). */
function jsonLdArticle(root: MarkupElement): Record<string, unknown> | undefined {
  const scripts = findElements(root, (e) => e.name === 'script' && e.attributes.get('type')?.trim().toLowerCase() === 'application/ld+json')
  for (const script of scripts) {
    let data: unknown
    try {
      data = JSON.parse(textContent(script))
    } catch {
      continue
    }
    const nodes: unknown[] = [data]
    while (nodes.length > 0) {
      const node = nodes.shift()
      if (Array.isArray(node)) nodes.push(...node)
      else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>
        const type = record['@type']
        const types = Array.isArray(type) ? type : [type]
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return record
        if (record['@graph']) nodes.push(record['@graph'])
      }
    }
  }
  return undefined
}

/** The page's `<meta>` values by `property` or `name` (lower case), every value of each in order. */
function metaValues(root: MarkupElement): Map<string, string[]> {
  const values = new Map<string, string[]>()
  for (const meta of findElements(root, (e) => e.name === 'meta')) {
    const key = (meta.attributes.get('property') ?? meta.attributes.get('name') ?? meta.attributes.get('itemprop'))?.trim().toLowerCase()
    const content = meta.attributes.get('content')?.trim()
    if (!key || !content) continue
    const list = values.get(key)
    if (list) list.push(content)
    else values.set(key, [content])
  }
  return values
}

/**
 * Reads the article of a built HTML page, as the fields of a record such as a JSON article has, or
 * `null` when the page holds no article. A page holds one when its JSON-LD describes an article
 * (`NewsArticle`, `BlogPosting`…), its OpenGraph type is `article`, or it has exactly one
 * `<article>` element outside page furniture (a listing page has several).
 *
 * - `body`: the text of that `<article>` (the one with the `<h1>`, else the longest, when there are
 *   several), else of `<main>`, else of `<body>`, leaving out navigation, headers, footers, asides,
 *   scripts, styles, forms and elements marked `hidden`, `aria-hidden="true"` or
 *   `data-newsdex-ignore`, and the heading that is the title;
 * - `title`: JSON-LD `headline`, the article's `<h1>`, `og:title`, `<title>`;
 * - `date`: the first that is a date of JSON-LD `datePublished` and `dateCreated`,
 *   `article:published_time`, a `date` meta tag, the article's `<time datetime>` or the page's;
 * - `url`: `og:url` or the canonical link; `location`: JSON-LD `contentLocation`, `locationCreated`;
 * - kept as they are (into `meta`, or keyword fields): `author`, `publisher` (or `og:site_name`),
 *   `dateline`, `description`, `section` (`articleSection`, `article:section`) and `tags`
 *   (`keywords`, `article:tag`).
 */
export function readHtmlPage(html: string): Record<string, string | string[]> | null {
  const root = parseMarkupTree(html)
  const ld = jsonLdArticle(root)
  const meta = metaValues(root)
  const first = (...keys: string[]): string | undefined => keys.map((key) => meta.get(key)?.[0]).find(Boolean)
  // The <article> elements of the content: not inside page furniture, nor inside another article.
  const articles = findElements(root, (e) => e.name === 'article', (e) => !isSkipped(e) && e.name !== 'article')
  if (!ld && first('og:type')?.toLowerCase() !== 'article' && articles.length !== 1) return null
  const article =
    articles.find((a) => firstElement(a, 'h1')) ??
    articles.reduce<MarkupElement | undefined>((longest, a) => (!longest || textContent(a).length > textContent(longest).length ? a : longest), undefined)
  const region = article ?? findElements(root, (e) => e.name === 'main' || e.attributes.get('role') === 'main')[0] ?? firstElement(root, 'body') ?? root

  const h1 = firstElement(region, 'h1')
  const headline = jsonText(ld?.headline)
  const title = (headline ?? (h1 && textContent(h1).replace(/\s+/g, ' '))) || first('og:title') || (firstElement(root, 'title') && textContent(firstElement(root, 'title')!)) || ''
  const headings = new Set(findElements(region, (e) => e.name === 'h1' && textContent(e).replace(/\s+/g, ' ') === title))
  const time = (element: MarkupElement): string | undefined => firstElement(element, 'time')?.attributes.get('datetime')
  const date = [jsonText(ld?.datePublished), jsonText(ld?.dateCreated), first('article:published_time', 'date', 'pubdate', 'publishdate', 'dc.date', 'datepublished'), time(region), time(root)]
    .map((value) => (value ? normalizeDate(value.trim()) : null))
    .find((value) => value !== null)
  const canonical = findElements(root, (e) => e.name === 'link' && (e.attributes.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))[0]

  const record: Record<string, string | string[]> = {}
  const set = (key: string, value: string | string[] | undefined): void => {
    if (value !== undefined && value.length > 0) record[key] = value
  }
  set('title', title.trim())
  set('body', readableText(region, headings))
  set('date', date ?? undefined)
  set('url', first('og:url') ?? canonical?.attributes.get('href')?.trim())
  set('location', [...names(ld?.contentLocation), ...names(ld?.locationCreated)])
  set('author', names(ld?.author).join(', ') || first('author', 'article:author'))
  set('publisher', names(ld?.publisher).join(', ') || first('og:site_name'))
  set('dateline', jsonText(ld?.dateline))
  set('description', jsonText(ld?.description) ?? first('og:description', 'description'))
  set('section', jsonText(ld?.articleSection) ?? first('article:section'))
  const keywords = typeof ld?.keywords === 'string' ? ld.keywords.split(',') : Array.isArray(ld?.keywords) ? ld.keywords : (meta.get('article:tag') ?? first('keywords')?.split(','))
  set('tags', [...new Set((keywords ?? []).filter((k): k is string => typeof k === 'string').map((k) => k.trim()).filter(Boolean))])
  return record
}
