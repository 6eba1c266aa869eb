import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { MAPPABLE_FIELDS, type FieldMap } from '../article/fields.js'
import { BuildCache } from '../ingest/build-cache.js'
import { buildIndex } from '../ingest/build-index.js'
import { manifestPath, writeIndex, writeIndexParts } from '../ingest/write-index.js'
import { grouped, UsageError, type Output } from './output.js'
import { progressLine } from './progress.js'
import { watchInputs, watchRoots } from './watch.js'

export const BUILD_USAGE = 'newsdex build <globs…> --out <file> [options]  |  newsdex build --site <dir> --out <file>'

/** What each option of `build` does, for `--help`. */
export const BUILD_OPTIONS = [
  '--out, -o <file>        the index file to write (atomically: never half a file)',
  '--split                 write the index in parts for NewsIndex.open(), each under a content-hashed',
  '                        name, and a manifest <name>.json listing them (--out news.json or news.idx)',
  '--site <dir>            index a built site: its HTML pages (globs, if given, are relative to it), each',
  '                        with its URL from its path; pages with no article are skipped and counted',
  '--cwd <dir>             directory the globs are relative to (default: the current one)',
  '--ignore <glob>         files to skip (repeatable; node_modules is always skipped)',
  '--field <field>=<key>   the JSON key holding an article field (repeatable; a field given twice',
  `                        takes the first key present): ${MAPPABLE_FIELDS.join(', ')}`,
  '--facet <key>           a JSON or front-matter key stored as a custom keyword field, filterable and',
  '                        facetable like source (repeatable): --facet category',
  '--country CC            the archive\'s home country, ISO 3166-1 alpha-2 (US, GB): ambiguous and small',
  '                        local places resolve there (default: inferred per article from its places)',
  '--watch, -w             build, then build again whenever an input changes (until Ctrl+C)',
  '--cache <file>          keep what parsing and analyzing each file gave in <file>, keyed by the',
  '                        file\'s content, with the index built: the next build reads only files whose',
  '                        stat changed, parses only those whose content changed, and patches the index',
  '                        when only articles in place changed (each save appends what changed)',
  '--strict                records with no text are errors (default: skipped, with one count line)',
  '--keep-going            write the index even when some records or files fail (still exits 1)',
  '--progress <when>       auto (default: on stderr when it is a terminal), always or never',
  '--json                  print one JSON summary on stdout, written or not: out, written, articles,',
  '                        skipped, errors, failures (each error: path, line, message), terms, bytes,',
  '                        seconds (and files parsed and reused with --cache or --watch); no other line',
  '                        on stdout, and on stderr only the errors',
  '--quiet, -q             print nothing but errors (stderr)',
  '--help, -h              show this help',
]

export const BUILD_HELP = [
  `usage: ${BUILD_USAGE}`,
  '',
  'Indexes the files the fast-glob patterns match (.txt, .md, .json, .ndjson/.jsonl, .html, and RSS or',
  'Atom feeds: .rss, .atom, .xml) and writes one index file. Bad records are reported one line each',
  '(file:line); records with no text are skipped and counted. Exits 1 on any error, 0 otherwise.',
  '',
  'options:',
  ...BUILD_OPTIONS.map((line) => `  ${line}`),
  '',
  'examples:',
  '  newsdex build "news/**/*.md" --out dist/news.idx',
  '  newsdex build feed.jsonl --out news.idx --field title=headline --field body=content',
  '  newsdex build bbc.jsonl --out bbc.idx --facet category',
  '  newsdex build "news/**/*" --out dist/news.json --split --country US',
  '  astro build && newsdex build --site dist --out dist/news.json --split',
  '  newsdex build "news/**/*.md" --out public/news.idx --watch --cache .cache/newsdex.json',
].join('\n')

/** `--field title=headline` → `{ title: ['headline'] }`, keys in the order given. */
function fieldMap(specs: readonly string[]): FieldMap {
  const map: Record<string, string[]> = {}
  for (const spec of specs) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(spec)
    if (!match) throw new UsageError(`--field must be <field>=<key> such as title=headline, got '${spec}'`)
    const [, field, key] = match as unknown as [string, string, string]
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--field: unknown article field '${field}' (one of ${MAPPABLE_FIELDS.join(', ')})`)
    }
    ;(map[field] ??= []).push(key)
  }
  return map as FieldMap
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`
}

