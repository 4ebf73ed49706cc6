import { and, eq, lt, sql } from 'drizzle-orm'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { EvidenceFeed } from '../../shared/domain/row-status.ts'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
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
  const query = preparedOnce(db, 'feedCoverages', () =>
    db
      .select({
        feed: feedSuccesses.feed,
        lastInWeek: sql<number | null>`max(case when ${feedSuccesses.at} >= ${sql.placeholder('start')} and ${feedSuccesses.at} < ${sql.placeholder('end')} then ${feedSuccesses.at} end)`,
        firstAfterWeek: sql<number | null>`min(case when ${feedSuccesses.at} >= ${sql.placeholder('end')} then ${feedSuccesses.at} end)`,
      })
      .from(feedSuccesses)
      .where(eq(feedSuccesses.characterId, sql.placeholder('characterId')))
      .groupBy(feedSuccesses.feed)
      .prepare(),
  )
  const rows = query.all({ characterId, start: week.start, end: week.end })
  return new Map(rows.map(({ feed, lastInWeek, firstAfterWeek }) => [feed as EvidenceFeed, { lastInWeek, firstAfterWeek }]))
}
