/**
 * A lexical token of the query language: `raw`, as written at `offset`, and the one property that
 * says what it is: `term` (a word), `phrase` (the text between quotes), `field` (the name of a
 * `name:` prefix), `minus` or `or`. `closing` is `''` when quoted text runs to the end of the query.
 */
export interface QueryToken {
  raw: string
  offset: number
  term?: string
  phrase?: string
  closing?: string
  field?: string
  minus?: string
  or?: string
  and?: string
}

/** Splits a query string into tokens, in one pass; never throws. */
export function lex(input: string): QueryToken[] {
  // Each kind of token is a named group: quoted text, up to the next quote or the end; `-` at the
  // start of a clause (after nothing, a space or a field prefix); a field prefix `name:`; `OR` (`|`,
  // `||`), which joins clauses; `AND` (`&&`), dropped since AND is the default; a word, up to a
  // space or a quote.
  const TOKEN = /"(?<phrase>[^"]*)(?<closing>"?)|(?<![^\s:])(?<minus>-)|(?<field>[A-Za-z]+):|(?:(?<or>OR|\|\|?)|(?<and>AND|&&))(?![^\s"])|(?<term>[^\s"]+)/g
  return [...input.matchAll(TOKEN)].map((match): QueryToken => ({ ...match.groups, raw: match[0], offset: match.index })).filter((token) => !token.and)
}
