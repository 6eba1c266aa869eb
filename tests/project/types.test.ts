import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Plugin as VitePlugin } from 'vite'
import type { BuildError, WrittenParts } from '../../src/build.js'
import { writeIndexParts } from '../../src/build.js'
import { newsdex, type NewsdexViteOptions } from '../../src/vite.js'
import { buildIndex, parseArticle, parseArticles } from '../../src/build.js'
import {
  highlight,
  NewsdexError,
  NewsIndex,
  parseQuery,
  type Article,
  type FacetCount,
  type FacetField,
  type HighlightResult,
  type Hit,
  type NewsdexErrorCode,
  type NewsIndexOptions,
  type ParsedQuery,
  type ParseQueryOptions,
  type QueryNode,
  type SearchFilter,
  type SearchOptions,
  type SearchResponse,
  type StoredArticle,
  type TextField,
  type Manifest,
} from '../../src/index.js'
import { NewsIndex as WritableNewsIndex } from '../../src/indexer.js'
import { BUILD_HINT, DIST, REPO_ROOT, runNode } from '../helpers.js'

// ---------------------------------------------------------------------------------------------
// Compile-time checks. `expectTypeOf` does nothing at run time: the test "type-checks" below runs tsc
// on this file, so these assertions fail the suite when the public types drift.

