import { isInWeek, type WeekWindow } from '../../shared/domain/reset.ts'
import type { BossKill } from '../../shared/domain/types.ts'
import type { BlizzardKeystoneRun, EncounterProgress } from '../clients/blizzard/parse.ts'
import type { RaiderIoRun } from '../clients/raiderio/parse.ts'
import type { LoggedKill } from '../clients/warcraftlogs/parse.ts'
import type { RunObservation, SnapshotEntry } from '../store/observations-repo.ts'

/**
 * Turns what the sources said into per-week evidence. Every item is judged by its own timestamp
 * against the week windows (never by "still present in the response": profile data lags and keeps
 * last week's state until the character logs out).
 */

/** Items grouped by the window (week start) their time falls in; items outside every window are dropped. */
export function groupByWeek<T>(items: readonly T[], timeOf: (item: T) => number | null, windows: readonly WeekWindow[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>()
  for (const item of items) {
    const time = timeOf(item)
    if (time === null) continue
    const window = windows.find((w) => isInWeek(w, time))
    if (!window) continue
    grouped.set(window.start, [...(grouped.get(window.start) ?? []), item])
  }
  return grouped
}

/** Blizzard `last_kill_timestamp` inside a window proves a kill on that difficulty in that week. */
export function blizzardKills(encounters: readonly EncounterProgress[], windows: readonly WeekWindow[]): Map<number, BossKill[]> {
  const kills = encounters.map((e): BossKill => ({ bossKey: e.bossKey, bossName: e.bossName, difficulty: e.difficulty, killedAt: e.lastKillAt, source: 'blizzard' }))
  return groupByWeek(kills, (k) => k.killedAt, windows)
}

/** A Warcraft Logs kill inside a window proves a kill in that week. */
export function loggedKills(kills: readonly LoggedKill[], windows: readonly WeekWindow[]): Map<number, BossKill[]> {
  const evidence = kills.map((k): BossKill => ({ bossKey: k.bossKey, bossName: k.bossName, difficulty: k.difficulty, killedAt: k.killedAt, source: 'warcraftlogs' }))
  return groupByWeek(evidence, (k) => k.killedAt, windows)
}

/**
 * Blizzard's lifetime `completed_count` higher than in a snapshot captured inside this same week
 * proves a kill this week, even when `last_kill_timestamp` is missing. The baseline must come from
 * this week: a snapshot of an earlier week would count last week's kills again. A rise whose
 * `last_kill_timestamp` lies before the week is a late-counted old kill, not evidence.
 */
export function snapshotKills(encounters: readonly EncounterProgress[], baseline: readonly SnapshotEntry[] | undefined, week: WeekWindow): BossKill[] {
  if (!baseline) return []
  const before = new Map(baseline.map((e) => [`${e.bossKey}:${e.difficulty}`, e.completedCount]))
  return snapshotEntries(encounters)
    .filter((e) => e.completedCount > (before.get(`${e.bossKey}:${e.difficulty}`) ?? 0))
    .filter((e) => e.lastKillAt === null || e.lastKillAt >= week.start)
    .map((e) => ({ bossKey: e.bossKey, bossName: e.bossName, difficulty: e.difficulty, killedAt: null, source: 'snapshot' }))
}

/**
 * The counters of an encounters response, one per boss and difficulty as a snapshot stores them. Two
 * raids can list a boss of the same name: their counts are added (and the latest kill kept), so odd
 * upstream data can neither break the snapshot's key nor hide a rise.
 */
export function snapshotEntries(encounters: readonly EncounterProgress[]): SnapshotEntry[] {
  const byKey = new Map<string, SnapshotEntry>()
  for (const { bossKey, bossName, difficulty, completedCount, lastKillAt } of encounters) {
    const key = `${bossKey}:${difficulty}`
    const seen = byKey.get(key)
    if (!seen) {
      byKey.set(key, { bossKey, bossName, difficulty, completedCount, lastKillAt })
      continue
    }
    seen.completedCount += completedCount
    if (lastKillAt !== null && (seen.lastKillAt === null || lastKillAt > seen.lastKillAt)) seen.lastKillAt = lastKillAt
  }
  return [...byKey.values()]
}

/** Raider.IO runs (this week's and last week's lists together) grouped by the week they were completed in. */
export function raiderIoRuns(runs: readonly RaiderIoRun[], windows: readonly WeekWindow[]): Map<number, RunObservation[]> {
  const observations = runs.map((r): RunObservation => ({ dungeon: r.dungeon, level: r.level, completedAt: r.completedAt, timed: r.timed, source: 'raiderio' }))
  return groupByWeek(observations, (r) => r.completedAt, windows)
}

/** Blizzard keystone best runs grouped by week (a cross-check: Blizzard lists best runs, not every run). */
export function blizzardRuns(runs: readonly BlizzardKeystoneRun[], windows: readonly WeekWindow[]): Map<number, RunObservation[]> {
  const observations = runs.map((r): RunObservation => ({ ...r, source: 'blizzard' }))
  return groupByWeek(observations, (r) => r.completedAt, windows)
}

/** Keeps only kills of bosses in the season's raids; with no roster known, keeps all (and the caller warns). */
export function inRoster(kills: readonly BossKill[], roster: ReadonlySet<string> | undefined): BossKill[] {
  return roster ? kills.filter((k) => roster.has(k.bossKey)) : [...kills]
}
