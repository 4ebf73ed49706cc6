import type Database from 'better-sqlite3'
import { LRUCache } from 'lru-cache'

/** Enough for every query the repositories build; lists of varying length (IN (…)) age out. */
const CACHED_STATEMENTS = 256

/**
 * The connection as drizzle should see it: the same database, but `prepare` hands back a statement
 * already compiled for the same SQL. drizzle prepares every query again each time it runs it, and
 * compiling was the largest single cost of a sync (a sixth of its CPU for 120 characters).
 *
 * A statement is shared only while it is free (not in the middle of an `iterate()`), and it is handed
 * back in its default mode: drizzle switches a statement to `raw()` for queries with a field list and
 * expects objects otherwise, so a raw mode left over from another use would change what a query returns.
 * Everything else is the connection itself; other callers of `Store.sqlite` keep fresh statements.
 */
export function withStatementCache(sqlite: Database.Database): Database.Database {
  const statements = new LRUCache<string, Database.Statement>({ max: CACHED_STATEMENTS })
  const prepare = (source: string): Database.Statement => {
    const cached = statements.get(source)
    if (cached && !cached.busy) {
      if (cached.reader) cached.raw(false)
      return cached
    }
    const statement = sqlite.prepare(source)
    if (!cached) statements.set(source, statement)
    return statement
  }
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare
      const value: unknown = Reflect.get(target, property, target)
      // The native methods check that `this` is the database itself, not the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
