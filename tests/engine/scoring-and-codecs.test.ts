import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeTerms } from '../../src/analysis/analyzer.js'
import { ENGLISH_STOPWORDS } from '../../src/analysis/stopwords.js'

const isStopword = (term: string): boolean => ENGLISH_STOPWORDS.includes(term)
import { decodePostings, encodePostings } from '../../src/engine/store/postings.js'
import { topK } from '../../src/engine/top-k.js'
import { decodeChunkCodes } from '../../src/format/token-text.js'
import { ByteReader, ByteWriter } from '../../src/format/bytes.js'
import { readRice, riceParameter, writeRice } from '../../src/format/rice.js'
import { NewsdexError, NewsIndex } from '../../src/indexer.js'
import type { Article, NewsIndexOptions, SearchOptions, SearchResponse } from '../../src/types.js'
import { expectNewsdexError, generateArticles, makeArticle, mulberry32, normalized } from '../helpers.js'

// ---------------------------------------------------------------------------------------------
// A reference BM25 / BM25F, written from the papers, independently of src/engine/bm25.ts

const K1 = 1.2
const B = 0.75

/** Lucene's non-negative idf. */
const referenceIdf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5))

/** Classic BM25 (Robertson/Spärck Jones): one field, `docs[i]` the tokens of document i. */
function referenceBm25(docs: readonly (readonly string[])[], term: string): Map<number, number> {
  const n = docs.length
  const avgdl = docs.reduce((sum, d) => sum + d.length, 0) / n
  const df = docs.filter((d) => d.includes(term)).length
  const idf = referenceIdf(n, df)
  const scores = new Map<number, number>()
  docs.forEach((tokens, i) => {
    const tf = tokens.filter((t) => t === term).length
    if (tf > 0) scores.set(i, (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * tokens.length) / avgdl)))
  })
  return scores
}

/**
 * BM25F (Robertson, Zaragoza and Taylor 2004, "Simple BM25 extension to multiple weighted fields"):
 * per field, tf / (1 − b + b·len/avglen), weighted by the field's boost and summed into one
 * pseudo-frequency, which is saturated once: idf · w·(k1 + 1) / (k1 + w). df counts documents that
 * hold the term in any field.
 */
function referenceBm25f(docs: readonly (readonly (readonly string[])[])[], term: string, boosts: readonly number[]): Map<number, number> {
  const n = docs.length
  const fields = boosts.length
  const avg = Array.from({ length: fields }, (_, f) => docs.reduce((sum, d) => sum + d[f]!.length, 0) / n)
  const df = docs.filter((d) => d.some((field) => field.includes(term))).length
  const idf = referenceIdf(n, df)
  const scores = new Map<number, number>()
  docs.forEach((doc, i) => {
    let w = 0
    for (let f = 0; f < fields; f++) {
      const tf = doc[f]!.filter((t) => t === term).length
      if (tf > 0 && boosts[f]! > 0) w += (boosts[f]! * tf) / (1 - B + (B * doc[f]!.length) / avg[f]!)
    }
    if (w > 0) scores.set(i, (idf * w * (K1 + 1)) / (K1 + w))
  })
  return scores
}

function relativelyClose(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(actual), Math.abs(expected), Number.MIN_VALUE)
}

const EXACT: SearchOptions = { prefix: false, fuzzy: false, limit: 1000, highlight: false }

/**
 * The engine's hits match `reference` (document number → score): the same documents, each score
 * within 1e-9 relative, in an order that never puts a lower reference score first (`strict`: and
 * ties broken by document number, exactly as the reference ranks).
 */
function expectMatchesReference(response: SearchResponse, reference: Map<number, number>, ids: readonly string[], label: string, strict: boolean): void {
  const number = new Map(ids.map((id, i) => [id, i]))
  expect(response.total, `${label}: total`).toBe(reference.size)
  expect(new Set(response.hits.map((h) => h.id)), `${label}: documents`).toEqual(new Set([...reference.keys()].map((i) => ids[i])))
  for (const hit of response.hits) {
    const expected = reference.get(number.get(hit.id)!)!
    expect(relativelyClose(hit.score, expected), `${label}: score of ${hit.id} is ${hit.score}, reference ${expected}`).toBe(true)
  }
  if (strict) {
    const order = [...reference].sort((a, b) => (relativelyClose(a[1], b[1]) ? a[0] - b[0] : b[1] - a[1])).map(([i]) => ids[i])
    expect(response.hits.map((h) => h.id), `${label}: ranking`).toEqual(order)
  } else {
    for (let i = 1; i < response.hits.length; i++) {
      const before = reference.get(number.get(response.hits[i - 1]!.id)!)!
      const after = reference.get(number.get(response.hits[i]!.id)!)!
      expect(before >= after || relativelyClose(before, after), `${label}: ${response.hits[i - 1]!.id} (${before}) ranked above ${response.hits[i]!.id} (${after})`).toBe(true)
    }
  }
}


