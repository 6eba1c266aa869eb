/**
 * The shape of src/: imports run one way, down the layers of the data flow, with no cycles; and
 * only the store's writer and decoder change it (its `_` members).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '..', '..', 'src')

/**
 * The layers, lowest first: a file may import from its own layer or a lower one. Each entry is a
 * folder of src/ or a file at its top; the entries of one layer are one room (they may import each other).
 */
const LAYERS: string[][] = [
  ['types.ts', 'errors.ts', 'dates.ts', 'lower-bound.ts', 'term-order.ts'],
  ['analysis'],
  ['extract'],
  ['article'],
  ['format'],
  ['query'],
  ['terms'],
  ['highlight'],
  ['engine/store'],
  ['engine'],
  ['ingest'],
  ['cli'],
  ['ui'],
  ['integrations'],
  ['index.ts', 'indexer.ts', 'build.ts', 'cli.ts', 'ui.ts', 'vite.ts'],
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The relative imports of a file (static, type-only and re-exports), as paths of src/ files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!)
  return specifiers.map((specifier) => relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts'))
}

/** The layer of a src/ file, by the longest entry of `LAYERS` that holds it. */
function layerOf(path: string): { layer: number; room: string } {
  let best = { layer: -1, room: '' }
  LAYERS.forEach((entries, layer) => {
    for (const entry of entries) {
      const holds = path === entry || path.startsWith(`${entry}/`)
      if (holds && entry.length > best.room.length) best = { layer, room: entry }
    }
  })
  return best
}

/** Imports that point to a missing file or up the layers. */
function badImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = []
  for (const [file, imports] of graph) {
    for (const target of imports) {
      if (!graph.has(target)) bad.push(`${file} imports a missing ${target}`)
      else if (layerOf(target).layer > layerOf(file).layer) bad.push(`${file} → ${target}`)
    }
  }
  return bad
}

/** The import cycles of a graph, one path each. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '))
      return
    }
    state.set(file, 'open')
    for (const target of graph.get(file) ?? []) visit(target, [...path, file])
    state.set(file, 'done')
  }
  for (const file of graph.keys()) visit(file, [])
  return cycles
}

const files = sourceFiles(SRC).map((file) => relative(SRC, file))
const graph = new Map(files.map((file) => [file, importsOf(join(SRC, file))]))

describe('src/ is layered', () => {
  it('places every file in a layer', () => {
    expect(files.filter((file) => layerOf(file).layer < 0)).toEqual([])
    expect(files.length).toBeGreaterThan(50)
    expect(importsOf(join(SRC, 'engine', 'news-index.ts'))).toContain('engine/rank.ts')
  })

  it('imports only existing files of its own layer or a lower one', () => {
    expect(badImports(graph)).toEqual([])
  })

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([])
  })

  it('keeps every file of src/engine/ under 250 lines', () => {
    const long = files.filter((file) => file.startsWith('engine/')).filter((file) => readFileSync(join(SRC, file), 'utf8').split('\n').length > 250)
    expect(long).toEqual([])
  })

  it('changes the store only in its writer and decoder (the `_` members)', () => {
    const owners = ['engine/store/store.ts', 'engine/store/stored-text.ts', 'engine/store/store-writer.ts', 'engine/store/store-decoder.ts']
    const touching = files.filter((file) => !owners.includes(file) && /\bstore\b[\w.]*\._[a-zA-Z]/.test(readFileSync(join(SRC, file), 'utf8')))
    expect(touching).toEqual([])
  })
})

describe('the layer checks can fail', () => {
  it('report an upward import, a missing file and a cycle in a made-up graph', () => {
    const madeUp = new Map([
      ['format/bytes.ts', ['engine/rank.ts']],
      ['engine/rank.ts', ['format/bytes.ts', 'terms/gone.ts']],
    ])
    expect(badImports(madeUp)).toEqual(['format/bytes.ts → engine/rank.ts', 'engine/rank.ts imports a missing terms/gone.ts'])
    expect(cyclesOf(madeUp)).toEqual(['format/bytes.ts → engine/rank.ts → format/bytes.ts'])
    expect(layerOf('engine/store/store.ts').layer).toBeLessThan(layerOf('engine/news-index.ts').layer)
  })
})
