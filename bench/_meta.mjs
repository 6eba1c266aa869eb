import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent' })
const out = r.outputFiles[0].text
console.log('total raw', out.length, 'gzip', gzipSync(out, { level: 9 }).length)
const inputs = Object.values(r.metafile.outputs)[0].inputs
const rows = Object.entries(inputs).map(([k, v]) => [k, v.bytesInOutput]).sort((a, b) => b[1] - a[1])
for (const [k, v] of rows) console.log(String(v).padStart(7), k)
