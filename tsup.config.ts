import { defineConfig } from 'tsup'

export default defineConfig([
  {
    entry: { index: 'src/index.ts', indexer: 'src/indexer.ts', build: 'src/build.ts' },
    format: ['esm', 'cjs'],
    // Declarations marked @internal (the store behind NewsIndex) stay out of the public types.
    dts: { compilerOptions: { stripInternal: true } },
    sourcemap: true,
    target: 'es2022',
    // The runtime and indexer entries import nothing from Node (a test checks); `node` only resolves newsdex/build's built-ins.
    platform: 'node',
    removeNodeProtocol: false,
    // Shared chunks for CommonJS too: `newsdex` and `newsdex/indexer` must share one NewsIndex class.
    splitting: true,
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
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    removeNodeProtocol: false,
    sourcemap: true,
  },
])