// ---------------------------------------------------------------------------------------------
// Corpora

/** Words with skewed frequencies; none is a query-language keyword. */
const BM25_WORDS = ['oil', 'iraq', 'price', 'market', 'rocket', 'attack', 'talks', 'minister', 'embassy', 'drone', 'militia', 'border', 'wheat', 'storm', 'ceasefire']

/** 30 articles with bodies of 0–40 words (two of them empty) and no titles: classic one-field BM25. */
function bodyOnlyCorpus(): Article[] {
  const random = mulberry32(20240601)
  return Array.from({ length: 30 }, (_, i) => {
    const length = i === 7 || i === 19 ? 0 : 1 + Math.floor(random() * 40)
    const words = Array.from({ length }, () => BM25_WORDS[Math.floor(random() ** 2 * BM25_WORDS.length)]!)
    // Mixed case and punctuation: the reference tokenizes with the same analyzer as the engine.
    // Rare terms: 'hostage' in two articles, 'envoy' (three times) in one.
    if (i === 3 || i === 11) words.push('hostage')
    if (i === 5) words.splice(2, 0, 'envoy', 'envoy', 'envoy')
    const body = words.map((w, k) => (k % 9 === 0 ? w.toUpperCase() : k % 7 === 6 ? `${w}.` : w)).join(' ')
    return makeArticle({ id: `bm-${i}`, body })
  })
}

function distinctTerms(articles: readonly Article[]): string[] {
  return [...new Set(articles.flatMap((a) => [...analyzeTerms(a.title), ...analyzeTerms(a.body)]))].sort()
}

// ---------------------------------------------------------------------------------------------

