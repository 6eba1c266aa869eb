import { build } from 'esbuild'
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' })
process.stdout.write(r.outputFiles[0].text)
