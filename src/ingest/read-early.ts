import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

/** Reads started ahead of need, by resolved path: each is taken once. */
const started = new Map<string, Promise<Buffer>>()

/**
 * Starts reading a file that will be read soon (the CLI starts on the build cache file while its
 * modules load: on Reuters, 40 ms of reading that the loading hides). A read that fails fails when taken.
 */
export function readEarly(path: string): void {
  const read = readFile(path)
  // Not taken, or taken later: its failure is the taker's.
  read.catch(() => {})
  started.set(resolve(path), read)
}

/** The bytes of a file: from the read `readEarly` started (taken once), else read now. */
export function readEarlyOrNow(path: string): Promise<Buffer> {
  const key = resolve(path)
  const read = started.get(key)
  started.delete(key)
  return read ?? readFile(path)
}
