import fc from 'fast-check'
import { stem } from '../../src/analysis/stem.js'
import { describe, expect, it } from 'vitest'
import { analyze, highlight, parseQuery } from '../../src/index.js'
import type { HighlightResult } from '../../src/types.js'
import { markedTexts, osaDistance, stripTags, unescapeHtml } from '../helpers.js'

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

  it('merges overlapping occurrences of one phrase, and keeps adjacent ones apart', () => {
    const t = 'la la la, no no. Ha ha ha ha'
    expect(marked(t, highlight(t, '"la la"'))).toEqual(['la la la'])
    expect(marked(t, highlight(t, '"ha ha"'))).toEqual(['Ha ha ha ha'])
    const u = 'one two one two'
    expect(marked(u, highlight(u, '"one two"'))).toEqual(['one two', 'one two'])
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

  it('marks exactly the tokens of the occurrences of a queried phrase, one range per run of overlapping occurrences', () => {
    const few = ['rocket', 'Rocket', 'airport', 'attack', 'a', 'of', 'U.S.']
    const phraseArb = fc.array(fc.constantFrom(...few), { minLength: 2, maxLength: 3 })
    // Text of the phrase words (so that phrases occur, overlap and abut), with other separators.
    const fewWordsArb = fc
      .array(fc.tuple(fc.constantFrom(...few, 'rockets'), fc.constantFrom(' ', ' ', '  ', ', ', '\n\n', '-', '.')), { maxLength: 30 })
      .map((pairs) => pairs.map(([w, sep]) => w + sep).join(''))
    fc.assert(
      fc.property(fc.oneof(textArb, fewWordsArb), phraseArb, (text, words) => {
        const phrase = analyze(words.join(' ')).map((t) => t.term)
        const tokens = analyze(text)
        // Each token: the index of the first token of the occurrence run it belongs to, if any.
        const run: (number | undefined)[] = []
        let reach = 0
        for (let i = 0; i < tokens.length; i++) {
          if (i < reach) run[i] = run[i - 1]
          if (phrase.every((term, k) => tokens[i + k]?.term === term)) {
            run[i] ??= i
            reach = Math.max(reach, i + phrase.length)
          }
        }
        const expected: [number, number][] = []
        tokens.forEach((t, i) => {
          if (run[i] === undefined) return
          if (run[i] === i) expected.push([t.start, t.end])
          else expected[expected.length - 1]![1] = t.end
        })
        expect(highlight(text, `"${words.join(' ')}"`).ranges).toEqual(expected)
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

describe('highlight(): typos', () => {
  it('counts swapped neighbours as one typo, like the engine', () => {
    expect(highlight('a weak signal', 'sginal').ranges).toEqual([[7, 13]])
    expect(highlight('a weak signal', 'sginal', { fuzzy: false }).ranges).toEqual([])
  })
})
