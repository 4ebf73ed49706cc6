import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from './db.ts'

/**
 * drizzle builds a query's SQL text again every time it runs (its type checks and SQL assembly were
 * most of a sync's CPU, README "Sync"). A hot read is built once per connection object with
 * `sql.placeholder(…)` for its values, prepared, and from then on only run with values.
 *
 * Kept per `Db` object: the store's connection keeps them for its life; a transaction object (a new
 * one per transaction) keeps them only for that transaction, which costs what building the query
 * every time did. Callers that read inside a transaction may pass the store's own `db` instead: it is
 * the same SQLite connection, so it sees the transaction's writes.
 */
const queriesOf = new WeakMap<Db, Map<string, unknown>>()

export function preparedOnce<Q>(db: Db, name: string, build: () => Q): Q {
  let queries = queriesOf.get(db)
  if (!queries) {
    queries = new Map()
    queriesOf.set(db, queries)
  }
  let query = queries.get(name) as Q | undefined
  if (query === undefined) {
    query = build()
    queries.set(name, query)
  }
  return query
}

/**
 * The where clause of "this character's evidence in a time window", with placeholders: run the query
 * with `windowValues(characterId, window)`. `at` is the column (or expression) that dates the evidence.
 */
export function inCharacterWindow(characterId: SQLiteColumn, at: SQLiteColumn | SQL) {
  return and(eq(characterId, sql.placeholder('characterId')), sql`${at} >= ${sql.placeholder('start')}`, sql`${at} < ${sql.placeholder('end')}`)
}

export function windowValues(characterId: number, window: { start: number; end: number }): { characterId: number; start: number; end: number } {
  return { characterId, start: window.start, end: window.end }
}
