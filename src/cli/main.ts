import { NewsdexError } from '../errors.js'
import { BUILD_USAGE, buildCommand } from './build-command.js'
import { INSPECT_USAGE, inspectCommand } from './inspect-command.js'
import { UsageError, type Output } from './output.js'
import { SEARCH_USAGE, searchCommand } from './search-command.js'
import { VERSION } from '../ingest/version.js'

const USAGE = ['usage:', `  ${BUILD_USAGE}`, `  ${SEARCH_USAGE}`, `  ${INSPECT_USAGE}`].join('\n')

/** `newsdex --help`: what each command does, and how to learn more. */
const HELP = [
  `newsdex ${VERSION}: full-text search for news archives`,
  '',
  USAGE,
  '',
  'commands:',
  '  build     index article files (text, Markdown, JSON, NDJSON) into one index file',
  '  search    print the ranked hits of a query in an index file',
  '  inspect   print what an index file holds',
  '',
  'options:',
  '  --help, -h      show this help; `newsdex <command> --help` describes a command\'s options',
  '  --version, -v   print the version',
  '',
  'examples:',
  '  newsdex build "news/**/*.md" --out dist/news.idx',
  '  newsdex search dist/news.idx rocket attack --limit 5',
].join('\n')

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Output = { out: console.log, err: console.error }, isTty = false): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'build': return await buildCommand(rest, io)
      case 'search': return await searchCommand(rest, io, isTty)
      case 'inspect': return await inspectCommand(rest, io)
      case '-v':
      case '--version':
      case 'version':
        io.out(VERSION)
        return 0
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(command === undefined ? USAGE : HELP)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command '${command}'`)
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      const help = command === 'build' || command === 'search' || command === 'inspect' ? `newsdex ${command} --help` : 'newsdex --help'
      // Node's own message for an unknown option ends with an unbalanced quote: say it plainly.
      const unknown = /^Unknown option '([^']*)'/.exec(error.message)
      const message = unknown ? `unknown option '${unknown[1]}'` : error.message
      io.err(`newsdex: ${message}\n${USAGE}\n(${help} describes the options)`)
      return 2
    }
    if (error instanceof NewsdexError) {
      io.err(`newsdex: ${error.message} [${error.code}]`)
      return 1
    }
    throw error
  }
}
