// The second minification pass of the browser bundles: esbuild bundles, mangles internal members
// and minifies; terser then compresses the result again (two passes: it inlines and folds what a
// single pass leaves). tsup.config.ts applies it to dist/newsdex.browser.js and newsdex/ui, and
// the bundle benchmarks measure through it, so the sizes they report are those of the build.
import { minify } from 'terser'

/**
 * Terser's options: an ES module (its top level is private), compressed in two passes, with function
 * declarations hoisted to the top of their scope (where JavaScript puts them anyway; grouped, they
 * compress 59 bytes better in the runtime bundle).
 */
export const TERSER_OPTIONS = { module: true, ecma: 2020, compress: { passes: 2, hoist_funs: true } }

/**
 * `code` (an esbuild-minified ES module) minified again; with `map` (its source map), the map of
 * the result back to the sources.
 */
export async function minifyAgain(code, map) {
  const result = await minify(code, { ...TERSER_OPTIONS, sourceMap: map ? { content: map } : false })
  if (result.code === undefined) throw new Error('terser returned no code')
  return { code: result.code, map: result.map }
}
