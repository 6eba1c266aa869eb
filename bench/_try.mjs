import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const contents = process.argv[2]
const r = await build({ stdin: { contents, resolveDir: process.cwd() + '/src', loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' })
const t = r.outputFiles[0].text
console.log(t.length, gzipSync(t, { level: 9 }).length)
