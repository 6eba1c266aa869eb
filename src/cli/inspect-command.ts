import { parseArgs } from 'node:util'
import { decodeContainer } from '../format/container.js'
import { loadIndexFile } from './load.js'
import { UsageError, type Output } from './output.js'

export const INSPECT_USAGE = 'newsdex inspect <file> [--json]'

export const INSPECT_HELP = [
  `usage: ${INSPECT_USAGE}`,
  '',
  'Prints what an index file holds: format version, articles, terms, dates, sections and top facets.',
  '',
  'options:',
  '  --json       print the report as JSON',
  '  --help, -h   show this help',
].join('\n')

/** `newsdex inspect`: format version, articles, terms, bytes and sections of an index file. Returns the exit code. */
export async function inspectCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } })
  if (values.help) {
    io.out(INSPECT_HELP)
    return 0
  }
  const [file] = positionals
  if (!file) throw new UsageError('inspect needs an index file')
  const { index, bytes } = await loadIndexFile(file)
  const { sections } = decodeContainer(bytes)
  const stats = index.stats()
  const report = {
    file,
    format: 'newsdex',
    formatVersion: new DataView(bytes.buffer, bytes.byteOffset).getUint16(4, true),
    bytes: bytes.length,
    articles: stats.articles,
    terms: stats.terms,
    dateRange: stats.dateRange,
    options: index.options,
    sections: Object.fromEntries([...sections].map(([name, data]) => [name, data.length])),
    facets: index.search('', { facets: ['source', 'country', 'year', ...index.options.facets], limit: 0 }).facets,
  }
  if (values.json) {
    io.out(JSON.stringify(report, null, 2))
    return 0
  }
  io.out(`${file}: newsdex index, format version ${report.formatVersion}, ${report.bytes} bytes`)
  io.out(`articles: ${report.articles}`)
  io.out(`terms:    ${report.terms}`)
  io.out(`dates:    ${stats.dateRange ? `${stats.dateRange.from} .. ${stats.dateRange.to}` : 'none'}`)
  io.out(`sections: ${Object.entries(report.sections).map(([name, size]) => `${name} ${size} B`).join(', ')}`)
  for (const [facet, counts] of Object.entries(report.facets)) {
    io.out(`${`${facet}:`.padEnd(9)} ${(counts ?? []).slice(0, 8).map((c) => `${c.value} (${c.count})`).join(', ') || 'none'}`)
  }
  return 0
}
