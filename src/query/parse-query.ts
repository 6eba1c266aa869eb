import { analyzeTerms } from '../analysis/analyzer.js'
import type { ParsedQuery, QueryDiagnostic, QueryFilterField, QueryNode } from '../types.js'
import { parseDateRange } from './date-range.js'
import { lex, type QueryToken } from './lexer.js'

/** Longest query string read; the rest is ignored and reported. */
export const MAX_QUERY_LENGTH = 1024
/** Most clauses (terms, phrases, filters) kept; the rest are ignored and reported. */
export const MAX_CLAUSES = 32

const TEXT_FIELDS = new Set(['title', 'body'])
const FILTER_FIELDS = new Set<QueryFilterField>(['source', 'location', 'country'])

type Clause = { node: QueryNode; leaves: number }

/**
 * Parses a query string into clauses. Never throws: malformed input is searched as well as it can
 * be, and every repair is reported in `diagnostics`. Cost is linear in the (capped) input length.
 */
export function parseQuery(input: string): ParsedQuery {
  const diagnostics: QueryDiagnostic[] = []
  let text = typeof input === 'string' ? input : String(input ?? '')
  if (text.length > MAX_QUERY_LENGTH) {
    diagnostics.push({ code: 'too-long', message: `query cut to its first ${MAX_QUERY_LENGTH} characters`, offset: MAX_QUERY_LENGTH })
    text = text.slice(0, MAX_QUERY_LENGTH)
  }
  const tokens = lex(text)
  const clauses: Clause[] = []
  let pendingOr: QueryToken | null = null
  let leaves = 0
  let capped = false

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'or') {
      if (clauses.length === 0 || pendingOr) {
        diagnostics.push({ code: 'dangling-operator', message: 'OR needs a clause on each side; ignored', offset: token.offset })
      } else {
        pendingOr = token
      }
      continue
    }
    let negated = false
    let current = token
    if (current.kind === 'minus') {
      const next = tokens[i + 1]
      if (!next || next.kind === 'minus' || next.kind === 'or') {
        diagnostics.push({ code: 'dangling-operator', message: "a lone '-' excludes nothing; ignored", offset: current.offset })
        continue
      }
      negated = true
      current = next
      i++
    }
    const consumed = readClause(current, tokens[i + 1], negated, diagnostics)
    if (consumed.usedNext) i++
    const node = consumed.node
    if (!node) continue
    if (leaves >= MAX_CLAUSES) {
      if (!capped) diagnostics.push({ code: 'too-many-terms', message: `only the first ${MAX_CLAUSES} clauses are used`, offset: token.offset })
      capped = true
      pendingOr = null
      continue
    }
    leaves++
    const previous = clauses[clauses.length - 1]
    if (pendingOr && previous) {
      if (node.negated || previous.node.negated) {
        diagnostics.push({ code: 'dangling-operator', message: 'OR cannot join an excluded clause; treated as AND', offset: pendingOr.offset })
        clauses.push({ node, leaves: 1 })
      } else {
        const children = previous.node.type === 'or' ? [...previous.node.children, node] : [previous.node, node]
        clauses[clauses.length - 1] = { node: { type: 'or', children, negated: false }, leaves: previous.leaves + 1 }
      }
    } else {
      clauses.push({ node, leaves: 1 })
    }
    pendingOr = null
  }
  if (pendingOr) diagnostics.push({ code: 'dangling-operator', message: 'OR at the end of the query; ignored', offset: pendingOr.offset })
  return { input: text, clauses: clauses.map((c) => c.node), diagnostics, relaxed: false }
}

function readClause(
  token: QueryToken,
  next: QueryToken | undefined,
  negated: boolean,
  diagnostics: QueryDiagnostic[],
): { node: QueryNode | null; usedNext: boolean } {
  if (token.kind === 'word') {
    if (analyzeTerms(token.text).length === 0) {
      diagnostics.push({ code: 'no-terms', message: `'${token.text}' has no searchable characters; ignored`, offset: token.offset })
      return { node: null, usedNext: false }
    }
    return { node: { type: 'term', value: token.text, negated }, usedNext: false }
  }
  if (token.kind === 'quoted') return { node: phrase(token, undefined, negated, diagnostics), usedNext: false }
  if (token.kind !== 'field') return { node: null, usedNext: false }

  const valueToken = next && (next.kind === 'word' || next.kind === 'quoted') && next.offset === token.offset + token.name.length + 1 ? next : undefined
  if (!valueToken) {
    diagnostics.push({ code: 'empty-field', message: `'${token.name}:' has no value; ignored`, offset: token.offset })
    return { node: null, usedNext: false }
  }
  const value = valueToken.text.trim()
  const name = token.name
  if (TEXT_FIELDS.has(name)) {
    const field = name as 'title' | 'body'
    if (valueToken.kind === 'quoted') return { node: phrase(valueToken, field, negated, diagnostics), usedNext: true }
    if (analyzeTerms(value).length === 0) {
      diagnostics.push({ code: 'no-terms', message: `'${value}' has no searchable characters; ignored`, offset: valueToken.offset })
      return { node: null, usedNext: true }
    }
    return { node: { type: 'term', value, field, negated }, usedNext: true }
  }
  if (FILTER_FIELDS.has(name as QueryFilterField)) {
    if (valueToken.kind === 'quoted' && !valueToken.closed) unclosed(valueToken, diagnostics)
    if (value === '') {
      diagnostics.push({ code: 'empty-field', message: `'${name}:' has no value; ignored`, offset: token.offset })
      return { node: null, usedNext: true }
    }
    return { node: { type: 'filter', field: name as QueryFilterField, value, negated }, usedNext: true }
  }
  if (name === 'date') {
    const range = parseDateRange(value)
    if (!range) {
      diagnostics.push({ code: 'bad-date', message: `'${value}' is not a date or date range; ignored`, offset: valueToken.offset })
      return { node: null, usedNext: true }
    }
    return { node: { type: 'date', from: range.from, to: range.to, negated }, usedNext: true }
  }
  diagnostics.push({ code: 'unknown-field', message: `unknown field '${name}:'; searched as text`, offset: token.offset })
  const asText = `${name} ${value}`
  return { node: { type: 'term', value: asText, negated }, usedNext: true }
}

function phrase(
  token: Extract<QueryToken, { kind: 'quoted' }>,
  field: 'title' | 'body' | undefined,
  negated: boolean,
  diagnostics: QueryDiagnostic[],
): QueryNode | null {
  if (!token.closed) unclosed(token, diagnostics)
  if (analyzeTerms(token.text).length === 0) {
    diagnostics.push({ code: 'empty-phrase', message: 'empty phrase; ignored', offset: token.offset })
    return null
  }
  return field ? { type: 'phrase', value: token.text, field, negated } : { type: 'phrase', value: token.text, negated }
}

function unclosed(token: QueryToken, diagnostics: QueryDiagnostic[]): void {
  diagnostics.push({ code: 'unclosed-quote', message: 'a quote is not closed; read to the end of the query', offset: token.offset })
}
