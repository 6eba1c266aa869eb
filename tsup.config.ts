import { defineConfig, type Options } from 'tsup'

/**
 * Internal members are named with a leading `_` (the store's columns, written only by its writer
 * and decoder); the build gives them short names, as no user code may reach them.
 */
const mangleInternals: Options['esbuildOptions'] = (options) => {
  options.mangleProps = /^_/
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
    entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    // Declarations marked @internal (the store behind NewsIndex) stay out of the public types.
    dts: { entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts' }, compilerOptions: { stripInternal: true } },
  },
  {
    ...node,
    entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts' },
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
  },
])
