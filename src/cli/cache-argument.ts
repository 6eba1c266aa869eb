/**
 * The file of `--cache <file>` (or `--cache=<file>`) on a `build` command line, read before the
 * command's own parsing so that the CLI can start reading it while its modules load; `undefined`
 * for another command, or none given before a `--`.
 */
export function cacheArgument(argv: readonly string[]): string | undefined {
  if (argv[0] !== 'build') return undefined
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') return undefined
    if (arg === '--cache') return argv[i + 1]
    if (arg.startsWith('--cache=')) return arg.slice('--cache='.length)
  }
  return undefined
}
