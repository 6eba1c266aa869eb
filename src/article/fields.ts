import { normalizeDate } from '../extract/date.js'
import { canonicalSource } from '../extract/sources.js'

/** Metadata given explicitly (front matter or JSON), already normalized. Absent fields are `undefined`. */
export interface ExplicitFields {
  id?: string
  title?: string
  body?: string
  date?: string
  source?: string[]
  location?: string[]
  country?: string[]
  url?: string
  /** The values of the custom keyword fields asked for, by field (none for a field the record lacks). */
  keywords: Record<string, string[]>
  meta: Record<string, string>
}

/**
 * Accepted spellings of each known field, first match wins. `description` and `summary` come last for
 * the body: a record with no body text (a feed item, a teaser) is indexed by its description; when
 * there is a body, they stay in `meta`.
 */
/** An article field that a field mapping can name. */
export type MappableField = 'id' | 'title' | 'body' | 'date' | 'source' | 'location' | 'country' | 'url'

const ALIASES: Readonly<Record<MappableField, readonly string[]>> = {
  id: ['id', 'slug', 'guid'],
  title: ['title', 'headline'],
  body: ['body', 'text', 'content', 'article', 'description', 'summary'],
  date: ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished'],
  source: ['source', 'sources', 'agency', 'agencies'],
  location: ['location', 'locations', 'place', 'places'],
  country: ['country', 'countries'],
  url: ['url', 'link', 'permalink'],
}

/** The article fields a field mapping can name (see `FieldMap`). */
export const MAPPABLE_FIELDS: readonly MappableField[] = Object.keys(ALIASES) as MappableField[]

/**
 * Article field → the input key (or keys, first present wins) that holds it. A mapped field is read
 * from its keys only, not from its usual spellings.
 */
export type FieldMap = Partial<Record<MappableField, string | readonly string[]>>

/** Checks a field mapping, throwing an `Error` naming an unknown field or an empty key. */
export function checkFieldMap(map: unknown): FieldMap {
  if (map === undefined) return {}
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new Error('fields must be an object such as { title: \'headline\' }')
  for (const [field, keys] of Object.entries(map)) {
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) {
      throw new Error(`fields: unknown article field '${field}' (one of ${MAPPABLE_FIELDS.join(', ')})`)
    }
    const list: unknown[] = Array.isArray(keys) ? keys : [keys]
    if (list.length === 0 || list.some((key) => typeof key !== 'string' || key === '')) {
      throw new Error(`fields.${field} must be an input key or a list of them, got ${JSON.stringify(keys)}`)
    }
  }
  return map as FieldMap
}

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString()
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  // A list of plain values (tags, keywords) reads as text: 'economy, trade'.
  if (Array.isArray(value) && value.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))) {
    return value.filter((item) => item !== null && String(item).trim() !== '').map((item) => String(item).trim()).join(', ')
  }
  return JSON.stringify(value)
}

/** The values of a custom keyword field: a string (not split), a number, or a list of them. */
function asKeywords(value: unknown, field: string): string[] {
  const items: unknown[] = Array.isArray(value) ? value : [value]
  return items.map((item) => {
    if (!['string', 'number', 'boolean'].includes(typeof item)) throw new Error(`${field} must be a string or a list of strings`)
    return String(item).trim()
  }).filter(Boolean)
}

function asList(value: unknown, field: string): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : [value]
  return items.map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number') throw new Error(`${field} must be a string or a list of strings`)
    return String(item).trim()
  }).filter(Boolean)
}

/**
 * Reads the known article fields out of a front-matter or JSON record, normalizing dates, country
 * codes and source names ('Associated Press' → 'AP'), and the custom `keywordFields` (their keys as
 * named; a string is one value, a list several); every other field is kept in `meta` as a string
 * (a list of plain values joined with ', '). `map` names the input keys of some fields (see `FieldMap`).
 * Throws an `Error` naming the bad value.
 */
export function explicitFields(record: Record<string, unknown>, map: FieldMap = {}, keywordFields: readonly string[] = []): ExplicitFields {
  const fields: ExplicitFields = { keywords: {}, meta: {} }
  const used = new Set<string>()
  for (const field of keywordFields) {
    if (!Object.hasOwn(record, field) || record[field] === null || record[field] === undefined) continue
    used.add(field)
    fields.keywords[field] = asKeywords(record[field], field)
  }
  const take = (known: MappableField): unknown => {
    const mapped = map[known]
    const keys = mapped === undefined ? ALIASES[known] : typeof mapped === 'string' ? [mapped] : mapped
    for (const key of keys) {
      if (Object.hasOwn(record, key) && record[key] !== null && record[key] !== undefined) {
        used.add(key)
        return record[key]
      }
    }
    return undefined
  }
  const id = asText(take('id'))
  if (id !== undefined && id.trim() !== '') fields.id = id.trim()
  const title = asText(take('title'))
  if (title !== undefined) fields.title = title.trim()
  const body = take('body')
  if (body !== undefined) {
    if (typeof body !== 'string') throw new Error('body must be a string')
    fields.body = body
  }
  const rawDate = take('date')
  if (rawDate !== undefined) {
    const text = asText(rawDate) ?? ''
    const date = normalizeDate(text)
    if (date === null) throw new Error(`date ${JSON.stringify(text)} is not a recognizable date`)
    fields.date = date
  }
  const source = take('source')
  if (source !== undefined) fields.source = [...new Set(asList(source, 'source').map((name) => canonicalSource(name) ?? name))]
  const location = take('location')
  if (location !== undefined) fields.location = asList(location, 'location')
  const country = take('country')
  if (country !== undefined) {
    fields.country = asList(country, 'country').map((code) => {
      if (!/^[A-Za-z]{2}$/.test(code)) throw new Error(`country ${JSON.stringify(code)} is not an ISO 3166-1 alpha-2 code`)
      return code.toUpperCase()
    })
  }
  const url = asText(take('url'))
  if (url !== undefined) fields.url = url
  // Built from entries, so that a key such as `__proto__` is kept as a field like any other.
  fields.meta = Object.fromEntries(
    Object.entries(record)
      .filter(([key, value]) => !used.has(key) && value !== null && value !== undefined)
      .map(([key, value]) => [key, asText(value) ?? '']),
  )
  return fields
}
