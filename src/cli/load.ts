import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { NewsIndex } from '../engine/news-index.js'
import { checkIndex, NewsdexError } from '../errors.js'
import { decodeManifest } from '../format/manifest.js'

async function read(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    throw new NewsdexError('E_IO', `cannot read ${path}: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * Reads and loads an index file, naming the file in any error. A split index is loaded with every
 * part: from its manifest (`build --split`: `news.json`), or found beside its search part in the older
 * layout (`<file>.positions`, `<file>.display-<i>`, `<file>.text-<i>`). `bytes` are those of the
 * search part, or of the whole index.
 */
export async function loadIndexFile(path: string): Promise<{ index: NewsIndex; bytes: Uint8Array }> {
  const first = await read(path)
  let where = path
  try {
    if (first[0] === 0x7b) {
      // '{': a manifest; its parts are named relative to it.
      const { parts } = decodeManifest(first)
      checkIndex(parts.search, 'manifest: no search part')
      where = join(dirname(path), parts.search.file)
      const bytes = await read(where)
      const index = NewsIndex.load(bytes)
      for (const [name, part] of Object.entries(parts)) {
        // Packs hold the display and text chunks again (for a browser's preload()).
        if (name === 'search' || name.startsWith('pack-')) continue
        where = join(dirname(path), part.file)
        index.addPart(await read(where))
      }
      return { index, bytes }
    }
    const bytes = first
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
