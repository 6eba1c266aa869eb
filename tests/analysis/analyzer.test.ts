import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze, analyzeTerms, MAX_TOKEN_LENGTH, normalizeTerm, type Token } from '../../src/analysis/analyzer.js'
import type { AnalyzerPreset } from '../../src/types.js'

const terms = (text: string, preset?: AnalyzerPreset): string[] => analyze(text, preset).map((t) => t.term)
const surfaces = (text: string): string[] => analyze(text).map((t) => text.slice(t.start, t.end))

/** Text mixing tricky words (abbreviations, possessives, diacritics, digits) with arbitrary unicode. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom('U.S.', 'U.S.A.', 'e.g.', 'Iraq’s', "Iran's", "don't", 'Kāẓimī', 'AL-KĀẒIMĪ', 'ﬁnance', '3.5', '½', 'Mr.', 'end.', "'s", '’', '...', '.', 'İstanbul', 'ß'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.stringMatching(/^[a-zA-Z.'’]{1,10}$/),
    ),
    { maxLength: 20 },
  )
  .chain((words) => fc.array(fc.constantFrom(' ', '', '\n', ', ', '-', '“', '.'), { minLength: words.length, maxLength: words.length }).map((seps) => words.map((w, i) => w + seps[i]).join('')))

function checkTokens(text: string, tokens: Token[], preset: AnalyzerPreset): void {
  tokens.forEach((token, i) => {
    expect(token.position).toBe(i)
    expect(token.start).toBeGreaterThanOrEqual(0)
    expect(token.end).toBeGreaterThan(token.start)
    expect(token.end).toBeLessThanOrEqual(text.length)
    expect(token.term).not.toBe('')
    expect(token.term.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH)
    expect(normalizeTerm(text.slice(token.start, token.end), preset)).toBe(token.term)
    const previous = tokens[i - 1]
    if (previous) {
      expect(token.start).toBeGreaterThan(previous.start)
      expect(token.start).toBeGreaterThanOrEqual(previous.end)
    }
  })
}

describe('analyze(): the offsets invariant', () => {
  it.each(['english', 'simple'] as const)('every token maps back to its term, in order and without overlap (%s preset, property)', (preset) => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        checkTokens(text, analyze(text, preset), preset)
      }),
      { numRuns: 400 },
    )
  })

  it('holds on the seed-like prose with curly quotes and abbreviations', () => {
    const text = '“It is the fourth attack to target the U.S. presence in Iraq,” AP said; Al-Kāẓimī’s government didn’t respond.'
    checkTokens(text, analyze(text), 'english')
    expect(terms(text)).toEqual(['it', 'is', 'the', 'fourth', 'attack', 'to', 'target', 'the', 'us', 'presence', 'in', 'iraq', 'ap', 'said', 'al', 'kazimi', 'government', 'didnt', 'respond'])
  })

  it('analyzeTerms() returns the terms of analyze()', () => {
    fc.assert(fc.property(trickyText, (text) => {
      expect(analyzeTerms(text)).toEqual(terms(text))
    }))
  })
})

describe('analyze(): normalization', () => {
  it('folds case and diacritics', () => {
    expect(terms('Kāẓimī')).toEqual(['kazimi'])
    expect(terms('AL-KĀẒIMĪ Ghraib GHRAIB')).toEqual(['al', 'kazimi', 'ghraib', 'ghraib'])
    expect(terms('Çağlar São Paulo Ærø')).toEqual(['caglar', 'sao', 'paulo', 'ærø'])
  })

  it('keeps the original offsets when folding changes the length', () => {
    const text = 'x Kāẓimī y'
    const [, kazimi] = analyze(text)
    expect(kazimi).toMatchObject({ term: 'kazimi', start: 2, end: 8 })
    expect(text.slice(kazimi!.start, kazimi!.end)).toBe('Kāẓimī')
  })

  it('folds compatibility characters such as ligatures', () => {
    expect(terms('ﬁnance')).toEqual(['finance'])
  })

  it('treats decomposed (NFD) text like precomposed text', () => {
    const nfd = 'Kāẓimī'.normalize('NFD')
    expect(nfd).not.toBe('Kāẓimī')
    expect(terms(nfd)).toEqual(['kazimi'])
    expect(analyze(nfd)[0]).toMatchObject({ start: 0, end: nfd.length })
  })

  it('gives terms that analyze to themselves, for every character (exhaustive to U+2FFFF)', () => {
    const broken: string[] = []
    for (let cp = 0; cp < 0x30000; cp++) {
      const ch = String.fromCodePoint(cp)
      for (const { term } of analyze(ch)) {
        if (terms(term).join(' ') !== term) broken.push(`${ch} (U+${cp.toString(16)}) → ${JSON.stringify(term)}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('gives terms that analyze to themselves for ordinary text (property)', () => {
    const ordinary = fc.array(fc.oneof(fc.constantFrom('U.S.', 'e.g.', 'Iraq’s', "don't", 'Kāẓimī', 'AL-KĀẒIMĪ', 'ﬁnance', '3.5', 'Mr.', 'İstanbul'), fc.string({ unit: 'grapheme-ascii', maxLength: 12 })), { maxLength: 20 }).map((w) => w.join(' '))
    fc.assert(fc.property(ordinary, (text) => {
      for (const token of analyze(text)) expect(terms(token.term)).toEqual([token.term])
    }))
  })

  it('strips possessives with straight and curly apostrophes (english preset only)', () => {
    expect(terms("Iraq’s Iran's")).toEqual(['iraq', 'iran'])
    expect(terms("Iraq’s Iran's", 'simple')).toEqual(['iraqs', 'irans'])
    expect(surfaces('Iraq’s army')).toEqual(['Iraq’s', 'army'])
  })

  it('keeps contractions as one term without the apostrophe', () => {
    expect(terms("didn’t don't")).toEqual(['didnt', 'dont'])
  })

  it('reads dotted abbreviations such as "U.S." as one token, dot included', () => {
    expect(terms('the U.S. launched')).toEqual(['the', 'us', 'launched'])
    expect(surfaces('the U.S. launched')).toEqual(['the', 'U.S.', 'launched'])
    expect(terms('U.S.A. and e.g. this')).toEqual(['usa', 'and', 'eg', 'this'])
    expect(terms('Iraq-U.S. tensions')).toEqual(['iraq', 'us', 'tensions'])
  })

  it('drops the sentence-ending dot of ordinary words and titles', () => {
    expect(surfaces('Mr. Smith came. Then he left.')).toEqual(['Mr', 'Smith', 'came', 'Then', 'he', 'left'])
  })

  it('splits numbers at dots and keeps digits', () => {
    expect(terms('3.5 million in 2020')).toEqual(['3', '5', 'million', 'in', '2020'])
  })

  it('finds no tokens in text without letters or digits', () => {
    expect(analyze('')).toEqual([])
    expect(analyze(' .,;:!?“”—–-_*#@/\\\n\t ')).toEqual([])
  })
})

describe('analyze(): hostile input', () => {
  it('never throws on arbitrary unicode, including lone surrogates and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
      expect(Array.isArray(analyze(text))).toBe(true)
    }))
    expect(() => analyze('\uD800\uDFFF\uDC00x\u0000y\u200B\uFEFF')).not.toThrow()
  })

  it('caps the term length of very long runs but keeps the whole run in the offsets', () => {
    const run = 'a'.repeat(100_000)
    const tokens = analyze(`${run} tail`)
    expect(tokens).toHaveLength(2)
    expect(tokens[0]).toMatchObject({ term: 'a'.repeat(MAX_TOKEN_LENGTH), start: 0, end: run.length })
    expect(tokens[1]).toMatchObject({ term: 'tail', position: 1 })
  })

  // A long word of astral letters (Gothic '𐌰', U+10330) must not be cut inside a surrogate pair:
  // the cut falls before the pair, so the term stays searchable by its own text.
  it('caps long terms on a code-point boundary', () => {
    const [token] = analyze(`a${'𐌰'.repeat(30)}`)
    expect(token!.term).toBe(`a${'𐌰'.repeat(19)}`)
    expect(token!.term).not.toMatch(/[\uD800-\uDBFF]$/)
  })

  it('analyzes a large garbage input without catastrophic backtracking', () => {
    const garbage = "a'b.c.'d’e.".repeat(20_000) + 'U.S.'.repeat(20_000)
    const tokens = analyze(garbage)
    expect(tokens.length).toBeGreaterThan(0)
    checkTokens(garbage, tokens.slice(0, 200), 'english')
  })
})
