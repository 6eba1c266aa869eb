import { defineConfig, type Options } from 'tsup'

/**
 * Internal members are named with a leading `_` (the store's columns, written only by its writer
 * and decoder); the build gives them short names, as no user code may reach them.
 */
const mangleInternals: Options['esbuildOptions'] = (options) => {
  options.mangleProps = /^_/
}

export default defineConfig([
  {
    entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts', vite: 'src/vite.ts' },
    format: ['esm', 'cjs'],
    // Declarations marked @internal (the store behind NewsIndex) stay out of the public types.
    dts: { compilerOptions: { stripInternal: true } },
    // No source maps for the Node bundles: the package does not ship them.
    sourcemap: false,
    target: 'es2022',
    // The runtime and indexer entries import nothing from Node (a test checks); `node` only resolves newsdex/build's built-ins.
    platform: 'node',
    removeNodeProtocol: false,
    // Shared chunks for CommonJS too: `newsdex` and `newsdex/indexer` must share one NewsIndex class.
    splitting: true,
    esbuildOptions: mangleInternals,
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
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    removeNodeProtocol: false,
    // No source maps for the Node bundles: the package does not ship them.
    sourcemap: false,
    esbuildOptions: mangleInternals,
  },
])
