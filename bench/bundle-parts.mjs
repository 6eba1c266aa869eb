// What each part of the runtime entry costs in its bundle: the entry is bundled as in bundle.mjs
// (esbuild, then terser's second pass),
// once whole and once with each part replaced by a minimal stand-in; a part's cost is the gzip bytes
// the bundle loses without it (what it alone brings, shared code excluded).
// Usage: node bench/bundle-parts.mjs
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { MANGLED_PROPERTIES } from './mangled-properties.mjs'
import { minifyAgain } from '../scripts/minify.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Each part: the modules replaced, and stand-ins that export the same names and do nothing. */
const PARTS = [
  ['query language (parser, lexer, date: ranges)', { 'src/query/parse-query.ts': 'export function parseQuery(input){return {input,clauses:[],diagnostics:[],relaxed:false}}' }],
  ['query plan', { 'src/query/plan.ts': 'export function planQuery(){return {must:[],mustNot:[],diagnostics:[]}}; export function textClauses(){return {terms:[],phrases:[]}}' }],
  ['highlighting and snippets', { 'src/highlight/highlight.ts': 'export function highlight(){}; export function highlightArticle(){}; export function snippetOptions(){}' }],
  ['  of which snippets', { 'src/highlight/snippets.ts': 'export function snippets(){return []}' }],
  ['  of which sentence ends', { 'src/analysis/sentences.ts': 'export function sentenceEnds(){return []}; export function sentenceEndAt(){return -1}' }],
  ['term lookup (stems, prefixes, typos)', { 'src/terms/term-lookup.ts': 'export const MAX_EXPANSIONS=50; export function lookupTerm(){return {matches:[],capped:false}}' }],
  ['  of which the Porter stemmer', { 'src/analysis/porter.ts': 'export function porterStem(x){return x}' }],
  ['sorted dictionary', { 'src/terms/sorted-terms.ts': 'export class SortedTerms{constructor(t){this.t=t}get size(){return 0}get(){}atPrefix(){return []}fuzzyGet(){return new Map}*[Symbol.iterator](){}}' }],
  ['store decoder (sections, checks)', { 'src/engine/store/store-decoder.ts': 'export function readPart(d){return d}; export function decodeSearchSections(){}; export function attachDisplay(){}; export function attachText(){}; export function attachPositions(){}' }],
  ['format: container (header, sections, checksums)', { 'src/format/container.ts': 'export const FORMAT_VERSION=4; export const FORMAT_NAME=\'newsdex\'; export function decodeContainer(d){return d}; export function decodeJsonSection(s,n){return JSON.parse(s.get(n))}; export function decodeText(b,w,p=JSON.parse){return p(String(b))}; export const isCount=(v)=>v>=0; export function decodeStringList(b){return JSON.parse(String(b))}' }],
  ['format: token text', { 'src/format/token-text.ts': 'export function decodeChunkCodes(){}; export function decodeTextIndex(){}; export function layoutText(){}; export function codedTerms(){}; export function termCodes(x){return x}' }],
  ['format: CRC-32', { 'src/format/crc32.ts': 'export function crc32(){return 0}' }],
  ['postings decoding', { 'src/engine/store/postings.ts': 'export function decodePostings(){}; export function findDoc(){return -1}; export function encodePostings(){}' }],
  ['clause evaluation and scoring', { 'src/engine/evaluate-clause.ts': 'export const TEXT_FIELDS=[]; export function evaluateClause(){return {scores:new Map,matches:[]}}; export function everyDocument(){return new Map}' }],
  ['filters', { 'src/engine/filters.ts': 'export function filterTests(){return []}; export function clauseTest(){return ()=>true}' }],
  ['facets', { 'src/engine/facets.ts': 'export function countFacets(){return {}}' }],
  ['top-k', { 'src/engine/top-k.ts': 'export function topK(a){return [...a]}' }],
  ['snippets and the Porter stemmer together', {
    'src/highlight/snippets.ts': 'export function snippets(){return []}',
    'src/analysis/porter.ts': 'export function porterStem(x){return x}',
  }],
  ['analyzer', { 'src/analysis/analyzer.ts': 'export function analyze(){return []}; export function analyzeTerms(){return []}; export function normalizeTerm(x){return x}' }],
]

async function gzipOfBundle(stubs = {}) {
  const byPath = Object.fromEntries(Object.entries(stubs).map(([path, code]) => [resolve(ROOT, path), code]))
  const stub = { name: 'stub', setup: (b) => b.onLoad({ filter: /.*/ }, (a) => (byPath[a.path] === undefined ? undefined : { contents: byPath[a.path], loader: 'js' })) }
  const result = await build({ entryPoints: [join(ROOT, 'src/index.ts')], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', mangleProps: MANGLED_PROPERTIES, plugins: [stub] })
  return gzipSync((await minifyAgain(result.outputFiles[0].text)).code, { level: 9 }).length
}

const whole = await gzipOfBundle()
console.log(`runtime bundle (src/index.ts): ${whole.toLocaleString('en-US')} B gzip\n`)
console.log('| part | gzip bytes it brings |\n|:---|---:|')
for (const [name, stubs] of PARTS) console.log(`| ${name} | ${(whole - (await gzipOfBundle(stubs))).toLocaleString('en-US')} |`)
