import { byDifficultyDescending } from './difficulty.ts'
import type { Reward, SlotReward } from './reward.ts'
import { DEFAULT_DUNGEON_THRESHOLDS, DEFAULT_RAID_THRESHOLDS, type RaidReward, type SeasonVaultTable } from './seasons.ts'
import type { Difficulty, DungeonVaultSlot, RaidVaultSlot } from './types.ts'

/**
 * Raid row of the Great Vault from the bosses counted this week (each boss once, at its highest
 * difficulty; see merge.ts). Slot N unlocks at its threshold and rewards the difficulty of the
 * threshold-th best boss (wowaudit/core instance_data.rb `slot_info[kills_needed - 1]`).
 */
export function raidVaultSlots(
  bossDifficulties: readonly Difficulty[],
  season: SeasonVaultTable | undefined,
): RaidVaultSlot[] {
  const thresholds = season?.raidThresholds ?? DEFAULT_RAID_THRESHOLDS
  const bestFirst = [...bossDifficulties].sort(byDifficultyDescending)
  return thresholds.map((threshold) => {
    const difficulty = bestFirst[threshold - 1] ?? null
    const reward = difficulty !== null && season ? raidSlotReward(season.raidRewards[difficulty]) : null
    return {
      threshold,
      progress: Math.min(bestFirst.length, threshold),
      unlocked: difficulty !== null,
      difficulty,
      itemLevel: reward?.itemLevel ?? null,
      reward,
    }
  })
}

/**
 * Dungeon row from this week's completed runs, given on the vault level scale (0 Heroic, 1 Mythic 0,
 * 2+ keystone). Slot N rewards the threshold-th highest run; timed or not does not matter.
 */
export function dungeonVaultSlots(runLevels: readonly number[], season: SeasonVaultTable | undefined): DungeonVaultSlot[] {
  const thresholds = season?.dungeonThresholds ?? DEFAULT_DUNGEON_THRESHOLDS
  const highestFirst = [...runLevels].sort((a, b) => b - a)
  return thresholds.map((threshold) => {
    const level = highestFirst[threshold - 1] ?? null
    const reward = level !== null && season ? dungeonReward(level, season) : null
    return {
      threshold,
      progress: Math.min(highestFirst.length, threshold),
      unlocked: level !== null,
      level,
      itemLevel: reward?.itemLevel ?? null,
      reward: reward && { ...reward, exceptions: [] },
    }
  })
}

export function raidSlotReward({ exceptions = [], ...usual }: RaidReward): SlotReward {
  return { ...usual, exceptions: exceptions.map((e) => ({ ...e, bosses: [...e.bosses] })) }
}

/** The reward of a dungeon run of this vault level in a season, or null below the table. */
export function dungeonReward(level: number, season: SeasonVaultTable): Reward | null {
  const capped = Math.min(level, season.maxRewardLevel)
  let found: Reward | null = null
  for (const step of season.dungeonRewards) {
    if (step.minLevel <= capped) found = step.reward
  }
  return found && { ...found }
}

/** Item level a dungeon slot of this vault level rewards in a season, or null below the table. */
export function dungeonRewardItemLevel(level: number, season: SeasonVaultTable): number | null {
  return dungeonReward(level, season)?.itemLevel ?? null
}
