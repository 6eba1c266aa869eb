/** Analyses packed for the build cache file (src/ingest/packed-analyses.ts): read back as they were, damage refused. */
import { describe, expect, it } from 'vitest'
import { analyzeArticle, StringTable } from '../../src/engine/store/analyzed-text.js'
import { packAnalyses, unpackAnalyses } from '../../src/ingest/packed-analyses.js'

describe('packAnalyses', () => {
  for (const [name, extra] of [['16-bit', 0], ['32-bit (70,000 terms)', 70_000]] as const) {
    it(`reads back every analysis, and the articles without one (${name} numbers)`, () => {
      const tables = { terms: new StringTable(Array.from({ length: extra }, (_, i) => `t${i}`)), gaps: new StringTable() }
      const analyses = [analyzeArticle('Oil falls', 'Crude fell in U.S. trading, café’s lows.', 'english', tables), null, analyzeArticle('', '', 'english', tables), analyzeArticle('Wheat', 'WHEAT rose.', 'english', tables)]
      const packed = packAnalyses(analyses, tables)
      expect(packed.body instanceof Uint32Array).toBe(extra > 0)
      const back = unpackAnalyses(packed, tables)!
      expect(back.length).toBe(4)
      back.forEach((a, i) => {
        const original = analyses[i]
        if (!original) return expect(a).toBeNull()
        for (const key of ['title', 'body', 'cases', 'gaps', 'literals'] as const) expect(Array.from(a![key] as ArrayLike<unknown>)).toEqual(Array.from(original[key] as ArrayLike<unknown>))
        // Its token counts without its arrays; each array made once, then the same.
        expect([a!.titleTokens, a!.bodyTokens]).toEqual([original.title.length, original.body.length])
        for (const key of ['title', 'body', 'cases', 'gaps', 'literals'] as const) expect(a![key]).toBe(a![key])
      })
    })
  }

  it('refuses numbers outside the tables and lengths that do not add up', () => {
    const tables = { terms: new StringTable(), gaps: new StringTable() }
    const packed = packAnalyses([analyzeArticle('Oil', 'Crude oil fell.', 'english', tables)], tables)
    expect(unpackAnalyses({ ...packed, body: Uint32Array.of(99, 0, 0) }, tables)).toBeNull()
    expect(unpackAnalyses({ ...packed, counts: Uint32Array.of(1, 2, 0) }, tables)).toBeNull()
    expect(unpackAnalyses({ ...packed, literals: ['extra'] }, tables)).toBeNull()
    expect(unpackAnalyses({ ...packed, present: Uint8Array.of(2) }, tables)).toBeNull()
  })
})
