import type { BlizzardRead } from '../store/blizzard-reads-repo.ts'

/**
 * When a sync may skip Blizzard's detail requests (raid encounters, Mythic+ profile, statistics,
 * completed quests) and reuse the last complete read. Profile data changes only when the character
 * logs out (game-rules §7, point 3), so while the profile summary names the same login as that read, those
 * four answers cannot have changed: asking again costs four requests for nothing (wowaudit skips such
 * characters the same way). Nothing the vault shows may get older or wronger, so a read is reused only:
 * - from this week (the first sync after a reset reads everything: the week's baselines come from it);
 * - for what is asked now (the same season table, statistics, quests and tracked quests);
 * - once settled: the armory can take hours to catch up with a logout (api-contracts §1.7), so a login
 *   is read in full for SETTLE_AFTER_SEEN_MS after it was first seen, unless it is a day old already.
 */

const HOUR_MS = 60 * 60 * 1000

/** How long a newly seen login keeps being read in full: long enough for the armory to catch up. */
export const SETTLE_AFTER_SEEN_MS = 6 * HOUR_MS

/** A login this old when it was read has long been caught up with, whenever it was first seen. */
export const SETTLE_AFTER_LOGIN_MS = 24 * HOUR_MS

/** What a read asked for: a stored read stands only for the same. */
export interface ReadScope {
  /** The season table whose statistic and quest ids the answers were read for (id and date), or none. */
  table: string | null
  statistics: boolean
  quests: boolean
  trackedQuests: readonly number[]
}

export function scopeKey(scope: ReadScope): string {
  return JSON.stringify({ table: scope.table, statistics: scope.statistics, quests: scope.quests, trackedQuests: [...scope.trackedQuests].sort((a, b) => a - b) })
}

/**
 * Whether a stored read is worth asking the summary alone first: for the same scope and settled. A
 * character that is not (a login seen in the last hours, a new tracked quest) is read in full at once,
 * so its sync stays one round trip.
 */
export function mayReuse(read: BlizzardRead | null, scope: string): read is BlizzardRead {
  if (!read || read.scope !== scope) return false
  return read.readAt - read.loginSeenAt >= SETTLE_AFTER_SEEN_MS || read.readAt - read.loginAt >= SETTLE_AFTER_LOGIN_MS
}

/** The summary just read proves the stored read still holds: the same login, and the read is from this week. */
export function stillHolds(read: BlizzardRead, summaryLoginAt: number | null, weekStart: number): boolean {
  return summaryLoginAt !== null && summaryLoginAt === read.loginAt && read.readAt >= weekStart
}
