import { parseArgs } from 'node:util'
import { buildIndex } from '../ingest/build-index.js'
import { writeIndex, writeIndexParts } from '../ingest/write-index.js'
import { UsageError, type Output } from './output.js'

export const BUILD_USAGE = 'newsdex build <globs…> --out <file> [--split] [--cwd <dir>] [--ignore <glob>]… [--country CC] [--keep-going] [--quiet]'

/** What each option of `build` does, for `--help`. */
export const BUILD_OPTIONS = [
  '--out, -o <file>  the index file to write (atomically)',
  '--split           also write display and text parts beside it, loaded on demand',
  '--cwd <dir>       directory the globs are relative to (default: the current one)',
  '--ignore <glob>   files to skip (repeatable; node_modules is always skipped)',
  '--country CC      the archive\'s home country, ISO 3166-1 alpha-2 (US, GB): ambiguous and small',
  '                  local places resolve there (default: inferred per article from its places)',
  '--keep-going      write the index even when some files fail (still exits 1)',
  '--quiet, -q       print nothing on success',
]

/** `newsdex build`: index the files the globs match and write the index atomically. Returns the exit code. */
export async function buildCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      cwd: { type: 'string' },
      ignore: { type: 'string', multiple: true },
      country: { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  })
  if (positionals.length === 0) throw new UsageError('build needs at least one glob of input files')
  if (!values.out) throw new UsageError('build needs --out <file>')
  if (values.country !== undefined && !/^[A-Za-z]{2}$/.test(values.country)) {
    throw new UsageError(`--country must be an ISO 3166-1 alpha-2 code such as US, got '${values.country}'`)
  }
  const started = performance.now()
  const { index, errors } = await buildIndex({
    patterns: positionals,
    ...(values.cwd ? { cwd: values.cwd } : {}),
    ...(values.ignore ? { ignore: values.ignore } : {}),
    ...(values.country ? { country: values.country } : {}),
  })
  for (const error of errors) io.err(`error: ${error.path}: ${error.message}`)
  if (errors.length > 0 && !values['keep-going']) {
    io.err(`newsdex build: ${errors.length} file(s) failed; ${values.out} was not written (use --keep-going to write the others)`)
    return 1
  }
  if (index.size === 0) {
    io.err(`newsdex build: no articles to index; ${values.out} was not written`)
    return 1
  }
  const { bytes } = values.split ? await writeIndexParts(index, values.out) : await writeIndex(index, values.out)
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  const what = values.split ? `${values.out} and its parts` : values.out
  if (!values.quiet) io.out(`indexed ${index.size} article(s), ${index.stats().terms} terms → ${what} (${bytes} bytes) in ${seconds} s`)
  return errors.length > 0 ? 1 : 0
}
