import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENGLISH_STOPWORDS } from '../../src/analysis/stopwords.js'
import { parseQuery } from '../../src/index.js'
import { lex } from '../../src/query/lexer.js'
import { MAX_QUERY_LENGTH } from '../../src/query/parse-query.js'
import { planQuery, textClauses, typoBudget, type PlanOptions, type TermSpec } from '../../src/query/plan.js'
import type { ParsedQuery, QueryDiagnostic, QueryNode } from '../../src/types.js'

const clauses = (query: string): QueryNode[] => parseQuery(query).clauses
const codes = (query: string): QueryDiagnostic['code'][] => parseQuery(query).diagnostics.map((d) => d.code)
const diag = (d: QueryDiagnostic): [QueryDiagnostic['code'], number] => [d.code, d.offset]
const term = (value: string, extra: Partial<Extract<QueryNode, { type: 'term' }>> = {}): QueryNode => ({ type: 'term', value, negated: false, ...extra })
const dateOf = (query: string): { from: string | null; to: string | null } => {
  const [node, ...rest] = clauses(query)
  expect(rest).toEqual([])
  if (node?.type !== 'date') return expect.fail(`${query} did not parse to one date clause: ${JSON.stringify(node)}`)
  return { from: node.from, to: node.to }
}

describe('parseQuery(): syntax', () => {
  it('reads bare words as terms that must all match', () => {
    const parsed = parseQuery('rocket attack')
    expect(parsed.clauses).toEqual([term('rocket'), term('attack')])
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.input).toBe('rocket attack')
    expect(parsed.relaxed).toBe(false)
  })

  it('ignores AND, which is the default', () => {
    expect(clauses('rocket AND attack')).toEqual([term('rocket'), term('attack')])
  })

  it('reads quoted text as a phrase', () => {
    expect(clauses('"baghdad airport" rocket')).toEqual([{ type: 'phrase', value: 'baghdad airport', negated: false }, term('rocket')])
  })

  it('negates terms and phrases with a leading minus', () => {
    expect(clauses('iraq -soleimani -"drone strike"')).toEqual([
      term('iraq'),
      term('soleimani', { negated: true }),
      { type: 'phrase', value: 'drone strike', negated: true },
    ])
  })

  it('keeps a hyphen inside a word as part of the word', () => {
    expect(clauses('al-kadhimi')).toEqual([term('al-kadhimi')])
  })

  it('joins clauses with OR into one group', () => {
    expect(clauses('iran OR iraq OR syria attack')).toEqual([
      { type: 'or', children: [term('iran'), term('iraq'), term('syria')], negated: false },
      term('attack'),
    ])
  })

  it('restricts terms and phrases to the title or the body', () => {
    expect(clauses('title:rocket body:"drone strike" TITLE:Airport')).toEqual([
      term('rocket', { field: 'title' }),
      { type: 'phrase', value: 'drone strike', field: 'body', negated: false },
      term('Airport', { field: 'title' }),
    ])
  })

  it('reads source:, location: and country: as filters, quoted values included', () => {
    expect(clauses('source:AP location:"abu ghraib" country:IQ -source:Reuters')).toEqual([
      { type: 'filter', field: 'source', value: 'AP', negated: false },
      { type: 'filter', field: 'location', value: 'abu ghraib', negated: false },
      { type: 'filter', field: 'country', value: 'IQ', negated: false },
      { type: 'filter', field: 'source', value: 'Reuters', negated: true },
    ])
  })

  it('searches an unknown field as text and says so', () => {
    expect(clauses('foo:bar')).toEqual([term('foo bar')])
    expect(codes('foo:bar')).toEqual(['unknown-field'])
  })

  it('reads the custom keyword fields it is given as filters, in any case; others stay text', () => {
    const parsed = parseQuery('Category:sport -tags:"oil pay" foo:bar', { fields: ['category', 'tags'] })
    expect(parsed.clauses).toEqual([
      { type: 'filter', field: 'category', value: 'sport', negated: false },
      { type: 'filter', field: 'tags', value: 'oil pay', negated: true },
      term('foo bar'),
    ])
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['unknown-field'])
    expect(parseQuery('category:', { fields: ['category'] }).diagnostics.map((d) => d.code)).toEqual(['empty-field'])
    // Without the option, the same field is text.
    expect(clauses('category:sport')).toEqual([term('category sport')])
  })
})

