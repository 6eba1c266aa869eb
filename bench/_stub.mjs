import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { resolve } from 'node:path'
// usage: node _stub.mjs file=stubsource ...
const stubs = Object.fromEntries(process.argv.slice(2).map((a) => { const i = a.indexOf('='); return [resolve(a.slice(0, i)), a.slice(i + 1)] }))
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  plugins: [{ name: 'stub', setup(b) { b.onLoad({ filter: /.*/ }, (a) => stubs[a.path] !== undefined ? { contents: stubs[a.path], loader: 'ts' } : undefined) } }] })
const t = r.outputFiles[0].text
console.log(t.length, gzipSync(t, { level: 9 }).length)
