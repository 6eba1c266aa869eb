// What newsdex/ui adds on top of the runtime, bundled as bench/bundle-parts.mjs bundles the runtime
// (esbuild, minified, `_` members mangled, ES2022, then terser's second pass as the build does;
// gzip level 9):
// - the element: src/ui.ts, what a page loads (the main-thread fallback, which imports the runtime,
//   is a chunk of its own that loads only when no worker can run);
// - the worker's own code: src/ui/worker.ts with the runtime left out (it imports it);
// - and, apart, its stylesheet (src/ui/newsdex-search.css, minified), which is CSS, not JS.
// Usage: node bench/ui-size.mjs [--json]
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import { minifyAgain } from '../scripts/minify.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const gzip = (text) => gzipSync(text, { level: 9 }).length
const common = { bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', mangleProps: /^_/, absWorkingDir: ROOT }

/** The runtime, left out of a bundle: what the worker imports from src/engine. */
const withoutRuntime = { name: 'without-runtime', setup: (b) => b.onResolve({ filter: /\/engine\/news-index\.js$/ }, (a) => ({ path: a.path, external: true })) }

export async function uiSizes() {
  const element = await build({ ...common, entryPoints: ['src/ui.ts'], splitting: true, outdir: join(ROOT, '.tmp/ui-size') })
  const entry = element.outputFiles.find((file) => file.path.endsWith('/ui.js'))
  const worker = await build({ ...common, entryPoints: ['src/ui/worker.ts'], plugins: [withoutRuntime] })
  const runtime = await build({ ...common, entryPoints: ['src/index.ts'] })
  const css = await transform(readFileSync(join(ROOT, 'src/ui/newsdex-search.css'), 'utf8'), { loader: 'css', minify: true })
  const [elementCode, workerCode, runtimeCode] = await Promise.all([entry.text, worker.outputFiles[0].text, runtime.outputFiles[0].text].map(async (code) => (await minifyAgain(code)).code))
  const sizes = {
    element: { raw: elementCode.length, gzip: gzip(elementCode) },
    worker: { raw: workerCode.length, gzip: gzip(workerCode) },
    css: { raw: css.code.length, gzip: gzip(css.code) },
    runtime: { raw: runtimeCode.length, gzip: gzip(runtimeCode) },
  }
  return { ...sizes, js: sizes.element.gzip + sizes.worker.gzip }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await uiSizes()
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes, null, 2))
  else {
    const n = (v) => v.toLocaleString('en-US')
    console.log('| newsdex/ui | minified B | gzip B |\n|:---|---:|---:|')
    console.log(`| element (src/ui.ts, what a page loads) | ${n(sizes.element.raw)} | ${n(sizes.element.gzip)} |`)
    console.log(`| worker's own code (src/ui/worker.ts, runtime left out) | ${n(sizes.worker.raw)} | ${n(sizes.worker.gzip)} |`)
    console.log(`| **component JS on top of the runtime** (target ≤ 8,000) | | **${n(sizes.js)}** |`)
    console.log(`| stylesheet (ui.css, CSS) | ${n(sizes.css.raw)} | ${n(sizes.css.gzip)} |`)
    console.log(`| for reference: the runtime (src/index.ts) | ${n(sizes.runtime.raw)} | ${n(sizes.runtime.gzip)} |`)
  }
}
