import { describe, expect, it } from 'vitest'
import { parseArticle } from '../../src/build.js'
import { monthNumber } from '../../src/extract/date.js'
import { foldWord, nameKey } from '../../src/extract/text.js'

// Names read from outside input (entities, front matter and JSON keys, words) are never looked up as
// keys of a plain object: `Object.prototype` keys such as `constructor` are ordinary names.

const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__']

describe('names that are Object.prototype keys', () => {
  it('keeps entities named like them as written', () => {
    const article = parseArticle('---\ntitle: T\n---\nBefore &constructor; after\n', { path: 'a.md' })
    expect(article.body).toBe('Before &constructor; after')
    for (const name of PROTOTYPE_KEYS.filter((key) => !key.startsWith('_'))) {
      expect(parseArticle(`---\ntitle: T\n---\nx &${name}; y &amp; z\n`, { path: 'a.md' }).body).toBe(`x &${name}; y & z`)
    }
  })

  it('keeps front matter and JSON fields named like them as meta fields, without touching any prototype', () => {
    const yaml = PROTOTYPE_KEYS.map((key) => `${key}: v`).join('\n')
    const fromYaml = parseArticle(`---\ntitle: T\n${yaml}\n---\nBody.\n`, { path: 'a.md' })
    const json = JSON.stringify({ title: 'T', body: 'Body.' }).replace(/}$/, ',"__proto__":{"polluted":"yes"},"constructor":"c"}')
    const fromJson = parseArticle(json, { path: 'a.json' })
    expect(Object.keys(fromYaml.meta!)).toEqual(PROTOTYPE_KEYS)
    expect(Object.getPrototypeOf(fromYaml.meta)).toBe(Object.prototype)
    expect(fromJson.meta).toEqual(JSON.parse('{"__proto__":"{\\"polluted\\":\\"yes\\"}","constructor":"c"}'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('folds words named like them to themselves, and reads no month in them', () => {
    expect(PROTOTYPE_KEYS.map((key) => foldWord(key))).toEqual(PROTOTYPE_KEYS.map((key) => key.toLowerCase()))
    expect(nameKey('Constructor Street')).toBe('constructor street')
    expect(PROTOTYPE_KEYS.map(monthNumber)).toEqual(PROTOTYPE_KEYS.map(() => null))
  })
})
