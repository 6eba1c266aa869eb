const OPENER = /\*\*(?=\S)|__(?=\S)|~~(?=\S)/g
const SPACE = /\s/

/**
 * Removes `**`, `__` and `~~` around text, as `text.replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')`
 * does, in linear time: that pattern scans to the end of the text again after every opener left open.
 */
export function unwrapStrong(text: string): string {
  // Per delimiter, the last search: the first closer at or after `from` is at `at` (-1: none).
  const searches = new Map<string, { from: number; at: number }>()
  const closer = (delimiter: string, from: number): number => {
    const last = searches.get(delimiter)
    if (last && last.from <= from && (last.at < 0 || last.at >= from)) return last.at
    let at = text.indexOf(delimiter, from)
    while (at >= 0 && SPACE.test(text[at - 1]!)) at = text.indexOf(delimiter, at + 1)
    searches.set(delimiter, { from, at })
    return at
  }
  let out = ''
  let copied = 0
  OPENER.lastIndex = 0
  for (let m = OPENER.exec(text); m; m = OPENER.exec(text)) {
    const end = closer(m[0], m.index + 3)
    if (end < 0) {
      OPENER.lastIndex = m.index + 1
      continue
    }
    out += text.slice(copied, m.index) + text.slice(m.index + 2, end)
    copied = end + 2
    OPENER.lastIndex = copied
  }
  return out + text.slice(copied)
}
