/** Every coded error newsdex raises. */
export type NewsdexErrorCode =
  /** The data is not a newsdex index at all (wrong magic bytes, empty input). */
  | 'E_NOT_AN_INDEX'
  /** The data is a newsdex index of a format version this build cannot read. */
  | 'E_VERSION'
  /** The data is truncated, fails its checksum, or holds invalid structures. */
  | 'E_CORRUPT'
  /** An argument is invalid (bad article, bad option value). */
  | 'E_INVALID_ARGUMENT'
  /** An article with the same id is already in the index. */
  | 'E_DUPLICATE_ID'
  /** An input file could not be parsed as an article. */
  | 'E_PARSE'
  /** A file could not be read or written. */
  | 'E_IO'

/** The error newsdex throws: `code` tells what went wrong, `message` says where. */
export class NewsdexError extends Error {
  readonly code: NewsdexErrorCode
  /** The file (with `:line` or `[index]` for one record of it) the error is about, when there is one. */
  readonly path: string | undefined

  constructor(code: NewsdexErrorCode, message: string, options?: { cause?: unknown; path?: string }) {
    super(message, options)
    this.name = 'NewsdexError'
    this.code = code
    this.path = options?.path
  }
}

/** The `E_CORRUPT` error of index data that fails a check; `what` names the data ("section 'dates'"). */
export function corruptIndex(what: string, cause?: unknown): NewsdexError {
  return new NewsdexError('E_CORRUPT', `corrupt newsdex index: bad ${what}`, { cause })
}

/** Throws `corruptIndex(what)` unless `ok`. */
export function checkIndex(ok: unknown, what: string): asserts ok {
  if (!ok) throw corruptIndex(what)
}

/** Throws the `E_INVALID_ARGUMENT` error of option `name` unless `ok`, showing the `value` given. */
export function checkOption(ok: boolean, name: string, value: unknown): void {
  if (!ok) throw new NewsdexError('E_INVALID_ARGUMENT', `invalid ${name}: ${JSON.stringify(value)}`)
}
