import { and, desc, eq, sql } from 'drizzle-orm'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import { weeklyVaultSchema, type WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { Db } from './db.ts'
import { vaultResults } from './schema.ts'
import { StoreError } from './store-error.ts'

/** A stored vault with the week it belongs to. */
export interface StoredVault {
  characterId: number
  week: Pick<WeekWindow, 'period' | 'start' | 'end'>
  vault: WeeklyVault
  computedAt: number
}

/** Stores (or replaces) a character's vault for a week. */
export function saveVaultResult(db: Db, result: StoredVault): void {
  const values = {
    characterId: result.characterId,
    weekStart: result.week.start,
    weekEnd: result.week.end,
    period: result.week.period,
    vaultJson: JSON.stringify(weeklyVaultSchema.parse(result.vault)),
    computedAt: result.computedAt,
  }
  db.insert(vaultResults)
    .values(values)
    .onConflictDoUpdate({
      target: [vaultResults.characterId, vaultResults.weekStart],
      set: { weekEnd: values.weekEnd, period: values.period, vaultJson: values.vaultJson, computedAt: values.computedAt },
    })
    .run()
}

/** The stored vault of the week that starts at `weekStart`, if any. */
export function getVaultResult(db: Db, characterId: number, weekStart: number): StoredVault | undefined {
  const row = db
    .select()
    .from(vaultResults)
    .where(and(eq(vaultResults.characterId, characterId), eq(vaultResults.weekStart, weekStart)))
    .get()
  return row ? toStored(row) : undefined
}

/** The stored vault of the week that contains `instant`, whatever its boundaries were when stored. */
export function getVaultResultAt(db: Db, characterId: number, instant: number): StoredVault | undefined {
  const row = db
    .select()
    .from(vaultResults)
    .where(and(eq(vaultResults.characterId, characterId), sql`${vaultResults.weekStart} <= ${instant}`, sql`${instant} < ${vaultResults.weekEnd}`))
    .orderBy(desc(vaultResults.weekStart))
    .get()
  return row ? toStored(row) : undefined
}

function toStored(row: typeof vaultResults.$inferSelect): StoredVault {
  let json: unknown
  try {
    json = JSON.parse(row.vaultJson)
  } catch (cause) {
    throw new StoreError('DB_CORRUPT', `The stored vault of week ${row.period} is not valid JSON.`, { cause })
  }
  const parsed = weeklyVaultSchema.safeParse(json)
  if (!parsed.success) throw new StoreError('DB_CORRUPT', `The stored vault of week ${row.period} has an unexpected shape.`)
  return {
    characterId: row.characterId,
    week: { period: row.period, start: row.weekStart, end: row.weekEnd },
    vault: parsed.data,
    computedAt: row.computedAt,
  }
}
