#!/usr/bin/env node
// Evaluates extractMetadata on a gold-annotated corpus (Reuters-21578 JSONL) and reports
// country micro precision/recall/F1, date accuracy and throughput. See docs/extraction.md.
//
//   npm run eval:extract -- ../shared/corpora/reuters21578.jsonl [--module dist/build.js] [--limit N]
//   [--errors N] prints the N most frequent false positives and false negatives.
//
// Input lines: { id, title, date?, dateline?, places?, body }. Articles are given to the extractor as
// an article reads, with no hints: the title line, a blank line, then the dateline and the body.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  if (i < 0) return fallback
  const value = args[i + 1]
  args.splice(i, 2)
  return value
}
const modulePath = option('--module', 'dist/build.js')
const limit = Number(option('--limit', 'Infinity'))
const showErrors = Number(option('--errors', '0'))
const file = args[0]
if (!file) {
  console.error('usage: eval-extract.mjs <corpus.jsonl> [--module dist/build.js] [--limit N] [--errors N]')
  process.exit(2)
}
const { extractMetadata } = await import(pathToFileURL(resolve(modulePath)).href)

/**
 * Reuters place codes -> ISO 3166-1 alpha-2. Historic states map to the code the gazetteer gives
 * their territory today (see projectToHistoric below for the fair comparison).
 */
const REUTERS = {
  usa: 'US', uk: 'GB', japan: 'JP', canada: 'CA', 'west-germany': 'DE', 'east-germany': 'DE', france: 'FR',
  brazil: 'BR', australia: 'AU', china: 'CN', ussr: 'SU', switzerland: 'CH', belgium: 'BE', netherlands: 'NL',
  iran: 'IR', italy: 'IT', 'hong-kong': 'HK', philippines: 'PH', taiwan: 'TW', spain: 'ES', 'south-africa': 'ZA',
  'new-zealand': 'NZ', sweden: 'SE', 'south-korea': 'KR', indonesia: 'ID', argentina: 'AR', iraq: 'IQ',
  'saudi-arabia': 'SA', india: 'IN', thailand: 'TH', mexico: 'MX', malaysia: 'MY', venezuela: 'VE', ecuador: 'EC',
  singapore: 'SG', turkey: 'TR', denmark: 'DK', colombia: 'CO', kuwait: 'KW', egypt: 'EG', luxembourg: 'LU',
  yugoslavia: 'YU', bahrain: 'BH', peru: 'PE', norway: 'NO', uae: 'AE', finland: 'FI', pakistan: 'PK',
  portugal: 'PT', nigeria: 'NG', greece: 'GR', algeria: 'DZ', bangladesh: 'BD', 'sri-lanka': 'LK',
  nicaragua: 'NI', austria: 'AT', israel: 'IL', zambia: 'ZM', bolivia: 'BO', 'ivory-coast': 'CI', cyprus: 'CY',
  lebanon: 'LB', hungary: 'HU', kenya: 'KE', 'costa-rica': 'CR', poland: 'PL', cuba: 'CU', ireland: 'IE',
  morocco: 'MA', qatar: 'QA', chile: 'CL', uganda: 'UG', jordan: 'JO', tanzania: 'TZ', libya: 'LY',
  zimbabwe: 'ZW', ghana: 'GH', jamaica: 'JM', panama: 'PA', honduras: 'HN', 'el-salvador': 'SV', syria: 'SY',
  tunisia: 'TN', zaire: 'CD', guatemala: 'GT', sudan: 'SD', 'yemen-arab-republic': 'YE', 'dominican-republic': 'DO',
  haiti: 'HT', chad: 'TD', vietnam: 'VN', 'papua-new-guinea': 'PG', 'north-korea': 'KP', oman: 'OM', brunei: 'BN',
  uruguay: 'UY', czechoslovakia: 'CS', romania: 'RO', suriname: 'SR', gabon: 'GA', madagascar: 'MG',
  ethiopia: 'ET', senegal: 'SN', mauritius: 'MU', mozambique: 'MZ', 'trinidad-tobago': 'TT', bermuda: 'BM',
  malawi: 'MW', cameroon: 'CM', nepal: 'NP', 'yemen-demo-republic': 'YE', liberia: 'LR', afghanistan: 'AF',
  somalia: 'SO', bulgaria: 'BG', 'sierra-leone': 'SL', iceland: 'IS', barbados: 'BB', botswana: 'BW', togo: 'TG',
  fiji: 'FJ', congo: 'CG', 'us-virgin-islands': 'VI', guam: 'GU', 'cayman-islands': 'KY', paraguay: 'PY',
  angola: 'AO', kampuchea: 'KH', burma: 'MM', guyana: 'GY', djibouti: 'DJ', namibia: 'NA', rwanda: 'RW',
  niger: 'NE', bhutan: 'BT', liechtenstein: 'LI', aruba: 'AW', guinea: 'GN', mauritania: 'MR', vanuatu: 'VU',
  malta: 'MT', antigua: 'AG', benin: 'BJ', 'burkina-faso': 'BF', lesotho: 'LS', swaziland: 'SZ', bahamas: 'BS',
  'new-caledonia': 'NC', grenada: 'GD', 'st-lucia': 'LC', 'netherlands-antilles': 'AN', tonga: 'TO',
  'french-guiana': 'GF', 'western-samoa': 'WS', 'solomon-islands': 'SB', seychelles: 'SC', mali: 'ML',
  'central-african-republic': 'CF', gambia: 'GM', 'cape-verde': 'CV', 'equatorial-guinea': 'GQ', burundi: 'BI',
  'guinea-bissau': 'GW', laos: 'LA', mongolia: 'MN', albania: 'AL', 'east-timor': 'TL', greenland: 'GL',
  'faroe-islands': 'FO', macau: 'MO', gibraltar: 'GI', monaco: 'MC', 'san-marino': 'SM', andorra: 'AD',
  'st-kitts-nevis': 'KN', belize: 'BZ', dominica: 'DM', 'st-vincent': 'VC', 'turks-caicos': 'TC',
  'british-virgin-islands': 'VG', anguilla: 'AI', montserrat: 'MS', 'falkland-islands': 'FK', 'puerto-rico': 'PR',
  'american-samoa': 'AS', kiribati: 'KI', tuvalu: 'TV', nauru: 'NR', 'comoros': 'KM', 'sao-tome': 'ST',
  maldives: 'MV', 'pacific-islands': 'PW',
}