describe('BM25 scores: a differential test against a reference implementation', () => {
  const articles = bodyOnlyCorpus()
  const ids = articles.map((a) => a.id)
  const bodies = articles.map((a) => analyzeTerms(a.body))
  const index = new NewsIndex({ boost: { title: 0, body: 1 } })
  index.addAll(articles)
  const terms = distinctTerms(articles)

  it('the corpus is varied enough to mean something', () => {
    expect(terms.length).toBeGreaterThanOrEqual(12)
    const dfs = terms.map((t) => bodies.filter((b) => b.includes(t)).length)
    expect(Math.max(...dfs)).toBeGreaterThan(20)
    expect(Math.min(...dfs)).toBe(1)
    expect(bodies.some((b) => b.length === 0)).toBe(true)
  })

  it('one term, body only: scores equal classic BM25 (k1 = 1.2, b = 0.75, Lucene idf), ranked the same', () => {
    for (const term of terms) expectMatchesReference(index.search(term, EXACT), referenceBm25(bodies, term), ids, `'${term}'`, true)
  })

  it('two terms (AND): each score is the sum of the two BM25 scores, over the articles holding both', () => {
    let checked = 0
    for (const a of terms) {
      for (const b of terms) {
        if (a >= b) continue
        const ra = referenceBm25(bodies, a)
        const rb = referenceBm25(bodies, b)
        const both = new Map([...ra].filter(([doc]) => rb.has(doc)).map(([doc, s]) => [doc, s + rb.get(doc)!]))
        const response = index.search(`${a} ${b}`, EXACT)
        if (both.size === 0) {
          // Nothing holds both: the engine relaxes to partial matches, and says so.
          expect(response.query.relaxed, `'${a} ${b}'`).toBe(response.total > 0)
          continue
        }
        expect(response.query.relaxed).toBe(false)
        expectMatchesReference(response, both, ids, `'${a} ${b}'`, true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(30)
  })

  it('match: any ranks the union by the sum of the scores of the terms each article holds', () => {
    const [a, b] = ['rocket', 'wheat']
    const ra = referenceBm25(bodies, a)
    const rb = referenceBm25(bodies, b)
    const union = new Map(ra)
    for (const [doc, s] of rb) union.set(doc, (union.get(doc) ?? 0) + s)
    const response = index.search(`${a} ${b}`, { ...EXACT, match: 'any' })
    expect(new Set(response.hits.map((h) => h.id))).toEqual(new Set([...union.keys()].map((i) => ids[i])))
    for (const hit of response.hits) expect(relativelyClose(hit.score, union.get(ids.indexOf(hit.id))!)).toBe(true)
  })

  it('a loaded copy scores exactly like the reference too', () => {
    const loaded = NewsIndex.load(index.serialize())
    for (const term of terms) expectMatchesReference(loaded.search(term, EXACT), referenceBm25(bodies, term), ids, `loaded '${term}'`, true)
  })

  it('random small corpora and a query term drawn from them (property)', () => {
    const vocabulary = ['oil', 'iraq', 'price', 'drone', 'storm', 'wheat', 'market', 'border']
    const corpus = fc.array(fc.array(fc.constantFrom(...vocabulary), { maxLength: 25 }), { minLength: 1, maxLength: 15 })
    fc.assert(
      fc.property(
        corpus.filter((docs) => docs.some((d) => d.length > 0)).chain((docs) => fc.tuple(fc.constant(docs), fc.constantFrom(...docs.flat()), fc.constantFrom(...docs.flat()))),
        ([docs, term, other]) => {
          const bm = new NewsIndex({ boost: { title: 0, body: 1 } })
          bm.addAll(docs.map((words, i) => makeArticle({ id: `d${i}`, body: words.join(' ') })))
          const ids = docs.map((_, i) => `d${i}`)
          const tokens = docs.map((words) => analyzeTerms(words.join(' ')))
          expectMatchesReference(bm.search(term, EXACT), referenceBm25(tokens, term), ids, `'${term}'`, false)
          if (other !== term) {
            const ra = referenceBm25(tokens, term)
            const rb = referenceBm25(tokens, other)
            const both = new Map([...ra].filter(([doc]) => rb.has(doc)).map(([doc, s]) => [doc, s + rb.get(doc)!]))
            if (both.size > 0) expectMatchesReference(bm.search(`${term} ${other}`, EXACT), both, ids, `'${term} ${other}'`, false)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('BM25F over title and body: a differential test against a reference implementation', () => {
  const articles = generateArticles(40, 77)
  const ids = articles.map((a) => a.id)
  const fields = articles.map((a) => [analyzeTerms(a.title), analyzeTerms(a.body)])
  const terms = distinctTerms(articles)

  it.each<[string, NewsIndexOptions, [number, number]]>([
    ['the default boosts {title: 2, body: 1}', {}, [2, 1]],
    ['custom boosts {title: 3.5, body: 0.25}', { boost: { title: 3.5, body: 0.25 } }, [3.5, 0.25]],
  ])('one term, %s: scores equal BM25F (saturated once over the boosted, length-normalized field frequencies)', (_what, options, boosts) => {
    const index = new NewsIndex(options)
    index.addAll(articles)
    expect(terms.length).toBeGreaterThan(40)
    // some terms occur in both fields of one article: the case where BM25F differs from summing per-field BM25
    expect(terms.some((t) => fields.some(([title, body]) => title!.includes(t) && body!.includes(t)))).toBe(true)
    for (const term of terms) expectMatchesReference(index.search(term, EXACT), referenceBm25f(fields, term, boosts), ids, `'${term}'`, true)
  })

  it('title:term and body:term score with the other field left out (its boost taken as 0)', () => {
    const index = new NewsIndex()
    index.addAll(articles)
    for (const term of terms) {
      expectMatchesReference(index.search(`title:${term}`, EXACT), referenceBm25f(fields, term, [2, 0]), ids, `title:${term}`, true)
      expectMatchesReference(index.search(`body:${term}`, EXACT), referenceBm25f(fields, term, [0, 1]), ids, `body:${term}`, true)
    }
  })

  it('two terms: scores add up', () => {
    const index = new NewsIndex()
    index.addAll(articles)
    const random = mulberry32(5)
    let checked = 0
    for (let k = 0; k < 200; k++) {
      const a = terms[Math.floor(random() * terms.length)]!
      const b = terms[Math.floor(random() * terms.length)]!
      if (a === b) continue
      // A stopword next to a content word is left out of the query.
      const [ra, rb] = [a, b].filter((term, i, pair) => !isStopword(term) || pair.every(isStopword)).map((term) => referenceBm25f(fields, term, [2, 1]))
      const both = rb ? new Map([...ra!].filter(([doc]) => rb.has(doc)).map(([doc, s]) => [doc, s + rb.get(doc)!])) : ra!
      if (both.size === 0) continue
      expectMatchesReference(index.search(`${a} ${b}`, EXACT), both, ids, `'${a} ${b}'`, true)
      checked++
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('reports in which fields each matched term occurs', () => {
    const index = new NewsIndex()
    index.addAll(articles)
    for (const term of terms.slice(0, 30)) {
      for (const hit of index.search(term, EXACT).hits) {
        const [title, body] = fields[ids.indexOf(hit.id)]!
        const expected = [...(title!.includes(term) ? ['title'] : []), ...(body!.includes(term) ? ['body'] : [])]
        expect(hit.matches, `${term} in ${hit.id}`).toEqual([{ term, fields: expected }])
      }
    }
  })
})

describe('encodings: decode(encode(x)) = x', () => {
  /** Valid postings: ascending unique documents below `documents`, frequencies with title + body > 0. */
  const postingsArb = fc.integer({ min: 1, max: 100_000 }).chain((documents) =>
    fc.tuple(
      fc.constant(documents),
      fc.uniqueArray(fc.nat({ max: documents - 1 }), { maxLength: Math.min(documents, 300) }).chain((docs) => {
        const sorted = [...docs].sort((a, b) => a - b)
        const tf = fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 1000 }), fc.nat({ max: 0xffffffff }))
        return fc.tuple(fc.constant(sorted), fc.array(fc.tuple(tf, tf).map(([t, b]) => (t + b === 0 ? [0, 1] : [t, b])), { minLength: sorted.length, maxLength: sorted.length }))
      }),
    ),
  )

  it('encodePostings / decodePostings round-trip any valid postings, several lists back to back (property)', () => {
    fc.assert(
      fc.property(fc.array(postingsArb, { minLength: 1, maxLength: 4 }), (lists) => {
        const docsOut = new ByteWriter()
        const tfsOut = new ByteWriter()
        const bounds: [number, number, number, number][] = []
        for (const [documents, [docs, tfs]] of lists) {
          const d0 = docsOut.length
          const t0 = tfsOut.length
          encodePostings({ docs, title: tfs.map((t) => t[0]!), body: tfs.map((t) => t[1]!) }, documents, docsOut, tfsOut)
          bounds.push([d0, docsOut.length, t0, tfsOut.length])
        }
        const docBytes = docsOut.finish()
        const tfBytes = tfsOut.finish()
        lists.forEach(([documents, [docs, tfs]], i) => {
          const [d0, d1, t0, t1] = bounds[i]!
          const decoded = decodePostings(docBytes.subarray(d0, d1), tfBytes.subarray(t0, t1), docs.length, documents)
          expect(Array.from(decoded.docs)).toEqual(docs)
          expect(Array.from(decoded.title)).toEqual(tfs.map((t) => t[0]))
          expect(Array.from(decoded.body)).toEqual(tfs.map((t) => t[1]))
        })
      }),
      { numRuns: 400 },
    )
  })

  it('the Rice-coded gaps are compact: a dense list of every document costs one bit a posting', () => {
    const docsOut = new ByteWriter()
    const n = 8000
    encodePostings({ docs: Array.from({ length: n }, (_, i) => i), title: new Array(n).fill(0), body: new Array(n).fill(1) }, n, docsOut, new ByteWriter())
    expect(docsOut.length).toBe(n / 8)
  })

  it('decodePostings rejects truncated or inconsistent data with E_CORRUPT', () => {
    fc.assert(
      fc.property(postingsArb, fc.nat(), fc.boolean(), ([documents, [docs, tfs]], cut, cutDocs) => {
        fc.pre(docs.length > 0)
        const docsOut = new ByteWriter()
        const tfsOut = new ByteWriter()
        encodePostings({ docs, title: tfs.map((t) => t[0]!), body: tfs.map((t) => t[1]!) }, documents, docsOut, tfsOut)
        const docBytes = docsOut.finish()
        const tfBytes = tfsOut.finish()
        if (cutDocs) expectNewsdexError(() => decodePostings(docBytes.subarray(0, cut % docBytes.length), tfBytes, docs.length, documents), 'E_CORRUPT')
        else expectNewsdexError(() => decodePostings(docBytes, tfBytes.subarray(0, cut % tfBytes.length), docs.length, documents), 'E_CORRUPT')
        // trailing frequency bytes, and a list said to be one posting longer than it is
        expectNewsdexError(() => decodePostings(docBytes, Uint8Array.from([...tfBytes, 2]), docs.length, documents), 'E_CORRUPT')
      }),
      { numRuns: 300 },
    )
    // a posting past the last document
    const docsOut = new ByteWriter()
    const tfsOut = new ByteWriter()
    expect(riceParameter(100, 1)).toBe(riceParameter(99, 1))
    encodePostings({ docs: [99], title: [0], body: [1] }, 100, docsOut, tfsOut)
    expect(Array.from(decodePostings(docsOut.finish(), tfsOut.finish(), 1, 100).docs)).toEqual([99])
    expectNewsdexError(() => decodePostings(docsOut.finish(), tfsOut.finish(), 1, 99), 'E_CORRUPT', 'posting list')
  })

  it('decodeChunkCodes reads back any stream of term codes (per document a count, then its codes), and rejects a damaged one (property)', () => {
    const documents = fc.array(fc.array(fc.nat({ max: 5000 }), { maxLength: 30 }), { maxLength: 20 })
    fc.assert(
      fc.property(documents, (docs) => {
        const out = new ByteWriter()
        for (const ranks of docs) {
          out.varint(ranks.length)
          for (const rank of ranks) out.varint(rank)
        }
        const bytes = out.finish()
        const total = docs.reduce((sum, ranks) => sum + ranks.length, 0)
        const decoded = decodeChunkCodes(bytes, docs.length, total, 5001)
        docs.forEach((ranks, d) => expect(Array.from(decoded.codes.subarray(decoded.starts[d], decoded.starts[d + 1]))).toEqual(ranks))
        if (bytes.length > 0) expectNewsdexError(() => decodeChunkCodes(bytes.subarray(0, bytes.length - 1), docs.length, total, 5001), 'E_CORRUPT')
        expectNewsdexError(() => decodeChunkCodes(Uint8Array.from([...bytes, 0]), docs.length, total, 5001), 'E_CORRUPT')
        if (total > 0) expectNewsdexError(() => decodeChunkCodes(bytes, docs.length, total, Math.max(...docs.flat())), 'E_CORRUPT', 'positions chunk')
      }),
      { numRuns: 400 },
    )
  })

  /** Rice values with a bounded quotient (the unary part), so any k from 0 to 20 stays cheap. */
  const riceArb = fc.integer({ min: 0, max: 20 }).chain((k) =>
    fc.tuple(fc.constant(k), fc.array(fc.tuple(fc.nat({ max: 64 }), fc.nat({ max: 2 ** k - 1 })).map(([q, r]) => q * 2 ** k + r), { maxLength: 60 })),
  )

  it('writeRice / readRice round-trip any non-negative integers for k = 0..20, in exactly the bits Rice coding takes (property)', () => {
    fc.assert(
      fc.property(riceArb, ([k, values]) => {
        const out = new ByteWriter()
        writeRice(out, values, k)
        const bytes = out.finish()
        const bits = values.reduce((sum, v) => sum + Math.floor(v / 2 ** k) + 1 + k, 0)
        expect(bytes.length).toBe(Math.ceil(bits / 8))
        const into = new Uint32Array(values.length)
        readRice(bytes, values.length, k, into)
        expect(Array.from(into)).toEqual(values)
      }),
      { numRuns: 500 },
    )
  })

  it('readRice rejects every truncation of Rice data with E_CORRUPT (property)', () => {
    fc.assert(
      fc.property(riceArb.filter(([, values]) => values.length > 0), fc.nat(), ([k, values], cut) => {
        const out = new ByteWriter()
        writeRice(out, values, k)
        const bytes = out.finish()
        expectNewsdexError(() => readRice(bytes.subarray(0, cut % bytes.length), values.length, k, new Uint32Array(values.length)), 'E_CORRUPT')
      }),
      { numRuns: 500 },
    )
  })

  it('riceParameter picks k ≈ log2(0.69 · N / df), never negative', () => {
    expect(riceParameter(1000, 0)).toBe(0)
    expect(riceParameter(10, 10)).toBe(0)
    expect(riceParameter(10, 20)).toBe(0)
    expect(riceParameter(1 << 20, 1)).toBe(Math.floor(Math.log2(0.69 * (1 << 20))))
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 31 }), (n, df) => {
      const k = riceParameter(n, df)
      expect(Number.isInteger(k) && k >= 0 && k < 32).toBe(true)
    }))
  })

  it('ByteWriter / ByteReader varints round-trip any integer in [0, 2^53), in ⌈bits / 7⌉ bytes (property)', () => {
    const value = fc.oneof(fc.nat({ max: 127 }), fc.nat({ max: 2 ** 21 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 127, 128, 2 ** 32 - 1, 2 ** 32, 2 ** 49, Number.MAX_SAFE_INTEGER))
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const out = new ByteWriter()
        for (const v of values) out.varint(v)
        const bytes = out.finish()
        expect(bytes.length).toBe(values.reduce((sum, v) => sum + Math.max(1, Math.ceil(v.toString(2).length / 7)), 0))
        const reader = new ByteReader(bytes)
        expect(values.map(() => reader.varint())).toEqual(values)
        expect(reader.done).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('ByteReader rejects every truncation of varint data, and numbers longer than 8 bytes, with E_CORRUPT (property)', () => {
    const value = fc.oneof(fc.nat({ max: 127 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }))
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 50 }), fc.nat(), (values, cut) => {
        const out = new ByteWriter()
        for (const v of values) out.varint(v)
        const bytes = out.finish()
        const reader = new ByteReader(bytes.subarray(0, cut % bytes.length))
        expectNewsdexError(() => values.forEach(() => reader.varint()), 'E_CORRUPT')
      }),
      { numRuns: 500 },
    )
    expectNewsdexError(() => new ByteReader(new Uint8Array(9).fill(0x80)).varint(), 'E_CORRUPT')
    expectNewsdexError(() => new ByteReader(new Uint8Array()).varint(), 'E_CORRUPT')
  })
})

// ---------------------------------------------------------------------------------------------

const WORDS = ['rocket', 'rockets', 'baghdad', 'airport', 'drone', 'strike', 'iraq', 'iran', 'talks', 'kāẓimī', 'attack', 'the', 'a', 'U.S.', 'Rocket', 'AIRPORT']
const articleArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(' ')),
  body: fc.array(fc.constantFrom(...WORDS, '.', ',', '\n\n'), { maxLength: 30 }).map((w) => w.join(' ')),
  date: fc.option(fc.constantFrom('2019-11-05', '2020-01-03', '2020-06-23', '2020-06-30', '2021-02-28'), { nil: null }),
  source: fc.subarray(['AP', 'AFP', 'Reuters']),
  location: fc.subarray(['Baghdad', 'Tehran', 'Abu Ghraib']),
  country: fc.subarray(['IQ', 'IR', 'US']),
})
const corpusArb = fc.array(articleArb, { maxLength: 14 }).map((records) => records.map((r, i): Article => ({ id: `doc-${i}`, ...r })))

/** Queries of every kind: terms, prefixes, typos, phrases, exclusions, OR, fields, filters, dates, the empty query. */
const QUERY_KINDS = [
  '', 'rocket', 'rock', 'rockt', 'atack', 'baghdad airport', '"baghdad airport"', '"rocket attack"', '"the rocket"', 'rocket -drone', '-"baghdad airport"',
  'iran OR drone', '"drone strike" OR talks', 'title:rocket', 'body:airport', 'title:"rocket attack"', 'source:AP', 'country:IQ rocket', 'location:tehran',
  'date:2020', 'date:2020-06', 'us', 'kazimi', 'zzz', 'the a',
]
const OPTION_KINDS: SearchOptions[] = [
  { limit: 100, facets: ['source', 'location', 'country', 'year', 'month'] },
  { limit: 3, offset: 1, sort: 'newest', facets: ['year'] },
  { limit: 100, sort: 'oldest', match: 'any' },
  { limit: 100, filter: { source: ['AP'], date: { from: '2020-01-01' } }, facets: ['country'] },
  { limit: 100, prefix: false, fuzzy: false, highlight: false },
]

function everything(index: NewsIndex, queries: readonly string[], options: readonly SearchOptions[]): unknown[] {
  return queries.flatMap((q) => options.map((o) => normalized(index.search(q, o))))
}

describe('lazily decoded postings answer exactly like eager ones', () => {
  it('a loaded index = the index it came from = the same data warmed up = the same data fully decoded (property)', () => {
    fc.assert(
      fc.property(corpusArb, fc.subarray(QUERY_KINDS, { minLength: 1 }), fc.subarray(OPTION_KINDS, { minLength: 1 }), (articles, queries, options) => {
        const memory = new NewsIndex()
        memory.addAll(articles)
        const bytes = memory.serialize()
        const expected = everything(memory, queries, options)

        // lazily decoded, in the order the queries happen to touch terms
        expect(everything(NewsIndex.load(bytes), queries, options)).toEqual(expected)
        // lazily decoded, in the reverse order
        const reversed = NewsIndex.load(bytes)
        expect(everything(reversed, [...queries].reverse(), [...options].reverse()).reverse()).toEqual(everything(memory, [...queries].reverse(), [...options].reverse()).reverse())

        // warmed: every term's postings and positions decoded first, by searches and suggestions
        const warmed = NewsIndex.load(bytes)
        for (const term of distinctTerms(articles)) {
          warmed.search(term, { prefix: false, fuzzy: false })
          warmed.search(`"${term} ${term}"`)
          warmed.suggest(term.slice(0, 1))
        }
        expect(everything(warmed, queries, options)).toEqual(expected)

        // fully decoded: a change thaws every posting list into its mutable form; undone at once
        const thawed = NewsIndex.load(bytes)
        thawed.add(makeArticle({ id: '__thaw__' }))
        expect(thawed.remove('__thaw__')).toBe(true)
        expect(everything(thawed, queries, options)).toEqual(expected)
        expect(thawed.stats()).toEqual(memory.stats())
        for (const article of articles) expect(thawed.get(article.id)).toEqual(article)
      }),
      { numRuns: 120 },
    )
  })

  it('on a larger generated archive (several text chunks), for every kind of query', () => {
    const articles = generateArticles(600, 3)
    const memory = new NewsIndex()
    memory.addAll(articles)
    const loaded = NewsIndex.load(memory.serialize())
    const queries = ['', 'minister', 'minis', 'ministr', '"oil prices"', '"the army"', 'talks -militia', 'oil OR wheat', 'title:storm', 'source:AP', 'date:2020-06', 'country:IQ border', '"prices oil"']
    expect(everything(loaded, queries, OPTION_KINDS)).toEqual(everything(memory, queries, OPTION_KINDS))
    for (const id of ['gen-0000', 'gen-0257', 'gen-0599']) expect(loaded.get(id)).toEqual(articles.find((a) => a.id === id))
  })
})

describe('topK()', () => {
  it('gives the first k items of the sorted input, for any order, k and ties broken by the compare (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }), id: fc.nat() }), { maxLength: 200 }), fc.integer({ min: -2, max: 210 }), (items, k) => {
        const compare = (a: { score: number; id: number }, b: { score: number; id: number }): number => b.score - a.score || a.id - b.id
        expect(topK(items, k, compare)).toEqual([...items].sort(compare).slice(0, Math.max(0, k)))
      }),
      { numRuns: 300 },
    )
  })

  it('takes any iterable, once', () => {
    function* numbers(): Generator<number> {
      yield* [5, 1, 4, 2, 3]
    }
    expect(topK(numbers(), 3, (a, b) => a - b)).toEqual([1, 2, 3])
  })
})

