/** Where a command writes its lines. */
export interface Output {
  out: (line: string) => void
  err: (line: string) => void
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
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/** Renders highlight HTML for a terminal: marks in bold yellow (or kept as `<mark>` without colour), entities decoded. */
export function renderHighlight(html: string, color: boolean): string {
  const marked = color ? html.replace(/<mark>/g, BOLD_YELLOW).replace(/<\/mark>/g, RESET) : html
  return color ? marked.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!) : marked
}
