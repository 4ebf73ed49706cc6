import { and, eq, lt, sql } from 'drizzle-orm'
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

/** When a feed last succeeded inside a week, and first succeeded after it (for reads made later). */
export interface FeedCoverage {
  lastInWeek: number | null
  firstAfterWeek: number | null
}

/** Every feed's coverage of the week in one query (feeds never read are absent). */
export function feedCoverages(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): Map<EvidenceFeed, FeedCoverage> {
  const rows = db
    .select({
      feed: feedSuccesses.feed,
      lastInWeek: sql<number | null>`max(case when ${feedSuccesses.at} >= ${week.start} and ${feedSuccesses.at} < ${week.end} then ${feedSuccesses.at} end)`,
      firstAfterWeek: sql<number | null>`min(case when ${feedSuccesses.at} >= ${week.end} then ${feedSuccesses.at} end)`,
    })
    .from(feedSuccesses)
    .where(eq(feedSuccesses.characterId, characterId))
    .groupBy(feedSuccesses.feed)
    .all()
  return new Map(rows.map(({ feed, lastInWeek, firstAfterWeek }) => [feed as EvidenceFeed, { lastInWeek, firstAfterWeek }]))
}
