import { analyzeTerms } from '../analysis/analyzer.js'
import type { ParsedQuery, ParseQueryOptions, QueryDiagnostic, QueryField, QueryNode } from '../types.js'
import { parseDateRange } from './date-range.js'
import { lex, type FieldToken, type OrToken, type QueryToken, type QuoteToken, type WordToken } from './lexer.js'

/** Longest query string read; the rest is ignored and reported. */
export const MAX_QUERY_LENGTH = 1024

/** A token that holds a clause's text. */
type ValueToken = WordToken | QuoteToken

/** A clause that searches text: a term or a phrase. */
type TextNode = Extract<QueryNode, { type: 'term' | 'phrase' }>

/** Whether `token` is the value of `field`: a word or quote that starts right after its colon. */
function isValueOf(field: FieldToken, token: QueryToken | undefined): token is ValueToken {
  const isValue = token?.kind === 'word' || token?.kind === 'quote'
  return isValue && token.offset === field.offset + field.raw.length
}

/**
 * Parses a query string into clauses. Never throws: malformed input is searched as well as it can
 * be, and every repair is reported in `diagnostics`. Cost is linear in the (capped) input length.
 * `options.fields` names the custom keyword fields that `name:value` filters on.
 */
export function parseQuery(input: string, options: ParseQueryOptions = {}): ParsedQuery {
  const diagnostics: QueryDiagnostic[] = []
  /** Reports a problem with a token: the message quotes it, then says what is wrong and what was done. */
  const problem = (code: QueryDiagnostic['code'], token: QueryToken, what: string): void => {
    diagnostics.push({ code, message: `'${token.raw}' ${what}`, offset: token.offset })
  }
  let text = String(input ?? '')
  if (text.length > MAX_QUERY_LENGTH) {
    diagnostics.push({ code: 'too-long', message: `only the first ${MAX_QUERY_LENGTH} characters are read`, offset: MAX_QUERY_LENGTH })
    text = text.slice(0, MAX_QUERY_LENGTH)
  }
  const tokens = lex(text)
  /** Index of the next token to read. */
  let next = 0
  const clauses: QueryNode[] = []
  /** An OR waiting for the clause after it. */
  let pendingOr: OrToken | undefined

  /** The clause of a word or quote, searched in one text field or in all. */
  const textClause = (value: ValueToken, negated: boolean, field?: QueryField): QueryNode | undefined => {
    if (analyzeTerms(value.text).length === 0) {
      problem(value.kind === 'quote' ? 'empty-phrase' : 'no-terms', value, 'has no letters or digits; ignored')
      return undefined
    }
    const node: TextNode = { type: value.kind === 'quote' ? 'phrase' : 'term', value: value.text, negated }
    if (field) node.field = field
    return node
  }

  /** The clause of a field prefix and its value. */
  const fieldClause = (field: FieldToken, value: ValueToken, negated: boolean): QueryNode | undefined => {
    const name = field.name.toLowerCase()
    if (name === 'title' || name === 'body') return textClause(value, negated, name)
    const trimmed = value.text.trim()
    const filter = (on: string): QueryNode | undefined => {
      if (trimmed) return { type: 'filter', field: on, value: trimmed, negated }
      problem('empty-field', field, 'has no value; ignored')
      return undefined
    }
    switch (name) {
      case 'date': {
        const range = parseDateRange(trimmed)
        if (range) return { type: 'date', ...range, negated }
        problem('bad-date', value, 'is not a date; ignored')
        return undefined
      }
      case 'source':
      case 'location':
      case 'country':
        return filter(name)
      default: {
        // A custom keyword field of the index filters as the built-in ones do.
        const custom = options.fields?.find((f) => f.toLowerCase() === name)
        if (custom !== undefined) return filter(custom)
        problem('unknown-field', field, 'is not a field; searched as text')
        return { type: 'term', value: `${name} ${trimmed}`, negated }
      }
    }
  }

  /** Reports quoted text that runs to the end of the query (it is read as if closed there). */
  const reportUnclosed = (value: ValueToken): void => {
    if (value.kind === 'quote' && !value.closed) problem('unclosed-quote', value, 'is not closed; read to the end')
  }

  /** Reads the clause that starts with `start`, taking the field's value after a field prefix. */
  const readClause = (start: ValueToken | FieldToken, negated: boolean): QueryNode | undefined => {
    if (start.kind !== 'field') {
      reportUnclosed(start)
      return textClause(start, negated)
    }
    const value = tokens[next]
    if (!isValueOf(start, value)) {
      problem('empty-field', start, 'has no value; ignored')
      return undefined
    }
    next++
    reportUnclosed(value)
    return fieldClause(start, value, negated)
  }

  /** Adds a clause: to the previous one's OR group when an OR joins them (unless either is excluded), or on its own. */
  const addClause = (node: QueryNode): void => {
    const previous = clauses.at(-1)
    if (pendingOr && previous && !node.negated && !previous.negated) {
      if (previous.type === 'or') previous.children.push(node)
      else clauses[clauses.length - 1] = { type: 'or', children: [previous, node], negated: false }
    } else {
      if (pendingOr) problem('dangling-operator', pendingOr, 'cannot join an excluded clause; read as AND')
      clauses.push(node)
    }
    pendingOr = undefined
  }

  while (next < tokens.length) {
    const token = tokens[next++]!
    let node: QueryNode | undefined
    switch (token.kind) {
      case 'or':
        if (clauses.length > 0 && !pendingOr) pendingOr = token
        else problem('dangling-operator', token, 'needs a clause on each side; ignored')
        break
      case 'minus': {
        // A minus excludes the clause after it; another operator after it leaves it with nothing to exclude.
        const start = tokens[next]
        if (start === undefined || start.kind === 'minus' || start.kind === 'or') {
          problem('dangling-operator', token, 'needs a clause after it; ignored')
          break
        }
        next++
        node = readClause(start, true)
        break
      }
      default:
        node = readClause(token, false)
    }
    if (node) addClause(node)
  }
  if (pendingOr) problem('dangling-operator', pendingOr, 'needs a clause on each side; ignored')
  return { input: text, clauses, diagnostics, relaxed: false }
}
