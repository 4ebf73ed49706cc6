import { and, eq, lt, sql } from 'drizzle-orm'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import { EVIDENCE_FEEDS, type EvidenceFeed } from '../../shared/domain/row-status.ts'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
import { feedSuccesses } from './schema.ts'

/** How long successful reads are remembered: this week, last week and a margin for boundary changes. */
export const FEED_HISTORY_MS = 35 * 24 * 60 * 60 * 1000

/** Records successful reads of evidence feeds and forgets those older than FEED_HISTORY_MS. */
export function recordFeedSuccesses(db: Db, characterId: number, feeds: readonly EvidenceFeed[], at: number): void {
  // Every sync runs both: built once per connection (prepared.ts), one row per feed.
  const insert = preparedOnce(db, 'recordFeedSuccess', () =>
    db.insert(feedSuccesses).values({ characterId: sql.placeholder('characterId'), feed: sql.placeholder('feed'), at: sql.placeholder('at') }).onConflictDoNothing().prepare(),
  )
  const forget = preparedOnce(db, 'forgetFeedSuccesses', () =>
    db.delete(feedSuccesses).where(and(eq(feedSuccesses.characterId, sql.placeholder('characterId')), lt(feedSuccesses.at, sql.placeholder('before')))).prepare(),
  )
  for (const feed of feeds) insert.run({ characterId, feed, at })
  forget.run({ characterId, before: at - FEED_HISTORY_MS })
}

/** When a feed last succeeded inside a week, and first succeeded after it (for reads made later). */
export interface FeedCoverage {
  lastInWeek: number | null
  firstAfterWeek: number | null
}

/**
 * Every feed's coverage of the week (feeds never read are absent), in one statement of two index
 * seeks per feed: a character's successes grow by six rows every hourly sync, and reading all of
 * them (a month is 5,000) for every vault would cost more the longer the app runs.
 */
export function feedCoverages(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): Map<EvidenceFeed, FeedCoverage> {
  const query = preparedOnce(db, 'feedCoverages', () => {
    const feeds = sql`json_each(${sql.placeholder('feeds')})`
    const ofFeed = sql`${feedSuccesses.characterId} = ${sql.placeholder('characterId')} and ${feedSuccesses.feed} = json_each.value`
    return db
      .select({
        feed: sql<string>`json_each.value`,
        lastInWeek: sql<number | null>`(select max(${feedSuccesses.at}) from ${feedSuccesses} where ${ofFeed} and ${feedSuccesses.at} >= ${sql.placeholder('start')} and ${feedSuccesses.at} < ${sql.placeholder('end')})`,
        firstAfterWeek: sql<number | null>`(select min(${feedSuccesses.at}) from ${feedSuccesses} where ${ofFeed} and ${feedSuccesses.at} >= ${sql.placeholder('end')})`,
      })
      .from(feeds)
      .prepare()
  })
  const rows = query.all({ feeds: JSON.stringify(EVIDENCE_FEEDS), characterId, start: week.start, end: week.end })
  return new Map(rows.filter((r) => r.lastInWeek !== null || r.firstAfterWeek !== null).map(({ feed, lastInWeek, firstAfterWeek }) => [feed as EvidenceFeed, { lastInWeek, firstAfterWeek }]))
}
