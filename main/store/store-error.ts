import { fs } from '../fs.ts'
import { dirname } from 'node:path'
import type { ErrorCode } from '../../shared/errors.ts'

/** Why the database could not be used; the file is left as it was in every case. */
export type StoreErrorCode = Extract<ErrorCode, 'DB_CORRUPT' | 'DB_UNREADABLE' | 'DB_FROM_NEWER_VERSION' | 'DB_BUSY' | 'DB_FULL' | 'DB_READ_ONLY'>

/** A database problem with a message a player can act on. */
export class StoreError extends Error {
  readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreError'
    this.code = code
  }
}

/** SQLite's (better-sqlite3's `SqliteError.code`) or the file system's (`errno` name) error code, if any. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/**
 * The most telling storage failure in an error's cause chain: drizzle wraps SQLite's error, and a
 * failed ROLLBACK can hide the SQLITE_FULL that caused it.
 */
function rootFailure(error: unknown): unknown {
  const chain: unknown[] = []
  for (let current: unknown = error; current !== undefined && chain.length < 10; current = (current as { cause?: unknown } | null)?.cause) chain.push(current)
  const coded = chain.filter((e) => codeOf(e) !== '')
  return coded.find((e) => !/^SQLITE_(ERROR|MISUSE)$/.test(codeOf(e))) ?? coded[0] ?? error
}

/** True when the folder's file system has less than 1 MiB free. */
function nearlyFull(folder: string): boolean {
  try {
    const { bavail, bsize } = fs.statfsSync(folder)
    return bavail * bsize < 1024 * 1024
  } catch {
    return false
  }
}

/** The file system's refusal to write in `folder` (EROFS, EACCES…), or undefined when it would allow it. */
function folderWriteError(folder: string): unknown {
  try {
    fs.accessSync(folder, fs.constants.W_OK)
    return undefined
  } catch (error) {
    return error
  }
}

/** True for an error SQLite or the file system raised, which storeErrorFrom can word. */
export function isStorageFailure(error: unknown): boolean {
  return /^(SQLITE_|E[A-Z]+$)/.test(codeOf(rootFailure(error)))
}

/**
 * Words a failure of the database for what it is: another process writing, a full disk, a read-only
 * or forbidden folder, a damaged file. `doing` says what failed ("save the sync of Thrall"). Only a
 * file SQLite itself calls damaged is reported as damaged: the advice to move it away would otherwise
 * make a player discard a healthy database.
 */
export function storeErrorFrom(error: unknown, path: string, doing: string): StoreError {
  if (error instanceof StoreError) return error
  let cause = rootFailure(error)
  // SQLite says only "unable to open database file"; the folder tells whether it is read-only or forbidden.
  if (codeOf(cause).startsWith('SQLITE_CANTOPEN')) cause = folderWriteError(dirname(path)) ?? cause
  const code = codeOf(cause)
  const unchanged = 'Nothing was changed.'
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) {
    return new StoreError('DB_BUSY', `Could not ${doing}: another Vault Companion process (the app or the command-line tool) is writing to the database right now. Try again in a moment. ${unchanged}`, { cause })
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new StoreError('DB_FULL', `Could not ${doing}: the disk holding ${path} is full. Free some space and try again. ${unchanged}`, { cause })
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new StoreError('DB_READ_ONLY', `Could not ${doing}: the database at ${path} or its folder is read-only, and the app needs to write there. Make the folder writable or choose another one (--data-dir or VAULT_DATA_DIR). ${unchanged}`, { cause })
  }
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code === 'EACCES' || code === 'EPERM') {
    return new StoreError('DB_UNREADABLE', `Could not ${doing}: permission denied for ${path}. Check who owns the folder, or choose another one (--data-dir or VAULT_DATA_DIR). ${unchanged}`, { cause })
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EISDIR' || code === 'ENOTDIR') {
    return new StoreError('DB_UNREADABLE', `Could not ${doing}: the database at ${path} could not be opened (is that path a folder, or inside a file?). Choose another folder (--data-dir or VAULT_DATA_DIR). ${unchanged}`, { cause })
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new StoreError('DB_CORRUPT', `Could not ${doing}: the file at ${path} is damaged or not a Vault Companion database. It was left untouched; move it away to start fresh.`, { cause })
  }
  // Some failures lose SQLite's own code on the way (drizzle's failed ROLLBACK after SQLITE_FULL): a
  // disk with almost no room left is the likeliest story then.
  if (nearlyFull(dirname(path))) {
    return new StoreError('DB_FULL', `Could not ${doing}: the disk holding ${path} is full (or nearly). Free some space and try again. ${unchanged}`, { cause })
  }
  const detail = cause instanceof Error ? cause.message : String(cause)
  return new StoreError('DB_UNREADABLE', `Could not ${doing}: the database at ${path} failed (${detail}). ${unchanged}`, { cause })
}
