// Lunr 2.3: fields title (boost 2) + body. Its stemmer and stop-word filter are removed from both
// pipelines so that it indexes the same words as the other engines (none of them stems or drops
// stop words by default here). Lunr stores no documents: title + date live in a side table that is
// serialized with the index (like for like).
import lunr from 'lunr'

export default {
  name: 'lunr',
  notes: {
    single: 'search("w")',
    and: "'+a +b' (required terms, any field)",
    prefix: "'pre*' (trailing wildcard)",
    fuzzy: "'w~1' (~2 from 8 letters)",
    phrase: 'n/a',
    filtered: 'n/a',
    load: 'JSON.parse + lunr.Index.load (+ the side table)',
    stored: 'title, date in a side table serialized with the index; no stemmer, no stop words',
  },
  supports: { single: true, and: true, prefix: true, fuzzy: true, phrase: false, filtered: false },

  build(articles) {
    const index = lunr(function () {
      this.pipeline.remove(lunr.stemmer)
      this.pipeline.remove(lunr.stopWordFilter)
      this.searchPipeline.remove(lunr.stemmer)
      this.ref('id')
      this.field('title', { boost: 2 })
      this.field('body')
      for (const a of articles) this.add({ id: a.id, title: a.title, body: a.body })
    })
    const store = {}
    for (const a of articles) store[a.id] = { title: a.title, date: a.date }
    return { index, store }
  },

  artifacts({ index, store }) {
    return [{ name: 'JSON {index, store}', data: JSON.stringify({ index, store }), loadable: true, primary: true }]
  },

  load(data) {
    const { index, store } = JSON.parse(data)
    return { index: lunr.Index.load(index), store }
  },

  query({ index, store }, q) {
    let text
    switch (q.kind) {
      case 'single':
        text = q.text
        break
      case 'and':
        text = q.terms.map((t) => `+${t}`).join(' ')
        break
      case 'prefix':
        text = `${q.text}*`
        break
      case 'fuzzy':
        text = `${q.text}~${q.distance}`
        break
      default:
        throw new Error(`unsupported query kind ${q.kind}`)
    }
    // Like the engines that return stored fields, look up the display fields of the top 10.
    return index
      .search(text)
      .slice(0, 10)
      .map((r) => ({ id: r.ref, doc: store[r.ref] }))
      .map((hit) => hit.id)
  },
}
