import { difficultyRank } from './difficulty.ts'
import type { BossKill, Difficulty, KeystoneRun, RaidEvidenceKind, SourceId } from './types.ts'

/** A boss as the vault counts it: once, at the highest difficulty any source proved this week. */
export interface CountedBoss {
  bossKey: string
  bossName: string
  difficulty: Difficulty
  /** The evidence kinds that proved the kill at `difficulty`, in a stable order. */
  sources: RaidEvidenceKind[]
  /** Latest known kill time at `difficulty` (epoch ms), null when only a snapshot count proved it. */
  lastKillAt: number | null
}

const EVIDENCE_ORDER: readonly RaidEvidenceKind[] = ['blizzard', 'warcraftlogs', 'snapshot']

/**
 * Key that identifies a boss across sources. Blizzard, Warcraft Logs and Raider.IO use unrelated
 * ids, so bosses are matched by name: case, accents, punctuation and spacing are ignored.
 */
export function bossKeyFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * Reduces all kill evidence of one week to the bosses the raid row counts. The caller filters the
 * evidence to the week and to current-season bosses first; this function only de-duplicates.
 * Result order: best difficulty first, then by boss name.
 */
export function countBossesOnce(kills: readonly BossKill[]): CountedBoss[] {
  const byBoss = new Map<string, CountedBoss>()
  for (const kill of kills) {
    const current = byBoss.get(kill.bossKey)
    if (!current || difficultyRank(kill.difficulty) > difficultyRank(current.difficulty)) {
      byBoss.set(kill.bossKey, {
        bossKey: kill.bossKey,
        bossName: kill.bossName,
        difficulty: kill.difficulty,
        sources: [kill.source],
        lastKillAt: kill.killedAt,
      })
    } else if (kill.difficulty === current.difficulty) {
      if (!current.sources.includes(kill.source)) current.sources.push(kill.source)
      if (kill.killedAt !== null && (current.lastKillAt === null || kill.killedAt > current.lastKillAt)) {
        current.lastKillAt = kill.killedAt
      }
    }
  }
  const bosses = [...byBoss.values()]
  for (const boss of bosses) boss.sources.sort((a, b) => EVIDENCE_ORDER.indexOf(a) - EVIDENCE_ORDER.indexOf(b))
  return bosses.sort(
    (a, b) => difficultyRank(b.difficulty) - difficultyRank(a.difficulty) || a.bossName.localeCompare(b.bossName),
  )
}

/** Two reports of one run may differ by a few seconds between sources (wowaudit de-dupes within ±60 s). */
export const SAME_RUN_TOLERANCE_MS = 60_000

const SOURCE_ORDER: readonly SourceId[] = ['blizzard', 'warcraftlogs', 'raiderio']

/**
 * Merges runs reported by several sources: the same dungeon at the same level completed within
 * SAME_RUN_TOLERANCE_MS is one run whose sources are combined. Result is sorted newest first.
 */
export function mergeKeystoneRuns(runs: readonly KeystoneRun[]): KeystoneRun[] {
  const merged: { key: string; run: KeystoneRun }[] = []
  const chronological = [...runs].sort((a, b) => a.completedAt - b.completedAt)
  for (const run of chronological) {
    const key = bossKeyFromName(run.dungeon)
    const same = merged.find(
      (m) => m.key === key && m.run.level === run.level && Math.abs(m.run.completedAt - run.completedAt) <= SAME_RUN_TOLERANCE_MS,
    )?.run
    if (same) {
      for (const source of run.sources) if (!same.sources.includes(source)) same.sources.push(source)
      if (same.timed === null) same.timed = run.timed
    } else {
      merged.push({ key, run: { ...run, sources: [...run.sources] } })
    }
  }
  const result = merged.map((m) => m.run)
  for (const run of result) run.sources.sort((a, b) => SOURCE_ORDER.indexOf(a) - SOURCE_ORDER.indexOf(b))
  return result.sort((a, b) => b.completedAt - a.completedAt)
}
