import { and, desc, eq, inArray, lt } from 'drizzle-orm'
import type { CrestReading } from '../../shared/domain/crests.ts'
import type { Db } from './db.ts'
import { crestReadings } from './schema.ts'

/** A crest counter as one read of Blizzard's statistics gave it. */
export interface CrestValue {
  statisticId: number
  name: string | null
  quantity: number
  lastUpdatedAt: number | null
}

/**
 * Records a read of the crest counters in a week: the first read of the week is kept as the base of
 * the week's gain, later ones only move the latest value (a read older than the stored latest changes nothing).
 */
export function recordCrestReadings(db: Db, characterId: number, weekStart: number, values: readonly CrestValue[], at: number): void {
  for (const v of values) {
    const existing = db
      .select()
      .from(crestReadings)
      .where(and(eq(crestReadings.characterId, characterId), eq(crestReadings.weekStart, weekStart), eq(crestReadings.statisticId, v.statisticId)))
      .get()
    if (!existing) {
      db.insert(crestReadings)
        .values({ characterId, weekStart, statisticId: v.statisticId, name: v.name, firstQuantity: v.quantity, firstAt: at, firstUpdatedAt: v.lastUpdatedAt, latestQuantity: v.quantity, latestAt: at })
        .run()
    } else if (at >= existing.latestAt) {
      db.update(crestReadings)
        .set({ latestQuantity: v.quantity, latestAt: at, name: v.name ?? existing.name })
        .where(and(eq(crestReadings.characterId, characterId), eq(crestReadings.weekStart, weekStart), eq(crestReadings.statisticId, v.statisticId)))
        .run()
    }
  }
}

const toReading = (row: typeof crestReadings.$inferSelect): CrestReading => ({
  statisticId: row.statisticId,
  name: row.name,
  firstQuantity: row.firstQuantity,
  firstAt: row.firstAt,
  firstUpdatedAt: row.firstUpdatedAt,
  latestQuantity: row.latestQuantity,
  latestAt: row.latestAt,
})

/** A week's crest readings of a character. */
export function listCrestReadings(db: Db, characterId: number, weekStart: number): CrestReading[] {
  return db.select().from(crestReadings).where(and(eq(crestReadings.characterId, characterId), eq(crestReadings.weekStart, weekStart))).all().map(toReading)
}

/** The newest reading of each of these statistics, from any week up to `before` (a past week's view must not see later reads). */
export function latestCrestReadings(db: Db, characterId: number, statisticIds: readonly number[], before: number): Map<number, CrestReading> {
  const latest = new Map<number, CrestReading>()
  if (statisticIds.length === 0) return latest
  const rows = db
    .select()
    .from(crestReadings)
    .where(and(eq(crestReadings.characterId, characterId), inArray(crestReadings.statisticId, [...statisticIds]), lt(crestReadings.latestAt, before)))
    .orderBy(desc(crestReadings.latestAt))
    .all()
  for (const row of rows) if (!latest.has(row.statisticId)) latest.set(row.statisticId, toReading(row))
  return latest
}