/** `newsdex build`: index the files the globs match and write the index atomically. Returns the exit code. */
export async function buildCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      cwd: { type: 'string' },
      site: { type: 'string' },
      ignore: { type: 'string', multiple: true },
      field: { type: 'string', multiple: true },
      facet: { type: 'string', multiple: true },
      country: { type: 'string' },
      cache: { type: 'string' },
      watch: { type: 'boolean', short: 'w', default: false },
      strict: { type: 'boolean', default: false },
      'keep-going': { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      progress: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    io.out(BUILD_HELP)
    return 0
  }
  if (positionals.length === 0 && values.site === undefined) throw new UsageError('build needs at least one glob of input files, or --site <dir>')
  if (!values.out) throw new UsageError('build needs --out <file>')
  if (values.country !== undefined && !/^[A-Za-z]{2}$/.test(values.country)) {
    throw new UsageError(`--country must be an ISO 3166-1 alpha-2 code such as US, got '${values.country}'`)
  }
  const when = values.progress ?? 'auto'
  if (when !== 'auto' && when !== 'always' && when !== 'never') throw new UsageError(`--progress must be auto, always or never, got '${when}'`)
  const fields = fieldMap(values.field ?? [])
  const out = values.out
  const errIsTty = io.errIsTty ?? Boolean(process.stderr.isTTY)
  const showProgress = when === 'always' || (when === 'auto' && errIsTty && !values.quiet && !values.json)
  // The first build's time counts reading the cache (see `build(started)` below).
  const commandStarted = performance.now()
  // Parse results are kept in memory while watching, and in the --cache file between runs.
  const cache = values.watch || values.cache ? (values.cache ? await BuildCache.load(values.cache) : new BuildCache()) : undefined
  let builds = 0

  /** One build: index, report, write; its reported time counts from `started`. Returns the exit code. */
  const build = async (started = performance.now()): Promise<number> => {
    const progress = showProgress ? progressLine(io.status ?? ((text) => process.stderr.write(text)), process.stderr.columns || 80) : undefined
    let result
    try {
      result = await buildIndex({
        ...(positionals.length > 0 ? { patterns: positionals } : {}),
        ...(values.site !== undefined ? { site: values.site } : {}),
        fields,
        strict: values.strict,
        ...(values.facet ? { facets: values.facet } : {}),
        ...(values.cwd ? { cwd: values.cwd } : {}),
        ...(values.ignore ? { ignore: values.ignore } : {}),
        ...(values.country ? { country: values.country } : {}),
        ...(cache ? { cache } : {}),
        ...(progress ? { onProgress: progress.update } : {}),
      })
    } finally {
      progress?.done()
    }
    // A rebuild that found no input changed (an editor touching a file) writes and says nothing.
    if (builds++ > 0 && !cache!.changed) return 0
    // Saved while the index is written: the record's serializing and checksum overlap the write's I/O.
    const saving = values.cache && cache!.unsaved ? cache!.save(values.cache) : undefined
    const { index, errors, skipped } = result
    const counts = cache?.counts
    /**
     * The summary of `--json`: one object on stdout, whether the index was written or not (`written`
     * is then the file written: the index, or the manifest of a split one; `parts` their number).
     */
    const summary = (written: string | null, bytes: number | null, parts?: number): void => {
      const seconds = Number(((performance.now() - started) / 1000).toFixed(2))
      io.out(JSON.stringify({ out: written ?? out, written: written !== null, ...(parts !== undefined ? { parts } : {}), articles: index.size, skipped, errors: errors.length, failures: errors, terms: index.stats().terms, bytes, seconds, ...(counts ? { files: counts } : {}) }))
    }
    // Errors go to stderr, even with --quiet; --json lists them in the summary as well.
    for (const error of errors) io.err(`error: ${error.path}${error.line ? `:${error.line}` : ''}: ${error.message}`)
    const [unit, lacking] = values.site !== undefined ? ['page', 'an article'] : ['record', 'text']
    if (skipped > 0 && !values.quiet && !values.json) io.err(`newsdex build: ${plural(skipped, unit)} without ${lacking} skipped (--strict to fail on them)`)
    const files = new Set(errors.map((error) => error.path.replace(/\[\d+\]$/, ''))).size
    const unwritten = errors.length > 0 && !values['keep-going'] ? `${plural(errors.length, 'error')} in ${plural(files, 'file')}; ${out} was not written (use --keep-going to write the rest)` : index.size === 0 ? `no articles to index; ${out} was not written` : null
    if (unwritten !== null) {
      io.err(`newsdex build: ${unwritten}`)
      if (values.json) summary(null, null)
      await saving
      return 1
    }
    const writing = values.split ? writeIndexParts(index, out) : writeIndex(index, out).then((w) => ({ ...w, manifest: out, files: [] as string[] }))
    // Both finish before either's failure is reported: a watching build's next save must not meet this one.
    const [write, save] = await Promise.allSettled([writing, saving])
    if (write.status === 'rejected') throw write.reason
    if (save.status === 'rejected') throw save.reason
    const written = write.value
    if (values.json) summary(written.manifest, written.bytes, values.split ? written.files.length : undefined)
    else if (!values.quiet) {
      const seconds = (performance.now() - started) / 1000
      const what = values.split ? `${written.manifest} and ${plural(written.files.length, 'part')}` : out
      const reuse = counts ? ` (${plural(counts.parsed, 'file')} parsed, ${grouped(counts.reused)} from the cache)` : ''
      io.out(`indexed ${index.size} article(s), ${index.stats().terms} terms → ${what} (${written.bytes} bytes) in ${seconds.toFixed(2)} s${reuse}`)
    }
    return errors.length > 0 ? 1 : 0
  }

  const code = await build(commandStarted)
  if (!values.watch) return code
  const root = resolve(values.cwd ?? '.', values.site ?? '')
  const { manifest, name } = manifestPath(resolve(out))
  // The index (or the manifest and its parts), the cache and temporary files are outputs, not inputs.
  const ignore = (path: string): boolean =>
    path === resolve(out) ||
    path === manifest ||
    (dirname(path) === dirname(manifest) && basename(path).startsWith(`${name}.`) && path.endsWith('.idx')) ||
    (values.cache !== undefined && path === resolve(values.cache)) ||
    path.endsWith('.tmp')
  const watching = watchInputs(watchRoots(positionals.length > 0 ? positionals : ['**/*.html'], root), build, { ignore, ...(io.signal ? { signal: io.signal } : {}) })
  if (!values.quiet && !values.json) io.err('newsdex build: watching for changes (Ctrl+C to stop)')
  await watching
  return code
}
