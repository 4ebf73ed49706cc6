import { and, desc, eq, gte, lt } from 'drizzle-orm'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { EvidenceFeed } from '../../shared/domain/row-status.ts'
import type { Db } from './db.ts'
import { feedSuccesses } from './schema.ts'

/** How long successful reads are remembered: this week, last week and a margin for boundary changes. */
export const FEED_HISTORY_MS = 35 * 24 * 60 * 60 * 1000

/** Records successful reads of evidence feeds and forgets those older than FEED_HISTORY_MS. */
export function recordFeedSuccesses(db: Db, characterId: number, feeds: readonly EvidenceFeed[], at: number): void {
  if (feeds.length > 0) {
    db.insert(feedSuccesses)
      .values(feeds.map((feed) => ({ characterId, feed, at })))
      .onConflictDoNothing()
      .run()
  }
  db.delete(feedSuccesses)
    .where(and(eq(feedSuccesses.characterId, characterId), lt(feedSuccesses.at, at - FEED_HISTORY_MS)))
    .run()
}

/** When each feed last succeeded inside the week, and first succeeded after it (for reads made later). */
export function feedCoverage(db: Db, characterId: number, feed: EvidenceFeed, week: Pick<WeekWindow, 'start' | 'end'>): { lastInWeek: number | null; firstAfterWeek: number | null } {
  const inWeek = db
    .select({ at: feedSuccesses.at })
    .from(feedSuccesses)
    .where(and(eq(feedSuccesses.characterId, characterId), eq(feedSuccesses.feed, feed), gte(feedSuccesses.at, week.start), lt(feedSuccesses.at, week.end)))
    .orderBy(desc(feedSuccesses.at))
    .get()
  const after = db
    .select({ at: feedSuccesses.at })
    .from(feedSuccesses)
    .where(and(eq(feedSuccesses.characterId, characterId), eq(feedSuccesses.feed, feed), gte(feedSuccesses.at, week.end)))
    .orderBy(feedSuccesses.at)
    .get()
  return { lastInWeek: inWeek?.at ?? null, firstAfterWeek: after?.at ?? null }
}
