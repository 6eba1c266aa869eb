import { decodeEntities } from './entities.js'
import { unwrapStrong } from './strong-emphasis.js'

/**
 * `text.replace(pattern, replacement)` for a pattern whose every match ends with `closer`: it runs only
 * up to the last `closer`, so that no attempt scans on to the end of the text and fails there.
 */
function replaceBeforeLast(text: string, closer: string, pattern: RegExp, replacement: string): string {
  const last = text.lastIndexOf(closer)
  if (last < 0) return text
  const cut = last + closer.length
  return text.slice(0, cut).replace(pattern, replacement) + text.slice(cut)
}

/** `text` without a heading's closing sequence (trailing `[ \t]*#*[ \t]*`), found from the end. */
function withoutClosingHashes(text: string): string {
  let end = text.length
  const skip = (chars: string): void => {
    while (end > 0 && chars.includes(text[end - 1]!)) end--
  }
  skip(' \t')
  skip('#')
  skip(' \t')
  return text.slice(0, end)
}

/**
 * Turns Markdown into plain text: markup removed, link and image text kept, paragraphs kept. Linear in
 * the length of the text (see docs/redos.md).
 */
export function markdownToText(markdown: string): string {
  let text = markdown.replace(/\r\n?/g, '\n').replace(/^(```|~~~).*$/gm, '')
  text = replaceBeforeLast(text, '-->', /<!--[\s\S]*?-->/g, '')
  text = text.replace(/^[ \t]{0,3}\[[^[\]]+\]:[ \t]*\S+.*$/gm, '')
  text = replaceBeforeLast(text, ')', /!\[([^[\]]*)\]\([^)]*\)/g, '$1')
  text = replaceBeforeLast(text, ')', /\[([^[\]]+)\]\([^)]*\)/g, '$1')
  text = text.replace(/\[([^[\]]+)\]\[[^\]]*\]/g, '$1')
  text = replaceBeforeLast(text, '>', /<\/?[A-Za-z][^>]*>/g, '')
  text = text
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*)$/gm, (_, heading: string) => withoutClosingHashes(heading))
    .replace(/^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
  return decodeEntities(
    unwrapStrong(text)
      .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
      .replace(/`([^`\n]+)`/g, '$1'),
  )
}

/** The first level-one heading of a Markdown body, if any: its text without closing hashes. */
export function firstHeading(markdown: string): string | undefined {
  const line = /^[ \t]{0,3}#([ \t].+)$/m.exec(markdown)?.[1]
  if (line === undefined) return undefined
  const text = line.replace(/^[ \t]+/, '')
  // As the old pattern read them: a heading of spaces only is its last space, one of hashes only its first hash.
  if (text === '') return line.slice(-1)
  return withoutClosingHashes(text) || text[0]
}
