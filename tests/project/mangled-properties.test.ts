/**
 * The build shortens the names in scripts/mangled-properties.json (esbuild mangleProps), and each
 * bundle picks its own short names. So a listed name must be internal: read and written only by
 * newsdex's own code in memory, never public, never looked up by a string, never a key of a file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import internal from '../../scripts/mangled-properties.json'

const ROOT = resolve(__dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'data') return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** `code` without its comments, which the build drops (block comments, and line comments from a `//` not after a `:`, as in URLs). */
const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1')

const sources = sourceFiles(join(ROOT, 'src')).map((path) => ({ path, text: withoutComments(readFileSync(path, 'utf8')) }))
const publicTypes = withoutComments(readFileSync(join(ROOT, 'src', 'types.ts'), 'utf8'))
const declarations = (() => {
  try {
    return readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith('.d.ts')).map((name) => withoutComments(readFileSync(join(ROOT, 'dist', name), 'utf8'))).join('\n')
  } catch {
    return ''
  }
})()

describe('mangled property names', () => {
  it.each(internal.names)('%s is a member used in src/, not public, never quoted', (name) => {
    const word = new RegExp(`\\b${name}\\b`)
    expect(sources.some(({ text }) => new RegExp(`\\.${name}\\b`).test(text)), 'used as a member').toBe(true)
    expect(word.test(publicTypes), 'in src/types.ts').toBe(false)
    expect(declarations && word.test(declarations), "in dist's declarations").toBeFalsy()
    const quoted = sources.filter(({ text }) => new RegExp(`['"\`]${name}['"\`]`).test(text)).map(({ path }) => path)
    expect(quoted, 'quoted, so looked up or written by name').toEqual([])
  })

  it('lists no name that starts with _ (those are mangled anyway) and no name twice', () => {
    expect(internal.names.filter((name) => name.startsWith('_'))).toEqual([])
    expect(new Set(internal.names).size).toBe(internal.names.length)
  })
})
