import { lt } from 'drizzle-orm'
import * as z from 'zod/mini'
import { GAME_ADDONS, type GameAddon, type GameCharacterSave, type GameSlot } from '../../shared/domain/game-save.ts'
import { VAULT_ROWS } from '../../shared/domain/types.ts'
import { DIFFICULTIES } from '../../shared/domain/types.ts'
import type { Db } from './db.ts'
import { inCharacterWindow, preparedOnce, windowValues } from './prepared.ts'
import { gameSaves } from './schema.ts'

/** A save as stored for a tracked character (schema.ts `game_saves`). */
export type StoredGameSave = Omit<GameCharacterSave, 'name' | 'realmName' | 'guid'>

// zod/mini: the offline commands read this, and full zod would weigh on their start (packaging.test.ts).
const nullableInt = z.nullable(z.number().check(z.int()))
// Stored by this app, but read back defensively: a row that does not parse is left out, never shown.
const slotsSchema = z.array(
  z.object({ row: z.enum(VAULT_ROWS), slot: z.number().check(z.int(), z.gte(1), z.lte(3)), threshold: nullableInt, progress: nullableInt, unlocked: z.nullable(z.boolean()), difficulty: z.nullable(z.enum(DIFFICULTIES)), level: nullableInt, itemLevel: nullableInt }),
)

/** Keeps a save as the week's evidence from that addon, unless one saved later that week is already kept. */
export function recordGameSave(db: Db, characterId: number, save: StoredGameSave, weekStart: number, readAt: number): void {
  const values = { savedAt: save.savedAt, slots: JSON.stringify(save.slots), rewardsWaiting: save.rewardsWaiting, readAt }
  db.insert(gameSaves)
    .values({ characterId, addon: save.addon, weekStart, ...values })
    .onConflictDoUpdate({ target: [gameSaves.characterId, gameSaves.addon, gameSaves.weekStart], set: values, setWhere: lt(gameSaves.savedAt, save.savedAt) })
    .run()
}

/** The character's saves made inside [start, end). */
export function listGameSaves(db: Db, characterId: number, window: { start: number; end: number }): StoredGameSave[] {
  const query = preparedOnce(db, 'listGameSaves', () =>
    db
      .select()
      .from(gameSaves)
      .where(inCharacterWindow(gameSaves.characterId, gameSaves.savedAt))
      .prepare(),
  )
  const rows = query.all(windowValues(characterId, window))
  return rows.flatMap((row): StoredGameSave[] => {
    const slots = z.safeParse(slotsSchema, safeJson(row.slots))
    if (!slots.success || !(GAME_ADDONS as readonly string[]).includes(row.addon)) return []
    return [{ addon: row.addon as GameAddon, savedAt: row.savedAt, slots: slots.data as GameSlot[], rewardsWaiting: row.rewardsWaiting }]
  })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
