import { afterEach, describe, expect, it, vi } from 'vitest'
import { FRONT_MATTER_LIMITS } from '../../src/article/front-matter.js'
import { parseArticle } from '../../src/build.js'
import { expectNewsdexError } from '../helpers.js'

// The limits are asserted on counts (levels, aliases, keys, characters), never on time.

const markdown = (yaml: string): string => `---\ntitle: T\n${yaml}\n---\nBody.\n`
const parse = (yaml: string) => parseArticle(markdown(yaml), { path: 'notes/a.md' })
/** A flow sequence nested `levels` deep under the key `a` (the top-level mapping is level 1). */
const nested = (levels: number, tag = ''): string => `a: ${`${tag}[`.repeat(levels - 1)}${']'.repeat(levels - 1)}`

describe('YAML front matter limits', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it(`reads front matter nested ${FRONT_MATTER_LIMITS.depth} levels deep and rejects one more, naming the file`, () => {
    expect(parse(nested(FRONT_MATTER_LIMITS.depth)).meta?.a).toBe('['.repeat(FRONT_MATTER_LIMITS.depth - 1) + ']'.repeat(FRONT_MATTER_LIMITS.depth - 1))
    const error = expectNewsdexError(() => parse(nested(FRONT_MATTER_LIMITS.depth + 1)), 'E_PARSE', 'notes/a.md: invalid front matter: nested deeper than 16 levels')
    expect(error.path).toBe('notes/a.md')
  })

  it('rejects tags with 40 levels of nesting, in flow and in block style', () => {
    expectNewsdexError(() => parse(nested(40, '!t ')), 'E_PARSE', 'nested deeper than 16 levels')
    const block = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k: !t`).join('\n')
    expectNewsdexError(() => parse(`${block} 1`), 'E_PARSE', 'nested deeper than 16 levels')
  })

  it(`reads ${FRONT_MATTER_LIMITS.aliases} aliases and rejects one more`, () => {
    const aliases = (n: number): string => `x: &x 1\ny: [${Array(n).fill('*x').join(', ')}]`
    expect(parse(aliases(FRONT_MATTER_LIMITS.aliases)).meta!.y!.split(', ')).toHaveLength(FRONT_MATTER_LIMITS.aliases)
    expectNewsdexError(() => parse(aliases(FRONT_MATTER_LIMITS.aliases + 1)), 'E_PARSE', 'more than 64 aliases')
  })

  it('rejects aliases that expand too far (a billion laughs)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (const name of 'bcde') levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`)
    expectNewsdexError(() => parse(levels.join('\n')), 'E_PARSE', 'notes/a.md: invalid front matter')
  })

  it(`rejects front matter longer than ${FRONT_MATTER_LIMITS.length} characters, saying how long it is`, () => {
    expectNewsdexError(() => parse(`x: ${'a'.repeat(FRONT_MATTER_LIMITS.length)}`), 'E_PARSE', `characters long, more than ${FRONT_MATTER_LIMITS.length}`)
  })

  it('checks 5,000 keys for duplicates one by one (the yaml package compares every pair)', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `k${i}: v`)
    expect(parse(`m: {${keys.join(', ')}}`).meta!.m!.match(/"k\d+"/g)).toHaveLength(5_000)
    expectNewsdexError(() => parse(`${keys.join('\n')}\nk0: w`), 'E_PARSE', 'the key "k0" appears twice')
  })

  it('locates YAML errors by file line', () => {
    expectNewsdexError(() => parse('x: [unclosed'), 'E_PARSE', 'at line 3, column 13')
  })

  it('prints no warning for unknown tags, and reads YAML 1.1 tags as plain values', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    expect(parse('a: !unknown x\nb: !!binary aGVsbG8=').meta).toEqual({ a: 'x', b: 'aGVsbG8=' })
    expect(warn).not.toHaveBeenCalled()
  })
})
