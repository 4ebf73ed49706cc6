import { and, eq, lt, sql } from 'drizzle-orm'
import type { CrestReading } from '../../shared/domain/crests.ts'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
import { crestReadings } from './schema.ts'

/** A crest counter as one read of Blizzard's statistics gave it. */
export interface CrestValue {
  statisticId: number
  name: string | null
  quantity: number
  lastUpdatedAt: number | null
}

/**
 * Records a read of the crest counters in a week: the first read of the week stays the base of the
 * week's gain, later ones only move the latest value (a read older than the stored latest changes nothing).
 */
export function recordCrestReadings(db: Db, characterId: number, weekStart: number, values: readonly CrestValue[], at: number): void {
  for (const v of values) {
    db.insert(crestReadings)
      .values({ characterId, weekStart, statisticId: v.statisticId, name: v.name, firstQuantity: v.quantity, firstAt: at, firstUpdatedAt: v.lastUpdatedAt, latestQuantity: v.quantity, latestAt: at })
      .onConflictDoUpdate({
        target: [crestReadings.characterId, crestReadings.weekStart, crestReadings.statisticId],
        set: { latestQuantity: sql`excluded.latest_quantity`, latestAt: sql`excluded.latest_at`, name: sql`coalesce(excluded.name, ${crestReadings.name})` },
        setWhere: sql`excluded.latest_at >= ${crestReadings.latestAt}`,
      })
      .run()
  }
}

/** Every read of these statistics up to `before` (a past week's view must not see later reads), all weeks. */
export function crestReadingsBefore(db: Db, characterId: number, statisticIds: readonly number[], before: number): CrestReading[] {
  if (statisticIds.length === 0) return []
  // Built once per connection (every sync's board reads it); the character's few crest rows are
  // filtered here rather than with a list in the SQL, whose length would make a new query each time.
  const query = preparedOnce(db, 'crestReadingsBefore', () =>
    db.select().from(crestReadings).where(and(eq(crestReadings.characterId, sql.placeholder('characterId')), lt(crestReadings.latestAt, sql.placeholder('before')))).prepare(),
  )
  const wanted = new Set(statisticIds)
  return query
    .all({ characterId, before })
    .filter((row) => wanted.has(row.statisticId))
    .map((row) => ({
      statisticId: row.statisticId,
      weekStart: row.weekStart,
      name: row.name,
      firstQuantity: row.firstQuantity,
      firstUpdatedAt: row.firstUpdatedAt,
      latestQuantity: row.latestQuantity,
      latestAt: row.latestAt,
    }))
}
