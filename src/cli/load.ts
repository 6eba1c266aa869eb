import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { NewsIndex } from '../engine/news-index.js'
import { NewsdexError } from '../errors.js'

async function read(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    throw new NewsdexError('E_IO', `cannot read ${path}: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * Reads and loads an index file, naming the file in any error. A split index (`build --split`) is
 * loaded with every part found beside it (`<file>.positions`, `<file>.display-<i>`, `<file>.text-<i>`).
 */
export async function loadIndexFile(path: string): Promise<{ index: NewsIndex; bytes: Uint8Array }> {
  const bytes = await read(path)
  let where = path
  try {
    const index = NewsIndex.load(bytes)
    const prefix = `${basename(path)}.`
    const parts = (await readdir(dirname(path))).filter((name) => name.startsWith(prefix) && /^(positions|display-\d+|text-\d+)$/.test(name.slice(prefix.length)))
    for (const name of parts) {
      where = join(dirname(path), name)
      index.addPart(await read(where))
    }
    return { index, bytes }
  } catch (error) {
    if (error instanceof NewsdexError) throw new NewsdexError(error.code, `${where}: ${error.message}`, { cause: error })
    throw error
  }
}
