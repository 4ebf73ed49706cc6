import { dungeonNextSteps, raidNextSteps, worldNextSteps } from '../../shared/domain/next-step.ts'
import type { RowTrust } from '../../shared/domain/row-status.ts'
import type { Difficulty } from '../../shared/domain/types.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { SEASON_2, seasonViewOf } from './season-views.ts'

/**
 * A character's overview as main sends it for US week 1091, built from what it did: kills by
 * difficulty, key levels and World tiers fill the slots and the next steps with the shipped Season 2
 * table, as vault-views.ts does. Tests override what they are about.
 */
export const WEEK_1091 = { period: 1091, start: Date.parse('2026-11-24T15:00:00Z'), end: Date.parse('2026-12-01T15:00:00Z') }
export const COMPLETE: RowTrust = { status: 'complete', reasons: [] }

const RAID_LEVELS: Record<Difficulty, number> = { lfr: 292, normal: 305, heroic: 318, mythic: 334 }

export interface Week {
  bosses?: Difficulty[]
  keys?: number[]
  tiers?: number[]
}

export function overviewOf(id: number, name: string, week: Week = {}, overrides: Partial<CharacterOverview> = {}): CharacterOverview {
  const bosses = [...(week.bosses ?? [])].sort((a, b) => RAID_LEVELS[b] - RAID_LEVELS[a])
  const keys = [...(week.keys ?? [])].sort((a, b) => b - a)
  const tiers = [...(week.tiers ?? [])].sort((a, b) => b - a)
  const raid = [2, 4, 6].map((threshold) => {
    const difficulty = bosses[threshold - 1] ?? null
    return { threshold, progress: Math.min(bosses.length, threshold), unlocked: difficulty !== null, difficulty, itemLevel: difficulty && RAID_LEVELS[difficulty], reward: null }
  })
  const dungeons = [1, 4, 8].map((threshold) => {
    const level = keys[threshold - 1] ?? null
    return { threshold, progress: Math.min(keys.length, threshold), unlocked: level !== null, level, itemLevel: level === null ? null : Math.min(318, 300 + level), reward: null }
  })
  const world = [2, 4, 8].map((threshold) => {
    const tier = tiers[threshold - 1] ?? null
    return { threshold, progress: Math.min(tiers.length, threshold), unlocked: tier !== null, tier, itemLevel: tier === null ? null : 280 + tier * 3, reward: null }
  })
  return {
    id,
    name,
    region: 'us',
    realm: 'area-52',
    realmName: 'Area 52',
    className: 'Mage',
    specName: 'Frost',
    itemLevel: 300 + id,
    mythicRating: 2000 + id,
    guild: null,
    crests: { known: false, kinds: [], note: null },
    quests: [],
    lastLoginAt: WEEK_1091.start + 3_600_000,
    raiderioCrawledAt: null,
    lastWeek: { unlockedSlots: 0, opened: false, waiting: 'none' },
    week: WEEK_1091,
    season: seasonViewOf(),
    raid,
    dungeons,
    world,
    trust: { raid: COMPLETE, dungeons: COMPLETE, world: COMPLETE },
    lastSyncedAt: WEEK_1091.start + 7_200_000,
    nextSyncAt: null,
    nextSteps: { raid: raidNextSteps(bosses, SEASON_2), dungeons: dungeonNextSteps(keys, SEASON_2), world: worldNextSteps(tiers, SEASON_2, WEEK_1091.period) },
    failingSources: [],
    trackedSince: WEEK_1091.start - 30 * 24 * 3_600_000,
    ...overrides,
  }
}
