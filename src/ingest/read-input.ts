import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'

/** Bytes read at a time from an NDJSON file, which is parsed as it is read. */
export const READ_CHUNK_BYTES = 1 << 20

/** A file that could not be read: the message says why (`EIO: i/o error, read`, `not a regular file`). */
export class ReadError extends Error {}

/** A file whose size or modification time changed between the start and the end of its read. */
export class ChangedWhileRead extends ReadError {}

/**
 * Opens an input file: without blocking (a FIFO put in a file's place would otherwise wait for a
 * writer forever), and only if it is a regular file. Returns the handle and its stats.
 */
async function openInput(path: string): Promise<{ handle: FileHandle; before: Stats }> {
  let handle: FileHandle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw new ReadError((error as Error).message, { cause: error })
  }
  try {
    const before = await handle.stat()
    if (!before.isFile()) throw new ReadError('not a regular file')
    return { handle, before }
  } catch (error) {
    await handle.close()
    throw error instanceof ReadError ? error : new ReadError((error as Error).message, { cause: error })
  }
}

/** Throws `ChangedWhileRead` when the open file's size or modification time is not what it was. */
async function checkUnchanged(handle: FileHandle, before: Stats, read: number): Promise<void> {
  const after = await handle.stat()
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || read !== before.size) {
    throw new ChangedWhileRead(`changed while it was read (${before.size} bytes when opened, ${read} read, ${after.size} at the end)`)
  }
}

/** Reads `handle` into `buffer` from the current position; returns the bytes read (0 at the end). */
async function readSome(handle: FileHandle, buffer: Uint8Array): Promise<number> {
  try {
    return (await handle.read(buffer, 0, buffer.length, null)).bytesRead
  } catch (error) {
    throw new ReadError((error as Error).message, { cause: error })
  }
}

/**
 * Reads a whole file as UTF-8 text (invalid bytes become U+FFFD; a byte order mark is dropped).
 * Throws `ReadError` when it cannot be read, `ChangedWhileRead` when it changed during the read.
 */
export async function readWhole(path: string): Promise<string> {
  const { handle, before } = await openInput(path)
  try {
    const decoder = new TextDecoder()
    let text = ''
    let read = 0
    // One buffer the file's size (plus one byte, to see that it ended there); a file that grows
    // is read on in chunks, and then found changed.
    const buffer = new Uint8Array(Math.min(before.size + 1, 64 * READ_CHUNK_BYTES))
    for (;;) {
      const n = await readSome(handle, buffer)
      if (n === 0) break
      read += n
      text += decoder.decode(buffer.subarray(0, n), { stream: true })
    }
    text += decoder.decode()
    await checkUnchanged(handle, before, read)
    return text
  } finally {
    await handle.close()
  }
}

/**
 * Reads a file line by line (`\n` or `\r\n`), `READ_CHUNK_BYTES` at a time, so that only one chunk
 * and one line are held: yields each line with its number and the bytes read up to its end.
 * Throws `ReadError` when the file cannot be read, `ChangedWhileRead` (after the last line) when
 * it changed during the read.
 */
export async function* readLines(path: string): AsyncGenerator<{ line: string; n: number; bytes: number }> {
  const { handle, before } = await openInput(path)
  try {
    const decoder = new TextDecoder()
    const buffer = new Uint8Array(READ_CHUNK_BYTES)
    let carry = ''
    let n = 0
    let read = 0
    let done = 0
    for (;;) {
      const got = await readSome(handle, buffer)
      const text = carry + (got === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, got), { stream: true }))
      read += got
      let start = 0
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end)
        done += byteLength(text, start, end + 1)
        start = end + 1
        yield { line, n: ++n, bytes: done }
      }
      carry = text.slice(start)
      if (got === 0) break
    }
    if (carry !== '') yield { line: carry.endsWith('\r') ? carry.slice(0, -1) : carry, n: ++n, bytes: read }
    await checkUnchanged(handle, before, read)
  } finally {
    await handle.close()
  }
}

/** UTF-8 bytes of `text.slice(start, end)`, without making the slice. */
function byteLength(text: string, start: number, end: number): number {
  let bytes = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3
  }
  return bytes
}