describe('public types', () => {
  it('Article has exactly the fields of the contract', () => {
    expectTypeOf<Article>().toEqualTypeOf<{
      id: string
      title: string
      body: string
      date: string | null
      source: string[]
      location: string[]
      country: string[]
      url?: string
      meta?: Record<string, string>
      keywords?: Record<string, string[]>
    }>()
  })

  it('search() takes a string or a ParsedQuery and returns a SearchResponse', () => {
    expectTypeOf<NewsIndex['search']>().parameter(0).toEqualTypeOf<string | ParsedQuery | undefined>()
    expectTypeOf<NewsIndex['search']>().parameter(1).toEqualTypeOf<SearchOptions | undefined>()
    expectTypeOf<NewsIndex['search']>().returns.toEqualTypeOf<SearchResponse>()
    expectTypeOf<SearchResponse>().not.toBeAny()
    expectTypeOf<SearchResponse['total']>().toEqualTypeOf<number>()
    expectTypeOf<SearchResponse['hits']>().toEqualTypeOf<Hit[]>()
    expectTypeOf<SearchResponse['query']>().toEqualTypeOf<ParsedQuery>()
    expectTypeOf<SearchResponse['facets']>().toEqualTypeOf<Partial<Record<'source' | 'location' | 'country' | 'year' | 'month', { value: string; count: number }[]>> & { [keywordField: string]: { value: string; count: number }[] | undefined }>()
    expectTypeOf<SearchResponse['facets']['year']>().toEqualTypeOf<{ value: string; count: number }[] | undefined>()
  })

  it("a hit's article is the article without its body", () => {
    expectTypeOf<Hit['article']>().toEqualTypeOf<Omit<Article, 'body'>>()
    expectTypeOf<Hit['article']>().toEqualTypeOf<StoredArticle>()
    expectTypeOf<Hit['article']>().not.toHaveProperty('body')
    expectTypeOf<Hit['article']>().toHaveProperty('title').toEqualTypeOf<string>()
    expectTypeOf<Hit['highlight']>().toEqualTypeOf<{ title: string; snippets: string[] } | undefined>()
    expectTypeOf<Hit['matches']>().toEqualTypeOf<{ term: string; fields: ('title' | 'body')[] }[]>()
    expectTypeOf<Hit['score']>().toEqualTypeOf<number>()
  })

  it('search options are typed, not strings', () => {
    expectTypeOf<SearchOptions['sort']>().toEqualTypeOf<'relevance' | 'newest' | 'oldest' | undefined>()
    expectTypeOf<SearchOptions['match']>().toEqualTypeOf<'all' | 'any' | undefined>()
    // Built-in facets by name, and the index's custom keyword fields.
    expectTypeOf<SearchOptions['facets']>().toEqualTypeOf<(FacetField | (string & {}))[] | undefined>()
    expectTypeOf<FacetField>().toEqualTypeOf<'source' | 'location' | 'country' | 'year' | 'month'>()
    expectTypeOf<FacetCount>().toEqualTypeOf<{ value: string; count: number }>()
    expectTypeOf<SearchFilter['source']>().toEqualTypeOf<string | string[] | undefined>()
    expectTypeOf<TextField>().toEqualTypeOf<'title' | 'body'>()
    expectTypeOf<{ sort: 'sideways' }>().not.toMatchTypeOf<SearchOptions>()
  })

  it('the collection methods have the contract signatures', () => {
    expectTypeOf<WritableNewsIndex['add']>().toEqualTypeOf<(article: Article) => void>()
    expectTypeOf<WritableNewsIndex['addAll']>().parameter(0).toEqualTypeOf<Iterable<Article>>()
    expectTypeOf<WritableNewsIndex['remove']>().toEqualTypeOf<(id: string) => boolean>()
    expectTypeOf<WritableNewsIndex['serialize']>().returns.toEqualTypeOf<Uint8Array>()
    expectTypeOf<WritableNewsIndex['serializeParts']>().returns.toEqualTypeOf<Record<string, Uint8Array>>()
    // load() and open() create the class they are called on (never called here: types only).
    expectTypeOf(() => WritableNewsIndex.load(new Uint8Array())).returns.toEqualTypeOf<WritableNewsIndex>()
    expectTypeOf(() => WritableNewsIndex.open('/index.idx')).returns.resolves.toEqualTypeOf<WritableNewsIndex>()
    expectTypeOf(() => NewsIndex.load(new Uint8Array())).returns.toEqualTypeOf<NewsIndex>()
    expectTypeOf<WritableNewsIndex>().toMatchTypeOf<NewsIndex>()
    expectTypeOf(WritableNewsIndex).constructorParameters.toEqualTypeOf<[options?: NewsIndexOptions]>()
  })

  it('the runtime index reads and searches but does not change', () => {
    expectTypeOf<NewsIndex>().not.toHaveProperty('add')
    expectTypeOf<NewsIndex>().not.toHaveProperty('remove')
    expectTypeOf<NewsIndex>().not.toHaveProperty('serialize')
    expectTypeOf<NewsIndex['has']>().toEqualTypeOf<(id: string) => boolean>()
    expectTypeOf<NewsIndex['get']>().returns.toEqualTypeOf<Article | undefined>()
    expectTypeOf<NewsIndex['size']>().toEqualTypeOf<number>()
    expectTypeOf<NewsIndex['suggest']>().returns.toEqualTypeOf<string[]>()
    expectTypeOf(NewsIndex.load).parameter(0).toEqualTypeOf<Uint8Array | ArrayBuffer>()
    expectTypeOf(NewsIndex.load).returns.toEqualTypeOf<NewsIndex>()
    expectTypeOf(NewsIndex).constructorParameters.toEqualTypeOf<[options?: NewsIndexOptions]>()
  })

  it('highlight() and parseQuery() have the contract signatures', () => {
    expectTypeOf(highlight).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(highlight).parameter(1).toEqualTypeOf<string | ParsedQuery>()
    expectTypeOf(highlight).returns.toEqualTypeOf<HighlightResult>()
    expectTypeOf<HighlightResult>().toEqualTypeOf<{ html: string; ranges: [number, number][] }>()
    // The contract's signature, with options added (the custom keyword fields that filter).
    expectTypeOf(parseQuery).toEqualTypeOf<(input: string, options?: ParseQueryOptions) => ParsedQuery>()
    expectTypeOf(parseQuery).toBeCallableWith('rocket')
    expectTypeOf<ParsedQuery['clauses']>().toEqualTypeOf<QueryNode[]>()
    expectTypeOf<Extract<QueryNode, { type: 'date' }>>().toEqualTypeOf<{ type: 'date'; from: string | null; to: string | null; negated: boolean }>()
  })

  it('errors carry a typed code', () => {
    expectTypeOf<NewsdexError>().toMatchTypeOf<Error>()
    expectTypeOf<NewsdexError['code']>().toEqualTypeOf<NewsdexErrorCode>()
    expectTypeOf<NewsdexErrorCode>().toEqualTypeOf<'E_NOT_AN_INDEX' | 'E_VERSION' | 'E_CORRUPT' | 'E_INVALID_ARGUMENT' | 'E_DUPLICATE_ID' | 'E_PARSE' | 'E_IO'>()
  })

  it('the build entry has the contract signatures', () => {
    expectTypeOf(parseArticle).returns.toEqualTypeOf<Article>()
    expectTypeOf(parseArticle).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(parseArticles).returns.toEqualTypeOf<Article[]>()
    expectTypeOf(buildIndex).returns.resolves.toEqualTypeOf<{ index: WritableNewsIndex; errors: BuildError[]; skipped: number }>()
    expectTypeOf<BuildError>().toEqualTypeOf<{ path: string; line?: number; message: string }>()
  })

  it('the manifest and the Vite plugin have the contract types', () => {
    expectTypeOf<Manifest>().toEqualTypeOf<{ format: 'newsdex'; version: number; build: string; parts: Record<string, { file: string; hash: string; bytes: number }> }>()
    expectTypeOf(newsdex).returns.toMatchTypeOf<VitePlugin>()
    expectTypeOf<NewsdexViteOptions>().toMatchTypeOf<{ input: string | string[]; output?: string; keepGoing?: boolean }>()
    expectTypeOf(newsdex).toBeCallableWith({ input: 'news/**/*.md', output: 'news', country: 'US', fields: { title: 'headline' }, strict: true, ignore: ['drafts/**'] })
    // @ts-expect-error -- the input is required (and newsdex() throws without it: not called here)
    expectTypeOf(() => newsdex({ output: 'news' })).toBeFunction()
    expectTypeOf(writeIndexParts).returns.resolves.toEqualTypeOf<WrittenParts>()
  })

  it('type-checks (tsc finds no error in this file)', () => {
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = runNode([tsc, '-p', join(REPO_ROOT, 'tests', 'fixtures', 'tsconfig.types.json'), '--listFilesOnly'], { cwd: REPO_ROOT })
    expect(result.stdout).toContain(join(REPO_ROOT, 'tests', 'project', 'types.test.ts'))
    const check = runNode([tsc, '-p', join(REPO_ROOT, 'tests', 'fixtures', 'tsconfig.types.json'), '--pretty', 'false'], { cwd: REPO_ROOT })
    // Only this file's diagnostics: work in progress elsewhere in src/ is not this suite's business.
    const mine = check.stdout.split('\n').filter((line) => line.startsWith('tests/project/types.test.ts'))
    expect(mine).toEqual([])
  }, 120_000)
})

