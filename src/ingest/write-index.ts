import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { WritableNewsIndex as NewsIndex } from '../engine/writable-index.js'
import { NewsdexError } from '../errors.js'
import type { Manifest } from '../format/manifest.js'
import { manifestFiles } from './manifest.js'
import { useNativeCrc32 } from './native-crc.js'

/**
 * Writes bytes (or pieces of bytes, one after another) to `path` atomically: to a temporary file
 * beside it, flushed (unless `sync` is `false`), then renamed over the target. Readers see the old
 * file or the new one, never half a file. A failure (a full disk, a read-only directory) throws
 * `E_IO` naming the path, and leaves the old file and no temporary file. Without the flush, a
 * crash of the system soon after may leave the new name with incomplete content: for files that
 * check themselves when read (the build cache), not for the index.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | readonly Uint8Array[], { sync = true }: { sync?: boolean } = {}): Promise<void> {
  const target = resolve(path)
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await mkdir(dirname(target), { recursive: true })
    await removeStaleTemporaries(target)
    const handle = await open(temporary, 'wx')
    try {
      for (const piece of bytes instanceof Uint8Array ? [bytes] : bytes) await handle.writeFile(piece)
      if (sync) await handle.sync()
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
  useNativeCrc32()
  const pieces = index._serializePieces()
  await writeFileAtomic(path, pieces)
  return { bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) }
}

/** What `writeIndexParts()` wrote. */
export interface WrittenParts {
  /** The manifest's path: what `NewsIndex.open()` is given the URL of. */
  manifest: string
  /** The part files written, beside the manifest. */
  files: string[]
  /** Bytes of the parts and the manifest. */
  bytes: number
  /** Part files of the previous build, which its manifest listed, removed once the new manifest was in place. */
  removed: string[]
}

/** `dist/news.json`, `dist/news.idx` and `dist/news` all name the manifest `dist/news.json`, with base name `news`. */
export function manifestPath(path: string): { manifest: string; name: string } {
  const manifest = path.replace(/\.(json|idx)$/, '') + '.json'
  return { manifest, name: basename(manifest, '.json') }
}

/**
 * Writes the parts of `index` for the browser beside the manifest `path` (`dist/news.json`): each
 * part under its content-hashed name (`news.3f2a91c0.idx`, `news.display-0.5be1c04d.idx`…), then the
 * manifest, last, so that a reader that sees the new manifest finds every part it names. The parts
 * of the build the old manifest listed are then removed (a page that still uses them reads the new
 * manifest when a part is gone; see `NewsIndex.open()`). Every file is written atomically.
 */
export async function writeIndexParts(index: NewsIndex, path: string): Promise<WrittenParts> {
  useNativeCrc32()
  const { manifest: target, name } = manifestPath(path)
  const dir = dirname(target)
  const { manifestBytes, files } = manifestFiles(index.serializeParts(), name)
  const previous = await previousFiles(target, name)
  let bytes = manifestBytes.length
  for (const [file, data] of files) {
    await writeFileAtomic(join(dir, file), data)
    bytes += data.length
  }
  await writeFileAtomic(target, manifestBytes)
  const removed = [...previous].filter((file) => !files.has(file))
  for (const file of removed) await rm(join(dir, file), { force: true })
  return { manifest: target, files: [...files.keys()].map((file) => join(dir, file)), bytes, removed: removed.map((file) => join(dir, file)) }
}

/**
 * The part files the manifest at `path` lists (none without a readable manifest there): only names
 * as `writeIndexParts()` gives them (`<name>[.<part>].<8 hex digits>.idx`), so no other file is removed.
 */
async function previousFiles(path: string, name: string): Promise<Set<string>> {
  const ours = (file: unknown): file is string => typeof file === 'string' && file.startsWith(`${name}.`) && /^\.(?:[a-z]+(?:-\d+)?\.)?[0-9a-f]{8}\.idx$/.test(file.slice(name.length))
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest
    return new Set(Object.values(manifest.parts).map((part) => part.file).filter(ours))
  } catch {
    return new Set()
  }
}
