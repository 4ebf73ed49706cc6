import { fs } from '../fs.ts'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { StoreError, storeErrorFrom } from './store-error.ts'

/**
 * Applies drizzle-kit's migrations the way drizzle's own migrator does (same `__drizzle_migrations`
 * table, one row per migration with the file's sha256 and the journal's `when`), so databases written
 * by either stay interchangeable. Ours exists for start-up time: drizzle's reads and hashes every
 * migration file on every open and loads node:crypto to do it (a sixth of the CLI's start-up). Here
 * an up-to-date database costs one read of the small journal and one query.
 */

/** drizzle's bookkeeping table: one row per applied migration, `created_at` = the migration's journal time. */
const MIGRATIONS_TABLE = '__drizzle_migrations'
const STATEMENT_BREAKPOINT = '--> statement-breakpoint'

/** One migration as drizzle-kit's `meta/_journal.json` lists it: `<tag>.sql` is its file. */
export interface JournalEntry {
  when: number
  tag: string
}

/** The migrations this build knows, oldest first. */
export function readJournal(migrationsFolder: string): JournalEntry[] {
  let journal: { entries: JournalEntry[] }
  try {
    journal = JSON.parse(fs.readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }
  } catch (cause) {
    // The database is fine; the installation is not.
    throw new Error(`the app's database migrations are missing or unreadable at ${migrationsFolder} (reinstall the app)`, { cause })
  }
  return [...journal.entries].sort((a, b) => a.when - b.when)
}

/** The journal time of the newest migration the database has, or null for a new database. */
function newestApplied(sqlite: Database.Database): number | null {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(MIGRATIONS_TABLE)
  if (!hasTable) return null
  const newest = sqlite.prepare(`select max(created_at) from ${MIGRATIONS_TABLE}`).pluck().get() as number | string | null
  return newest === null ? null : Number(newest)
}

/**
 * The journal's migrations the database does not have yet, oldest first. Refuses a database that has a
 * migration this build does not know (it was written by a newer app version), before anything is
 * written to it (Signal Desktop's DBVersionFromFutureError idea).
 */
export function pendingMigrations(sqlite: Database.Database, journal: readonly JournalEntry[], path: string): JournalEntry[] {
  const applied = newestApplied(sqlite)
  const newestKnown = Math.max(0, ...journal.map((m) => m.when))
  if (applied !== null && applied > newestKnown) {
    throw new StoreError(
      'DB_FROM_NEWER_VERSION',
      `The database at ${path} was written by a newer version of Vault Companion. Update the app to open it; the file was left untouched.`,
    )
  }
  return unapplied(journal, applied)
}

function unapplied(journal: readonly JournalEntry[], applied: number | null): JournalEntry[] {
  return journal.filter((m) => applied === null || m.when > applied)
}

/**
 * Applies the pending migrations (pendingMigrations said there are some), all in one transaction: the
 * database ends fully upgraded or unchanged.
 */
export function applyMigrations(sqlite: Database.Database, journal: readonly JournalEntry[], migrationsFolder: string, path: string): void {
  try {
    // Loaded only when there is something to apply (see above).
    const { createHash } = process.getBuiltinModule('node:crypto')
    // IMMEDIATE takes the write lock first; asking again inside it means a second process opening the
    // same new database waits, then finds the work done instead of applying it twice.
    sqlite
      .transaction(() => {
        sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`)
        const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} ("hash", "created_at") VALUES (?, ?)`)
        for (const migration of unapplied(journal, newestApplied(sqlite))) {
          const text = fs.readFileSync(join(migrationsFolder, `${migration.tag}.sql`), 'utf8')
          for (const statement of text.split(STATEMENT_BREAKPOINT)) if (statement.trim() !== '') sqlite.exec(statement)
          record.run(createHash('sha256').update(text).digest('hex'), migration.when)
        }
      })
      .immediate()
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
