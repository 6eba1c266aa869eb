import { parseArgs } from 'node:util'
import type { SearchOptions } from '../types.js'
import { loadIndexFile } from './load.js'
import { renderHighlight, UsageError, wantsColor, type Output } from './output.js'

export const SEARCH_USAGE = 'newsdex search <file> <query…> [options]'

export const SEARCH_HELP = [
  `usage: ${SEARCH_USAGE}`,
  '',
  'Prints the ranked hits of a query with their snippets, as plain terminal text (matches in bold',
  'yellow on a terminal), or as JSON. A split index is loaded with the parts beside it.',
  '',
  'options:',
  '  --limit, -n N            hits to print (default 10)',
  '  --offset N               hits to skip first, for the next page (default 0)',
  '  --sort <order>           relevance (default), newest or oldest',
  '  --source S               only articles from this source, such as AP (repeatable: any of them)',
  '  --location L             only articles about this place (repeatable)',
  '  --country CC             only articles about this country, ISO 3166-1 alpha-2 (repeatable)',
  '  --filter <field>=<value> only articles with this value of a custom keyword field (build --facet;',
  '                           repeatable: every field must hold, any of a field\'s values)',
  '  --from YYYY-MM-DD        only articles published on or after this date',
  '  --to YYYY-MM-DD          only articles published on or before this date',
  '  --color <when>           auto (default: when stdout is a terminal and NO_COLOR is unset), always or never',
  '  --json                   print the whole response as JSON (highlights as HTML), and nothing else',
  '  --quiet, -q              print the hits only: no count line, no notes about the query',
  '  --help, -h               show this help',
  '',
  'examples:',
  '  newsdex search dist/news.idx rocket attack --limit 5',
  '  newsdex search dist/news.idx \'"oil prices" -opec\' --sort newest --from 2020-01-01',
  '  newsdex search dist/news.idx cocoa --country BR --json',
].join('\n')

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number ≥ 0, got '${value}'`)
  return n
}

/** `--filter category=sport` → `{ category: ['sport'] }`, values of a field in the order given. */
function keywordFilter(specs: readonly string[]): Record<string, string[]> {
  const filter: Record<string, string[]> = {}
  for (const spec of specs) {
    const match = /^([A-Za-z]\w*)=(.+)$/.exec(spec)
    if (!match) throw new UsageError(`--filter must be <field>=<value> such as category=sport, got '${spec}'`)
    ;(filter[match[1]!] ??= []).push(match[2]!)
  }
  return filter
}

/** `newsdex search`: ranked hits with highlighted snippets, as text or JSON. Returns the exit code. */
export async function searchCommand(argv: string[], io: Output, isTty: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string', short: 'n' },
      offset: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      sort: { type: 'string' },
      source: { type: 'string', multiple: true },
      location: { type: 'string', multiple: true },
      country: { type: 'string', multiple: true },
      filter: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      color: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    io.out(SEARCH_HELP)
    return 0
  }
  const [file, ...words] = positionals
  if (!file) throw new UsageError('search needs an index file')
  const sort = values.sort ?? 'relevance'
  if (sort !== 'relevance' && sort !== 'newest' && sort !== 'oldest') throw new UsageError(`--sort must be relevance, newest or oldest, got '${sort}'`)
  const color = wantsColor(values.color, isTty)
  const options: SearchOptions = {
    limit: count('limit', values.limit, 10),
    offset: count('offset', values.offset, 0),
    sort,
    facets: ['source', 'location', 'year'],
    filter: {
      ...keywordFilter(values.filter ?? []),
      ...(values.source ? { source: values.source } : {}),
      ...(values.location ? { location: values.location } : {}),
      ...(values.country ? { country: values.country } : {}),
      ...(values.from || values.to ? { date: { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) } } : {}),
    },
  }
  const { index } = await loadIndexFile(file)
  options.facets!.push(...index.options.facets)
  const query = words.join(' ')
  const result = index.search(query, options)
  if (values.json) {
    io.out(JSON.stringify(result, null, 2))
    return 0
  }
  if (!values.quiet) {
    for (const d of result.query.diagnostics) io.err(`note: ${d.message}`)
    const relaxed = result.query.relaxed ? ' (no article has every term; showing partial matches)' : ''
    // Quoted with the quote the query does not use, so that its phrases read as typed.
    const quote = query.includes('"') ? "'" : '"'
    io.out(`${result.total} hit(s) for ${quote}${query}${quote} in ${index.size} article(s)${relaxed}`)
  }
  result.hits.forEach((hit, i) => {
    const a = hit.article
    const keywords = Object.values(a.keywords ?? {}).map((values) => values.join(', '))
    const meta = [a.date, a.source.join(', '), a.location.slice(0, 3).join(', '), ...keywords].filter(Boolean).join(' · ')
    if (i > 0 || !values.quiet) io.out('')
    io.out(`${options.offset! + i + 1}. ${renderHighlight(hit.highlight?.title || '(untitled)', color)}`)
    io.out(`   ${meta ? `${meta} · ` : ''}id ${hit.id} · score ${hit.score.toFixed(2)}`)
    for (const snippet of hit.highlight?.snippets ?? []) io.out(`   ${renderHighlight(snippet, color)}`)
  })
  return 0
}
