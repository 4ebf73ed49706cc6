import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from './db.ts'

/**
 * drizzle builds a query's SQL text again every time it runs (its type checks and SQL assembly were
 * most of a sync's CPU, README "Sync"). A hot read is built once per connection object with
 * `sql.placeholder(…)` for its values, prepared, and from then on only run with values.
 *
 * Kept per `Db` object: the store's own keeps them for its life, and `Store.transaction` hands its
 * work that same object, so they stay prepared from one sync to the next. A transaction object of
 * drizzle's own (`db.transaction(…)`, a new one each time) keeps them only for that transaction,
 * which costs what building the query every time did.
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

/**
 * A placeholder drizzle passes to SQLite as given: where its types take SQL but not a bare placeholder
 * (an update's `set`), and for a boolean column, whose mapping would turn a placeholder's null into false.
 */
export function placeholder(name: string): SQL {
  return sql`${sql.placeholder(name)}`
}
