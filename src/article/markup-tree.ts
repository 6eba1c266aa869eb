import { tokenizeMarkup } from './markup.js'

/** An element of parsed HTML or XML: its lower-case name, attributes and children (elements and text). */
export interface MarkupElement {
  name: string
  attributes: Map<string, string>
  children: (MarkupElement | string)[]
}

/** HTML elements that have no content and no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

/**
 * Parses HTML (or XML with `html` false) into a tree under a root element named `''`. Lenient, as
 * browsers are for what matters to reading text: an end tag closes the nearest open element of its
 * name (and those inside it), an end tag with none open is dropped, and elements left open end with
 * the text. It does not apply HTML's implied end tags (a `<p>` inside a `<p>` nests): the text reads
 * the same.
 */
export function parseMarkupTree(text: string, html = true): MarkupElement {
  const root: MarkupElement = { name: '', attributes: new Map(), children: [] }
  const open: MarkupElement[] = [root]
  // How many elements of each name are open: an end tag with none is dropped without a search, so
  // that many stray end tags under deep nesting cost no more than the rest.
  const openCount = new Map<string, number>()
  for (const token of tokenizeMarkup(text, html)) {
    const current = open.at(-1)!
    if (token.kind === 'text') current.children.push(token.text)
    else if (token.kind === 'open') {
      const element: MarkupElement = { name: token.name, attributes: token.attributes, children: [] }
      current.children.push(element)
      if (token.selfClosing || (html && VOID.has(token.name))) continue
      open.push(element)
      openCount.set(token.name, (openCount.get(token.name) ?? 0) + 1)
    } else if (openCount.get(token.name)) {
      // Each element is closed once: the search and the pops cost what the opens did.
      while (open.length > 1) {
        const closed = open.pop()!
        openCount.set(closed.name, openCount.get(closed.name)! - 1)
        if (closed.name === token.name) break
      }
    }
  }
  return root
}

/**
 * The elements under `element` (not itself) that `test` accepts, in document order; the walk does
 * not enter an element that `enter` refuses (default: it enters every one).
 */
export function findElements(element: MarkupElement, test: (e: MarkupElement) => boolean, enter: (e: MarkupElement) => boolean = () => true): MarkupElement[] {
  const found: MarkupElement[] = []
  // An explicit stack: a deeply nested page must not overflow the call stack.
  const stack: MarkupElement[] = [...element.children].reverse().filter((c): c is MarkupElement => typeof c !== 'string')
  while (stack.length > 0) {
    const e = stack.pop()!
    if (test(e)) found.push(e)
    if (!enter(e)) continue
    for (let i = e.children.length - 1; i >= 0; i--) {
      const child = e.children[i]!
      if (typeof child !== 'string') stack.push(child)
    }
  }
  return found
}

/** The first element under `element` named `name`, or `undefined`. */
export function firstElement(element: MarkupElement, name: string): MarkupElement | undefined {
  return findElements(element, (e) => e.name === name)[0]
}

/** All the text under `element`, as written (no spacing added between elements), trimmed. */
export function textContent(element: MarkupElement): string {
  const parts: string[] = []
  const stack: (MarkupElement | string)[] = [element]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (typeof node === 'string') parts.push(node)
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
  }
  return parts.join('').trim()
}