/**
 * The fair comparison: Reuters labels the map of 1987, the extractor the map of today. Both sides
 * are projected onto the 1987 map: the Soviet republics to SU, the Czech Republic and Slovakia to CS,
 * the states of former Yugoslavia to YU. The two Germanys and the two Yemens are one code each.
 */
const HISTORIC = {
  RU: 'SU', UA: 'SU', BY: 'SU', KZ: 'SU', UZ: 'SU', TM: 'SU', KG: 'SU', TJ: 'SU', GE: 'SU', AM: 'SU', AZ: 'SU',
  MD: 'SU', LT: 'SU', LV: 'SU', EE: 'SU', CZ: 'CS', SK: 'CS', RS: 'YU', HR: 'YU', SI: 'YU', BA: 'YU', MK: 'YU',
  ME: 'YU', XK: 'YU', ER: 'ET', SS: 'SD', BQ: 'AN', CW: 'AN', SX: 'AN', PW: 'PW', MH: 'PW', FM: 'PW', MP: 'PW',
  TL: 'ID',
}
const projectToHistoric = (code) => HISTORIC[code] ?? code

const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean)
const records = []
for (const line of lines) {
  if (records.length >= limit) break
  const r = JSON.parse(line)
  const text = `${r.title ?? ''}\n\n${r.dateline ? `${r.dateline} ` : ''}${r.body ?? ''}`
  records.push({ r, text })
}
const unmapped = new Set()
const goldOf = (r) => {
  if (!Array.isArray(r.places)) return null
  const out = new Set()
  for (const p of r.places) {
    const code = REUTERS[p]
    if (code) out.add(code)
    else unmapped.add(p)
  }
  return out
}

// Throughput: extraction alone, over every article, after one warm-up pass on a slice.
for (const { text } of records.slice(0, 200)) extractMetadata(text)
const t0 = performance.now()
const results = records.map(({ text }) => extractMetadata(text))
const seconds = (performance.now() - t0) / 1000

