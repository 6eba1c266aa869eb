// newsdex, from the built library: run `npm run build` first. The index is built with the indexer
// entry (dist/indexer.js) and loaded with the runtime entry (dist/index.js), as a site would.
import { NewsIndex } from '../../dist/index.js'
import { NewsIndex as WritableNewsIndex } from '../../dist/indexer.js'

const BASE = { limit: 10, highlight: false }

export default {
  name: 'newsdex',
  notes: {
    single: 'prefix:false, fuzzy:false',
    and: "'a b' (match:'all' is the default: AND over title+body)",
    prefix: 'prefix:true, fuzzy:false',
    fuzzy: 'fuzzy:true (1 edit from 4 letters, 2 from 8), prefix:false',
    phrase: '"a b" (positional check)',
    filtered: 'filter:{date:{from,to}}',
    load: 'NewsIndex.load(Uint8Array)',
    stored: 'everything: title, body, date, source, location, country (all-in-one serialize())',
  },
  supports: { single: true, and: true, prefix: true, fuzzy: true, phrase: true, filtered: true },

  build(articles) {
    const index = new WritableNewsIndex()
    index.addAll(articles)
    return index
  },

  /** serialize() (all-in-one), and each serializeParts() part when the engine has that method. */
  artifacts(index) {
    const out = [{ name: 'serialize()', data: index.serialize(), loadable: true, primary: true }]
    if (typeof index.serializeParts === 'function') {
      for (const [part, data] of Object.entries(index.serializeParts())) {
        out.push({ name: `serializeParts().${part}`, part, data, loadable: part === 'search' })
      }
    }
    return out
  },

  load(data) {
    return NewsIndex.load(data)
  },

  query(index, q) {
    let options
    switch (q.kind) {
      case 'single':
      case 'and':
      case 'phrase':
        options = { ...BASE, prefix: false, fuzzy: false }
        return index.search(q.kind === 'phrase' ? q.text : q.terms.join(' '), options).hits.map((h) => h.id)
      case 'prefix':
        return index.search(q.text, { ...BASE, prefix: true, fuzzy: false }).hits.map((h) => h.id)
      case 'fuzzy':
        return index.search(q.text, { ...BASE, prefix: false, fuzzy: true }).hits.map((h) => h.id)
      case 'filtered':
        return index
          .search(q.terms[0], { ...BASE, prefix: false, fuzzy: false, filter: { date: { from: q.from, to: q.to } } })
          .hits.map((h) => h.id)
    }
    throw new Error(`unknown query kind ${q.kind}`)
  },
}
