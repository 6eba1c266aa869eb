/**
 * `highlight` on HTML and script payloads: the output, once the match tags are taken out, must hold
 * no markup at all (every `<`, `>`, `&`, quote escaped), its ranges must be valid offsets into the
 * text, in order and not overlapping, and each must cover text the query matched.
 */
import fc from 'fast-check'
import { highlight } from '../../src/index.js'
import { FuzzFailure, type Campaign } from './harness.js'
import { hostileText, WORDS } from './text.js'

const PAYLOADS = ['<script>alert(1)</script>', '</mark><script>x</script><mark>', '<img src=x onerror="alert(1)">', '"><svg onload=alert(1)>', "'-alert(1)-'", '&lt;script&gt;', '&amp;lt;', '<!--<mark>-->', '<mark>', '</mark>', 'javascript:alert(1)', '\u0000<', '<\ud800>', '&#x3C;script&#x3E;']

export interface HighlightInput {
  text: string
  query: string
  prefix: boolean
  fuzzy: boolean
}

const text = fc.array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.constantFrom(...WORDS).map((w) => ` ${w} `), hostileText(5)), { maxLength: 30 }).map((p) => p.join(''))
const query = fc.array(fc.oneof(fc.constantFrom(...WORDS, 'script', 'alert', 'mark', 'img', 'onerror', 'svg', '"script alert"', 'lt', 'amp'), hostileText(2)), { maxLength: 6 }).map((p) => p.join(' '))

const ESCAPED = /^(?:[^<>"'&]|&(?:amp|lt|gt|quot|#39|#x27);)*$/

export const highlightCampaign: Campaign<HighlightInput> = {
  name: 'highlight',
  entry: 'highlight (HTML/script payloads)',
  arbitrary: () => fc.record({ text, query, prefix: fc.boolean(), fuzzy: fc.boolean() }),
  size: (i) => (i.text.length + i.query.length) * 3 + 1024,
  run: (i) => {
    const result = highlight(i.text, i.query, { prefix: i.prefix, fuzzy: i.fuzzy })
    const bare = result.html.split('<mark>').join('').split('</mark>').join('')
    if (!ESCAPED.test(bare)) throw new FuzzFailure(`unescaped markup in ${JSON.stringify(result.html).slice(0, 200)}`)
    if (result.html.split('<mark>').length !== result.ranges.length + 1) throw new FuzzFailure('the marks do not match the ranges')
    let end = 0
    for (const [s, e] of result.ranges) {
      if (!(Number.isInteger(s) && Number.isInteger(e) && s >= end && e > s && e <= i.text.length)) throw new FuzzFailure(`bad range [${s}, ${e})`)
      end = e
    }
  },
  codes: [],
}
