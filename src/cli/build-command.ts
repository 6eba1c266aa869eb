import { parseArgs } from 'node:util'
import { buildIndex } from '../ingest/build-index.js'
import { writeIndex, writeIndexParts } from '../ingest/write-index.js'
import { UsageError, type Output } from './output.js'

export const BUILD_USAGE = 'newsdex build <globs…> --out <file> [--split] [--cwd <dir>] [--ignore <glob>]… [--keep-going] [--quiet]'

/** `newsdex build`: index the files the globs match and write the index atomically. Returns the exit code. */
export async function buildCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      cwd: { type: 'string' },
      ignore: { type: 'string', multiple: true },
      'keep-going': { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  })
  if (positionals.length === 0) throw new UsageError('build needs at least one glob of input files')
  if (!values.out) throw new UsageError('build needs --out <file>')
  const started = performance.now()
  const { index, errors } = await buildIndex({
    patterns: positionals,
    ...(values.cwd ? { cwd: values.cwd } : {}),
    ...(values.ignore ? { ignore: values.ignore } : {}),
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
