import { readFile } from 'node:fs/promises'
import { NewsIndex } from '../engine/news-index.js'
import { NewsdexError } from '../errors.js'

/** Reads and loads an index file, naming the file in any error. */
export async function loadIndexFile(path: string): Promise<{ index: NewsIndex; bytes: Uint8Array }> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new NewsdexError('E_IO', `cannot read ${path}: ${(error as Error).message}`, { cause: error })
  }
  try {
    return { index: NewsIndex.load(bytes), bytes }
  } catch (error) {
    if (error instanceof NewsdexError) throw new NewsdexError(error.code, `${path}: ${error.message}`, { cause: error })
    throw error
  }
}
