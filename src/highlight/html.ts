const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

/** Text read by stretches: a string, or a stored body rebuilt only where it is read. */
export interface TextSource {
  readonly length: number
  slice(from: number, to: number): string
}

/**
 * Escapes `text[from, to)`, passed through `clean` first, and wraps each range (sorted,
 * non-overlapping offsets within `[from, to)`) in the tags. Only the tags are markup; everything
 * taken from `text` is escaped.
 */
export function markRanges(
  text: TextSource,
  ranges: readonly { start: number; end: number }[],
  tags: readonly [string, string],
  from = 0,
  to = text.length,
  clean = (chunk: string): string => chunk,
): string {
  const esc = (start: number, end: number): string => escapeHtml(clean(text.slice(start, end)))
  let html = ''
  for (const { start, end } of ranges) {
    html += esc(from, start) + tags[0] + esc(start, end) + tags[1]
    from = end
  }
  return html + esc(from, to)
}
