import { decodeEntities } from '../article/entities.js'

/** Where a command writes its lines. */
export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  /** Writes raw text (no newline) to the status stream, for the progress line. Default: `process.stderr.write`. */
  status?: (text: string) => void
  /** Whether the status stream is a terminal. Default: `process.stderr.isTTY`. */
  errIsTty?: boolean
  /** Ends a command that runs until stopped (`build --watch`). Default none: until the process ends. */
  signal?: AbortSignal
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

/**
 * Renders highlight HTML as terminal text, never HTML: marks in bold yellow with colour, plain
 * without; entities decoded either way.
 */
export function renderHighlight(html: string, color: boolean): string {
  const marked = html.replace(/<mark>/g, color ? BOLD_YELLOW : '').replace(/<\/mark>/g, color ? RESET : '')
  return decodeEntities(marked)
}

/**
 * A whole number with its thousands grouped by commas (`21,577`), as `toLocaleString('en-US')`
 * writes it, without loading the ICU data for it (10 ms of a CLI run).
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