describe('remove()', () => {
  const articles = generateArticles(80, 11)
  const removed = new Set(articles.filter((_, i) => i % 4 === 1 || i === 0).map((a) => a.id))
  const kept = articles.filter((a) => !removed.has(a.id))
  const QUERIES = ['', 'minister', 'minis', 'ministr', '"oil prices"', 'talks -militia', 'oil OR wheat', 'title:storm', 'source:AP', 'date:2020', 'country:IQ border', 'the']
  const OPTIONS: SearchOptions[] = [{ limit: 1000, facets: ['source', 'location', 'country', 'year', 'month'] }, { limit: 1000, sort: 'oldest', match: 'any' }]

  function withRemovals(): NewsIndex {
    const index = new NewsIndex()
    index.addAll(articles)
    for (const id of removed) expect(index.remove(id)).toBe(true)
    return index
  }

  it('a term removed with its last article and added again is one term again (exact lookups and the tree agree)', () => {
    const index = new NewsIndex()
    index.add(makeArticle({ id: 'z1', title: 'Zebra crossing', body: 'A zebra crossed.' }))
    index.add(makeArticle({ id: 'o1', title: 'Oil', body: 'Oil fell.' }))
    const terms = index.stats().terms
    index.remove('z1')
    expect(index.suggest('zeb')).toEqual([])
    expect(index.stats().terms).toBe(terms - 4)
    index.add(makeArticle({ id: 'z2', title: 'Zebra again', body: 'Another zebra.' }))
    expect(index.search('zebra', { prefix: false, fuzzy: false }).hits.map((h) => h.id)).toEqual(['z2'])
    expect(index.suggest('zeb')).toEqual(['zebra'])
    expect(NewsIndex.load(index.serialize()).search('zebra').hits.map((h) => h.id)).toEqual(['z2'])
  })

  it('removed articles never come back: not in any hit, total or facet; has() and get() forget them', () => {
    const index = withRemovals()
    expect(index.size).toBe(kept.length)
    for (const id of removed) {
      expect(index.has(id)).toBe(false)
      expect(index.get(id)).toBeUndefined()
      expect(index.remove(id)).toBe(false)
    }
    for (const term of distinctTerms(articles)) {
      for (const response of [index.search(term, { limit: 1000 }), index.search(term, { limit: 1000, prefix: false, fuzzy: false })]) {
        for (const hit of response.hits) expect(removed.has(hit.id), `${hit.id} for '${term}'`).toBe(false)
      }
    }
    expect(index.search('', { limit: 1000 }).total).toBe(kept.length)
  })

  it('scores use df and idf of the live articles only: they equal a fresh index built without the removed ones', () => {
    const fresh = new NewsIndex()
    fresh.addAll(kept)
    const index = withRemovals()
    expect(everything(index, QUERIES, OPTIONS)).toEqual(everything(fresh, QUERIES, OPTIONS))
    for (const term of distinctTerms(articles)) {
      const a = index.search(term, EXACT)
      const b = fresh.search(term, EXACT)
      expect(a.hits.map((h) => [h.id, h.score]), term).toEqual(b.hits.map((h) => [h.id, h.score]))
    }
    // and the removal mattered: with them, some scores differ
    const full = new NewsIndex()
    full.addAll(articles)
    expect(everything(full, QUERIES, OPTIONS)).not.toEqual(everything(fresh, QUERIES, OPTIONS))
  })

  it('serialize → load compacts: the loaded index answers like a fresh one, with the same scores', () => {
    const fresh = new NewsIndex()
    fresh.addAll(kept)
    const loaded = NewsIndex.load(withRemovals().serialize())
    expect(loaded.size).toBe(kept.length)
    expect(loaded.stats()).toEqual(fresh.stats())
    expect(everything(loaded, QUERIES, OPTIONS)).toEqual(everything(fresh, QUERIES, OPTIONS))
    for (const id of removed) expect(loaded.has(id)).toBe(false)
    // the removed articles' terms are gone from the file
    const onlyRemoved = distinctTerms(articles).filter((t) => !distinctTerms(kept).includes(t))
    for (const term of onlyRemoved) expect(loaded.suggest(term)).not.toContain(term)
  })

  it('removing from a loaded index works like removing from the one it came from', () => {
    const full = new NewsIndex()
    full.addAll(articles)
    const loaded = NewsIndex.load(full.serialize())
    for (const id of removed) expect(loaded.remove(id)).toBe(true)
    const fresh = new NewsIndex()
    fresh.addAll(kept)
    expect(everything(loaded, QUERIES, OPTIONS)).toEqual(everything(fresh, QUERIES, OPTIONS))
    expect(everything(NewsIndex.load(loaded.serialize()), QUERIES, OPTIONS)).toEqual(everything(fresh, QUERIES, OPTIONS))
  })

  it('an id can be added again after its removal, and is then found with its new text', () => {
    const index = withRemovals()
    const id = [...removed][0]!
    index.add(makeArticle({ id, title: 'Rocket', body: 'rocket rocket' }))
    expect(index.search('rocket', EXACT).hits.map((h) => h.id)).toEqual([id])
  })

  it('removal and re-serialization agree with a fresh index on random archives (property)', () => {
    fc.assert(
      fc.property(corpusArb.chain((a) => fc.tuple(fc.constant(a), fc.subarray(a.map((x) => x.id)))), fc.subarray(QUERY_KINDS, { minLength: 1, maxLength: 8 }), ([all, gone], queries) => {
        const index = new NewsIndex()
        index.addAll(all)
        for (const id of gone) index.remove(id)
        const fresh = new NewsIndex()
        fresh.addAll(all.filter((a) => !gone.includes(a.id)))
        const options: SearchOptions[] = [{ limit: 100, facets: ['source', 'country', 'year'] }]
        expect(everything(index, queries, options)).toEqual(everything(fresh, queries, options))
        expect(everything(NewsIndex.load(index.serialize()), queries, options)).toEqual(everything(fresh, queries, options))
      }),
      { numRuns: 150 },
    )
  })
})

