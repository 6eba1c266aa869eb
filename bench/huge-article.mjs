// A huge article in a search: one article of 4 MB (then 50 MB) of generated sentences and a short
// one, both holding "zeppelin"; the index built in memory, and loaded from its serialize() bytes.
// Each is searched 201 times with the default highlighting and 201 times with `highlight: false`,
// alternating the query between "zeppelin" and "zeppelins": the first search of each is cold, the
// median of the other 200 is the warm time, and the ratio is of the warm medians.
// Usage (after `npm run build`): node bench/huge-article.mjs [--sizes 4,50]
import { parseArgs } from 'node:util'
import { NewsIndex } from '../dist/indexer.js'

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '4,50' } } })
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november', 'oscar', 'papa']

/** About `size` characters: "zeppelin" in the first sentence and the last, sentences of 12 words between. */
function body(size) {
  const sentences = ['The zeppelin flew over the capital.']
  let seed = 7
  for (let length = 0; length < size; ) {
    const words = Array.from({ length: 12 }, () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length])
    const sentence = `${words.join(' ')}.`
    sentences.push(sentence[0].toUpperCase() + sentence.slice(1))
    length += sentence.length + 1
  }
  sentences.push('At last the zeppelin landed.')
  return sentences.join(' ')
}

const article = (id, title, text) => ({ id, title, body: text, date: null, source: [], location: [], country: [] })
for (const megabytes of values.sizes.split(',').map(Number)) {
  const built = new NewsIndex()
  built.addAll([article('huge', 'A long day', body(megabytes * 1e6)), article('short', 'Zeppelin', 'A zeppelin was seen.')])
  const loaded = NewsIndex.load(built.serialize())
  console.log(`${megabytes} MB article`)
  for (const [name, index] of [['built in memory', built], ['loaded', loaded]]) {
    const warm = {}
    for (const highlight of [true, false]) {
      const times = []
      for (let i = 0; i < 201; i++) {
        const t = performance.now()
        const response = index.search(i % 2 ? 'zeppelins' : 'zeppelin', highlight ? {} : { highlight: false })
        for (const hit of response.hits) hit.highlight?.snippets.join('')
        times.push(performance.now() - t)
      }
      warm[highlight] = times.slice(1).sort((a, b) => a - b)[100]
      console.log(`  ${name}, ${highlight ? 'highlighted (default)' : 'highlight: false'}: first ${times[0].toFixed(2)} ms, then median ${warm[highlight].toFixed(3)} ms, slowest ${Math.max(...times.slice(1)).toFixed(2)} ms`)
    }
    console.log(`  ${name}: highlighted ÷ highlight: false (medians) = ${(warm.true / warm.false).toFixed(1)}×`)
  }
}
