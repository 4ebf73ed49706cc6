import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { describe, expect, it } from 'vitest'
import { listCharacters } from '../../main/store/characters-repo.ts'
import { defaultMigrationsFolder, openStore } from '../../main/store/db.ts'
import { createResponseCache } from '../../main/store/response-cache-repo.ts'
import { useTempDir } from '../support/temp-dir.ts'

const tempDir = useTempDir()

/** A copy of the migrations folder holding only the first `count` migrations: an older app version. */
function olderMigrations(dir: string, count: number): string {
  const folder = join(dir, 'old-migrations')
  cpSync(defaultMigrationsFolder(), folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  for (const entry of journal.entries.slice(count)) rmSync(join(folder, `${entry.tag}.sql`))
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(journalPath, JSON.stringify(journal))
  return folder
}

describe('migrations', () => {
  it('later migrations upgrade a database written by the first version and keep its data', () => {
    const dir = tempDir()
    const path = join(dir, 'vault.db')
    const old = openStore(path, olderMigrations(dir, 1))
    // Written as the first version wrote it: plain SQL against its own schema, not today's repositories.
    old.sqlite.prepare("insert into characters (region, realm_slug, name, name_key, created_at) values ('eu', 'chogall', 'Moghiro', 'moghiro', 1)").run()
    expect(old.sqlite.prepare("select count(*) from sqlite_master where name = 'response_cache'").pluck().get()).toBe(0)
    old.close()

    const current = openStore(path)
    expect(listCharacters(current.db).map((c) => [c.name, c.realmName])).toEqual([['Moghiro', null]])
    const cache = createResponseCache(current.db, () => 5)
    cache.set('https://eu.api/x', { lastModified: 'Wed, 10 Sep 2025 19:00:00 GMT', value: [{ boss: 'A' }] })
    expect(cache.get('https://eu.api/x')).toEqual({ lastModified: 'Wed, 10 Sep 2025 19:00:00 GMT', value: [{ boss: 'A' }] })
    const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
    expect(current.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBe(journal.entries.length)
    current.close()
  })

  it("keeps the same bookkeeping as drizzle's own migrator, so databases from either open as current", () => {
    const dir = tempDir()
    const byDrizzle = new Database(join(dir, 'drizzle.db'))
    migrate(drizzle({ client: byDrizzle }), { migrationsFolder: defaultMigrationsFolder() })
    const rows = (sqlite: Database.Database) => sqlite.prepare('select hash, created_at from __drizzle_migrations order by created_at').all()
    const expected = rows(byDrizzle)
    byDrizzle.close()

    const ours = openStore(join(dir, 'ours.db'))
    expect(rows(ours.sqlite)).toEqual(expected)
    ours.close()
    // A database drizzle migrated is current: opening it applies nothing and adds no rows.
    const reopened = openStore(join(dir, 'drizzle.db'))
    expect(rows(reopened.sqlite)).toEqual(expected)
    expect(listCharacters(reopened.db)).toEqual([])
    reopened.close()
  })

  it('an older app version refuses the upgraded database without touching it', () => {
    const dir = tempDir()
    const path = join(dir, 'vault.db')
    openStore(path).close()
    const before = readFileSync(path)
    expect(() => openStore(path, olderMigrations(dir, 1))).toThrow(/newer version of Vault Companion/)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('the response cache treats an unreadable entry as absent', () => {
    const store = openStore(join(tempDir(), 'vault.db'))
    store.sqlite.prepare("insert into response_cache values ('k', 'date', '{broken', 1)").run()
    expect(createResponseCache(store.db).get('k')).toBeUndefined()
    store.close()
  })
})
