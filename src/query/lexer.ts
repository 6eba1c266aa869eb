/** A lexical token of the query language. */
export type QueryToken =
  | { kind: 'word'; text: string; offset: number }
  | { kind: 'quoted'; text: string; offset: number; closed: boolean }
  | { kind: 'field'; name: string; offset: number }
  | { kind: 'minus'; offset: number }
  | { kind: 'or'; offset: number }

const SPACE = /\s/u
const FIELD_PREFIX = /^([A-Za-z]+):/

/**
 * Splits a query string into tokens. Never throws, and runs in one pass.
 * `-` starts a negation at the start of a clause; `name:` is a field prefix; `OR` joins clauses;
 * `AND` is accepted and ignored, since AND is the default.
 */
export function lex(input: string): QueryToken[] {
  const tokens: QueryToken[] = []
  const n = input.length
  let i = 0
  while (i < n) {
    const ch = input[i]!
    if (SPACE.test(ch)) { i++; continue }
    const start = i
    if (ch === '"') {
      const close = input.indexOf('"', i + 1)
      const end = close === -1 ? n : close
      tokens.push({ kind: 'quoted', text: input.slice(i + 1, end), offset: start, closed: close !== -1 })
      i = close === -1 ? n : close + 1
      continue
    }
    if (ch === '-' && (start === 0 || SPACE.test(input[start - 1]!) || input[start - 1] === ':')) {
      tokens.push({ kind: 'minus', offset: start })
      i++
      continue
    }
    while (i < n && !SPACE.test(input[i]!) && input[i] !== '"') i++
    const text = input.slice(start, i)
    const field = FIELD_PREFIX.exec(text)
    if (field) {
      tokens.push({ kind: 'field', name: field[1]!.toLowerCase(), offset: start })
      i = start + field[0].length
    } else if (text === 'OR' || text === '|' || text === '||') {
      tokens.push({ kind: 'or', offset: start })
    } else if (text !== 'AND' && text !== '&&') {
      tokens.push({ kind: 'word', text, offset: start })
    }
  }
  return tokens
}
