import { htmlToText, readableText } from './html-page.js'
import { parseMarkupTree, textContent, type MarkupElement } from './markup-tree.js'

/** The element children of `element` named one of `names`. */
function childrenNamed(element: MarkupElement, ...names: string[]): MarkupElement[] {
  return element.children.filter((c): c is MarkupElement => typeof c !== 'string' && names.includes(c.name))
}

/** The text of the first child named one of `names` (in that order of preference), trimmed; `undefined` when none has text. */
function childText(element: MarkupElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const text = childrenNamed(element, name).map(textContent).find(Boolean)
    if (text) return text
  }
  return undefined
}

/** The text of an Atom text construct: `type="html"` is escaped HTML, `"xhtml"` markup parsed already. */
function atomText(element: MarkupElement | undefined): string | undefined {
  if (!element || element.attributes.has('src')) return undefined
  const type = element.attributes.get('type') ?? 'text'
  const text = type === 'html' ? htmlToText(textContent(element)) : type === 'xhtml' ? readableText(element) : textContent(element)
  return text || undefined
}

/** Drops the keys whose value is missing or empty. */
function compact(record: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined && entry[1].length > 0))
}

/** An RSS 2.0 (or 1.0) item as the fields of a record. */
function rssItem(item: MarkupElement): Record<string, string | string[]> {
  const content = childText(item, 'content:encoded')
  const description = childText(item, 'description')
  return compact({
    id: childText(item, 'guid'),
    title: childText(item, 'title'),
    url: childText(item, 'link'),
    date: childText(item, 'pubdate', 'dc:date', 'published', 'updated'),
    body: content && htmlToText(content),
    description: description && htmlToText(description),
    author: childrenNamed(item, 'author', 'dc:creator').map(textContent).filter(Boolean).join(', '),
    category: childrenNamed(item, 'category', 'dc:subject').map(textContent).filter(Boolean),
    source: childText(item, 'source'),
  })
}

/** An Atom entry as the fields of a record. */
function atomEntry(entry: MarkupElement): Record<string, string | string[]> {
  const links = childrenNamed(entry, 'link')
  const link = links.find((l) => (l.attributes.get('rel') ?? 'alternate') === 'alternate') ?? links[0]
  return compact({
    id: childText(entry, 'id'),
    title: atomText(childrenNamed(entry, 'title')[0]),
    url: link?.attributes.get('href')?.trim(),
    date: childText(entry, 'published', 'updated'),
    body: atomText(childrenNamed(entry, 'content')[0]),
    description: atomText(childrenNamed(entry, 'summary')[0]),
    author: childrenNamed(entry, 'author').map((author) => childText(author, 'name') ?? '').filter(Boolean).join(', '),
    category: childrenNamed(entry, 'category').map((c) => c.attributes.get('term')?.trim() ?? '').filter(Boolean),
  })
}

/**
 * Reads the items of an RSS 2.0 (or RSS 1.0) or Atom feed, each as the fields of a record such as a
 * JSON article has: `id` (guid, Atom id), `title`, `url`, `date` (pubDate, `dc:date`, published,
 * updated), `body` (`content:encoded`, Atom content), `description` (description, Atom summary;
 * the body when there is none), `author`, `category` (a list) and `source`. HTML in them is read
 * as text. `null` when the text is not a feed.
 */
export function readFeed(xml: string): Record<string, string | string[]>[] | null {
  const root = parseMarkupTree(xml, false)
  const top = childrenNamed(root, 'rss', 'rdf:rdf', 'feed')[0]
  if (!top) return null
  if (top.name === 'feed') return childrenNamed(top, 'entry').map(atomEntry)
  // RSS 2.0 items are in the channel; RSS 1.0 items beside it.
  return [...childrenNamed(top, 'channel').flatMap((channel) => childrenNamed(channel, 'item')), ...childrenNamed(top, 'item')].map(rssItem)
}
