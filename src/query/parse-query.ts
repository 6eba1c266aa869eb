import { analyzeTerms } from '../analysis/analyzer.js'
import type { ParsedQuery, QueryDiagnostic, QueryField, QueryNode } from '../types.js'
import { parseDateRange } from './date-range.js'
import { lex, type QueryToken } from './lexer.js'

/** Longest query string read; the rest is ignored and reported. */
export const MAX_QUERY_LENGTH = 1024

/**
 * Parses a query string into clauses. Never throws: malformed input is searched as well as it can
 * be, and every repair is reported in `diagnostics`. Cost is linear in the (capped) input length.
 */
export function parseQuery(input: string): ParsedQuery {
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
  const clauses: QueryNode[] = []
  /** An OR waiting for the clause after it. */
  let or: QueryToken | undefined
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!
    if (first.or) {
      if (clauses.length && !or) or = first
      else problem('dangling-operator', first, 'needs a clause on each side; ignored')
      continue
    }
    let token = first
    const negated = !!first.minus
    if (negated) {
      token = tokens[i + 1]!
      if (!token || token.minus || token.or) {
        problem('dangling-operator', first, 'needs a clause after it; ignored')
        continue
      }
      i++
    }
    // The token with the clause's text: the clause itself, or the word or quote right after its field prefix.
    let value = token
    const field = token.field?.toLowerCase()
    if (field) {
      value = tokens[i + 1]!
      if (value?.offset !== token.offset + token.raw.length || (value.term ?? value.phrase) === undefined) {
        problem('empty-field', token, 'has no value; ignored')
        continue
      }
      i++
    }
    if (value.closing === '') problem('unclosed-quote', value, 'is not closed; read to the end')
    const text = (value.term ?? value.phrase)!
    const trimmed = text.trim()
    let node: QueryNode
    if (!field || field === 'title' || field === 'body') {
      if (!analyzeTerms(text).length) {
        problem(value.term === undefined ? 'empty-phrase' : 'no-terms', value, 'has no letters or digits; ignored')
        continue
      }
      const textNode: Extract<QueryNode, { type: 'term' }> | Extract<QueryNode, { type: 'phrase' }> = { type: value.term === undefined ? 'phrase' : 'term', value: text, negated }
      if (field) textNode.field = field as QueryField
      node = textNode
    } else if (field === 'date') {
      const range = parseDateRange(trimmed)
      if (!range) {
        problem('bad-date', value, 'is not a date; ignored')
        continue
      }
      node = { type: 'date', ...range, negated }
    } else if (field === 'source' || field === 'location' || field === 'country') {
      if (!trimmed) {
        problem('empty-field', token, 'has no value; ignored')
        continue
      }
      node = { type: 'filter', field, value: trimmed, negated }
    } else {
      problem('unknown-field', token, 'is not a field; searched as text')
      node = { type: 'term', value: `${field} ${trimmed}`, negated }
    }
    // OR joins a clause to the previous one unless either is excluded.
    const previous = clauses.at(-1)!
    if (or && !node.negated && !previous.negated) {
      if (previous.type === 'or') previous.children.push(node)
      else clauses[clauses.length - 1] = { type: 'or', children: [previous, node], negated: false }
    } else {
      if (or) problem('dangling-operator', or, 'cannot join an excluded clause; read as AND')
      clauses.push(node)
    }
    or = undefined
  }
  if (or) problem('dangling-operator', or, 'needs a clause on each side; ignored')
  return { input: text, clauses, diagnostics, relaxed: false }
}
