import { dirname } from 'node:path'
import { fs } from './fs.ts'

/**
 * The data folder holds the database (with the API client secret when the player saved it without
 * encryption) and the CLI's access tokens: on Linux and macOS it is the owner's alone, folder 0700 and
 * files 0600, from the first creation and repaired when found looser. On Windows the files live in the
 * user's profile, whose access lists already keep other users out; modes mean nothing there.
 */

const POSIX = process.platform !== 'win32'

/**
 * Before SQLite opens `path`: the folder exists (created 0700), and the database file exists owner-only
 * (SQLite gives its -wal and -shm files the database file's mode). A folder the app did not create
 * and that holds no database yet (say `--data-dir .`) keeps its mode: only the files are the app's.
 */
export function preparePrivateDatabase(path: string, platform = process.platform): void {
  const folder = dirname(path)
  const folderExisted = fs.existsSync(folder)
  const databaseExisted = fs.existsSync(path)
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  if (platform === 'win32') return
  if (!folderExisted || databaseExisted) ownerOnly(folder, 0o700)
  // 'a' creates the file if it is missing (an empty file is a new SQLite database) and never truncates.
  fs.closeSync(fs.openSync(path, 'a', 0o600))
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (fs.existsSync(file)) ownerOnly(file, 0o600)
}

/** Takes away whatever group and others may do, keeping the owner's own bits. */
function ownerOnly(path: string, wanted: number): void {
  const mode = fs.statSync(path).mode & 0o777
  if ((mode & 0o077) !== 0 || (mode & wanted) !== wanted) fs.chmodSync(path, (mode & 0o700) | wanted)
}

/**
 * Writes `text` to `path` owner-only without a predictable temporary name: a random one, created
 * exclusively and never through a symbolic link, then renamed over `path` (a rename replaces a link
 * planted there instead of writing through it). Throws what the file system said.
 */
export function writePrivateFile(path: string, text: string, randomSuffix: () => string): void {
  const temporary = `${path}.${randomSuffix()}.tmp`
  const { O_CREAT, O_EXCL, O_WRONLY, O_NOFOLLOW = 0 } = fs.constants
  const fd = fs.openSync(temporary, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, 0o600)
  try {
    fs.writeFileSync(fd, text)
    if (POSIX) fs.fchmodSync(fd, 0o600)
  } finally {
    fs.closeSync(fd)
  }
  try {
    fs.renameSync(temporary, path)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
}
