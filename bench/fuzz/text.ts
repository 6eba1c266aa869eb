/** Arbitraries of hostile text shared by the campaigns. */
import fc from 'fast-check'

/** Words that the analyzers, the extractors and the query syntax react to. */
export const WORDS = [
  'Baghdad', 'rocket', 'attack', 'Reuters', 'AP', 'said', 'the', 'Iraq', 'London', 'Paris', 'Texas', 'Athens', 'Georgia',
  'Monday', 'June', '2020', 'U.S.', 'al-Kadhimi', 'Soleimani', 'running', 'caresses', 'ponies', 'oil', 'price', 'market',
  'constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'OR', 'AND', 'NOT',
  'source:', 'location:', 'country:', 'date:', 'title:', 'body:', 'café', 'Zürich', 'İstanbul', 'straße', 'ﬁnance',
]

/** Characters that break naive code: controls, surrogates, RTL marks, zero-width joiners, combining marks. */
export const ODD_CHARS = [
  '\u0000', '\u0001', '\u0008', '\u001b', '\t', '\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\u00a0',
  '\ud800', '\udc00', '\udfff', '\ud83d', '\ud83d\ude00', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff',
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202e', '\u2066', '\u2067', '\u2069', '\u0301', '\u0361', '\uFFFD', '\uFFFE', '\uFFFF',
  'ا', 'ل', 'ع', 'ר', 'ש', '日本', '—', '–', '…', '“', '”', '‘', '’', '«', '»',
]

/** Markup and syntax fragments: Markdown, HTML, entities (named after Object.prototype keys too), query operators. */
export const FRAGMENTS = [
  '# ', '## ', '###### ', '\n---\n', '---', '```', '`', '**', '__', '*', '_', '~~', '[', ']', '(', ')', '![', '](', '[^1]', '> ', '- ', '1. ',
  '<a href="x">', '</a>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<br>', '<', '>', '&', '"', "'",
  '&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&#39;', '&#x27;', '&#0;', '&#xD800;', '&#1114112;', '&#99999999999;', '&constructor;',
  '&__proto__;', '&toString;', '&hasOwnProperty;', '&valueOf;', '&prototype;', '&mdash;', '&;', '&#;', '&#x;',
  '"', '-', '+', '*', '~', '~2', '^2', ':', '(', ')', 'OR', '..', '...', '. ', '.', ',', ';', '?', '!', '\\', '/', '|',
  'BAGHDAD (Reuters) - ', 'LONDON, June 3 (AP) — ', 'By Jane Doe, Reuters', 'Source: AP', '(AFP)', '2020-06-23', '23/06/2020', 'June 23, 2020',
]

/** A repeated fragment: the shape of most superlinear inputs. */
export const repeated = (max = 20_000): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...FRAGMENTS, ...ODD_CHARS, ' ', 'a', 'a ', '.', '# a', '[\n', '**a ', '<a', 'BAGHDAD '), fc.integer({ min: 1, max }), fc.constantFrom('', 'x', '\n', ' a'))
    .map(([piece, n, tail]) => piece.repeat(Math.min(n, Math.ceil(max / Math.max(1, piece.length)))) + tail)

/** Text mixing words, odd characters, fragments, random unicode and the occasional long run. */
export const hostileText = (maxPieces = 40): fc.Arbitrary<string> =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((w) => `${w} `) },
      { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      { weight: 1, arbitrary: repeated(3000) },
    ),
    { maxLength: maxPieces },
  ).map((pieces) => pieces.join(''))
