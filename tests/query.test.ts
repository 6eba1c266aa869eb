import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../src/index.js'
import { MAX_CLAUSES, MAX_QUERY_LENGTH } from '../src/query/parse-query.js'
import type { ParsedQuery, QueryDiagnostic, QueryNode } from '../src/types.js'

const clauses = (query: string): QueryNode[] => parseQuery(query).clauses
const codes = (query: string): QueryDiagnostic['code'][] => parseQuery(query).diagnostics.map((d) => d.code)
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

  // BUG (src/query/date-range.ts): `Date.UTC(year, …)` maps years 0–99 to 1900–1999, so month ends
  // and day checks of early years land in the 20th century: `date:0020-02` gives
  // { from: '0020-02-01', to: '1920-02-29' } and `date:0020-02-29` gives '1920-02-29' for both ends.
  it('keeps years 0–99 in their own century', () => {
    expect(dateOf('date:0020-02')).toEqual({ from: '0020-02-01', to: '0020-02-29' })
    expect(dateOf('date:0020-02-29')).toEqual({ from: '0020-02-29', to: '0020-02-29' })
  })

  // BUG (src/query/date-range.ts shiftDay/pad): open bounds that step outside years 0000–9999 produce
  // strings that are not dates and compare wrongly as text: `date:<0000` gives to: '00-1-12-31' and
  // `date:>9999` gives from: '10000-01-01', which sorts BEFORE '2020-…', so `date:>9999` matches every
  // dated article (see the index suite). Expected: a bad-date diagnostic (or bounds that stay valid).
  it('never produces a bound that is not a YYYY-MM-DD date', () => {
    for (const query of ['date:<0000', 'date:>9999', 'date:>9999-12-31', 'date:<0000-01-01']) {
      for (const node of clauses(query)) {
        if (node.type !== 'date') continue
        for (const bound of [node.from, node.to]) if (bound !== null) expect(bound, query).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
    }
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

  it('caps 10,000 terms at MAX_CLAUSES with a too-many-terms diagnostic', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`)
    const parsed = parseQuery(words.join(' '))
    expect(parsed.clauses).toHaveLength(MAX_CLAUSES)
    expect(parsed.clauses.slice(0, 3)).toEqual([term('w0'), term('w1'), term('w2')])
    expect(parsed.diagnostics.filter((d) => d.code === 'too-many-terms')).toHaveLength(1)
  })

  it('counts every member of an OR group towards the cap', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
    const parsed = parseQuery(words.join(' OR '))
    expect(leafCount(parsed.clauses)).toBe(MAX_CLAUSES)
    expect(codes(words.join(' OR '))).toContain('too-many-terms')
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
  expect(leafCount(parsed.clauses)).toBeLessThanOrEqual(MAX_CLAUSES)
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
