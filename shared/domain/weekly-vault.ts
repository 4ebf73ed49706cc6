import type { CountedBoss } from './merge.ts'
import type { SeasonVaultTable } from './seasons.ts'
import type { DungeonVaultSlot, KeystoneRun, RaidVaultSlot, WorldActivity, WorldVaultSlot } from './types.ts'
import { dungeonVaultSlots, raidVaultSlots } from './vault.ts'
import { worldVaultSlots } from './world.ts'

/** A boss counted once, at its highest difficulty this week. */
export type VaultBoss = { name: string } & Pick<CountedBoss, 'difficulty' | 'sources' | 'lastKillAt'>

/** One character's vault for one week: the counted evidence and the nine slots it unlocks. Always computed from stored evidence, never read back from storage. */
export interface WeeklyVault {
  seasonId: string | null
  raid: { bosses: VaultBoss[]; slots: RaidVaultSlot[] }
  dungeons: { runs: KeystoneRun[]; slots: DungeonVaultSlot[] }
  world: { activities: WorldActivity[]; slots: WorldVaultSlot[] }
}

/** Builds the week's vault from bosses already counted once (merge.ts), the week's merged runs and its World activities. */
export function buildWeeklyVault(
  bosses: readonly CountedBoss[],
  runs: readonly KeystoneRun[],
  season: SeasonVaultTable | undefined,
  activities: readonly WorldActivity[] = [],
  period = 0,
): WeeklyVault {
  return {
    seasonId: season?.id ?? null,
    raid: {
      bosses: bosses.map((b) => ({ name: b.bossName, difficulty: b.difficulty, sources: [...b.sources], lastKillAt: b.lastKillAt })),
      slots: raidVaultSlots(
        bosses.map((b) => b.difficulty),
        season,
      ),
    },
    dungeons: {
      runs: runs.map((r) => ({ dungeon: r.dungeon, level: r.level, completedAt: r.completedAt, timed: r.timed, sources: [...r.sources], ...(r.kind ? { kind: r.kind } : {}) })),
      slots: dungeonVaultSlots(
        runs.map((r) => r.level),
        season,
      ),
    },
    world: {
      activities: activities.map((a) => ({ ...a, sources: [...a.sources] })),
      slots: worldVaultSlots(activities, season, period),
    },
  }
}
