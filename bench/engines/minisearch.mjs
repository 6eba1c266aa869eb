// MiniSearch 7.2 (the baseline of every target): fields title + body, title boosted ×2, default
// tokenizer (splits on space and punctuation, lower-cases), title + date stored for display.
import MiniSearch from 'minisearch'

const OPTIONS = {
  fields: ['title', 'body'],
  idField: 'id',
  storeFields: ['title', 'date'],
  searchOptions: { boost: { title: 2 } },
}

/**
 * The toJSON() of the same index built with storeFields ['title', 'date', 'body']: the index part is
 * identical (storeFields only copies fields into storedFields), so the body is added to each stored
 * document instead of building the index twice. bench/check.mjs verifies that this equals a real build.
 */
export function withStoredBody(json, articles) {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const storedFields = {}
  for (const [shortId, fields] of Object.entries(json.storedFields)) {
    const id = json.documentIds[shortId]
    storedFields[shortId] = { ...fields, body: byId.get(id).body }
  }
  return { ...json, storedFields }
}

export default {
  name: 'minisearch',
  notes: {
    single: 'search(w)',
    and: "combineWith:'AND' (terms may be in different fields)",
    prefix: 'prefix:true',
    fuzzy: 'fuzzy: 1 edit (2 from 8 letters), absolute',
    phrase: 'n/a',
    filtered: 'filter: callback on the stored date',
    load: 'MiniSearch.loadJSON(string, options)',
    stored: 'title, date (storeFields); variant +body for the all-in-one comparison',
  },
  supports: { single: true, and: true, prefix: true, fuzzy: true, phrase: false, filtered: true },

  build(articles) {
    const ms = new MiniSearch(OPTIONS)
    ms.addAll(articles)
    return ms
  },

  artifacts(ms, articles) {
    const json = ms.toJSON()
    return [
      { name: 'toJSON() title+date stored', data: JSON.stringify(json), loadable: true, primary: true },
      { name: 'toJSON() title+date+body stored', variant: 'body', data: JSON.stringify(withStoredBody(json, articles)) },
    ]
  },

  load(data) {
    return MiniSearch.loadJSON(data, OPTIONS)
  },

  query(ms, q) {
    let results
    switch (q.kind) {
      case 'single':
        results = ms.search(q.text)
        break
      case 'and':
        results = ms.search(q.terms.join(' '), { combineWith: 'AND' })
        break
      case 'prefix':
        results = ms.search(q.text, { prefix: true })
        break
      case 'fuzzy':
        results = ms.search(q.text, { fuzzy: q.distance })
        break
      case 'filtered':
        results = ms.search(q.terms[0], { filter: (r) => r.date !== null && r.date >= q.from && r.date <= q.to })
        break
      default:
        throw new Error(`unsupported query kind ${q.kind}`)
    }
    return results.slice(0, 10).map((r) => r.id)
  },
}
