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
  // Counted by tier, never one array entry per activity: a source's counter can be any size.
  const bestFirst = activities.map((a) => ({ tier: Math.min(a.tier, cap), count: a.count })).sort((a, b) => b.tier - a.tier)
  const total = bestFirst.reduce((sum, a) => sum + a.count, 0)
  return thresholds.map((threshold) => {
    const tier = nthBestTier(bestFirst, threshold)
    const reward = tier !== null && season ? worldReward(tier, season) : null
    return { threshold, progress: Math.min(total, threshold), unlocked: tier !== null, tier, itemLevel: reward?.itemLevel ?? null, reward: reward && { ...reward, exceptions: [] } }
  })
}

/** The tier of the nth best activity (1-based), or null with fewer than n; `bestFirst` sorted by tier, highest first. */
function nthBestTier(bestFirst: readonly { tier: number; count: number }[], n: number): number | null {
  let seen = 0
  for (const { tier, count } of bestFirst) {
    seen += count
    if (seen >= n) return tier
  }
  return null
}

/** The reward of a World slot of this tier in a season, or null below the table. */
export function worldReward(tier: number, season: SeasonVaultTable): Reward | null {
  let found: Reward | null = null
  for (const step of season.worldRewards) if (step.minTier <= tier) found = step.reward
  return found && { ...found }
}

/**
 * The best `limit` activity tiers, highest first, one entry per activity: what "what next" needs
 * (no slot looks past the 8th), without one entry per activity of a counter that can be any size.
 */
export function topTiers(activities: readonly Pick<WorldActivity, 'tier' | 'count'>[], limit: number): number[] {
  const tiers: number[] = []
  for (const { tier, count } of [...activities].sort((a, b) => b.tier - a.tier)) {
    for (let i = 0; i < count && tiers.length < limit; i += 1) tiers.push(tier)
    if (tiers.length >= limit) break
  }
  return tiers
}
