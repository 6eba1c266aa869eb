/**
 * The markup tokenizer and tree (src/article/markup.ts, markup-tree.ts) and character references
 * (entities.ts): what built pages and feeds need, leniently, and linear on hostile input.
 */
import { describe, expect, it } from 'vitest'
import { decodeEntities } from '../../src/article/entities.js'
import { tokenizeMarkup, type MarkupToken } from '../../src/article/markup.js'
import { findElements, parseMarkupTree, textContent } from '../../src/article/markup-tree.js'

const tokens = (text: string, html = true): MarkupToken[] => [...tokenizeMarkup(text, html)]
const opened = (text: string): { name: string; attributes: Record<string, string> }[] =>
  tokens(text).flatMap((t) => (t.kind === 'open' ? [{ name: t.name, attributes: Object.fromEntries(t.attributes) }] : []))

describe('decodeEntities()', () => {
  it('decodes numeric and named references, leaving unknown ones as written', () => {
    expect(decodeEntities('AT&amp;T &#39;s &#x2019; &eacute;t&Eacute; 10&nbsp;km &mdash; &AMP;')).toBe("AT&T 's ’ étÉ 10\u00a0km — &")
    expect(decodeEntities('&bogus; &#0; &#x110000; & amp; &')).toBe('&bogus; &#0; &#x110000; & amp; &')
    expect(decodeEntities('&frac12; &sup2; &yuml; &iexcl;')).toBe('½ ² ÿ ¡')
  })
})

describe('tokenizeMarkup()', () => {
  it('reads tags, attributes (quoted, bare, bare names) and text with references decoded', () => {
    expect(opened('<A HREF="/x?a=1&amp;b=2" data-x=\'y z\' hidden class=c>')).toEqual([
      { name: 'a', attributes: { href: '/x?a=1&b=2', 'data-x': 'y z', hidden: '', class: 'c' } },
    ])
    expect(tokens('<p>a &lt; b</p>')).toEqual([
      { kind: 'open', name: 'p', attributes: new Map(), selfClosing: false },
      { kind: 'text', text: 'a < b' },
      { kind: 'close', name: 'p' },
    ])
    expect(tokens('<br/><img src=x />')).toMatchObject([{ name: 'br', selfClosing: true }, { name: 'img', selfClosing: true }])
  })

  it('drops comments, doctypes and processing instructions; keeps CDATA as written', () => {
    const text = tokens('<!DOCTYPE html><?xml version="1.0"?><!-- <p>not</p> -->a<![CDATA[<b>&amp;</b>]]>b', false)
    expect(text).toEqual([{ kind: 'text', text: 'a' }, { kind: 'text', text: '<b>&amp;</b>' }, { kind: 'text', text: 'b' }])
  })

  it('reads the content of script and style as text up to their end tag, in HTML only', () => {
    expect(tokens('<script>if (a < b) x("</p>")</SCRIPT >after')).toEqual([
      { kind: 'open', name: 'script', attributes: new Map(), selfClosing: false },
      { kind: 'text', text: 'if (a < b) x("</p>")' },
      { kind: 'close', name: 'script' },
      { kind: 'text', text: 'after' },
    ])
    expect(tokens('<title>A &amp; <b>B</b></title>').slice(1, 2)).toEqual([{ kind: 'text', text: 'A & <b>B</b>' }])
    // In a feed, a title's CDATA is text, not markup to read as written.
    expect(tokens('<title><![CDATA[A & B]]></title>', false).slice(1, 2)).toEqual([{ kind: 'text', text: 'A & B' }])
  })

  it('never throws: a stray <, an unclosed tag, comment, quote or CDATA run to the end', () => {
    expect(tokens('1 < 2 <3')).toEqual([{ kind: 'text', text: '1 ' }, { kind: 'text', text: '<' }, { kind: 'text', text: ' 2 ' }, { kind: 'text', text: '<' }, { kind: 'text', text: '3' }])
    for (const text of ['<a href="x', '<!-- x', '<![CDATA[x', '<a', '</', '<a =b>', '<script>x', '<a b=>c']) expect(() => tokens(text)).not.toThrow()
  })

  it('is linear on hostile input', () => {
    const n = 200_000
    for (const text of ['<a'.repeat(n), '<a b'.repeat(n), `<a b="${'x'.repeat(n)}`, '<!--'.repeat(n), '<script>'.repeat(n), '</'.repeat(n), '&#'.repeat(n)]) {
      expect(() => tokens(text)).not.toThrow()
    }
  }, 20_000)
})

describe('parseMarkupTree()', () => {
  it('nests elements, leaves void elements empty and closes what an end tag skips over', () => {
    const root = parseMarkupTree('<div><p>a<br>b<i>c</p>d</div><span>e</span>')
    const [div, span] = root.children as { name: string }[]
    expect([div!.name, span!.name]).toEqual(['div', 'span'])
    expect(textContent(root)).toBe('abcde')
    expect(findElements(root, (e) => e.name === 'p')[0]!.children.length).toBe(4)
    // An end tag with no open element of its name is dropped.
    expect(textContent(parseMarkupTree('a</b>c'))).toBe('ac')
  })

  it('takes a deeply nested page without overflowing the stack', () => {
    const depth = 100_000
    const root = parseMarkupTree(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`)
    expect(textContent(root)).toBe('deep')
    expect(findElements(root, (e) => e.name === 'div').length).toBe(depth)
    // Stray end tags under deep nesting: each is dropped at once (a search for each was quadratic).
    expect(textContent(parseMarkupTree(`${'<div>'.repeat(depth)}x${'</span>'.repeat(depth)}`))).toBe('x')
  }, 20_000)
})
