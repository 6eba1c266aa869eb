import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDate, normalizeDate } from '../../src/extract/date.js'
import { extractMetadata } from '../../src/extract/extract-metadata.js'
import { gazetteer } from '../../src/extract/gazetteer.js'
import { canonicalSource } from '../../src/extract/sources.js'
import type { ArticleMetadata } from '../../src/types.js'

/** Text as bad as it gets: any code units, lone surrogates, mixed scripts, control characters, news words. */
const badText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
      fc.constantFrom(
        'U.S.', 'BAGHDAD, June 23 (Reuters) -', 'SALVADOR, Feb 26 -', '(AP) —', 'AP reported', 'Москва', '東京',
        'الرياض', 'Paris, Texas', 'Reading, Pa.,', 'Michael Jordan', 'New New New', ', ,', '\u202e', '\u0000',
        '\ud800', 'İstanbul', 'Côte d\'Ivoire', 'June 23, 2020', '23.06.2020', 'ST. LOUIS', 'Jordan', '—', '\n\n',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '))

const countryName = (code: string): string | undefined => gazetteer().countries.get(code)?.name

function expectWellFormed(meta: ArticleMetadata): void {
  expect(meta.date === null || /^\d{4}-\d{2}-\d{2}$/.test(meta.date)).toBe(true)
  if (meta.date !== null) expect(normalizeDate(meta.date)).toBe(meta.date)
  for (const list of [meta.source, meta.location, meta.country]) {
    expect(Array.isArray(list)).toBe(true)
    expect(new Set(list).size).toBe(list.length)
    for (const v of list) expect(typeof v === 'string' && v.length > 0).toBe(true)
  }
  for (const code of meta.country) {
    expect(code).toMatch(/^[A-Z]{2}$/)
    // The location filter relies on it: every country found is named in `location`.
    expect(meta.location).toContain(countryName(code))
  }
  for (const s of meta.source) expect(canonicalSource(s)).toBe(s)
}

describe('extractMetadata on bad input', () => {
  it('never throws and returns well-formed metadata', () => {
    fc.assert(
      fc.property(badText, fc.option(badText), fc.option(fc.string()), (text, title, date) => {
        const hints = { ...(title !== null ? { title } : {}), ...(date !== null ? { date } : {}) }
        expectWellFormed(extractMetadata(text, hints))
      }),
      { numRuns: 400 },
    )
  })

  it('returns empty metadata for empty or blank text', () => {
    for (const text of ['', ' ', '\n\n\t', '\u0000\u0000']) {
      expect(extractMetadata(text)).toEqual({ date: null, source: [], location: [], country: [] })
    }
  })

  it('survives values that are not strings', () => {
    const anyExtract = extractMetadata as (text: unknown, hints?: unknown) => ArticleMetadata
    expect(anyExtract(undefined)).toEqual({ date: null, source: [], location: [], country: [] })
    expect(anyExtract(42, { title: 7, date: {} })).toEqual({ date: null, source: [], location: [], country: [] })
  })

  it('still finds a place in the middle of garbage', () => {
    fc.assert(
      fc.property(badText, badText, (before, after) => {
        const meta = extractMetadata(`${before}\n\nA rocket hit Baghdad airport in Iraq.\n\n${after}`)
        expect(meta.country).toContain('IQ')
        expect(meta.location).toEqual(expect.arrayContaining(['Baghdad', 'Iraq']))
      }),
      { numRuns: 200 },
    )
  })

  it('handles a 10 MB article in bounded time', () => {
    const paragraph = 'BAGHDAD, June 23 (Reuters) - A rocket landed near Baghdad airport, AP reported. The U.S. blamed Iran. '
    const big = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))
    const started = performance.now()
    const meta = extractMetadata(big)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(meta.country[0]).toBe('IQ')
  })

  it('takes time linear in length on pathological text', () => {
    for (const unit of ['New ', 'A ', 'Aaaa, ', 'St. ', '(', 'U.S.-', 'June 23, ', '\n-', 'Jordan Jordan ']) {
      const text = unit.repeat(Math.ceil(2_000_000 / unit.length))
      const started = performance.now()
      expectWellFormed(extractMetadata(text))
      expect(performance.now() - started).toBeLessThan(3000)
    }
  })
})

describe('normalizeDate properties', () => {
  const validDate = fc
    .record({ y: fc.integer({ min: 1800, max: 2200 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .filter(({ y, m, d }) => formatDate(y, m, d) !== null)
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

  it('reads every written form of a date to the same ISO date', () => {
    fc.assert(
      fc.property(validDate, ({ y, m, d }) => {
        const iso = formatDate(y, m, d)
        const month = MONTHS[m - 1] as string
        const p2 = (n: number): string => String(n).padStart(2, '0')
        for (const form of [
          iso as string, `${iso}T10:00:00Z`, `${month} ${d}, ${y}`, `${d} ${month} ${y}`, `${month.slice(0, 3)} ${d} ${y}`,
          `${d}-${month.slice(0, 3).toUpperCase()}-${y} 15:01:01.79`, `${y}/${p2(m)}/${p2(d)}`, `${p2(d)}.${p2(m)}.${y}`,
        ]) {
          expect(normalizeDate(form)).toBe(iso)
        }
      }),
    )
  })

  it('returns null or a valid ISO date that normalizes to itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const d = normalizeDate(value)
        if (d !== null) {
          expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          expect(normalizeDate(d)).toBe(d)
        }
      }),
    )
  })
})

describe('canonicalSource properties', () => {
  it('never throws and maps canonical names to themselves', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const c = canonicalSource(name)
        if (c !== null) expect(canonicalSource(c)).toBe(c)
      }),
    )
  })
})