describe('parseQuery(): dates', () => {
  it.each([
    ['date:2020', '2020-01-01', '2020-12-31'],
    ['date:2020-06', '2020-06-01', '2020-06-30'],
    ['date:2020-06-23', '2020-06-23', '2020-06-23'],
    ['date:2020-6-3', '2020-06-03', '2020-06-03'],
    ['date:2020-01', '2020-01-01', '2020-01-31'],
    ['date:2020-04', '2020-04-01', '2020-04-30'],
    ['date:2020-12', '2020-12-01', '2020-12-31'],
  ])('%s covers %s to %s', (query, from, to) => {
    expect(dateOf(query)).toEqual({ from, to })
  })

  it.each([
    ['2020', '2020-02-29'],
    ['2019', '2019-02-28'],
    ['2000', '2000-02-29'],
    ['1900', '1900-02-28'],
    ['2100', '2100-02-28'],
  ])('knows the end of February %s (leap years)', (year, last) => {
    expect(dateOf(`date:${year}-02`).to).toBe(last)
  })

  it('accepts 29 February only in leap years', () => {
    expect(dateOf('date:2020-02-29')).toEqual({ from: '2020-02-29', to: '2020-02-29' })
    expect(clauses('date:2019-02-29')).toEqual([])
    expect(codes('date:2019-02-29')).toEqual(['bad-date'])
  })

  it.each([
    ['date:>=2020-06-01', '2020-06-01', null],
    ['date:>2020-06-30', '2020-07-01', null],
    ['date:>2020-06', '2020-07-01', null],
    ['date:>2020', '2021-01-01', null],
    ['date:>2020-12-31', '2021-01-01', null],
    ['date:<=2020-06', null, '2020-06-30'],
    ['date:<2020-03', null, '2020-02-29'],
    ['date:<2019-03-01', null, '2019-02-28'],
    ['date:<2020', null, '2019-12-31'],
  ])('%s is the open range %s..%s', (query, from, to) => {
    expect(dateOf(query)).toEqual({ from, to })
  })

  it.each([
    ['date:2020-06-01..2020-06-30', '2020-06-01', '2020-06-30'],
    ['date:2020-06..2020-07', '2020-06-01', '2020-07-31'],
    ['date:2019..2020-02', '2019-01-01', '2020-02-29'],
    ['date:2020..', '2020-01-01', null],
    ['date:..2020-02', null, '2020-02-29'],
    ['date:2020-06-23..2020-06-23', '2020-06-23', '2020-06-23'],
  ])('%s is the range %s..%s', (query, from, to) => {
    expect(dateOf(query)).toEqual({ from, to })
  })

  it.each(['date:2020-13', 'date:2020-00', 'date:2020-04-31', 'date:abc', 'date:2020-07..2020-06', 'date:..', 'date:20', 'date:>=x'])('rejects %s with a bad-date diagnostic', (query) => {
    expect(clauses(query)).toEqual([])
    expect(codes(query)).toEqual(['bad-date'])
  })

  // `Date.UTC(year, …)` maps years 0–99 to 1900–1999: month ends and day checks must not use it.
  it('keeps years 0–99 in their own century', () => {
    expect(dateOf('date:0020-02')).toEqual({ from: '0020-02-01', to: '0020-02-29' })
    expect(dateOf('date:0020-02-29')).toEqual({ from: '0020-02-29', to: '0020-02-29' })
  })

  // Bounds that would step outside the years 0000–9999 are not dates ('10000-01-01' would even sort
  // before '2020-…' as text): such values are rejected.
  it('never produces a bound that is not a YYYY-MM-DD date', () => {
    for (const query of ['date:<0000', 'date:>9999', 'date:>9999-12-31', 'date:<0000-01-01']) {
      for (const node of clauses(query)) {
        if (node.type !== 'date') continue
        for (const bound of [node.from, node.to]) if (bound !== null) expect(bound, query).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
      expect(codes(query), query).toEqual(['bad-date'])
    }
  })

  it.each([
    ['date:=2020', '2020-01-01', '2020-12-31'],
    ['date:"2020-06"', '2020-06-01', '2020-06-30'],
    ['date:" 2020 "', '2020-01-01', '2020-12-31'],
    ['date:0000', '0000-01-01', '0000-12-31'],
    ['date:9999-12-31..', '9999-12-31', null],
    ['date:..0000-01-01', null, '0000-01-01'],
    ['date:<=2020-1-1', null, '2020-01-01'],
  ])('%s is the range %s..%s', (query, from, to) => {
    expect(dateOf(query)).toEqual({ from, to })
  })

  it.each(['date:2020..2021..2022', 'date:>2020..2021', 'date:2020..>2021', 'date:>=', 'date:2020-6-31', 'date:2020-02-29..2020-02-28', 'date:""', 'date:2020-001', 'date:20201'])('rejects %s with a bad-date diagnostic at its value', (query) => {
    expect(parseQuery(query).diagnostics.map(diag)).toEqual([['bad-date', 5]])
  })
})

describe('parseQuery(): malformed input is repaired and reported', () => {
  it('reads an unclosed quote to the end of the query', () => {
    const parsed = parseQuery('rocket "baghdad airport')
    expect(parsed.clauses).toEqual([term('rocket'), { type: 'phrase', value: 'baghdad airport', negated: false }])
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ code: 'unclosed-quote', offset: 7 })])
  })

  it.each(['source:', 'location:', 'country:', 'title:', 'body:', 'date:'])('ignores the empty field %s', (query) => {
    expect(clauses(`rocket ${query}`)).toEqual([term('rocket')])
    expect(codes(`rocket ${query}`)).toEqual(['empty-field'])
  })

  it('ignores a field whose value is separated from it by a space', () => {
    expect(clauses('source: AP')).toEqual([term('AP')])
    expect(codes('source: AP')).toEqual(['empty-field'])
  })

  it("ignores '::' and other words without searchable characters", () => {
    expect(clauses('::')).toEqual([])
    expect(codes('::')).toEqual(['no-terms'])
    expect(clauses('rocket ... --- !!')).toEqual([term('rocket')])
  })

  it('ignores empty phrases', () => {
    expect(clauses('"" "  " rocket')).toEqual([term('rocket')])
    expect(codes('"" "  " rocket')).toEqual(['empty-phrase', 'empty-phrase'])
  })

  it('ignores a lone minus', () => {
    expect(clauses('-')).toEqual([])
    expect(codes('-')).toEqual(['dangling-operator'])
    expect(clauses('rocket -')).toEqual([term('rocket')])
    expect(clauses('- rocket')).toEqual([term('rocket', { negated: true })])
  })

  it.each([
    ['OR', []],
    ['OR iraq', [term('iraq')]],
    ['iraq OR', [term('iraq')]],
  ])('ignores the dangling OR in %j', (query, expected) => {
    expect(clauses(query)).toEqual(expected)
    expect(codes(query)).toEqual(['dangling-operator'])
  })

  it('collapses doubled OR and reports it', () => {
    expect(clauses('iran OR OR iraq')).toEqual([{ type: 'or', children: [term('iran'), term('iraq')], negated: false }])
    expect(codes('iran OR OR iraq')).toEqual(['dangling-operator'])
  })

  it('does not join an excluded clause with OR', () => {
    expect(clauses('iran OR -iraq')).toEqual([term('iran'), term('iraq', { negated: true })])
    expect(codes('iran OR -iraq')).toEqual(['dangling-operator'])
  })

  it('keeps every clause of a long request (the engine, not the parser, bounds what is scored)', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`)
    const parsed = parseQuery(words.join(' '))
    const kept = parsed.input.split(' ')
    expect(kept.length).toBeGreaterThan(100)
    expect(parsed.clauses).toEqual(kept.map((word) => term(word)))
    expect(codes(words.join(' '))).toEqual(['too-long'])
  })

  it('keeps every member of a long OR group', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
    const parsed = parseQuery(words.join(' OR '))
    expect(parsed.clauses).toEqual([{ type: 'or', children: words.map((word) => term(word)), negated: false }])
    expect(codes(words.join(' OR '))).toEqual([])
  })

  it('cuts a very long query to MAX_QUERY_LENGTH with a too-long diagnostic', () => {
    const parsed = parseQuery(`rocket ${'x'.repeat(MAX_QUERY_LENGTH * 10)}`)
    expect(parsed.input).toHaveLength(MAX_QUERY_LENGTH)
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'too-long', offset: MAX_QUERY_LENGTH })
    expect(parsed.clauses[0]).toEqual(term('rocket'))
  })

  it('does not report a query of exactly MAX_QUERY_LENGTH characters as too long', () => {
    expect(codes('a'.repeat(MAX_QUERY_LENGTH))).toEqual([])
  })
})

describe('parseQuery(): how words, quotes and operators are read', () => {
  const phrase = (value: string, extra: Partial<Extract<QueryNode, { type: 'phrase' }>> = {}): QueryNode => ({ type: 'phrase', value, negated: false, ...extra })
  const or = (...children: QueryNode[]): QueryNode => ({ type: 'or', children, negated: false })
  it.each<[string, QueryNode[]]>([
    // A minus excludes only at the start of a clause; elsewhere it is part of the word.
    ['--x', [term('-x', { negated: true })]],
    ['"a"-b', [phrase('a'), term('-b')]],
    ['-AND x', [term('x', { negated: true })]],
    ['al-kadhimi -"x"', [term('al-kadhimi'), phrase('x', { negated: true })]],
    // A quote ends a word, and quotes pair up in order.
    ['a"b"c', [term('a'), phrase('b'), term('c')]],
    ['"a""b"', [phrase('a'), phrase('b')]],
    // OR, | and || join clauses only as whole words; AND and && are dropped.
    ['a || b', [or(term('a'), term('b'))]],
    ['a|b', [term('a|b')]],
    ['a && b', [term('a'), term('b')]],
    ['ORx or', [term('ORx'), term('or')]],
    ['a OR "b c"', [or(term('a'), phrase('b c'))]],
    ['source:AP OR source:Reuters', [or({ type: 'filter', field: 'source', value: 'AP', negated: false }, { type: 'filter', field: 'source', value: 'Reuters', negated: false })]],
    // Field names are ASCII letters, in any case.
    ['TITLE:"x y"', [phrase('x y', { field: 'title' })]],
    ['Kāẓimī:x', [term('Kāẓimī:x')]],
    ['1:x', [term('1:x')]],
  ])('%j reads as %j', (query, expected) => {
    expect(clauses(query)).toEqual(expected)
    expect(codes(query)).toEqual([])
  })

  it('keeps the same clauses when the spaces between them (not inside quotes) widen', () => {
    fc.assert(
      fc.property(queryLike, fc.constantFrom('  ', '\t', ' \n '), (input, space) => {
        const widened = input.split('"').map((part, k) => (k % 2 ? part : part.replace(/ /g, space))).join('"')
        fc.pre(widened.length <= MAX_QUERY_LENGTH)
        expect(clauses(widened)).toEqual(clauses(input))
        expect(codes(widened)).toEqual(codes(input))
      }),
    )
  })
})

describe('parseQuery(): every repair is reported, at its offset', () => {
  it.each<[string, QueryNode[], [QueryDiagnostic['code'], number][]]>([
    ['"unclosed', [{ type: 'phrase', value: 'unclosed', negated: false }], [['unclosed-quote', 0]]],
    ['body:"abc', [{ type: 'phrase', value: 'abc', field: 'body', negated: false }], [['unclosed-quote', 5]]],
    [':: "a', [{ type: 'phrase', value: 'a', negated: false }], [['no-terms', 0], ['unclosed-quote', 3]]],
    // The value of a field is the word or quote right after it: not a minus, an operator or another field.
    ['title:foo:bar', [term('foo bar')], [['empty-field', 0], ['unknown-field', 6]]],
    ['x:y:z', [term('y z')], [['empty-field', 0], ['unknown-field', 2]]],
    ['title:OR x', [term('x')], [['empty-field', 0], ['dangling-operator', 6]]],
    ['title:AND x', [term('x')], [['empty-field', 0]]],
    ['source:-x', [term('x', { negated: true })], [['empty-field', 0]]],
    ['-title: x', [term('x')], [['empty-field', 1]]],
    ['source:"  "', [], [['empty-field', 0]]],
    ['source:"', [], [['unclosed-quote', 7], ['empty-field', 0]]],
    ['title:"  "', [], [['empty-phrase', 6]]],
    ['title:""x', [term('x')], [['empty-phrase', 6]]],
    ['title:!!', [], [['no-terms', 6]]],
    ['foo:""', [term('foo ')], [['unknown-field', 0]]],
    ['AND:x OR:y', [term('and x'), term('or y')], [['unknown-field', 0], ['unknown-field', 6]]],
    // Operators.
    ['- - x', [term('x', { negated: true })], [['dangling-operator', 0]]],
    ['-OR x', [term('x')], [['dangling-operator', 0], ['dangling-operator', 1]]],
    ['- OR a', [term('a')], [['dangling-operator', 0], ['dangling-operator', 2]]],
    ['a -', [term('a')], [['dangling-operator', 2]]],
    ['OR OR a', [term('a')], [['dangling-operator', 0], ['dangling-operator', 3]]],
    ['a OR b OR', [{ type: 'or', children: [term('a'), term('b')], negated: false }], [['dangling-operator', 7]]],
    ['a OR :: b', [{ type: 'or', children: [term('a'), term('b')], negated: false }], [['no-terms', 5]]],
    ['-a OR b', [term('a', { negated: true }), term('b')], [['dangling-operator', 3]]],
    ['a OR -b OR c', [term('a'), term('b', { negated: true }), term('c')], [['dangling-operator', 2], ['dangling-operator', 8]]],
  ])('%j', (query, expected, diagnostics) => {
    const parsed = parseQuery(query)
    expect(parsed.clauses).toEqual(expected)
    expect(parsed.diagnostics.map(diag)).toEqual(diagnostics)
  })

  // The value of a date or an unknown field is read to the end like any other quote, and said so.
  it.each([
    ['date:"2020', [['unclosed-quote', 5]]],
    ['foo:"bar', [['unclosed-quote', 4], ['unknown-field', 0]]],
  ])('reports the unclosed quote in %j', (query, diagnostics) => {
    expect(parseQuery(query).diagnostics.map(diag)).toEqual(diagnostics)
  })

  it('names what was wrong in each message, quoting the input at the offset', () => {
    expect(parseQuery('rocket OR').diagnostics[0]!.message).toBe("'OR' needs a clause on each side; ignored")
    expect(parseQuery('source:').diagnostics[0]!.message).toBe("'source:' has no value; ignored")
    expect(parseQuery('date:2020-13').diagnostics[0]!.message).toBe("'2020-13' is not a date; ignored")
    fc.assert(
      fc.property(queryLike, (input) => {
        const parsed = parseQuery(input)
        for (const { code, message, offset } of parsed.diagnostics) {
          if (code === 'too-long' || code === 'too-many-terms') continue
          const quoted = /^'([^]*)' [a-z]/.exec(message)?.[1]
          expect(quoted, message).toBeDefined()
          expect(parsed.input.slice(offset, offset + quoted!.length)).toBe(quoted)
        }
      }),
    )
  })
})

describe('planQuery()', () => {
  // As an index plans: with the English stopwords under the english preset (the writable index's default).
  const plan = (query: string | ParsedQuery, options: Partial<PlanOptions> = {}, preset: 'english' | 'simple' = 'english') =>
    planQuery(typeof query === 'string' ? parseQuery(query) : query, preset, {
      prefix: true,
      fuzzy: true,
      stopwords: preset === 'english' ? new Set(ENGLISH_STOPWORDS) : undefined,
      ...options,
    })
  const spec = (term: string, extra: Partial<TermSpec> = {}): TermSpec => ({ term, prefix: false, fuzzy: typoBudget(term), stem: term.length >= 3, ...extra })

  it('analyzes terms, tolerates typos by length and stems words of 3 letters or more', () => {
    expect(plan('Rockets ab', { prefix: false }).must).toEqual([
      { kind: 'term', spec: { term: 'rockets', prefix: false, fuzzy: 1, stem: true } },
      { kind: 'term', spec: { term: 'ab', prefix: false, fuzzy: 0, stem: false } },
    ])
    expect(plan('Rockets', { prefix: false, fuzzy: false }, 'simple').must).toEqual([{ kind: 'term', spec: { term: 'rockets', prefix: false, fuzzy: 0, stem: false } }])
    expect([typoBudget('abc'), typoBudget('abcd'), typoBudget('abcdefg'), typoBudget('abcdefgh'), typoBudget('ḱḱḱḱ')]).toEqual([0, 1, 1, 2, 1])
  })

  it('prefix-matches the last bare term, of 2 letters or more, when the query ends with it', () => {
    expect(plan('rocket att').must).toEqual([{ kind: 'term', spec: spec('rocket') }, { kind: 'term', spec: spec('att', { prefix: true }) }])
    expect(plan('iran OR ira').must).toEqual([{ kind: 'any', children: [{ kind: 'term', spec: spec('iran') }, { kind: 'term', spec: spec('ira', { prefix: true }) }] }])
    expect(plan('title:att').must).toEqual([{ kind: 'term', spec: spec('att', { prefix: true }), field: 'title' }])
    for (const query of ['rocket a', 'rocket -att', 'att "x y"', 'att source:AP', 'att date:2020', 'att::x']) {
      const { must, mustNot } = plan(query)
      expect(textClauses([...must, ...mustNot]).terms.some((t) => t.prefix), query).toBe(false)
    }
    expect(plan('rocket att', { prefix: false }).must[1]).toEqual({ kind: 'term', spec: spec('att') })
    // A query that ends with an unsearchable term (built by hand) has no word being typed.
    expect(plan({ input: '', clauses: [term('rocket'), term('!!')], diagnostics: [], relaxed: false }).must).toEqual([{ kind: 'term', spec: spec('rocket') }])
  })

  it('leaves out English stopwords next to other words, but keeps a query of stopwords only, phrases, fields and the word being typed', () => {
    expect(plan('the rocket of Baghdad', { prefix: false }).must).toEqual([{ kind: 'term', spec: spec('rocket') }, { kind: 'term', spec: spec('baghdad') }])
    expect(plan('to be or not to be', { prefix: false }).must.map((c) => c.kind === 'term' && c.spec.term)).toEqual(['to', 'be', 'or', 'not'])
    expect(plan('"the who" concert', { prefix: false }).must).toEqual([{ kind: 'phrase', terms: ['the', 'who'] }, { kind: 'term', spec: spec('concert') }])
    expect(plan('title:the rocket', { prefix: false }).must).toEqual([{ kind: 'term', spec: spec('the'), field: 'title' }, { kind: 'term', spec: spec('rocket') }])
    // 'of' may be the start of 'office' while it is typed.
    expect(plan('president of').must).toEqual([{ kind: 'term', spec: spec('president') }, { kind: 'term', spec: spec('of', { prefix: true }) }])
    // The simple preset has no stopwords.
    expect(plan('the rocket', { prefix: false, fuzzy: false }, 'simple').must).toHaveLength(2)
  })

  it('ignores a last word too short to complete while other words are there, and says so', () => {
    const oilP = plan('oil p')
    expect(oilP.must).toEqual([{ kind: 'term', spec: spec('oil') }])
    expect(oilP.diagnostics).toEqual([{ code: 'too-short', message: "'p' is too short to complete; ignored until more is typed", offset: 4 }])
    // Alone, or with prefix matching off, it is searched as typed.
    expect(plan('p')).toMatchObject({ must: [{ kind: 'term', spec: spec('p') }], diagnostics: [] })
    expect(plan('oil p', { prefix: false })).toMatchObject({ must: [{ kind: 'term', spec: spec('oil') }, { kind: 'term', spec: spec('p') }], diagnostics: [] })
  })

  it('counts a repeated term or phrase once, with its repeat count', () => {
    expect(plan('oil "crude oil" Oil oil "crude oil"', { prefix: false }).must).toEqual([
      { kind: 'term', spec: spec('oil'), repeat: 3 },
      { kind: 'phrase', terms: ['crude', 'oil'], repeat: 2 },
    ])
  })

  it('makes a word of several terms, and any quote, a phrase', () => {
    expect(plan('al-Kadhimi "Rocket"').must).toEqual([
      { kind: 'phrase', terms: ['al', 'kadhimi'] },
      { kind: 'phrase', terms: ['rocket'] },
    ])
    expect(plan('body:"drone strike"').must).toEqual([{ kind: 'phrase', terms: ['drone', 'strike'], field: 'body' }])
  })

  it('puts excluded clauses in mustNot, matched exactly, and passes filters and dates through', () => {
    expect(plan('-iran source:AP -date:2020')).toEqual({
      must: [{ kind: 'filter', field: 'source', value: 'AP' }],
      mustNot: [{ kind: 'term', spec: { ...spec('iran'), fuzzy: 0 } }, { kind: 'date', from: '2020-01-01', to: '2020-12-31' }],
      diagnostics: [],
    })
    // An excluded OR group, last in the query: no prefix and no typos for any of its members.
    const negatedOr: ParsedQuery = { input: '', clauses: [term('oil'), { type: 'or', children: [term('iraqi'), term('kuwaiti')], negated: true }], diagnostics: [], relaxed: false }
    expect(plan(negatedOr).mustNot).toEqual([{ kind: 'any', children: [{ kind: 'term', spec: { ...spec('iraqi'), fuzzy: 0 } }, { kind: 'term', spec: { ...spec('kuwaiti'), fuzzy: 0 } }] }])
  })

  it('keeps the searchable members of an OR group, and the group only when two or more remain', () => {
    const or = (...children: QueryNode[]): ParsedQuery => ({ input: '', clauses: [{ type: 'or', children, negated: false }], diagnostics: [], relaxed: false })
    expect(plan(or(term('!!'), term('iran'), term('??')), { prefix: false }).must).toEqual([{ kind: 'term', spec: spec('iran') }])
    expect(plan(or(term('!!'), term('??'))).must).toEqual([])
    expect(textClauses(plan('a OR "b c" OR d source:x', { prefix: false }).must)).toEqual({ terms: [spec('a'), spec('d')], phrases: [['b', 'c']] })
  })
})

function leafCount(nodes: readonly QueryNode[]): number {
  return nodes.reduce((n, node) => n + (node.type === 'or' ? leafCount(node.children) : 1), 0)
}

function nodesOf(nodes: readonly QueryNode[]): QueryNode[] {
  return nodes.flatMap((node) => (node.type === 'or' ? [node, ...nodesOf(node.children)] : [node]))
}

function expectValid(parsed: ParsedQuery, input: string): void {
  expect(typeof parsed.input).toBe('string')
  expect(input.startsWith(parsed.input)).toBe(true)
  expect(parsed.relaxed).toBe(false)
  // Each clause takes a character and a separator.
  expect(leafCount(parsed.clauses)).toBeLessThanOrEqual(MAX_QUERY_LENGTH / 2 + 1)
  for (const d of parsed.diagnostics) {
    expect(typeof d.message).toBe('string')
    expect(d.message).not.toBe('')
    expect(d.offset).toBeGreaterThanOrEqual(0)
    expect(d.offset).toBeLessThanOrEqual(Math.max(input.length, MAX_QUERY_LENGTH))
  }
  for (const node of nodesOf(parsed.clauses)) {
    expect(typeof node.negated).toBe('boolean')
    switch (node.type) {
      case 'term':
      case 'phrase':
        expect(node.value.trim()).not.toBe('')
        if (node.field !== undefined) expect(['title', 'body']).toContain(node.field)
        break
      case 'or':
        expect(node.children.length).toBeGreaterThanOrEqual(2)
        expect(node.negated).toBe(false)
        for (const child of node.children) expect(child.type).not.toBe('or')
        break
      case 'filter':
        expect(['source', 'location', 'country']).toContain(node.field)
        expect(node.value.trim()).not.toBe('')
        break
      case 'date':
        expect(node.from !== null || node.to !== null).toBe(true)
        if (node.from !== null && node.to !== null) expect(node.from <= node.to).toBe(true)
        break
      default:
        expect.fail(`unknown node ${JSON.stringify(node)}`)
    }
  }
}

/** Query-like strings: words, operators, fields, quotes and dates mixed with arbitrary unicode. */
const queryLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('rocket', 'Kāẓimī', 'U.S.', 'OR', 'AND', '-', '--', '"', '""', ':', '::', '|', '||', '&&', 'title:', 'body:', 'source:', 'location:', 'country:', 'date:', 'foo:', '-source:AP', 'date:2020-02', 'date:>=2020-06-01', 'date:2020..2021', 'date:..', 'date:<2020-03'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.stringMatching(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/).map((d) => `date:${d}`),
    ),
    { maxLength: 40 },
  )
  .chain((parts) => fc.array(fc.constantFrom(' ', '', '  ', '\t'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')))

describe('lex(): tokens', () => {
  it('reads each kind of token with its text as written and its offset', () => {
    expect(lex('-title:"a b" OR c "d')).toEqual([
      { kind: 'minus', raw: '-', offset: 0 },
      { kind: 'field', name: 'title', raw: 'title:', offset: 1 },
      { kind: 'quote', text: 'a b', closed: true, raw: '"a b"', offset: 7 },
      { kind: 'or', raw: 'OR', offset: 13 },
      { kind: 'word', text: 'c', raw: 'c', offset: 16 },
      { kind: 'quote', text: 'd', closed: false, raw: '"d', offset: 18 },
    ])
  })

  it('drops AND and && as whole words, and reads them as words otherwise', () => {
    expect(lex('a AND && b ANDx').map((token) => token.raw)).toEqual(['a', 'b', 'ANDx'])
  })

  it('covers the input: tokens in order, each at its offset, with only spaces and dropped ANDs between them', () => {
    fc.assert(
      fc.property(queryLike, (input) => {
        let end = 0
        for (const token of lex(input)) {
          expect(token.raw).not.toBe('')
          expect(input.slice(token.offset, token.offset + token.raw.length)).toBe(token.raw)
          const between = input.slice(end, token.offset).split(/\s+/).filter(Boolean)
          for (const word of between) expect(['AND', '&&']).toContain(word)
          end = token.offset + token.raw.length
        }
        for (const word of input.slice(end).split(/\s+/).filter(Boolean)) expect(['AND', '&&']).toContain(word)
      }),
    )
  })

  // Inputs that would make a backtracking or rescanning lexer quadratic; the test timeout bounds them.
  it('stays linear on long repetitive input', () => {
    for (const unit of ['a:', '"', ' -', 'OR ', 'a"', 'ab:c', 'x'.repeat(50) + ':']) {
      const input = unit.repeat(Math.ceil(300_000 / unit.length))
      expect(lex(input).length).toBeGreaterThan(0)
    }
  })
})

describe('parseQuery(): properties', () => {
  it('never throws, and every node it returns is well formed', () => {
    fc.assert(
      fc.property(fc.oneof(queryLike, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 2000 })), (input) => {
        expectValid(parseQuery(input), input)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the cost bounded on huge inputs', () => {
    const huge = 'date:2020 "a b" -c OR d source:x '.repeat(50_000)
    const parsed = parseQuery(huge)
    expectValid(parsed, huge)
    expect(parsed.diagnostics.map((d) => d.code)).toContain('too-long')
  })

  it('is deterministic', () => {
    fc.assert(fc.property(queryLike, (input) => {
      expect(parseQuery(input)).toEqual(parseQuery(input))
    }))
  })

  it('reads a date clause with valid YYYY-MM-DD bounds for any real date', () => {
    const day = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    fc.assert(fc.property(day, day, fc.constantFrom('', '>=', '<=', '>', '<'), (a, b, op) => {
      const [from, to] = a <= b ? [a, b] : [b, a]
      expect(dateOf(`date:${from}..${to}`)).toEqual({ from, to })
      const single = dateOf(`date:${op}${a}`)
      for (const bound of [single.from, single.to]) if (bound !== null) expect(bound).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (op === '') expect(single).toEqual({ from: a, to: a })
      if (op === '>=') expect(single).toEqual({ from: a, to: null })
      if (op === '<=') expect(single).toEqual({ from: null, to: a })
      if (op === '>') expect(single.from! > a).toBe(true)
      if (op === '<') expect(single.to! < a).toBe(true)
    }))
  })
})
