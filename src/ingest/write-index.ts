import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { WritableNewsIndex as NewsIndex } from '../engine/writable-index.js'
import { NewsdexError } from '../errors.js'

/**
 * Writes bytes (or pieces of bytes, one after another) to `path` atomically: to a temporary file
 * beside it, flushed, then renamed over the target. Readers see the old file or the new one, never
 * half a file. A failure (a full disk, a read-only directory) throws `E_IO` naming the path, and
 * leaves the old file and no temporary file.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | readonly Uint8Array[]): Promise<void> {
  const target = resolve(path)
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await mkdir(dirname(target), { recursive: true })
    await removeStaleTemporaries(target)
    const handle = await open(temporary, 'wx')
    try {
      for (const piece of bytes instanceof Uint8Array ? [bytes] : bytes) await handle.writeFile(piece)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new NewsdexError('E_IO', `cannot write ${path}: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * Removes the temporary files of earlier writes to `target` whose process is gone (a build killed
 * before its rename leaves one behind).
 */
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `${basename(target)}.`
  for (const name of await readdir(dirname(target))) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    // `<target>.<pid>.<8 hex digits>.tmp`, as writeFileAtomic names them.
    const [pid, random, ...rest] = name.slice(prefix.length, -'.tmp'.length).split('.')
    if (rest.length > 0 || !/^\d+$/.test(pid ?? '') || !/^[0-9a-f]{8}$/.test(random ?? '')) continue
    if (!isRunning(Number(pid))) await rm(join(dirname(target), name), { force: true })
  }
}

/** Whether a process with this id is running (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Serializes `index` and writes it atomically to `path`; returns the number of bytes written. */
export async function writeIndex(index: NewsIndex, path: string): Promise<{ bytes: number }> {
  const pieces = index._serializePieces()
  await writeFileAtomic(path, pieces)
  return { bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) }
}

/**
 * Writes the parts of `index` for the browser: its `search` part to `path`, every other part to
 * `<path>.<part>` (what `NewsIndex.open(url)` fetches). Returns the total number of bytes written.
 */
export async function writeIndexParts(index: NewsIndex, path: string): Promise<{ bytes: number }> {
  const parts = index.serializeParts()
  let bytes = 0
  for (const [name, data] of Object.entries(parts)) {
    if (name !== 'search') await writeFileAtomic(`${path}.${name}`, data)
    bytes += data.length
  }
  // The search part last: a reader that sees it finds every part it names.
  await writeFileAtomic(path, parts.search!)
  return { bytes }
}