const score = () => ({ tp: 0, fp: 0, fn: 0, n: 0 })
const all = score() // articles with a body and at least one gold country
const withEmpty = score() // also articles with a body and no gold country (every prediction is an error)
const fpCount = new Map()
const fnCount = new Map()
let dated = 0, dateRight = 0, dateGiven = 0, dateWrong = 0
let hinted = 0, hintRight = 0
let bodies = 0
for (let i = 0; i < records.length; i++) {
  const { r, text } = records[i]
  const res = results[i]
  if (r.date) {
    const gold = normalizeGold(r.date)
    if (gold) {
      dated++
      if (res.date !== null) dateGiven++
      if (res.date === gold) dateRight++
      else if (res.date !== null) dateWrong++
      if (r.body) {
        hinted++
        const withYear = extractMetadata(text, { date: gold.slice(0, 4) })
        if (withYear.date === gold) hintRight++
      }
    }
  }
  const gold = goldOf(r)
  if (!r.body || gold === null) continue
  bodies++
  const g = new Set([...gold].map(projectToHistoric))
  const p = new Set(res.country.map(projectToHistoric))
  const targets = g.size > 0 ? [all, withEmpty] : [withEmpty]
  for (const s of targets) {
    s.n++
    for (const c of p) if (g.has(c)) s.tp++; else s.fp++
    for (const c of g) if (!p.has(c)) s.fn++
  }
  if (g.size > 0) {
    for (const c of p) if (!g.has(c)) fpCount.set(c, (fpCount.get(c) ?? 0) + 1)
    for (const c of g) if (!p.has(c)) fnCount.set(c, (fnCount.get(c) ?? 0) + 1)
  }
}

function normalizeGold(value) {
  const m = /^(\d{1,2})-([A-Z]{3})-(\d{4})/i.exec(value.trim())
  if (!m) return null
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
  const month = months.indexOf(m[2].toUpperCase()) + 1
  return month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}` : null
}

const prf = (s) => {
  const p = s.tp / Math.max(1, s.tp + s.fp)
  const r = s.tp / Math.max(1, s.tp + s.fn)
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 }
}
const fmt = (x) => x.toFixed(3)
const main = prf(all)
const loose = prf(withEmpty)
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`
console.log(`corpus                 ${file} (${records.length} articles, ${bodies} with a body and a places field)`)
if (all.n > 0) {
  console.log(`country (gold non-empty, ${all.n} articles)  P ${fmt(main.precision)}  R ${fmt(main.recall)}  F1 ${fmt(main.f1)}  (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`)
  console.log(`country (incl. empty gold, ${withEmpty.n})    P ${fmt(loose.precision)}  R ${fmt(loose.recall)}  F1 ${fmt(loose.f1)}`)
} else {
  // No gold: report what was found, for a sanity check by eye.
  const tally = (key) => {
    const m = new Map()
    for (const res of results) for (const v of res[key]) m.set(v, (m.get(v) ?? 0) + 1)
    return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k}:${v}`).join(' ')
  }
  const share = (key) => pct(results.filter((res) => res[key].length > 0).length, results.length)
  console.log(`no gold places        country found in ${share('country')}, location in ${share('location')}, source in ${share('source')}`)
  console.log(`top countries         ${tally('country')}`)
  console.log(`top locations         ${tally('location')}`)
  console.log(`top sources           ${tally('source')}`)
  console.log(`dated (no hints)      ${pct(results.filter((res) => res.date !== null).length, results.length)}`)
}
if (dated > 0) {
  console.log(`date, no hints        ${pct(dateRight, dated)} right, ${pct(dateGiven, dated)} dated, ${dateWrong} wrong (never invented: a dateline without a year gives none)`)
  console.log(`date, year hint       ${pct(hintRight, hinted)} right (hint: the gold year only; articles with a body)`)
}
console.log(`throughput            ${(records.length / seconds).toFixed(0)} articles/s (${(seconds * 1000).toFixed(0)} ms for ${records.length}, one thread)`)
if (unmapped.size) console.log(`unmapped gold codes   ${[...unmapped].join(', ')}`)
if (showErrors > 0) {
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors).map(([k, v]) => `${k}:${v}`).join(' ')
  console.log(`false positives       ${top(fpCount)}`)
  console.log(`false negatives       ${top(fnCount)}`)
}
