/** Where a command writes its lines. */
export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  /** Writes raw text (no newline) to the status stream, for the progress line. Default: `process.stderr.write`. */
  status?: (text: string) => void
  /** Whether the status stream is a terminal. Default: `process.stderr.isTTY`. */
  errIsTty?: boolean
}

/** Thrown by commands for a bad invocation; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** Whether to colour output: `--color always|never|auto` (auto: when stdout is a terminal and NO_COLOR is unset). */
export function wantsColor(flag: string | undefined, isTty: boolean): boolean {
  if (flag === 'always') return true
  if (flag === 'never') return false
  if (flag !== undefined && flag !== 'auto') throw new UsageError(`--color must be auto, always or never, got '${flag}'`)
  return isTty && !process.env.NO_COLOR
}

const BOLD_YELLOW = '\u001b[1;33m'
const RESET = '\u001b[0m'
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the HTML entities of highlighted text: named ones the highlighter writes, and numeric ones. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);/g, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return ENTITIES[name] ?? entity
  })
}

/**
 * Renders highlight HTML as terminal text, never HTML: marks in bold yellow with colour, plain
 * without; entities decoded either way.
 */
export function renderHighlight(html: string, color: boolean): string {
  const marked = html.replace(/<mark>/g, color ? BOLD_YELLOW : '').replace(/<\/mark>/g, color ? RESET : '')
  return unescapeHtml(marked)
}