describe('ranking rules', () => {
  /** Articles of the same shape, differing only in the word that matches 'rocket', among fillers. */
  function shapes(): NewsIndex {
    const index = new NewsIndex()
    index.addAll([
      makeArticle({ id: 'fuzzy', title: 'Launch report', body: 'The rocjet was launched at dawn from the base.' }),
      makeArticle({ id: 'prefix', title: 'Launch report', body: 'The rocketry was launched at dawn from the base.' }),
      makeArticle({ id: 'stemmed', title: 'Launch report', body: 'The rockets was launched at dawn from the base.' }),
      makeArticle({ id: 'exact', title: 'Launch report', body: 'The rocket was launched at dawn from the base.' }),
      ...Array.from({ length: 5 }, (_, i) => makeArticle({ id: `filler-${i}`, title: 'Market report', body: 'Oil prices rose at dawn in the market.' })),
    ])
    return index
  }

  it('an exact match ranks above a stemmed one, stemmed above prefix-only, prefix above fuzzy-only', () => {
    const response = shapes().search('rocket')
    expect(response.hits.map((h) => h.id)).toEqual(['exact', 'stemmed', 'prefix', 'fuzzy'])
    const [exact, stemmed, prefix, fuzzy] = response.hits.map((h) => h.score)
    expect(exact).toBeGreaterThan(stemmed!)
    expect(stemmed).toBeGreaterThan(prefix!)
    expect(prefix).toBeGreaterThan(fuzzy!)
    expect(fuzzy).toBeGreaterThan(0)
    expect(response.hits.map((h) => h.matches.map((m) => m.term))).toEqual([['rocket'], ['rockets'], ['rocketry'], ['rocjet']])
  })

  it('holds in the title too, and in a loaded index', () => {
    const index = new NewsIndex()
    index.addAll([
      makeArticle({ id: 'fuzzy', title: 'Rocjet launch', body: 'It happened at dawn.' }),
      makeArticle({ id: 'exact', title: 'Rocket launch', body: 'It happened at dawn.' }),
      makeArticle({ id: 'prefix', title: 'Rocketry launch', body: 'It happened at dawn.' }),
      makeArticle({ id: 'other', title: 'Market news', body: 'It happened at dawn.' }),
    ])
    expect(index.search('rocket').hits.map((h) => h.id)).toEqual(['exact', 'prefix', 'fuzzy'])
    expect(NewsIndex.load(index.serialize()).search('rocket').hits.map((h) => h.id)).toEqual(['exact', 'prefix', 'fuzzy'])
  })

  it('an article matching exactly and by prefix scores as its best match, not the sum', () => {
    const index = shapes()
    index.add(makeArticle({ id: 'both', title: 'Launch report', body: 'The rocket rockets was launched at dawn from the base.' }))
    const response = index.search('rocket', { prefix: true, fuzzy: false, limit: 100 })
    const both = response.hits.find((h) => h.id === 'both')!
    const exact = index.search('rocket', { prefix: false, fuzzy: false, limit: 100 }).hits.find((h) => h.id === 'both')!
    expect(both.score).toBe(exact.score)
    expect(both.matches.map((m) => m.term).sort()).toEqual(['rocket', 'rockets'])
  })

  it('without prefix and typo tolerance only the exact and stemmed matches are found', () => {
    expect(shapes().search('rocket', { prefix: false, fuzzy: false }).hits.map((h) => h.id)).toEqual(['exact', 'stemmed'])
    expect(shapes().search('rocket', { prefix: true, fuzzy: false }).hits.map((h) => h.id)).toEqual(['exact', 'stemmed', 'prefix'])
  })

})
