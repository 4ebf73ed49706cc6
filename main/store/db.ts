import { fs } from '../fs.ts'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type { RunResult } from 'better-sqlite3'
import { applyMigrations, pendingMigrations, readJournal } from './migrate.ts'
import { isStorageFailure, StoreError, storeErrorFrom } from './store-error.ts'
import { preparePrivateDatabase } from '../private-files.ts'
import { withStatementCache } from './statement-cache.ts'

/**
 * The drizzle database or a transaction on it: repositories accept either. Built without drizzle's
 * relational query API (nothing uses `db.query`), which saves building its table graph at every start.
 */
export type Db = BaseSQLiteDatabase<'sync', RunResult>

/** An open database. */
export interface Store {
  db: BetterSQLite3Database
  /** The raw connection, for pragmas and checks drizzle does not cover. */
  sqlite: Database.Database
  path: string
  /** Runs `work` in one transaction: everything it writes is kept, or nothing if it throws. */
  transaction<T>(work: (tx: Db) => T): T
  close(): void
}

/**
 * The migrations shipped with this code: next to this file when it runs from source, or next to the
 * bundles (out/main/migrations) when it runs bundled, where this code sits in out/main/chunks/. The
 * packaged desktop app passes its own folder instead.
 */
export function defaultMigrationsFolder(): string {
  const candidates = ['./migrations', '../migrations'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  return candidates.find((folder) => fs.existsSync(join(folder, 'meta', '_journal.json'))) ?? (candidates[0] as string)
}

export interface OpenStoreOptions {
  /** How long a write waits for another process's write lock before giving up (SQLite busy timeout). */
  busyTimeoutMs?: number
  /**
   * Check every page before use (the default). Callers that only read pass false: the check takes time
   * in proportion to the file, and SQLite still reports damage on any page a read touches. It is made
   * regardless when a migration is about to write.
   */
  checkWholeFile?: boolean
}

/**
 * Opens (or creates) the database, refuses a damaged file (checked whole unless the caller only
 * reads) or one written by a newer app version without changing it, then switches on WAL and foreign
 * keys and applies pending migrations in one transaction. No work happens at import time.
 */
export function openStore(path: string, migrationsFolder: string = defaultMigrationsFolder(), options: OpenStoreOptions = {}): Store {
  let sqlite: Database.Database
  try {
    if (path !== ':memory:') preparePrivateDatabase(path)
    sqlite = new Database(path)
  } catch (cause) {
    throw openError(cause, path)
  }
  try {
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`)
    assertIsDatabase(sqlite, path)
    const journal = readJournal(migrationsFolder)
    const pending = pendingMigrations(sqlite, journal, path)
    if (options.checkWholeFile !== false || pending.length > 0) assertIntact(sqlite, path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    if (pending.length > 0) applyMigrations(sqlite, journal, migrationsFolder, path)
    const db = drizzle({ client: withStatementCache(sqlite) })
    return {
      db,
      sqlite,
      path,
      // The work gets the store's own drizzle object, not a new transaction object: it is the same
      // connection, and the queries prepared on it (prepared.ts) stay prepared from one transaction to
      // the next. better-sqlite3's transaction nests as a savepoint when called inside another.
      transaction: (work) => sqlite.transaction(() => work(db))(),
      close: () => sqlite.close(),
    }
  } catch (error) {
    sqlite.close()
    throw storeErrorFrom(error, path, 'open the database')
  }
}

/** A directory where the file should be, a missing permission, a read-only or full disk: said as such. */
function openError(cause: unknown, path: string): StoreError {
  if (isStorageFailure(cause)) return storeErrorFrom(cause, path, 'open the database')
  return new StoreError('DB_UNREADABLE', `The database at ${path} could not be opened: ${messageOf(cause)}.`, { cause })
}

/** A file that is not a database (or whose header and schema are damaged) fails here, before any write. */
function assertIsDatabase(sqlite: Database.Database, path: string): void {
  try {
    sqlite.prepare('select count(*) from sqlite_master').get()
  } catch (cause) {
    throw damagedOr(cause, path)
  }
}

/**
 * Reads every page SQLite needs to trust the file; damage anywhere in it fails here, before any write.
 * Only SQLite's own "damaged" codes mean damaged: a locked or read-only file is something else.
 */
function assertIntact(sqlite: Database.Database, path: string): void {
  let verdict: unknown
  try {
    verdict = sqlite.pragma('quick_check', { simple: true })
  } catch (cause) {
    throw damagedOr(cause, path)
  }
  if (verdict !== 'ok') {
    throw new StoreError(
      'DB_CORRUPT',
      `The database at ${path} is damaged (integrity check: ${String(verdict)}). It was left untouched; move it away to start fresh.`,
    )
  }
}

/** SQLITE_CORRUPT / SQLITE_NOTADB as "damaged, left untouched"; anything else (busy, permissions) as what it is. */
function damagedOr(cause: unknown, path: string): StoreError {
  if (!/^SQLITE_(CORRUPT|NOTADB)/.test((cause as { code?: string }).code ?? '')) return storeErrorFrom(cause, path, 'open the database')
  return new StoreError(
    'DB_CORRUPT',
    `The file at ${path} is not a readable Vault Companion database (${messageOf(cause)}). It was left untouched; move it away to start fresh.`,
    { cause },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
