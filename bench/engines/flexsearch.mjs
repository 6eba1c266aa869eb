// FlexSearch 0.8 Document: fields title + body with tokenize 'forward' (needed for prefix search;
// it indexes every prefix of every word, so it costs index size), default encoder (Unicode
// normalisation + lower case), title + date stored.
import { Document } from 'flexsearch'

const CONFIG = {
  document: {
    id: 'id',
    index: [
      { field: 'title', tokenize: 'forward' },
      { field: 'body', tokenize: 'forward' },
    ],
    store: ['title', 'date'],
  },
}
const SEARCH = { limit: 10, merge: true, enrich: true, suggest: false }

export default {
  name: 'flexsearch',
  notes: {
    single: "search(w) (tokenize 'forward': words are also prefix-matched)",
    and: 'suggest:false: all terms in the SAME field (per-field AND, fields merged)',
    prefix: "search(pre) (tokenize 'forward')",
    fuzzy: 'no edit-distance search: the misspelling is searched as is',
    phrase: 'n/a',
    filtered: 'n/a (tags are exact values, no ranges)',
    load: 'new Document(config) + import(key, data) for every exported key',
    stored: "title, date (store); tokenize 'forward'; no field boost",
  },
  supports: { single: true, and: true, prefix: true, fuzzy: 'approx', phrase: false, filtered: false },

  build(articles) {
    const doc = new Document(CONFIG)
    for (const a of articles) doc.add({ id: a.id, title: a.title, body: a.body, date: a.date })
    return doc
  },

  /**
   * Every exported key and its data ([key, data, key, data, …]; measured as "key\ndata\n…", the data
   * being one-line JSON). Kept as a list: for large corpora the whole export exceeds the longest
   * string V8 allows.
   */
  artifacts(doc) {
    const chunks = []
    const done = doc.export((key, data) => {
      chunks.push(key, data)
    })
    if (done && typeof done.then === 'function') throw new Error('FlexSearch export unexpectedly went async')
    return [{ name: 'export() all keys', data: chunks, loadable: true, primary: true }]
  },

  load(chunks) {
    const doc = new Document(CONFIG)
    for (let i = 0; i < chunks.length; i += 2) doc.import(chunks[i], chunks[i + 1])
    return doc
  },

  query(doc, q) {
    switch (q.kind) {
      case 'single':
      case 'prefix':
      case 'fuzzy':
        return doc.search(q.text, SEARCH).slice(0, 10).map((r) => r.id)
      case 'and':
        return doc.search(q.terms.join(' '), SEARCH).slice(0, 10).map((r) => r.id)
      default:
        throw new Error(`unsupported query kind ${q.kind}`)
    }
  },
}
