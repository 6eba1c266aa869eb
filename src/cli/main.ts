import { NewsdexError } from '../errors.js'
import { BUILD_OPTIONS, BUILD_USAGE, buildCommand } from './build-command.js'
import { INSPECT_USAGE, inspectCommand } from './inspect-command.js'
import { UsageError, type Output } from './output.js'
import { SEARCH_USAGE, searchCommand } from './search-command.js'

const USAGE = ['usage:', `  ${BUILD_USAGE}`, `  ${SEARCH_USAGE}`, `  ${INSPECT_USAGE}`].join('\n')
/** `--help`: the usage, then what the build options do. */
const HELP = [USAGE, '', 'build options:', ...BUILD_OPTIONS.map((line) => `  ${line}`)].join('\n')

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Output = { out: console.log, err: console.error }, isTty = false): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'build': return await buildCommand(rest, io)
      case 'search': return await searchCommand(rest, io, isTty)
      case 'inspect': return await inspectCommand(rest, io)
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
      io.err(`newsdex: ${error.message}\n${USAGE}`)
      return 2
    }
    if (error instanceof NewsdexError) {
      io.err(`newsdex: ${error.message} [${error.code}]`)
      return 1
    }
    throw error
  }
}
