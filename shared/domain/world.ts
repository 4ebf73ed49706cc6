import type { Reward } from './reward.ts'
import { DEFAULT_WORLD_THRESHOLDS, isPreseason, type SeasonVaultTable } from './seasons.ts'
import type { WorldActivity, WorldVaultSlot } from './types.ts'

/**
 * World row of the Great Vault (game-rules.md §7): slots unlock at 2 / 4 / 8 activities and slot N
 * rewards the tier of the Nth-best activity (delves at their tier, Prey at its difficulty's tier, world
 * activities as tier 1). In pre-season weeks no slot pays above the season's pre-season cap.
 */
export function worldVaultSlots(activities: readonly Pick<WorldActivity, 'tier' | 'count'>[], season: SeasonVaultTable | undefined, period: number): WorldVaultSlot[] {
  const thresholds = season?.worldThresholds ?? DEFAULT_WORLD_THRESHOLDS
  const cap = season && isPreseason(season, period) ? season.preseasonMaxWorldTier : Number.POSITIVE_INFINITY
  const tiers = activities.flatMap((a) => Array.from({ length: a.count }, () => Math.min(a.tier, cap))).sort((a, b) => b - a)
  return thresholds.map((threshold) => {
    const tier = tiers[threshold - 1] ?? null
    const reward = tier !== null && season ? worldReward(tier, season) : null
    return { threshold, progress: Math.min(tiers.length, threshold), unlocked: tier !== null, tier, itemLevel: reward?.itemLevel ?? null, reward: reward && { ...reward, exceptions: [] } }
  })
}

/** The reward of a World slot of this tier in a season, or null below the table. */
export function worldReward(tier: number, season: SeasonVaultTable): Reward | null {
  let found: Reward | null = null
  for (const step of season.worldRewards) if (step.minTier <= tier) found = step.reward
  return found && { ...found }
}
