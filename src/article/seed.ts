/** Keys a seed-format header line may carry, lowercase, at the very top of the text. */
const HEADER_KEYS = new Set(['date', 'title', 'source', 'location', 'country', 'url', 'id'])
const HEADER_LINE = /^[ \t]*([a-z]+)[ \t]+(.*)$/
const DATE_VALUE = /^(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?$/

/**
 * Reads the seed format's header: lines such as `date 2020-06-23` or `title …` at the top of the text.
 * A `date` line may go on with the article text on the same line, as in the seed.
 */
export function parseSeedHeader(text: string): { fields: Record<string, string>; body: string } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const fields: Record<string, string> = {}
  let i = 0
  for (; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i]!)
    if (!m || !HEADER_KEYS.has(m[1]!) || Object.hasOwn(fields, m[1]!)) break
    const [, key = '', value = ''] = m
    if (key === 'date') {
      const d = DATE_VALUE.exec(value.trim())
      if (!d) break
      fields.date = d[1]!
      if (d[2]) {
        lines[i] = d[2]
        break
      }
    } else {
      fields[key] = value.trim()
    }
  }
  return { fields, body: lines.slice(i).join('\n') }
}
