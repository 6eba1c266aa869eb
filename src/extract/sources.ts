import { fold } from '../analysis/fold.js'

/**
 * News agencies and outlets: canonical name first, then the names text uses for it. Acronyms are
 * matched in capitals only; other names as written (first letters capitalised).
 */
const OUTLETS: readonly (readonly string[])[] = [
  ['AP', 'Associated Press', 'The Associated Press'],
  ['Reuters', 'Reuter', 'Thomson Reuters'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse', 'France-Presse', 'France Presse'],
  ['Xinhua', 'Xinhua News Agency', 'New China News Agency'],
  ['IRNA', 'Islamic Republic News Agency'],
  ['Tasnim', 'Tasnim News Agency'],
  ['Fars', 'Fars News Agency', 'FNA'],
  ['ISNA', 'Iranian Students News Agency'],
  ['Mehr', 'Mehr News Agency'],
  ['Press TV'],
  ['Anadolu', 'Anadolu Agency', 'Anadolu News Agency'],
  ['DPA', 'dpa', 'Deutsche Presse-Agentur'],
  ['Kyodo', 'Kyodo News', 'Kyodo News Agency'],
  ['Jiji', 'Jiji Press'],
  ['NHK'],
  ['Yonhap', 'Yonhap News Agency'],
  ['KCNA', 'Korean Central News Agency'],
  ['TASS', 'Tass', 'ITAR-TASS', 'Itar-Tass'],
  ['RIA Novosti', 'RIA', 'RIA-Novosti'],
  ['Interfax'],
  ['Sputnik'],
  ['RT', 'Russia Today'],
  ['ANSA'],
  ['EFE'],
  ['Europa Press'],
  ['PTI', 'Press Trust of India'],
  ['ANI', 'Asian News International'],
  ['UPI', 'United Press International'],
  ['Bloomberg', 'Bloomberg News'],
  ['Dow Jones', 'Dow Jones Newswires'],
  ['BBC', 'BBC News', 'British Broadcasting Corporation'],
  ['CNN'],
  ['Al Jazeera', 'Al-Jazeera', 'Aljazeera'],
  ['Al Arabiya', 'Al-Arabiya'],
  ['SANA', 'Syrian Arab News Agency'],
  ['MENA', 'Middle East News Agency'],
  ['SPA', 'Saudi Press Agency'],
  ['WAM', 'Emirates News Agency'],
  ['KUNA', 'Kuwait News Agency'],
  ['WAFA'],
  ['New York Times', 'The New York Times', 'NYT'],
  ['Washington Post', 'The Washington Post'],
  ['Wall Street Journal', 'The Wall Street Journal', 'WSJ'],
  ['USA Today'],
  ['Los Angeles Times', 'LA Times', 'L.A. Times'],
  ['Guardian', 'The Guardian'],
  ['Financial Times', 'The Financial Times', 'FT'],
  ['The Times', 'The Times of London'],
  ['Telegraph', 'The Telegraph', 'Daily Telegraph', 'The Daily Telegraph'],
  ['Independent', 'The Independent'],
  ['Economist', 'The Economist'],
  ['NPR', 'National Public Radio'],
  ['Fox News', 'Fox News Channel'],
  ['NBC News', 'NBC'],
  ['CBS News', 'CBS'],
  ['ABC News', 'ABC'],
  ['CNBC'],
  ['MSNBC'],
  ['Politico'],
  ['Axios'],
  ['Sky News'],
  ['ITV News', 'ITV'],
  ['Deutsche Welle', 'DW'],
  ['France 24'],
  ['Euronews'],
  ['Le Monde'],
  ['Le Figaro'],
  ['Der Spiegel', 'Spiegel'],
  ['Die Welt'],
  ['Bild'],
  ['El País', 'El Pais'],
  ['Corriere della Sera'],
  ['La Repubblica'],
  ['Haaretz'],
  ['Times of Israel', 'The Times of Israel'],
  ['Jerusalem Post', 'The Jerusalem Post'],
  ['Times of India', 'The Times of India'],
  ['Hindustan Times', 'The Hindustan Times'],
  ['Dawn'],
  ['South China Morning Post', 'SCMP', 'the South China Morning Post'],
  ['Global Times'],
  ['China Daily'],
  ['Nikkei', 'Nikkei Asia'],
  ['Asahi', 'Asahi Shimbun', 'The Asahi Shimbun'],
  ['Yomiuri', 'Yomiuri Shimbun', 'The Yomiuri Shimbun'],
  ['Korea Herald', 'The Korea Herald'],
  ['Sydney Morning Herald', 'The Sydney Morning Herald'],
  ['ABC Australia', 'Australian Broadcasting Corporation'],
  ['CBC', 'CBC News', 'Canadian Broadcasting Corporation'],
  ['Globe and Mail', 'The Globe and Mail'],
  ['Axel Springer'],
]

// Acronyms must be written in capitals; other names as written.
const isAcronym = (alias: string): boolean => /^[\p{Lu}\d.\- ]+$/u.test(alias) && alias.replace(/[^\p{L}]/gu, '').length <= 6
const canonicalByKey = new Map<string, string>()
const canonicalByAlias = new Map<string, string>()
for (const [canonical, ...aliases] of OUTLETS) {
  for (const alias of [canonical as string, ...aliases]) {
    canonicalByAlias.set(alias, canonical as string)
    // Wire copy and headlines write names in capitals: "(REUTERS)", "REUTER".
    if (!isAcronym(alias)) canonicalByAlias.set(alias.toUpperCase(), canonical as string)
    canonicalByKey.set(sourceKey(alias), canonical as string)
  }
}

function sourceKey(name: string): string {
  return fold(name)
    .replace(/[.’']/g, '')
    .replace(/[\s\-_]+/g, ' ')
    .replace(/^the /, '')
    .trim()
}

/**
 * The canonical name of a news agency or outlet, case-insensitively: 'Associated Press' -> 'AP',
 * 'reuters' -> 'Reuters', 'The New York Times' -> 'New York Times'; `null` when it is none we know.
 */
export function canonicalSource(name: string): string | null {
  if (typeof name !== 'string' || name.length > 200) return null
  return canonicalByKey.get(sourceKey(name)) ?? null
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const ALIASES = [...canonicalByAlias.keys()].sort((a, b) => b.length - a.length)
const ALIAS_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ALIASES.map(escape).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu')

// What makes a mention a credit. Before the name: "according to", "told", "a ... report"...
const BEFORE =
  /(?:according to|told|telling|tells|speaking to|spoke to|speaking with|spoke with|talking to|interview with|quoted by|cited by|reported by|reported to|obtained by|seen by|reviewed by|confirmed to|said to|reports? from|writing (?:for|in)|wrote (?:for|in)|in its report,?|in a report,?)\s*(?:the\s+)?$/i
// After the name: a verb of saying or reporting, a report, a correspondent.
const AFTER =
  /^(?:['’]s?)?\s*(?:\([^()\n]{1,30}\)\s*)?(?:news agency\s+|agency\s+|newspaper\s+|daily\s+|channel\s+|television\s+|tv\s+|radio\s+|also\s+|later\s+|previously\s+|first\s+|has\s+|had\s+|have\s+|was\s+)?(?:reported|reports?|reporting|said|says|added|adds|wrote|writes|continued|continues|spoke|told|quoted|quotes|quoting|cited|cites|citing|learned|learnt|obtained|reviewed|confirmed|noted|stated|announced|interviewed|contacted|revealed|published|broadcast|aired|understands|asked|found|analy[sz]ed|correspondent|reporter|journalist|dispatch|story|article|investigation|poll|survey|interview|photographer|video|footage|count|tally|tallies|calculations?)\b/i
// A credit in parentheses, as in a dateline: "(AP)", "(Reuters)".
const PAREN_BEFORE = /\(\s*$/
const PAREN_AFTER = /^\s*\)/
// A capitalised word right before the name makes it part of a person's or firm's name ("Michael Bloomberg").
const NAME_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{Ll}]+)\.?\s+$/u
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'To', 'By', 'For', 'Told', 'According', 'Said', 'Tells', 'Telling', 'Via', 'From', 'With'])

/**
 * Whether only spaces, dashes and '(' stand between the last line break (or the start) and the end of
 * `before`: `/(?:^|\n)[\s(—–-]*$/`, matched from the start of the trailing run only (linear).
 */
function startsLine(before: string): boolean {
  const tail = /(?<![\s(—–-])[\s(—–-]*$/.exec(before)!
  return tail.index === 0 || tail[0].includes('\n')
}

/**
 * The agencies and outlets a text credits, canonical names, most cited first (then first cited).
 * A name counts only where the text credits it: "(AP)", "AP reported", "according to Reuters",
 * "told AFP", "a Reuters report", a sign-off line; a bare mention does not.
 */
export function extractSources(text: string): string[] {
  const counts = new Map<string, { n: number; first: number }>()
  let lastEnd = -1
  let lastCanonical = ''
  ALIAS_RE.lastIndex = 0
  for (let m = ALIAS_RE.exec(text); m; m = ALIAS_RE.exec(text)) {
    const alias = m[0]
    const start = m.index
    const end = start + alias.length
    const canonical = canonicalByAlias.get(alias) as string
    // "Agence France-Presse (AFP) reported": the acronym belongs to the name just before it.
    if (canonical === lastCanonical && start - lastEnd <= 3 && /^\s*\($/.test(text.slice(lastEnd, start))) continue
    const before = text.slice(Math.max(0, start - 40), start)
    const after = text.slice(end, end + 60)
    const person = NAME_BEFORE.exec(before)
    if (person && !NOT_NAMES.has(person[1] as string) && !isAcronym(alias)) continue
    const signOff = startsLine(before) && /^[\s)]*$/.test(after) && end >= text.length - 60
    const credited =
      (PAREN_BEFORE.test(before) && PAREN_AFTER.test(after)) || AFTER.test(after) || BEFORE.test(before) || signOff
    if (!credited) continue
    lastEnd = end
    lastCanonical = canonical
    const c = counts.get(canonical)
    if (c) c.n++
    else counts.set(canonical, { n: 1, first: start })
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([name]) => name)
}
