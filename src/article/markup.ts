import { decodeEntities } from './entities.js'

/** A token of HTML or XML: an element's start or end, or text (character references decoded). */
export type MarkupToken =
  | { kind: 'open'; name: string; attributes: Map<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }

/** HTML elements whose content is text up to their end tag, not markup; `title` and `textarea` decode references. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noembed', 'noframes', 'plaintext'])

const SPACE = /\s/
const NAME_END = /[\s/>]/

/**
 * Splits HTML (or, with `html` false, XML such as RSS and Atom) into tokens: start tags with their
 * attributes, end tags and text. Element and attribute names are lower-cased. Comments, doctypes
 * and processing instructions are dropped; CDATA sections are text as written; in HTML, the
 * content of `script`, `style` and the like is one text token. Never throws: a `<` that starts no
 * tag is text, and an unclosed tag, comment or section runs to the end. Linear in the text: a
 * hand-written scanner, with no pattern that can backtrack.
 */
export function* tokenizeMarkup(text: string, html = true): Generator<MarkupToken> {
  let at = 0
  /** The index of `needle` from `from`, or the end of the text. */
  const find = (needle: string, from: number): number => {
    const i = text.indexOf(needle, from)
    return i < 0 ? text.length : i
  }
  while (at < text.length) {
    const lt = text.indexOf('<', at)
    const textEnd = lt < 0 ? text.length : lt
    if (textEnd > at) yield { kind: 'text', text: decodeEntities(text.slice(at, textEnd)) }
    if (lt < 0) return
    if (text.startsWith('<!--', lt)) {
      at = find('-->', lt + 4) + 3
      continue
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = find(']]>', lt + 9)
      yield { kind: 'text', text: text.slice(lt + 9, end) }
      at = end + 3
      continue
    }
    const next = text[lt + 1]
    if (next === '!' || next === '?') {
      at = find('>', lt + 2) + 1
      continue
    }
    const closing = next === '/'
    const nameStart = lt + (closing ? 2 : 1)
    if (!/[A-Za-z]/.test(text[nameStart] ?? '')) {
      // Not a tag: the `<` is text.
      yield { kind: 'text', text: '<' }
      at = lt + 1
      continue
    }
    let i = nameStart
    while (i < text.length && !NAME_END.test(text[i]!)) i++
    const name = text.slice(nameStart, i).toLowerCase()
    const attributes = new Map<string, string>()
    let selfClosing = false
    // Attributes: name, or name=value with the value quoted or bare, up to the `>`.
    while (i < text.length && text[i] !== '>') {
      const c = text[i]!
      if (SPACE.test(c)) {
        i++
        continue
      }
      if (c === '/') {
        selfClosing = text[i + 1] === '>'
        i++
        continue
      }
      const attributeStart = i
      while (i < text.length && !/[\s/>=]/.test(text[i]!)) i++
      const attribute = text.slice(attributeStart, i).toLowerCase()
      while (i < text.length && SPACE.test(text[i]!)) i++
      let value = ''
      if (text[i] === '=') {
        i++
        while (i < text.length && SPACE.test(text[i]!)) i++
        const quote = text[i]
        if (quote === '"' || quote === "'") {
          const end = find(quote, i + 1)
          value = text.slice(i + 1, end)
          i = end + 1
        } else {
          const valueStart = i
          while (i < text.length && !/[\s>]/.test(text[i]!)) i++
          value = text.slice(valueStart, i)
        }
      }
      if (attribute !== '' && !attributes.has(attribute)) attributes.set(attribute, decodeEntities(value))
      if (i === attributeStart) i++
    }
    at = i + 1
    if (closing) {
      yield { kind: 'close', name }
      continue
    }
    yield { kind: 'open', name, attributes, selfClosing }
    if (html && RAW_TEXT.has(name) && !selfClosing) {
      // The content runs to the matching end tag, in any case.
      const end = rawTextEnd(text, name, at)
      const content = text.slice(at, end)
      if (content !== '') yield { kind: 'text', text: name === 'title' || name === 'textarea' ? decodeEntities(content) : content }
      if (end < text.length) yield { kind: 'close', name }
      at = find('>', end) + 1
    }
  }
}

/** Where the end tag `</name` of a raw text element starts (case-insensitively), or the end of the text. */
function rawTextEnd(text: string, name: string, from: number): number {
  const lower = `</${name}`
  for (let i = text.indexOf('</', from); i >= 0; i = text.indexOf('</', i + 2)) {
    if (text.slice(i, i + lower.length).toLowerCase() === lower && NAME_END.test(text[i + lower.length] ?? '>')) return i
  }
  return text.length
}
