import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { defaultMigrationsFolder, openStore } from '../../main/store/db.ts'
import { StoreError, storeErrorFrom } from '../../main/store/store-error.ts'
import { useTempDir } from '../support/temp-dir.ts'

const tempDir = useTempDir()
const journalLength = (folder: string) => (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length

function expectStoreError(fn: () => unknown, code: StoreError['code'], fragment: string): void {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe(code)
    expect((error as StoreError).message).toContain(fragment)
    return
  }
  throw new Error(`expected a StoreError ${code}`)
}

describe('opening the database', () => {
  it('creates the file and its folder, enables WAL and foreign keys, and applies migrations', () => {
    const path = join(tempDir(), 'nested', 'vault.db')
    const store = openStore(path)
    const sqlite = store.sqlite
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['characters', 'raid_kill_observations', 'keystone_run_observations', 'encounter_snapshots', 'encounter_snapshot_entries', 'source_sync_status', 'settings', '__drizzle_migrations']))
    store.close()
  })

  it('is idempotent: reopening applies nothing twice and keeps data', () => {
    const path = join(tempDir(), 'vault.db')
    const first = openStore(path)
    first.sqlite.prepare("insert into settings (key, value_json, updated_at) values ('k', '1', 1)").run()
    first.close()
    const second = openStore(path)
    expect(second.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journalLength(defaultMigrationsFolder()))
    expect(second.sqlite.prepare("select value_json from settings where key = 'k'").pluck().get()).toBe('1')
    second.close()
  })

  it('refuses a file that is not a database and leaves its bytes untouched', () => {
    const path = join(tempDir(), 'vault.db')
    const garbage = Buffer.from('this is not an SQLite database, but it is somebody\'s file'.repeat(200))
    writeFileSync(path, garbage)
    expectStoreError(() => openStore(path), 'DB_CORRUPT', 'left untouched')
    expect(readFileSync(path).equals(garbage)).toBe(true)
  })

  it('refuses a database whose pages are damaged, without writing to it', () => {
    const path = join(tempDir(), 'vault.db')
    const store = openStore(path)
    const insert = store.sqlite.prepare('insert into settings (key, value_json, updated_at) values (?, ?, 1)')
    for (let i = 0; i < 400; i++) insert.run(`key-${i}`, 'x'.repeat(200))
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
    const bytes = readFileSync(path)
    // Overwrite the middle of the file (table and index pages) with noise, keeping the header valid.
    for (let i = 8192; i < bytes.length - 4096; i++) bytes[i] = (i * 7919) % 251
    writeFileSync(path, bytes)
    expectStoreError(() => openStore(path), 'DB_CORRUPT', 'untouched')
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  /** A database whose settings table pages (found with SQLite's dbstat) are noise; `prepare` runs before the damage. */
  function damagedSettings(prepare: (sqlite: Database.Database) => void = () => {}): { path: string; bytes: Buffer } {
    const path = join(tempDir(), 'vault.db')
    const store = openStore(path)
    const insert = store.sqlite.prepare('insert into settings (key, value_json, updated_at) values (?, ?, 1)')
    for (let i = 0; i < 400; i++) insert.run(`key-${i}`, 'x'.repeat(200))
    prepare(store.sqlite)
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const pages = store.sqlite.prepare("select pageno from dbstat where name = 'settings'").pluck().all() as number[]
    const pageSize = store.sqlite.pragma('page_size', { simple: true }) as number
    store.close()
    const bytes = readFileSync(path)
    for (const page of pages) for (let i = (page - 1) * pageSize; i < page * pageSize; i++) bytes[i] = (i * 7919) % 251
    writeFileSync(path, bytes)
    return { path, bytes }
  }

  it('for a caller that only reads, skips the page-by-page check; damage a read meets is reported as such, nothing written', () => {
    const { path, bytes } = damagedSettings()
    const store = openStore(path, undefined, { checkWholeFile: false })
    let failure: unknown
    try {
      store.sqlite.prepare('select * from settings').all()
    } catch (error) {
      failure = storeErrorFrom(error, path, 'finish the command')
    }
    store.close()
    expect(failure).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringContaining('left untouched') })
    // A caller that writes gets the whole check, and is refused before anything happens.
    expectStoreError(() => openStore(path), 'DB_CORRUPT', 'untouched')
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('checks the whole file before a migration writes, even for a caller that only reads', () => {
    const newest = Math.max(...(JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map((e) => e.when))
    const { path, bytes } = damagedSettings((sqlite) => sqlite.prepare('delete from __drizzle_migrations where created_at = ?').run(newest))
    expectStoreError(() => openStore(path, undefined, { checkWholeFile: false }), 'DB_CORRUPT', 'untouched')
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })

  it('reports a path that cannot be opened as unreadable', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'vault.db'))
    expectStoreError(() => openStore(join(dir, 'vault.db')), 'DB_UNREADABLE', 'could not be opened (is that path a folder')
  })

  it('refuses a database written by a newer app version and does not change it', () => {
    const path = join(tempDir(), 'vault.db')
    openStore(path).close()
    const sqlite = new Database(path)
    sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', Date.parse('2099-01-01'))
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    sqlite.close()
    const before = readFileSync(path)
    expectStoreError(() => openStore(path), 'DB_FROM_NEWER_VERSION', 'newer version')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('rolls a failing migration back completely', () => {
    const dir = tempDir()
    const migrations = join(dir, 'migrations')
    cpSync(defaultMigrationsFolder(), migrations, { recursive: true })
    const path = join(dir, 'vault.db')
    openStore(path, migrations).close()

    // A second migration whose first statement works and whose second fails.
    const journalPath = join(migrations, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
    const applied = journal.entries.length
    journal.entries.push({ idx: applied, version: '6', when: Date.now() + 1000, tag: '9999_broken', breakpoints: true })
    writeFileSync(journalPath, JSON.stringify(journal))
    writeFileSync(join(migrations, '9999_broken.sql'), 'CREATE TABLE `added` (`id` integer);\n--> statement-breakpoint\nINSERT INTO `no_such_table` VALUES (1);')

    expectStoreError(() => openStore(path, migrations), 'DB_UNREADABLE', 'rolled back')
    const sqlite = new Database(path, { readonly: true })
    expect(sqlite.prepare("select count(*) from sqlite_master where name = 'added'").pluck().get()).toBe(0)
    expect(sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(applied)
    sqlite.close()
  })
})
