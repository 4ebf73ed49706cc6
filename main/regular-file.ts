import { fs } from './fs.ts'

/**
 * Reads a file a player (or anything else) put into a folder the app reads from, such as a dropped-in
 * season table. Only a regular file is read: a symlink could point at `/dev/zero`, a FIFO would block
 * the open (and with it start-up and every CLI command) until someone writes to it, a device never
 * ends. The size is capped by the bytes actually read, not by what stat said before the read.
 */
export type RegularFileRead = { ok: true; text: string } | RegularFileRefusal
export type RegularFileRefusal = { ok: false; problem: 'not-a-file' | 'too-large' | 'unreadable' | 'changed'; code?: string }
/** `modifiedAt`: the file's mtime (epoch ms) as it was read. */
export type RegularBytesRead = { ok: true; bytes: Buffer; modifiedAt: number } | RegularFileRefusal

export function readRegularFile(path: string, maxBytes: number): RegularFileRead {
  const read = readRegularBytes(path, maxBytes)
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read
}

/**
 * The same for bytes, refusing a file that changed while it was read (the game writing it at logout):
 * its size or time after the read differs from before, so the bytes may be half old, half new.
 */
export function readRegularBytes(path: string, maxBytes: number): RegularBytesRead {
  // O_NOFOLLOW and O_NONBLOCK do not exist on Windows (0 there), where lstat below refuses links instead.
  const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants
  let fd: number
  try {
    if (!fs.lstatSync(path).isFile()) return { ok: false, problem: 'not-a-file' }
    // Non-blocking: a FIFO swapped in after the lstat opens at once instead of waiting for a writer.
    fd = fs.openSync(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // ELOOP: a symlink swapped in after the lstat, refused by O_NOFOLLOW.
    return code === 'ELOOP' ? { ok: false, problem: 'not-a-file' } : { ok: false, problem: 'unreadable', code }
  }
  try {
    const before = fs.fstatSync(fd)
    if (!before.isFile()) return { ok: false, problem: 'not-a-file' }
    // Sized by what stat says (plus one byte to see growth), so a small file never costs maxBytes of memory.
    if (before.size > maxBytes) return { ok: false, problem: 'too-large' }
    const buffer = Buffer.alloc(Math.min(maxBytes, before.size) + 1)
    let length = 0
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
      if (length > maxBytes) return { ok: false, problem: 'too-large' }
      if (length === buffer.length) return { ok: false, problem: 'changed' }
    }
    const after = fs.fstatSync(fd)
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || length !== before.size) return { ok: false, problem: 'changed' }
    return { ok: true, bytes: buffer.subarray(0, length), modifiedAt: Math.trunc(after.mtimeMs) }
  } catch (error) {
    return { ok: false, problem: 'unreadable', code: (error as NodeJS.ErrnoException).code }
  } finally {
    fs.closeSync(fd)
  }
}
