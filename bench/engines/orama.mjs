// Orama 3: schema id, title, body (string, searched), date (number YYYYMMDD, for `where` ranges);
// title boosted ×2; default tokenizer (English splitting, no stemming, no stop words). Orama keeps the
// inserted document in its store, so a documents-store component keeps only id, title and date
// (like for like: the body is indexed, not stored).
import { components, create, insertMultiple, load, save, search } from '@orama/orama'

const SCHEMA = { id: 'string', title: 'string', body: 'string', date: 'number' }
const base = components.documentsStore.createDocumentsStore()
const documentsStore = {
  ...base,
  store: (store, id, internalId, doc) => base.store(store, id, internalId, { id: doc.id, title: doc.title, date: doc.date }),
}
const makeDb = () => create({ schema: SCHEMA, components: { documentsStore } })
const asNumber = (iso) => (iso ? Number(iso.replaceAll('-', '')) : 0)
const BASE = { properties: ['title', 'body'], boost: { title: 2 }, limit: 10 }

function run(db, params) {
  const result = search(db, params)
  if (result && typeof result.then === 'function') throw new Error('Orama search unexpectedly went async')
  return result.hits.map((h) => h.id)
}

export default {
  name: 'orama',
  notes: {
    single: 'term: w (Orama prefix-matches words unless exact:true, which adds a case-sensitive post-filter)',
    and: 'threshold:0: all terms in the SAME field',
    prefix: 'term: pre (default matching is by prefix)',
    fuzzy: 'tolerance: 1 (2 from 8 letters)',
    phrase: 'n/a',
    filtered: 'where:{date:{between:[from,to]}} (number field)',
    load: 'JSON.parse + create() + load()',
    stored: 'id, title, date (custom documentsStore); date also indexed as a number',
  },
  supports: { single: true, and: true, prefix: true, fuzzy: true, phrase: false, filtered: true },

  build(articles) {
    const db = makeDb()
    const done = insertMultiple(
      db,
      articles.map((a) => ({ id: a.id, title: a.title, body: a.body, date: asNumber(a.date) })),
    )
    if (done && typeof done.then === 'function') throw new Error('Orama insert unexpectedly went async')
    return db
  },

  artifacts(db) {
    return [{ name: 'JSON.stringify(save())', data: JSON.stringify(save(db)), loadable: true, primary: true }]
  },

  load(data) {
    const db = makeDb()
    load(db, JSON.parse(data))
    return db
  },

  query(db, q) {
    switch (q.kind) {
      case 'single':
      case 'prefix':
        return run(db, { ...BASE, term: q.text })
      case 'and':
        return run(db, { ...BASE, term: q.terms.join(' '), threshold: 0 })
      case 'fuzzy':
        return run(db, { ...BASE, term: q.text, tolerance: q.distance })
      case 'filtered':
        return run(db, { ...BASE, term: q.terms[0], where: { date: { between: [asNumber(q.from), asNumber(q.to)] } } })
      default:
        throw new Error(`unsupported query kind ${q.kind}`)
    }
  },
}
