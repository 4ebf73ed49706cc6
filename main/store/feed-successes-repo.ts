import { and, eq, gte, lt, max, min, sql } from 'drizzle-orm'
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
 * Every feed's coverage of the week (feeds never read are absent). Two index seeks per feed: a
 * character's successes grow by six rows every hourly sync, and reading all of them (a month is
 * 5,000) for every vault would cost more the longer the app runs.
 */
export function feedCoverages(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): Map<EvidenceFeed, FeedCoverage> {
  const ofFeed = and(eq(feedSuccesses.characterId, sql.placeholder('characterId')), eq(feedSuccesses.feed, sql.placeholder('feed')))
  const lastIn = preparedOnce(db, 'feedLastInWeek', () =>
    db.select({ at: max(feedSuccesses.at) }).from(feedSuccesses).where(and(ofFeed, gte(feedSuccesses.at, sql.placeholder('start')), lt(feedSuccesses.at, sql.placeholder('end')))).prepare(),
  )
  const firstAfter = preparedOnce(db, 'feedFirstAfterWeek', () =>
    db.select({ at: min(feedSuccesses.at) }).from(feedSuccesses).where(and(ofFeed, gte(feedSuccesses.at, sql.placeholder('end')))).prepare(),
  )
  const coverages = new Map<EvidenceFeed, FeedCoverage>()
  for (const feed of EVIDENCE_FEEDS) {
    const lastInWeek = lastIn.get({ characterId, feed, start: week.start, end: week.end })?.at ?? null
    const firstAfterWeek = firstAfter.get({ characterId, feed, end: week.end })?.at ?? null
    if (lastInWeek !== null || firstAfterWeek !== null) coverages.set(feed, { lastInWeek, firstAfterWeek })
  }
  return coverages
}
