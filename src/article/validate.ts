import { NewsdexError, type NewsdexErrorCode } from '../errors.js'
import type { Article } from '../types.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Checks that `value` is an `Article` and returns a clean copy holding only the known fields. Its
 * `keywords` hold each of the index's custom `keywordFields` (when there are any): the list given,
 * else the `meta` value of that name as one value, else none.
 * Throws a `NewsdexError` with `code`, naming the article and the bad field.
 */
export function validateArticle(value: unknown, code: NewsdexErrorCode = 'E_INVALID_ARGUMENT', keywordFields: readonly string[] = []): Article {
  const fail = (message: string): never => {
    throw new NewsdexError(code, message)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an article must be an object')
  const a = value as Record<string, unknown>
  if (typeof a.id !== 'string' || a.id === '') return fail('an article needs a non-empty string id')
  const where = `article '${a.id}'`
  const text = (field: string): string => {
    const v = a[field]
    return v === undefined ? '' : typeof v === 'string' ? v : fail(`${where}: ${field} must be a string`)
  }
  const list = (field: string): string[] => {
    const v = a[field]
    if (v === undefined) return []
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return fail(`${where}: ${field} must be an array of strings`)
    return [...v]
  }
  const date = a.date ?? null
  if (date !== null && (typeof date !== 'string' || !ISO_DATE.test(date))) fail(`${where}: date must be 'YYYY-MM-DD' or null, got ${JSON.stringify(date)}`)
  const article: Article = {
    id: a.id,
    title: text('title'),
    body: text('body'),
    date: date as string | null,
    source: list('source'),
    location: list('location'),
    country: list('country'),
  }
  if (a.url !== undefined) article.url = text('url')
  if (a.meta !== undefined) {
    const meta = a.meta
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta) || !Object.values(meta).every((v) => typeof v === 'string')) {
      fail(`${where}: meta must be an object of strings`)
    }
    article.meta = Object.fromEntries(Object.entries(meta as Record<string, string>))
  }
  const keywords = a.keywords
  if (keywords !== undefined && (typeof keywords !== 'object' || keywords === null || Array.isArray(keywords))) fail(`${where}: keywords must be an object of string lists`)
  if (keywordFields.length > 0) {
    article.keywords = {}
    for (const field of keywordFields) {
      const given = keywords && Object.hasOwn(keywords, field) ? (keywords as Record<string, unknown>)[field] : undefined
      const fromMeta = article.meta && Object.hasOwn(article.meta, field) ? article.meta[field]!.trim() : ''
      if (given !== undefined && !(Array.isArray(given) && given.every((v) => typeof v === 'string'))) fail(`${where}: keywords.${field} must be an array of strings`)
      article.keywords[field] = given !== undefined ? [...(given as string[])] : fromMeta ? [fromMeta] : []
    }
  }
  return article
}

/** Whether `name` can name a custom keyword field: a letter then letters, digits or `_`, and no member every object has (`constructor`). */
export function isKeywordFieldName(name: unknown): boolean {
  return typeof name === 'string' && /^[A-Za-z]\w*$/.test(name) && !(name in Object.prototype)
}
