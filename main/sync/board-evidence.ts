import type { CrestSources } from '../../shared/domain/seasons.ts'
import type { TrackedQuest } from '../../shared/domain/weekly-quests.ts'
import type { StatisticValue } from '../clients/blizzard/parse.ts'
import { recordCrestReadings, type CrestValue } from '../store/crests-repo.ts'
import type { Db } from '../store/db.ts'
import { recordQuestChecks } from '../store/quest-checks-repo.ts'

/**
 * A season total no character can reach (a season has under 30 weeks and caps rise by about a
 * hundred a week): a larger crest counter is Blizzard's error, not stored, and the sync says so.
 */
export const MAX_SEASON_CRESTS = 100_000

/**
 * The weekly board's part of a sync: crest counters from the statistics the World row already reads,
 * and the tracked quests from the same completed-quests list, with the last login the list belongs to
 * (this sync's profile, else the stored one). Nothing extra is fetched. Returns what was refused, in
 * the player's words.
 */
export function recordBoardEvidence(db: Db, characterId: number, weekStart: number, reading: { crests: CrestSources | undefined; statistics?: readonly StatisticValue[]; quests?: readonly number[]; tracked: readonly TrackedQuest[]; lastLoginAt: number | null }, at: number): string[] {
  const problems: string[] = []
  if (reading.crests && reading.statistics) {
    const byId = new Map(reading.statistics.map((s) => [s.id, s]))
    const values: CrestValue[] = []
    for (const kind of reading.crests.kinds) {
      const value = byId.get(kind.statisticId)
      // Not listed: Blizzard leaves out counters a character never moved, but that is not proof of zero.
      if (!value) continue
      if (value.quantity > MAX_SEASON_CRESTS) {
        problems.push(`Blizzard's crest counter "${kind.name}" (statistic ${kind.statisticId}) says ${value.quantity.toLocaleString('en-US')}, more than a season can give: Blizzard's data looks wrong, so it was not stored.`)
        continue
      }
      values.push({ statisticId: kind.statisticId, name: value.name ?? null, quantity: value.quantity, lastUpdatedAt: value.lastUpdatedAt })
    }
    recordCrestReadings(db, characterId, weekStart, values, at)
  }
  if (reading.quests && reading.tracked.length > 0) {
    recordQuestChecks(db, characterId, weekStart, reading.tracked.map((q) => q.id), new Set(reading.quests), reading.lastLoginAt, at)
  }
  return problems
}
