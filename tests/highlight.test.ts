import fc from 'fast-check'
import { stem } from '../src/analysis/stem.js'
import { describe, expect, it } from 'vitest'
import { boundedEditDistance } from '../src/highlight/edit-distance.js'
import { analyze, highlight, parseQuery } from '../src/index.js'
import type { HighlightResult } from '../src/types.js'
import { markedTexts, stripTags, unescapeHtml } from './helpers.js'

const marked = (text: string, result: HighlightResult): string[] => result.ranges.map(([s, e]) => text.slice(s, e))

describe('highlight(): what is marked', () => {
  const text = 'Al-Kāẓimī’s ROCKETS hit Baghdad. A rocket, then rocketry!'

  it('returns ranges into the original text, whatever folding did to the length', () => {
    const result = highlight(text, 'kazimi rocket', { prefix: false, fuzzy: false })
    expect(marked(text, result)).toEqual(['Kāẓimī’s', 'ROCKETS', 'rocket'])
    for (const [start, end] of result.ranges) expect(analyze(text.slice(start, end)).map((t) => t.term)).toHaveLength(1)
  })

  it('marks prefix matches of the last term', () => {
    expect(marked(text, highlight(text, 'kazimi rocket', { fuzzy: false }))).toEqual(['Kāẓimī’s', 'ROCKETS', 'rocket', 'rocketry'])
    expect(marked(text, highlight(text, 'rocket kazimi', { fuzzy: false }))).toEqual(['Kāẓimī’s', 'ROCKETS', 'rocket'])
  })

  it('marks typo matches within the budget of the term length', () => {
    expect(marked(text, highlight(text, 'rockt', { prefix: false }))).toEqual(['rocket'])
    expect(marked(text, highlight(text, 'bagdad', { prefix: false }))).toEqual(['Baghdad'])
    expect(marked(text, highlight(text, 'hat', { prefix: false }))).toEqual([])
  })

  it('marks a phrase as one range, and its words nowhere else', () => {
    const t = 'Baghdad  airport is far from the airport of Basra, near baghdad.'
    const result = highlight(t, '"baghdad airport"')
    expect(marked(t, result)).toEqual(['Baghdad  airport'])
    expect(result.html).toBe('<mark>Baghdad  airport</mark> is far from the airport of Basra, near baghdad.')
  })

  it('merges overlapping phrases into one range', () => {
    const t = 'one two three four'
    expect(marked(t, highlight(t, '"one two" "two three"'))).toEqual(['one two three'])
  })

  it('marks nothing for excluded terms, filters and dates', () => {
    const t = 'AP reported the rocket on 2020-06-23 near the airport.'
    expect(marked(t, highlight(t, 'rocket -airport source:AP date:2020', { prefix: false }))).toEqual(['rocket'])
    expect(highlight(t, '').ranges).toEqual([])
  })

  it('accepts a ParsedQuery', () => {
    expect(marked(text, highlight(text, parseQuery('baghdad')))).toEqual(['Baghdad'])
  })

  it('uses the analyzer preset it is given', () => {
    const t = "Iraq's army"
    expect(marked(t, highlight(t, 'iraq', { prefix: false, fuzzy: false }))).toEqual(["Iraq's"])
    expect(marked(t, highlight(t, 'iraqs', { prefix: false, fuzzy: false, analyzer: 'simple' }))).toEqual(["Iraq's"])
    expect(marked(t, highlight(t, 'iraq', { prefix: false, fuzzy: false, analyzer: 'simple' }))).toEqual([])
  })
})

