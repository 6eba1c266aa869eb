#!/usr/bin/env node
// Evaluates extractMetadata's `country` against gold-annotated news: precision, recall and F1 of the
// predicted country set per article, micro-averaged over articles; date accuracy; throughput.
// See docs/extraction.md.
//
//   npm run eval:extract                      every set found under ../shared (Reuters, GUM-Wikinews, BBC sample)
//   npm run eval:extract -- <file.jsonl> ...  the given sets only
//   [--module dist/build.js] [--limit N] [--errors N] (N most frequent false positives and negatives)
//   [--show N] prints N articles of each set with their errors
//
// Set formats, one JSON object a line, recognised by their fields:
//   Reuters-21578   { id, title, date?, dateline?, places?, body }: Reuters place codes, scored on the 1987 map
//   GUM-Wikinews    { id, title, text, countries }: ISO codes of every country a place in the text lies in
//   gold fixture    { id, countries } with no text: joined by id to the corpus named by `--corpus` or,
//                   for ids starting "bbc-", ../shared/corpora/bbc2095.jsonl (see bench/gold/README.md)
// Articles are given to the extractor as an article reads, with no hints: the title line, a blank
// line, then (Reuters) the dateline and the body.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const shared = join(root, '..', 'shared')
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
const showArticles = Number(option('--show', '0'))
const corpusOption = option('--corpus', undefined)
const DEFAULT_SETS = [
  join(shared, 'corpora', 'reuters21578.jsonl'),
  join(shared, 'eval', 'geo', 'gum-wikinews.jsonl'),
  join(root, 'bench', 'gold', 'bbc-countries.jsonl'),
]
const files = args.length > 0 ? args : DEFAULT_SETS.filter((f) => existsSync(f))
if (files.length === 0) {
  console.error('usage: eval-extract.mjs [<set.jsonl> ...] [--module dist/build.js] [--limit N] [--errors N] [--show N]')
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
const same = (code) => code

const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))

