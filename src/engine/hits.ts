import { highlightArticle, snippetOptions } from '../highlight/highlight.js'
import type { Hit, HighlightOptions, StoredArticle, TextField } from '../types.js'
import { TEXT_FIELDS } from './evaluate-clause.js'
import type { Ranking } from './rank.js'
import { findDoc } from './store/postings.js'
import { VALUE_FIELDS, type Store, type ValueField } from './store/store.js'

/**
 * Most characters of a body that highlighting reads: snippets come from them, so a match past them
 * is not shown, and a huge article costs no more than a long one.
 */
export const MAX_HIGHLIGHT_CHARS = 100_000

/** The stored display fields of a document (title `''` while its display part is not loaded). */
export function storedArticle(store: Store, doc: number): StoredArticle {
  const { title = '', url, meta } = store.displayOf(doc) ?? {}
  // Its source, location and country are set next, in that order, by the loop over the value fields.
  const article = { id: store.idOf(doc), title, date: store.dateOf(doc) } as StoredArticle
  // The built-in value fields, then the custom keyword fields.
  store.valueFields.forEach((field, i) => {
    const values = store.values(field)
    const list = store.valueNumbers(field, doc).map((v) => values[v]!)
    if (i < VALUE_FIELDS.length) article[field as ValueField] = list
    else (article.keywords ??= {})[field] = list
  })
  if (url !== undefined) article.url = url
  if (meta) article.meta = { ...meta }
  return article
}

/**
 * The hits of a ranked page: each document's stored fields, score, the query terms it matched with
 * their fields, and (unless `highlight` is `false`) its highlighted title and snippets, when its
 * body is at hand.
 */
export function pageHits(store: Store, ranking: Ranking, highlight: HighlightOptions | false | undefined): Hit[] {
  const snippets = highlight === false ? null : snippetOptions(highlight)
  // The terms matched outside phrases: a document's own tokens hold only those it matched.
  const loose = new Set(ranking.matches.filter((m) => !m.phrase).map((m) => m.term))
  const codes = snippets ? store.text.codesOf(loose) : undefined
  const spec = { isMatch: (term: string) => loose.has(term), phrases: ranking.phrases, codes, onlyCode: codes && loose.size === 1 ? store.text.codeOf([...loose][0]!) : undefined }
  return ranking.page.map((doc): Hit => {
    const fields = new Map<string, Set<TextField>>()
    for (const { term, entry } of ranking.matches) {
      const postings = store.postings(entry)
      const at = findDoc(postings.docs, doc)
      if (at < 0) continue
      const own = fields.get(term) ?? fields.set(term, new Set()).get(term)!
      if (postings.title[at]) own.add('title')
      if (postings.body[at]) own.add('body')
    }
    const article = storedArticle(store, doc)
    const hit: Hit = {
      id: article.id,
      score: ranking.scores.get(doc)!,
      article,
      matches: [...fields].map(([term, found]) => ({ term, fields: TEXT_FIELDS.filter((field) => found.has(field)) })),
    }
    const body = snippets && store.displayOf(doc) ? store.text.bodyTokens(doc, MAX_HIGHLIGHT_CHARS) : undefined
    if (snippets && body) {
      hit.highlight = highlightArticle(article.title, body, spec, store.analyzer, snippets)
    }
    return hit
  })
}