describe('highlight(): HTML', () => {
  it('escapes the text and wraps each range in the tags', () => {
    const t = `<b>"Rocket"</b> & 'rocket' <script>rocket()</script>`
    const { html } = highlight(t, 'rocket', { prefix: false })
    expect(html).toBe('&lt;b&gt;&quot;<mark>Rocket</mark>&quot;&lt;/b&gt; &amp; &#39;<mark>rocket</mark>&#39; &lt;script&gt;<mark>rocket</mark>()&lt;/script&gt;')
  })

  it('uses custom tags as given', () => {
    expect(highlight('a rocket & more', 'rocket', { tags: ['<em>', '</em>'] }).html).toBe('a <em>rocket</em> &amp; more')
  })

  it('returns the escaped text alone when nothing matches', () => {
    expect(highlight('x < y & z', 'rocket')).toEqual({ html: 'x &lt; y &amp; z', ranges: [] })
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const WORDS = ['rocket', 'Rockets', 'ROCKETRY', 'Baghdad', 'baghdad', 'airport', 'Kāẓimī', 'U.S.', 'Iraq’s', "don't", 'attack', 'attacks', 'talks', 'a', 'of', 'mark', '<mark>', '</mark>', '&amp;', '&', '<', '>', '"', "'", '&#39;', '…']
const SEPARATORS = [' ', '', '\n\n', ', ', '-', '“', '.', '<', '>', '&', '"']

const textArb = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 })
    .chain((words) => fc.array(fc.constantFrom(...SEPARATORS), { minLength: words.length, maxLength: words.length }).map((seps) => words.map((w, i) => w + seps[i]).join(''))),
  fc.string({ unit: 'binary', maxLength: 200 }),
)
const queryArb = fc.oneof(
  fc.array(fc.constantFrom(...WORDS, 'OR', '-', '"', 'title:', 'source:', 'rock', 'bagdad', 'atack'), { maxLength: 6 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
)
const optionsArb = fc.record({ prefix: fc.boolean(), fuzzy: fc.boolean() })

/** Reference optimal-string-alignment distance: Levenshtein plus swapped neighbours as one edit. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

describe('highlight(): properties', () => {
  it('never lets markup from the text through, and unescaping gives the text back exactly', () => {
    fc.assert(
      fc.property(textArb, queryArb, optionsArb, (text, query, options) => {
        const { html, ranges } = highlight(text, query, options)
        const rest = stripTags(html)
        expect(rest).not.toMatch(/[<>]/)
        expect(unescapeHtml(rest)).toBe(text)
        expect(html.split('<mark>').length - 1).toBe(ranges.length)
        expect(markedTexts(html).map(unescapeHtml)).toEqual(ranges.map(([s, e]) => text.slice(s, e)))
      }),
      { numRuns: 600 },
    )
  })

  it('returns sorted, non-overlapping, non-empty ranges within the text', () => {
    fc.assert(
      fc.property(textArb, queryArb, optionsArb, (text, query, options) => {
        const { ranges } = highlight(text, query, options)
        let previousEnd = 0
        for (const [start, end] of ranges) {
          expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true)
          expect(start).toBeGreaterThanOrEqual(previousEnd)
          expect(end).toBeGreaterThan(start)
          expect(end).toBeLessThanOrEqual(text.length)
          previousEnd = end
        }
      }),
      { numRuns: 600 },
    )
  })

  it('marks exactly the tokens whose term is a query term or shares its stem (no prefix, no typos)', () => {
    const plainWords = fc.array(fc.constantFrom('rocket', 'Baghdad', 'airport', 'Kāẓimī', 'U.S.', 'Iraq’s', 'attack', 'talks', 'of'), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(textArb, plainWords, (text, words) => {
        const queryTerms = new Set(words.flatMap((w) => analyze(w).map((t) => t.term)))
        const { ranges } = highlight(text, words.join(' '), { prefix: false, fuzzy: false })
        const stems = new Set([...queryTerms].filter((q) => q.length >= 3).map(stem))
        const expected = analyze(text).filter((t) => queryTerms.has(t.term) || stems.has(stem(t.term))).map((t): [number, number] => [t.start, t.end])
        expect(ranges).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('marks only tokens that match a query term exactly, by prefix (last term) or within the typo budget', () => {
    const typed = fc.array(fc.constantFrom('rocket', 'rock', 'bagdad', 'airpor', 'kazimi', 'atack', 'talk', 'us'), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(textArb, typed, (text, words) => {
        const { ranges } = highlight(text, words.join(' '))
        const last = words[words.length - 1]!
        for (const [start, end] of ranges) {
          const tokens = analyze(text.slice(start, end))
          expect(tokens).toHaveLength(1)
          const term = tokens[0]!.term
          const matches = words.some((w) => {
            const budget = [...w].length < 4 ? 0 : [...w].length < 8 ? 1 : 2
            return term === w || (w === last && w.length >= 2 && term.startsWith(w)) || osaDistance(w, term) <= budget
          })
          expect(matches, `'${term}' marked for '${words.join(' ')}'`).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('boundedEditDistance() (the typo test of the highlighter)', () => {
  const small = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 1, maxLength: 12 })

  it('is the optimal-string-alignment distance when it is at most max, else max + 1 (property)', () => {
    fc.assert(fc.property(small, small, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
      const distance = osaDistance(a, b)
      expect(boundedEditDistance(a, b, max)).toBe(distance <= max ? distance : max + 1)
    }), { numRuns: 3000 })
  })

  it('counts swapped neighbours as one typo, like the engine', () => {
    expect(boundedEditDistance('sginal', 'signal', 1)).toBe(1)
    expect(boundedEditDistance('sginal', 'signal', 0)).toBe(1)
    expect(highlight('a weak signal', 'sginal').ranges).toEqual([[7, 13]])
  })

  it('measures the distance to the empty string', () => {
    expect(boundedEditDistance('a', '', 1)).toBe(1)
    expect(boundedEditDistance('ab', '', 2)).toBe(2)
  })
})
