import { eq } from 'drizzle-orm'
import type { Difficulty } from '../../shared/domain/types.ts'
import type { Db } from './db.ts'
import { bossParses } from './schema.ts'

/** A best parse percent as stored. */
export interface StoredParse {
  bossKey: string
  difficulty: Difficulty
  percent: number
}

/** Replaces a character's parses with the latest Warcraft Logs rankings (they are not weekly). */
export function replaceBossParses(db: Db, characterId: number, parses: readonly StoredParse[], at: number): void {
  db.delete(bossParses).where(eq(bossParses.characterId, characterId)).run()
  if (parses.length === 0) return
  db.insert(bossParses)
    .values(parses.map((p) => ({ characterId, bossKey: p.bossKey, difficulty: p.difficulty, percent: p.percent, updatedAt: at })))
    .onConflictDoNothing()
    .run()
}

/** A character's stored parses. */
export function listBossParses(db: Db, characterId: number): StoredParse[] {
  return db
    .select()
    .from(bossParses)
    .where(eq(bossParses.characterId, characterId))
    .all()
    .map((row) => ({ bossKey: row.bossKey, difficulty: row.difficulty as Difficulty, percent: row.percent }))
}
