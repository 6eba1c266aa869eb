// prints minified code of one module (others external)
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const file = process.argv[2]
const r = await build({ entryPoints: [file], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', plugins: [{ name: 'ext', setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === 'entry-point' ? undefined : { path: a.path, external: true }) } }] })
const t = r.outputFiles[0].text
console.log(t.length, gzipSync(t, { level: 9 }).length)
if (process.argv[3]) console.log(t)
