import { DIFFICULTY_LABELS, difficultyRank } from './difficulty.ts'
import { levelLabel } from './labels.ts'
import type { Reward } from './reward.ts'
import { DEFAULT_DUNGEON_THRESHOLDS, DEFAULT_RAID_THRESHOLDS, DEFAULT_WORLD_THRESHOLDS, isPreseason, type SeasonVaultTable } from './seasons.ts'
import { DIFFICULTIES, type Difficulty, type NextStep, type RowSteps } from './types.ts'

export type { NextStep, RowSteps } from './types.ts'
import { dungeonReward } from './vault.ts'
import { worldReward } from './world.ts'

/**
 * "What next" for one vault row: the cheapest step that unlocks the next slot, and the cheapest one
 * that raises an unlocked slot's reward ("1 more boss unlocks slot 3", "a +10 lifts slot 2 from 315
 * to 318"). Pure: computed from the row's evidence and the season's tables.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Raid: bosses counted this week, each at its best difficulty. */
export function raidNextSteps(bossDifficulties: readonly Difficulty[], season: SeasonVaultTable | undefined): RowSteps {
  const thresholds = season?.raidThresholds ?? DEFAULT_RAID_THRESHOLDS
  const unlock = nextUnlock(thresholds, bossDifficulties.length, (n) => `${plural(n, 'more boss', 'more bosses')} (any difficulty)`, (n, slot) => `${plural(n, 'boss', 'bosses')} → raid slot ${slot}`)
  let upgrade: NextStep | null = null
  thresholds.forEach((threshold, index) => {
    if (bossDifficulties.length < threshold || !season) return
    const current = [...bossDifficulties].sort((a, b) => difficultyRank(b) - difficultyRank(a))[threshold - 1] as Difficulty
    for (const better of DIFFICULTIES.filter((d) => difficultyRank(d) > difficultyRank(current))) {
      const from = season.raidRewards[current]
      const to = season.raidRewards[better]
      if (to.itemLevel <= from.itemLevel) continue
      // Slot N pays the Nth best: N bosses must be at `better` or above (a boss killed again on it counts).
      const more = threshold - bossDifficulties.filter((d) => difficultyRank(d) >= difficultyRank(better)).length
      const lifts = more === 1 ? 'lifts' : 'lift'
      const step = {
        kind: 'upgrade' as const,
        slot: index + 1,
        more,
        text: `${plural(more, `more ${DIFFICULTY_LABELS[better]} boss`, `more ${DIFFICULTY_LABELS[better]} bosses`)} ${lifts} slot ${index + 1} from ${from.itemLevel} to ${to.itemLevel}`,
        brief: `${plural(more, `${DIFFICULTY_LABELS[better]} boss`, `${DIFFICULTY_LABELS[better]} bosses`)} ${lifts} raid slot ${index + 1} to ${to.itemLevel}`,
      }
      upgrade = cheaper(upgrade, step)
      break
    }
  })
  return { unlock, upgrade }
}

/** Dungeons: this week's runs on the vault level scale (0 Heroic, 1 Mythic 0, 2+ keystone). */
export function dungeonNextSteps(runLevels: readonly number[], season: SeasonVaultTable | undefined): RowSteps {
  const thresholds = season?.dungeonThresholds ?? DEFAULT_DUNGEON_THRESHOLDS
  const unlock = nextUnlock(thresholds, runLevels.length, (n) => plural(n, 'more dungeon', 'more dungeons'), (n, slot) => `${plural(n, 'dungeon', 'dungeons')} → dungeon slot ${slot}`)
  let upgrade: NextStep | null = null
  if (season) {
    const sorted = [...runLevels].sort((a, b) => b - a)
    thresholds.forEach((threshold, index) => {
      const level = sorted[threshold - 1]
      if (level === undefined) return
      const from = dungeonReward(level, season)
      const target = firstBetter(level + 1, season.maxRewardLevel, from, (l) => dungeonReward(l, season))
      if (!target || !from) return
      const more = threshold - runLevels.filter((l) => l >= target.value).length
      const what = more === 1 ? `a ${levelLabel(target.value)}` : `${more} runs at ${levelLabel(target.value)} or higher`
      const lifts = more === 1 ? 'lifts' : 'lift'
      upgrade = cheaper(upgrade, { kind: 'upgrade', slot: index + 1, more, text: `${what} ${lifts} slot ${index + 1} from ${from.itemLevel} to ${target.reward.itemLevel}`, brief: `${more === 1 ? what : `${more} × ${levelLabel(target.value)}+`} ${lifts} dungeon slot ${index + 1} to ${target.reward.itemLevel}` })
    })
  }
  return { unlock, upgrade }
}

/** World: this week's activity tiers (one entry per activity). */
export function worldNextSteps(activityTiers: readonly number[], season: SeasonVaultTable | undefined, period: number): RowSteps {
  const thresholds = season?.worldThresholds ?? DEFAULT_WORLD_THRESHOLDS
  const unlock = nextUnlock(thresholds, activityTiers.length, (n) => `${plural(n, 'more activity', 'more activities')} (a delve, a Prey hunt or a world activity)`, (n, slot) => `${plural(n, 'activity', 'activities')} → world slot ${slot}`)
  let upgrade: NextStep | null = null
  if (season) {
    const cap = isPreseason(season, period) ? season.preseasonMaxWorldTier : 11
    const sorted = activityTiers.map((t) => Math.min(t, cap)).sort((a, b) => b - a)
    thresholds.forEach((threshold, index) => {
      const tier = sorted[threshold - 1]
      if (tier === undefined) return
      const from = worldReward(tier, season)
      const target = firstBetter(tier + 1, cap, from, (t) => worldReward(t, season))
      if (!target || !from) return
      const more = threshold - sorted.filter((t) => t >= target.value).length
      const what = more === 1 ? `a tier ${target.value} delve` : `${more} tier ${target.value}+ delves`
      const lifts = more === 1 ? 'lifts' : 'lift'
      upgrade = cheaper(upgrade, { kind: 'upgrade', slot: index + 1, more, text: `${what} ${lifts} slot ${index + 1} from ${from.itemLevel} to ${target.reward.itemLevel}`, brief: `${what} ${lifts} world slot ${index + 1} to ${target.reward.itemLevel}` })
    })
  }
  return { unlock, upgrade }
}

function nextUnlock(thresholds: readonly number[], have: number, what: (n: number) => string, brief: (n: number, slot: number) => string): NextStep | null {
  const index = thresholds.findIndex((t) => have < t)
  if (index < 0) return null
  const more = (thresholds[index] as number) - have
  return { kind: 'unlock', slot: index + 1, more, text: `${what(more)} ${more === 1 ? 'unlocks' : 'unlock'} slot ${index + 1}`, brief: brief(more, index + 1) }
}

/** The lowest value from `start` to `max` whose reward pays more than `from`. */
function firstBetter(start: number, max: number, from: Reward | null, rewardOf: (value: number) => Reward | null): { value: number; reward: Reward } | undefined {
  for (let value = start; value <= max; value += 1) {
    const reward = rewardOf(value)
    if (reward && (!from || reward.itemLevel > from.itemLevel)) return { value, reward }
  }
  return undefined
}

function cheaper(a: NextStep | null, b: NextStep): NextStep {
  return !a || b.more < a.more ? b : a
}
