import seasonMn1 from '../season-tables/season-mn-1.json' with { type: 'json' }
import seasonMn2 from '../season-tables/season-mn-2.json' with { type: 'json' }
import { parseSeasonTable, type RosterRaid, type SeasonVaultTable } from './season-table.ts'

export type { ActivitySources, CrestSources, RaidReward, RosterRaid, SeasonVaultTable, TableOrigin } from './season-table.ts'
export type { Reward, RewardException, UpgradeTrack } from './reward.ts'

/**
 * The season tables shipped with the app (shared/season-tables/*.json, one file per season, every
 * value with its source), and the rules for using a table. Which season a week belongs to comes from
 * the sources (live-season.ts); a table applies only to the season it names.
 */

/** Thresholds that have held since May 2024 (wowaudit/core commit 692267d); used, and said to be assumed, when no table matches. */
export const DEFAULT_RAID_THRESHOLDS = [2, 4, 6] as const
export const DEFAULT_DUNGEON_THRESHOLDS = [1, 4, 8] as const
export const DEFAULT_WORLD_THRESHOLDS = [2, 4, 8] as const

function shipped(json: unknown, fileName: string): SeasonVaultTable {
  const parsed = parseSeasonTable(json, fileName)
  // A shipped table is part of the build: a test loads every one, so this never reaches a player.
  if (!parsed.ok) throw new Error(parsed.error.message)
  return { ...parsed.value, loadedFrom: { kind: 'shipped', file: fileName } }
}

export const SHIPPED_SEASON_TABLES: readonly SeasonVaultTable[] = [shipped(seasonMn1, 'season-mn-1.json'), shipped(seasonMn2, 'season-mn-2.json')]

/**
 * The season of a weekly period by the tables' own calendar: only for when no source has said which
 * season it is. A live season's table applies no further than the period its authors checked.
 */
export function calendarSeason(period: number, tables: readonly SeasonVaultTable[] = SHIPPED_SEASON_TABLES): SeasonVaultTable | undefined {
  return tables.find((s) => period >= s.firstPeriod && period <= (s.lastPeriod ?? s.checkedThroughPeriod))
}

/** True in a season's pre-season weeks. */
export function isPreseason(season: SeasonVaultTable, period: number): boolean {
  return season.preseasonPeriods.includes(period)
}

/** The raids of the shipped roster that were open in `period` (empty when the season has none). */
export function shippedRaids(season: SeasonVaultTable | undefined, period: number): RosterRaid[] {
  return (season?.roster ?? []).filter((raid) => raid.fromPeriod === undefined || period >= raid.fromPeriod)
}

/**
 * What the raid row must say about bosses it counted whose place in the vault no source confirms
 * (a roster raid with `countsConfirmed: false`, such as 12.1.5's Kith'ix): one sentence per such raid
 * whose boss was counted this week.
 */
export function unconfirmedBossReasons(season: SeasonVaultTable | undefined, period: number, countedBossKeys: ReadonlySet<string>, keyOf: (name: string) => string): string[] {
  return shippedRaids(season, period)
    .filter((raid) => raid.countsConfirmed === false && raid.bosses.some((boss) => countedBossKeys.has(keyOf(boss))))
    .map((raid) => `${raid.bosses.join(', ')} counted here, unconfirmed. ${raid.note ?? 'No source states that its kills fill a raid slot.'}`)
}
