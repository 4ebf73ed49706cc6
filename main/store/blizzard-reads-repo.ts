import { eq, sql } from 'drizzle-orm'
import type { Db } from './db.ts'
import { placeholder, preparedOnce } from './prepared.ts'
import { blizzardReads } from './schema.ts'

/** The last complete read of a character's Blizzard details (schema.ts `blizzard_reads`). */
export interface BlizzardRead {
  loginAt: number
  loginSeenAt: number
  readAt: number
  scope: string
  reusedAt: number | null
}

export function getBlizzardRead(db: Db, characterId: number): BlizzardRead | null {
  const row = preparedOnce(db, 'getBlizzardRead', () => db.select().from(blizzardReads).where(eq(blizzardReads.characterId, sql.placeholder('characterId'))).prepare()).get({ characterId })
  return row ? { loginAt: row.loginAt, loginSeenAt: row.loginSeenAt, readAt: row.readAt, scope: row.scope, reusedAt: row.reusedAt } : null
}

/** A complete read: a new login is first seen now, the same login keeps the time it was first seen. */
export function recordBlizzardRead(db: Db, characterId: number, read: { loginAt: number; readAt: number; scope: string }): void {
  const previous = getBlizzardRead(db, characterId)
  const loginSeenAt = previous?.loginAt === read.loginAt ? previous.loginSeenAt : read.readAt
  const values = { loginAt: read.loginAt, loginSeenAt, readAt: read.readAt, scope: read.scope, reusedAt: null }
  db.insert(blizzardReads)
    .values({ characterId, ...values })
    .onConflictDoUpdate({ target: blizzardReads.characterId, set: values })
    .run()
}

/** A sync reused the stored read (the summary named the same login). */
export function markBlizzardReadReused(db: Db, characterId: number, at: number): void {
  preparedOnce(db, 'markBlizzardReadReused', () =>
    db.update(blizzardReads).set({ reusedAt: placeholder('at') }).where(eq(blizzardReads.characterId, sql.placeholder('characterId'))).prepare(),
  ).run({ characterId, at })
}
