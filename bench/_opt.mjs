import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
for (const extra of [{}, { target: 'esnext' }, { charset: 'utf8' }, { legalComments: 'none' }]) {
  const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', ...extra })
  const t = r.outputFiles[0].text
  console.log(JSON.stringify(extra), t.length, gzipSync(t, { level: 9 }).length)
}
