/** Where a token was read: the text as written, and where it starts in the query. */
interface Written {
  /** The token as written in the query. */
  raw: string
  /** Offset of `raw` in the query. */
  offset: number
}

/** A bare word: everything up to a space, a quote or the end. */
export interface WordToken extends Written {
  kind: 'word'
  text: string
}

/** Quoted text: `text` is what lies between the quotes. */
export interface QuoteToken extends Written {
  kind: 'quote'
  text: string
  /** `false` when no closing quote follows, and the text runs to the end of the query. */
  closed: boolean
}

/** A field prefix such as `title:`; its value is the word or quote right after the colon. */
export interface FieldToken extends Written {
  kind: 'field'
  /** The name as written, without the colon. */
  name: string
}

/** A `-` at the start of a clause, which excludes the clause. */
export interface MinusToken extends Written {
  kind: 'minus'
}

/** `OR`, `|` or `||` as a whole word, which joins the clauses on either side. */
export interface OrToken extends Written {
  kind: 'or'
}

/** A lexical token of the query language. */
export type QueryToken = WordToken | QuoteToken | FieldToken | MinusToken | OrToken

/** Whole words that are read as OR. */
const OR_WORDS = new Set(['OR', '|', '||'])
/** Whole words that are read as AND, and dropped, since clauses are ANDed anyway. */
const AND_WORDS = new Set(['AND', '&&'])

/** A field prefix: ASCII letters and a colon. Sticky: it matches only where `lastIndex` points. */
const FIELD_PREFIX = /([A-Za-z]+):/y
/** A word: everything up to a space, a quote or the end. Sticky, like `FIELD_PREFIX`. */
const WORD = /[^\s"]+/y
/** A character that separates tokens: any Unicode space. */
const SPACE = /\s/

/**
 * Splits a query string into tokens, in one pass; never throws. Spaces separate tokens and are
 * skipped; every other character belongs to a token.
 */
export function lex(query: string): QueryToken[] {
  const tokens: QueryToken[] = []
  let at = 0
  while (at < query.length) {
    if (SPACE.test(query[at]!)) {
      at++
      continue
    }
    const token = tokenAt(query, at)
    at += token.raw.length
    const isAnd = token.kind === 'word' && AND_WORDS.has(token.text)
    if (!isAnd) tokens.push(token)
  }
  return tokens
}

/**
 * The token that starts at `at`, which is not a space: the first that applies of a quote, a minus
 * that starts a clause, a field prefix, OR as a whole word, and a word.
 */
function tokenAt(query: string, at: number): QueryToken {
  if (query[at] === '"') return quoteAt(query, at)
  if (query[at] === '-' && startsClause(query, at)) return { kind: 'minus', raw: '-', offset: at }
  const field = matchAt(FIELD_PREFIX, query, at)
  if (field) return { kind: 'field', name: field[1]!, raw: field[0], offset: at }
  const word = matchAt(WORD, query, at)![0]
  if (OR_WORDS.has(word)) return { kind: 'or', raw: word, offset: at }
  return { kind: 'word', text: word, raw: word, offset: at }
}

/** The quoted text that starts at `at`: up to the next quote, or to the end of the query when none follows. */
function quoteAt(query: string, at: number): QuoteToken {
  const close = query.indexOf('"', at + 1)
  if (close === -1) return { kind: 'quote', text: query.slice(at + 1), closed: false, raw: query.slice(at), offset: at }
  return { kind: 'quote', text: query.slice(at + 1, close), closed: true, raw: query.slice(at, close + 1), offset: at }
}

/** Whether `at` is where a clause may start: the start of the query, after a space, or right after a field prefix. */
function startsClause(query: string, at: number): boolean {
  const before = query[at - 1]
  return before === undefined || before === ':' || SPACE.test(before)
}

/** The match of the sticky `pattern` starting exactly at `at`, or `null`. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at
  return pattern.exec(text)
}
