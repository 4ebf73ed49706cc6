import { fs } from './fs.ts'

/**
 * Reads a file a player (or anything else) put into a folder the app reads from, such as a dropped-in
 * season table. Only a regular file is read: a symlink could point at `/dev/zero`, a FIFO would block
 * the open (and with it start-up and every CLI command) until someone writes to it, a device never
 * ends. The size is capped by the bytes actually read, not by what stat said before the read.
 */
export type RegularFileRead = { ok: true; text: string } | { ok: false; problem: 'not-a-file' | 'too-large' | 'unreadable'; code?: string }

export function readRegularFile(path: string, maxBytes: number): RegularFileRead {
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
    if (!fs.fstatSync(fd).isFile()) return { ok: false, problem: 'not-a-file' }
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
      if (length > maxBytes) return { ok: false, problem: 'too-large' }
    }
    return { ok: true, text: buffer.toString('utf8', 0, length) }
  } catch (error) {
    return { ok: false, problem: 'unreadable', code: (error as NodeJS.ErrnoException).code }
  } finally {
    fs.closeSync(fd)
  }
}
