import { readFile, writeFile } from 'node:fs/promises'
import { transform } from 'esbuild'
import { defineConfig, type Options } from 'tsup'
import internal from './scripts/mangled-properties.json'
import { minifyAgain } from './scripts/minify.mjs'

/**
 * Internal members are named with a leading `_` (the store's columns, written only by its writer
 * and decoder), or listed in scripts/mangled-properties.json (the members of internal classes);
 * the build gives them short names, as no user code may reach them.
 */
const mangleInternals: Options['esbuildOptions'] = (options) => {
  options.mangleProps = new RegExp(`^(?:_.*|${internal.names.join('|')})$`)
}

/**
 * The place data (src/extract/data/gazetteer.ts, about 1.5 MB) is one file of its own,
 * `dist/gazetteer-data.cjs`, which the ESM bundles (`build.js`, `cli.js`) import and the CommonJS
 * one (`build.cjs`) requires, so the package holds it once. CommonJS because both can load it;
 * esbuild annotates its export names, so ESM imports them by name.
 */
const placeDataApart: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'place-data-apart',
  setup(build) {
    build.onResolve({ filter: /\/data\/gazetteer\.js$/ }, () => ({ path: './gazetteer-data.cjs', external: true }))
  },
}

/** The browser bundles' second minification pass (terser, after esbuild's; see scripts/minify.mjs). */
const minifyTwice: NonNullable<Options['plugins']>[number] = {
  name: 'minify-twice',
  async renderChunk(code, chunk) {
    if (!/\.m?js$/.test(chunk.path)) return undefined
    return minifyAgain(code, chunk.map ?? undefined)
  },
}

/** What the Node bundles share: Node built-ins as written, no source maps (the package does not ship them), the place data apart. */
const node: Options = {
  target: 'es2022',
  // The runtime and indexer entries import nothing from Node (a test checks); `node` only resolves newsdex/build's built-ins.
  platform: 'node',
  removeNodeProtocol: false,
  sourcemap: false,
  // Shared chunks: `newsdex` and `newsdex/indexer` must share one NewsIndex class, and `cli.js`
  // shares the build code with `build.js`.
  splitting: true,
  esbuildOptions: mangleInternals,
  esbuildPlugins: [placeDataApart],
}

export default defineConfig([
  {
    ...node,
    entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts', vite: 'src/vite.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    // Declarations marked @internal (the store behind NewsIndex) stay out of the public types.
    dts: { entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts', vite: 'src/vite.ts' }, compilerOptions: { stripInternal: true } },
  },
  {
    ...node,
    entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts', vite: 'src/vite.ts' },
    format: ['cjs'],
    dts: { compilerOptions: { stripInternal: true } },
    // `import.meta.url` (the package version is read beside the running file) as CommonJS has it.
    shims: true,
  },
  {
    entry: { 'gazetteer-data': 'src/extract/data/gazetteer.ts' },
    format: ['cjs'],
    target: 'es2022',
    platform: 'node',
    sourcemap: false,
  },
  {
    // One self-contained, minified ES module for <script type="module"> and CDNs.
    entry: { 'newsdex.browser': 'src/index.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    minify: true,
    noExternal: [/.*/],
    sourcemap: true,
    esbuildOptions: mangleInternals,
    plugins: [minifyTwice],
  },
  {
    // newsdex/ui: the <newsdex-search> element (ui.js) and its worker (ui-worker.js, found beside
    // ui.js); the runtime goes in a chunk of its own, which the worker imports, and the main thread
    // only when it has to run the index itself. Browser-only, so ESM only, minified.
    entry: { ui: 'src/ui.ts', 'ui-worker': 'src/ui/worker.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    minify: true,
    splitting: true,
    sourcemap: false,
    dts: { entry: { ui: 'src/ui.ts' } },
    esbuildOptions: mangleInternals,
    plugins: [minifyTwice],
    // The element's stylesheet, which its shadow root links beside ui.js (and `newsdex/ui/style.css`).
    onSuccess: async () => {
      const { code } = await transform(await readFile('src/ui/newsdex-search.css', 'utf8'), { loader: 'css', minify: true })
      await writeFile('dist/ui.css', code)
    },
  },
])
