/** A small generated corpus (deterministic) that the search, load and CLI campaigns index. */
import { NewsIndex } from '../../src/indexer.js'
import type { Article } from '../../src/types.js'
import { WORDS } from './text.js'

const SOURCES = ['AP', 'Reuters', 'AFP', 'BBC']
const PLACES: [string, string][] = [['Baghdad', 'IQ'], ['London', 'GB'], ['Paris', 'FR'], ['Austin', 'US'], ['Tehran', 'IR']]

/** `count` articles made of the shared word list, with dates, sources, places, urls and meta. */
export function corpus(count = 40): Article[] {
  let state = 12345
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
  }
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[next(WORDS.length)]!).join(' ')
  return Array.from({ length: count }, (_, i) => {
    const [place, country] = PLACES[next(PLACES.length)]!
    const article: Article = {
      id: `doc-${i}`,
      title: `${words(4)} ${place}`,
      body: `${words(30)}.\n\n${words(20)} ${place}, ${words(10)}.`,
      date: i % 7 === 0 ? null : `20${10 + next(12)}-0${1 + next(9)}-1${next(9)}`,
      source: [SOURCES[next(SOURCES.length)]!],
      location: [place],
      country: [country],
    }
    if (i % 3 === 0) article.url = `https://example.com/${i}`
    if (i % 5 === 0) article.meta = { author: words(2) }
    return article
  })
}

/** A built index of `corpus(count)`. */
export function smallIndex(count = 40): NewsIndex {
  const index = new NewsIndex()
  index.addAll(corpus(count))
  return index
}
