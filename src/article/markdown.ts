import { parse as parseYaml } from 'yaml'

/** A Markdown document split into its front matter (parsed YAML) and its body. */
export interface MarkdownParts {
  frontMatter: Record<string, unknown>
  body: string
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/** Splits off and parses YAML front matter. Throws an `Error` naming the YAML problem. */
export function splitFrontMatter(text: string): MarkdownParts {
  const m = FRONT_MATTER.exec(text)
  if (!m) return { frontMatter: {}, body: text }
  const data: unknown = parseYaml(m[1] ?? '')
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new Error('front matter must be a YAML mapping of fields')
  }
  return { frontMatter: (data ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…' }

/** Turns Markdown into plain text: markup removed, link and image text kept, paragraphs kept. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^(```|~~~).*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1')
    .replace(/^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
      }
      return ENTITIES[name.toLowerCase()] ?? entity
    })
}

/** The first level-one heading of a Markdown body, if any. */
export function firstHeading(markdown: string): string | undefined {
  return /^[ \t]{0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(markdown)?.[1]
}
