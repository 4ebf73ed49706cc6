import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { afterEach, describe, expect, it } from 'vitest'
import { withStatementCache } from '../../main/store/statement-cache.ts'

const items = sqliteTable('items', { id: integer('id').primaryKey(), name: text('name').notNull() })

describe('drizzle over the statement cache', () => {
  const sqlite = new Database(':memory:')
  sqlite.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
  const db = drizzle({ client: withStatementCache(sqlite) })
  afterEach(() => sqlite.exec('DELETE FROM items'))

  it('compiles a query once and runs it again with new values', () => {
    let compiled = 0
    const original = sqlite.prepare.bind(sqlite)
    sqlite.prepare = ((source: string) => (compiled++, original(source))) as typeof sqlite.prepare
    try {
      for (const name of ['a', 'b', 'c']) db.insert(items).values({ name }).run()
      expect(db.select().from(items).where(sql`${items.name} = ${'b'}`).all()).toEqual([{ id: 2, name: 'b' }])
      expect(db.select().from(items).where(sql`${items.name} = ${'c'}`).all()).toEqual([{ id: 3, name: 'c' }])
      expect(compiled).toBe(2)
    } finally {
      sqlite.prepare = original
    }
  })

  it('a statement drizzle left in raw mode answers objects to the next query that wants objects', () => {
    db.insert(items).values({ name: 'a' }).run()
    const query = db.select({ id: sql<number>`id`, name: sql<string>`name` }).from(sql`items`)
    // With a field list drizzle reads rows as arrays (raw mode); the same SQL as plain text expects objects.
    expect(query.all()).toEqual([{ id: 1, name: 'a' }])
    const sameText = sql.raw(query.toSQL().sql)
    expect(db.get(sameText)).toEqual({ id: 1, name: 'a' })
    expect(query.get()).toEqual({ id: 1, name: 'a' })
    expect(db.all(sameText)).toEqual([{ id: 1, name: 'a' }])
  })

  it('a statement still iterating is not handed out again', () => {
    for (const name of ['a', 'b']) db.insert(items).values({ name }).run()
    const cached = withStatementCache(sqlite)
    const outer = cached.prepare('SELECT name FROM items ORDER BY id')
    const names: string[] = []
    for (const row of outer.iterate() as Iterable<{ name: string }>) {
      // The same SQL while the first is mid-iteration: better-sqlite3 would throw on the busy one.
      names.push(row.name, ...(cached.prepare('SELECT name FROM items ORDER BY id').all() as { name: string }[]).map((r) => r.name))
    }
    expect(names).toEqual(['a', 'a', 'b', 'b', 'a', 'b'])
  })

  it('everything else is the database itself', () => {
    const cached = withStatementCache(sqlite)
    expect(cached.pragma('foreign_keys', { simple: true })).toBe(sqlite.pragma('foreign_keys', { simple: true }))
    expect(cached.inTransaction).toBe(false)
    expect(cached.transaction(() => 7)()).toBe(7)
  })
})