// ---------------------------------------------------------------------------------------------
// The runtime entry stays free of Node built-ins and build-time code.

const NODE_ONLY = /^(node:|fs$|fs\/|path$|os$|crypto$|url$|child_process$|util$|fast-glob$|yaml$)/

/** Module specifiers a JavaScript file imports or requires (static, dynamic, side-effect). */
function specifiersOf(code: string): string[] {
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /\bimport\s*["']([^"']+)["']/g, /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g]
  return [...new Set(patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!)))]
}

/** Bare specifiers reachable from `entry` through its relative imports, and the files visited. */
function reachable(entry: string, mapRelative: (path: string) => string = (p) => p): { files: string[]; bare: string[] } {
  const files = new Set<string>()
  const bare = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    const code = readFileSync(file, 'utf8')
    for (const specifier of specifiersOf(code)) {
      if (specifier.startsWith('.')) visit(mapRelative(resolve(dirname(file), specifier)))
      else bare.add(specifier)
    }
  }
  visit(entry)
  return { files: [...files], bare: [...bare] }
}

describe('the runtime and indexer entries hold no Node-only code', () => {
  const reach = (entry: string): { rel: string[]; bare: string[] } => {
    const { files, bare } = reachable(join(REPO_ROOT, 'src', entry), (path) => path.replace(/\.js$/, '.ts'))
    return { rel: files.map((file) => relative(REPO_ROOT, file).replace(/\\/g, '/')), bare }
  }

  it.each([['index.ts'], ['indexer.ts']])('src/%s never reaches src/extract, src/ingest, src/cli or a Node-only module', (entry) => {
    const { rel, bare } = reach(entry)
    expect(rel).toContain('src/engine/news-index.ts')
    expect(rel.filter((file) => /^src\/(extract|ingest|cli)\//.test(file) || file === 'src/build.ts' || file === 'src/cli.ts')).toEqual([])
    expect(bare.filter((specifier) => NODE_ONLY.test(specifier))).toEqual([])
  })

  it('the runtime entry leaves out the write side (it is in newsdex/indexer)', () => {
    const runtime = reach('index.ts')
    expect(runtime.rel).not.toContain('src/engine/writable-index.ts')
    expect(runtime.rel).not.toContain('src/engine/store/store-writer.ts')
    expect(runtime.bare).toEqual([])
    const indexer = reach('indexer.ts')
    expect(indexer.rel).toEqual(expect.arrayContaining(['src/engine/writable-index.ts', 'src/engine/store/store-writer.ts']))
    expect(indexer.bare.sort()).toEqual(['minisearch/SearchableMap'])
  })

  it('the specifier scan sees Node imports where there are some (src/build.ts)', () => {
    const { bare } = reachable(join(REPO_ROOT, 'src', 'build.ts'), (path) => path.replace(/\.js$/, '.ts'))
    expect(bare).toEqual(expect.arrayContaining(['fast-glob', 'node:fs/promises']))
  })

  describe('in the built files', () => {
    const need = (file: string): string => {
      if (!existsSync(file)) throw new Error(`${file} is missing: ${BUILD_HINT}`)
      return file
    }

    it.each([['dist/index.js'], ['dist/index.cjs']])('%s imports nothing but its own chunks', (file) => {
      const { files, bare } = reachable(need(join(REPO_ROOT, file)))
      expect(files.length).toBeGreaterThanOrEqual(1)
      expect(bare).toEqual([])
    })

    it.each([['dist/indexer.js'], ['dist/indexer.cjs']])('%s imports nothing but minisearch/SearchableMap and its own chunks', (file) => {
      const { files, bare } = reachable(need(join(REPO_ROOT, file)))
      expect(files.length).toBeGreaterThanOrEqual(1)
      expect(bare).toEqual(['minisearch/SearchableMap'])
    })

    it('the published declarations keep the engine internals out (no Store, no protected store)', () => {
      const declarations = readdirSync(need(DIST.dir)).filter((name) => /\.d\.c?ts$/.test(name))
      expect(declarations).toEqual(expect.arrayContaining(['index.d.ts', 'indexer.d.ts', 'build.d.ts']))
      for (const name of declarations) {
        const text = readFileSync(join(DIST.dir, name), 'utf8')
        expect(text, name).not.toMatch(/declare class Store\b|protected store\b|EncodedTerms|PositionChunks/)
      }
    })

    it('dist/newsdex.browser.js is self-contained: no imports at all', () => {
      const code = readFileSync(need(DIST.browser), 'utf8')
      expect(specifiersOf(code).filter((s) => s.startsWith('node:') || NODE_ONLY.test(s) || s.startsWith('minisearch'))).toEqual([])
      expect(code).not.toMatch(/["']node:[a-z_/]+["']/)
    })

    it('dist/index.js exports the public API', async () => {
      const runtime = (await import(pathToFileURL(need(DIST.index)).href)) as Record<string, unknown>
      for (const name of ['NewsIndex', 'highlight', 'parseQuery', 'NewsdexError', 'FORMAT_VERSION']) expect(runtime[name], name).toBeDefined()
      expect(runtime.parseArticle).toBeUndefined()
      expect(runtime.buildIndex).toBeUndefined()
    })

    it('dist/newsdex.browser.js runs a search without Node', async () => {
      const browser = (await import(pathToFileURL(need(DIST.browser)).href)) as typeof import('../../src/index.js')
      const index = new WritableNewsIndex()
      index.add({ id: 'a', title: 'Rocket', body: 'A rocket near the airport.', date: null, source: [], location: [], country: [] })
      expect(browser.NewsIndex.load(index.serialize()).search('airport').hits.map((h) => h.id)).toEqual(['a'])
    })
  })
})
