const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

/**
 * Escapes `text[from, to)` and wraps each range (sorted, non-overlapping offsets into `text`) in the
 * tags. Only the tags are markup; everything taken from `text` is escaped.
 */
export function markRanges(
  text: string,
  ranges: readonly { start: number; end: number }[],
  tags: readonly [string, string],
  from = 0,
  to = text.length,
  clean: (chunk: string) => string = (chunk) => chunk,
): string {
  const esc = (chunk: string): string => escapeHtml(clean(chunk))
  let html = ''
  let cursor = from
  for (const { start, end } of ranges) {
    if (end <= from || start >= to) continue
    const s = Math.max(start, from)
    const e = Math.min(end, to)
    if (s < cursor) continue
    html += esc(text.slice(cursor, s)) + tags[0] + esc(text.slice(s, e)) + tags[1]
    cursor = e
  }
  return html + esc(text.slice(cursor, to))
}
