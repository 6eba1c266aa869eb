// Runtime bundle sizes: what a browser downloads to run each engine. esbuild (JS API) bundles the
// entry for the browser as a minified ES module, which terser minifies again as newsdex's browser
// build does (scripts/minify.mjs); sizes are raw and gzip (level 9, as a CDN or a precompressing
// build would serve it) and brotli (quality 11).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { MANGLED_PROPERTIES } from './mangled-properties.mjs'
import { minifyAgain } from '../scripts/minify.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

function measure(code) {
  const bytes = Buffer.from(code)
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

async function bundle(options) {
  const result = await build({
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // As tsup.config.ts builds newsdex: internal members get short names.
    mangleProps: MANGLED_PROPERTIES,
    absWorkingDir: ROOT,
    ...options,
  })
  // Every engine gets the second pass of newsdex's browser build (scripts/minify.mjs).
  return (await minifyAgain(result.outputFiles[0].text)).code
}

const stdin = (contents) => ({ stdin: { contents, resolveDir: ROOT, loader: 'js' } })

/** The bundles measured: newsdex's runtime entry and each other engine's runtime for comparison. */
export async function bundleSizes() {
  const entries = [
    { name: 'newsdex', what: 'src/index.ts (all runtime exports, deps bundled)', options: { entryPoints: ['src/index.ts'] } },
    { name: 'newsdex/indexer', what: 'src/indexer.ts (the runtime plus add/remove/serialize; not the target)', options: { entryPoints: ['src/indexer.ts'] } },
    { name: 'minisearch', what: "import MiniSearch from 'minisearch'", options: stdin("export { default } from 'minisearch'") },
    { name: 'lunr', what: "import lunr from 'lunr'", options: stdin("export { default } from 'lunr'") },
    { name: 'flexsearch', what: "import { Document } from 'flexsearch'", options: stdin("export { Document } from 'flexsearch'") },
    {
      name: 'orama',
      what: "import { create, insert, search, load, save } from '@orama/orama'",
      options: stdin("export { create, insert, search, load, save } from '@orama/orama'"),
    },
  ]
  const out = []
  for (const entry of entries) {
    try {
      out.push({ name: entry.name, what: entry.what, ...measure(await bundle(entry.options)) })
    } catch (error) {
      out.push({ name: entry.name, what: entry.what, error: String(error.message ?? error).split('\n')[0] })
    }
  }
  const browserBuild = join(ROOT, 'dist/newsdex.browser.js')
  if (existsSync(browserBuild)) {
    out.push({ name: 'newsdex (dist)', what: 'dist/newsdex.browser.js (tsup build)', ...measure(readFileSync(browserBuild)) })
  }
  return out
}
