import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import ts from 'typescript'
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent' })
const code = r.outputFiles[0].text
const sf = ts.createSourceFile('b.js', code, ts.ScriptTarget.ES2022, true)
let total = 0, n = 0; const list = []
function walk(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) { total += node.getWidth(); n++; list.push(node.getText()) }
  ts.forEachChild(node, walk)
}
walk(sf)
console.log('strings', n, 'chars', total)
list.sort((a, b) => b.length - a.length); console.log(list.slice(0, 80).join('\n'))
