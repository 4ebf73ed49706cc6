import { and, eq } from 'drizzle-orm'
import type { Db } from './db.ts'
import { vaultsOpened } from './schema.ts'

/** Marks a week's vault as opened (again: no change). */
export function markVaultOpened(db: Db, characterId: number, weekStart: number, at: number): void {
  db.insert(vaultsOpened).values({ characterId, weekStart, openedAt: at }).onConflictDoNothing().run()
}

/** Whether the player marked that week's vault as opened. */
export function isVaultOpened(db: Db, characterId: number, weekStart: number): boolean {
  return db.select().from(vaultsOpened).where(and(eq(vaultsOpened.characterId, characterId), eq(vaultsOpened.weekStart, weekStart))).get() !== undefined
}
