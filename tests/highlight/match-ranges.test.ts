/**
 * Matching on a stored text's term codes: with one code to find, `matchRanges` looks it up with
 * `indexOf` instead of testing every token's bit; both ways give the same ranges.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchRanges, type MatchSpec, type TokenList } from '../../src/highlight/match-ranges.js'

/** Tokens of terms `t<code>`, 3 characters apart, with their codes (and `extra` codes past the last, as a laid-out text may hold). */
function tokenList(codes: number[], extra: number[]): TokenList {
  return { length: codes.length, term: (i) => `t${codes[i]}`, start: (i) => 3 * i, end: (i) => 3 * i + 2, codes: Uint32Array.from([...codes, ...extra]) }
}

const bitsOf = (codes: number[]): Uint32Array => {
  const bits = new Uint32Array(4)
  for (const code of codes) bits[code >>> 5]! |= 1 << (code & 31)
  return bits
}

describe('matchRanges with term codes', () => {
  it('finds one code by indexOf exactly where the bit test finds it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }), fc.integer({ min: 0, max: 9 }), (codes, extra, wanted) => {
        const tokens = tokenList(codes, extra)
        const spec: MatchSpec = { isMatch: (term) => term === `t${wanted}`, phrases: [], codes: bitsOf([wanted]) }
        const byBits = matchRanges(spec, tokens)
        expect(matchRanges({ ...spec, onlyCode: wanted }, tokens)).toEqual(byBits)
        // Every token of the code, and none past the text's own tokens.
        expect(byBits.map((r) => r.start / 3)).toEqual(codes.flatMap((c, i) => (c === wanted ? [i] : [])))
      }),
    )
  })
})
