import type Database from 'better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { StoreError, storeErrorFrom } from './store-error.ts'

/** drizzle's bookkeeping table: one row per applied migration, `created_at` = the migration's journal time. */
const MIGRATIONS_TABLE = '__drizzle_migrations'

/**
 * Refuses a database that has a migration this build does not know (it was written by a newer app
 * version), before anything is written to it (Signal Desktop's DBVersionFromFutureError idea).
 */
export function assertNotFromNewerVersion(sqlite: Database.Database, migrationsFolder: string, path: string): void {
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATIONS_TABLE)
  if (!hasTable) return
  const row = sqlite.prepare(`select max(created_at) as newest from ${MIGRATIONS_TABLE}`).get() as { newest: number | null }
  const known = readMigrationFiles({ migrationsFolder })
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis))
  if (row.newest !== null && Number(row.newest) > newestKnown) {
    throw new StoreError(
      'DB_FROM_NEWER_VERSION',
      `The database at ${path} was written by a newer version of Vault Companion. Update the app to open it; the file was left untouched.`,
    )
  }
}

/** Applies pending migrations; drizzle's synchronous migrator runs them all in one transaction. */
export function applyMigrations(db: BetterSQLite3Database<Record<string, unknown>>, migrationsFolder: string, path: string): void {
  try {
    migrate(db, { migrationsFolder })
  } catch (cause) {
    // A busy, full or read-only database is not a broken migration: say what it is.
    const failure = storeErrorFrom(cause, path, 'upgrade the database')
    if (failure.code !== 'DB_UNREADABLE') throw failure
    throw new StoreError(
      'DB_UNREADABLE',
      `The database at ${path} could not be upgraded (${cause instanceof Error ? cause.message : String(cause)}); it was rolled back unchanged.`,
      { cause },
    )
  }
}