/** Reads one set into { name, kind, items: [{ id, text, gold: Set|null, date? }], project }. */
function loadSet(file) {
  const rows = readJsonl(file).slice(0, limit)
  const first = rows[0] ?? {}
  const unmapped = new Set()
  if ('countries' in first && !('text' in first) && !('body' in first)) {
    const corpus = corpusOption ?? (String(first.id).startsWith('bbc-') ? join(shared, 'corpora', 'bbc2095.jsonl') : null)
    if (!corpus || !existsSync(corpus)) throw new Error(`${file}: gold without text, and no corpus to join (--corpus)`)
    const byId = new Map(readJsonl(corpus).map((r) => [r.id, r]))
    const items = rows.map((g) => {
      const r = byId.get(g.id)
      if (!r) throw new Error(`${file}: ${g.id} is not in ${corpus}`)
      const adjectival = Array.isArray(g.adjectival) ? g.adjectival : []
      return { id: g.id, text: `${r.title ?? ''}\n\n${r.body ?? r.text ?? ''}`, gold: new Set(g.countries), wide: new Set([...g.countries, ...adjectival]) }
    })
    return { name: file, kind: 'fixture', items, project: same, unmapped }
  }
  if ('countries' in first) {
    const items = rows.map((r) => ({
      id: r.id,
      text: r.text.startsWith(r.title ?? '') ? r.text : `${r.title ?? ''}\n\n${r.text}`,
      gold: new Set(r.countries),
    }))
    return { name: file, kind: 'countries', items, project: same, unmapped }
  }
  const items = rows.map((r) => {
    let gold = null
    if (Array.isArray(r.places) && r.body) {
      gold = new Set()
      for (const p of r.places) {
        const code = REUTERS[p]
        if (code) gold.add(code)
        else unmapped.add(p)
      }
    }
    return { id: r.id, text: `${r.title ?? ''}\n\n${r.dateline ? `${r.dateline} ` : ''}${r.body ?? ''}`, gold, date: r.date, body: r.body }
  })
  return { name: file, kind: 'reuters', items, project: (code) => HISTORIC[code] ?? code, unmapped }
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
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`
const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors).map(([k, v]) => `${k}:${v}`).join(' ')

const summary = []
for (const file of files) {
  const set = loadSet(file)
  const { items, project } = set
  // Throughput: extraction alone, over every article, after one warm-up pass on a slice.
  for (const { text } of items.slice(0, 200)) extractMetadata(text)
  const t0 = performance.now()
  const results = items.map(({ text }) => extractMetadata(text))
  const ms = performance.now() - t0

  const score = () => ({ tp: 0, fp: 0, fn: 0, n: 0 })
  const wide = score() // fixtures: also countries named only by a demonym ("adjectival")
  const all = score() // articles with at least one gold country
  const withEmpty = score() // also articles with no gold country (every prediction is an error)
  const fpCount = new Map()
  const fnCount = new Map()
  const shown = []
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (item.gold === null) continue
    const g = new Set([...item.gold].map(project))
    const p = new Set(results[i].country.map(project))
    for (const s of g.size > 0 ? [all, withEmpty] : [withEmpty]) {
      s.n++
      for (const c of p) if (g.has(c)) s.tp++; else s.fp++
      for (const c of g) if (!p.has(c)) s.fn++
    }
    if (item.wide) {
      const w = new Set([...item.wide].map(project))
      if (w.size > 0) {
        wide.n++
        for (const c of p) if (w.has(c)) wide.tp++; else wide.fp++
        for (const c of w) if (!p.has(c)) wide.fn++
      }
    }
    if (g.size === 0) continue
    const fp = [...p].filter((c) => !g.has(c))
    const fn = [...g].filter((c) => !p.has(c))
    for (const c of fp) fpCount.set(c, (fpCount.get(c) ?? 0) + 1)
    for (const c of fn) fnCount.set(c, (fnCount.get(c) ?? 0) + 1)
    if ((fp.length || fn.length) && shown.length < showArticles) {
      shown.push(`  ${item.id}  fp ${fp.join(',') || '-'}  fn ${fn.join(',') || '-'}  location ${results[i].location.join(' | ')}`)
    }
  }
  const main = prf(all)
  console.log(`\n${set.name} (${items.length} articles, ${all.n} with gold countries)`)
  console.log(`country    P ${fmt(main.precision)}  R ${fmt(main.recall)}  F1 ${fmt(main.f1)}  (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`)
  if (withEmpty.n > all.n) {
    const loose = prf(withEmpty)
    console.log(`incl. empty gold (${withEmpty.n})  P ${fmt(loose.precision)}  R ${fmt(loose.recall)}  F1 ${fmt(loose.f1)}`)
  }
  if (wide.n > 0) {
    const w = prf(wide)
    console.log(`incl. adjectival (${wide.n})  P ${fmt(w.precision)}  R ${fmt(w.recall)}  F1 ${fmt(w.f1)}`)
  }
  if (set.kind === 'reuters') {
    let dated = 0, dateRight = 0, dateGiven = 0, dateWrong = 0, hinted = 0, hintRight = 0
    for (let i = 0; i < items.length; i++) {
      const gold = items[i].date ? normalizeGold(items[i].date) : null
      if (!gold) continue
      dated++
      const res = results[i]
      if (res.date !== null) dateGiven++
      if (res.date === gold) dateRight++
      else if (res.date !== null) dateWrong++
      if (items[i].body) {
        hinted++
        if (extractMetadata(items[i].text, { date: gold.slice(0, 4) }).date === gold) hintRight++
      }
    }
    console.log(`date, no hints   ${pct(dateRight, dated)} right, ${pct(dateGiven, dated)} dated, ${dateWrong} wrong (a dateline without a year gives none)`)
    console.log(`date, year hint  ${pct(hintRight, hinted)} right (hint: the gold year only; articles with a body)`)
  }
  console.log(`speed      ${(ms / items.length).toFixed(3)} ms/article (${items.length} in ${ms.toFixed(0)} ms, one thread)`)
  if (set.unmapped.size) console.log(`unmapped gold codes  ${[...set.unmapped].join(', ')}`)
  if (showErrors > 0) {
    console.log(`false positives  ${top(fpCount)}`)
    console.log(`false negatives  ${top(fnCount)}`)
  }
  for (const line of shown) console.log(line)
  summary.push({ name: set.name.replace(/^.*\//, ''), n: all.n, ...main, ms: ms / items.length })
}
if (summary.length > 1) {
  console.log('\n| set | articles | P | R | F1 | ms/article |\n|---|---:|---:|---:|---:|---:|')
  for (const s of summary) console.log(`| ${s.name} | ${s.n} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${s.ms.toFixed(3)} |`)
}
