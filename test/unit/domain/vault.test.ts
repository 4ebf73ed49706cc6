import { describe, expect, it } from 'vitest'
import { rewardText, trackLabel } from '../../../shared/domain/reward.ts'
import { isPreseason, SHIPPED_SEASON_TABLES, shippedRaids, calendarSeason, type SeasonVaultTable } from '../../../shared/domain/seasons.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'
import { dungeonRewardItemLevel, dungeonVaultSlots, raidVaultSlots } from '../../../shared/domain/vault.ts'

const s1 = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-1') as SeasonVaultTable
const s2 = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-2') as SeasonVaultTable

describe('raid row', () => {
  const cases: { name: string; bosses: Difficulty[]; expected: (Difficulty | null)[]; progress: number[] }[] = [
    { name: 'no boss', bosses: [], expected: [null, null, null], progress: [0, 0, 0] },
    { name: 'one boss is not enough for slot 1', bosses: ['mythic'], expected: [null, null, null], progress: [1, 1, 1] },
    { name: 'two bosses unlock slot 1 at the 2nd best', bosses: ['mythic', 'normal'], expected: ['normal', null, null], progress: [2, 2, 2] },
    { name: 'LFR counts', bosses: ['lfr', 'lfr', 'lfr', 'lfr'], expected: ['lfr', 'lfr', null], progress: [2, 4, 4] },
    {
      name: 'six bosses: slots use the 2nd, 4th and 6th best, whatever the input order',
      bosses: ['normal', 'mythic', 'lfr', 'heroic', 'heroic', 'mythic'],
      expected: ['mythic', 'heroic', 'lfr'],
      progress: [2, 4, 6],
    },
    { name: 'nine bosses: extra kills above 6 change nothing but the ranking', bosses: [...Array(9).fill('heroic'), 'mythic'] as Difficulty[], expected: ['heroic', 'heroic', 'heroic'], progress: [2, 4, 6] },
  ]
  it.each(cases)('$name', ({ bosses, expected, progress }) => {
    const slots = raidVaultSlots(bosses, s1)
    expect(slots.map((s) => s.threshold)).toEqual([2, 4, 6])
    expect(slots.map((s) => s.difficulty)).toEqual(expected)
    expect(slots.map((s) => s.unlocked)).toEqual(expected.map((d) => d !== null))
    expect(slots.map((s) => s.progress)).toEqual(progress)
  })

  it('gives item levels from the season table', () => {
    const slots = raidVaultSlots(['mythic', 'mythic', 'heroic', 'normal', 'lfr', 'lfr'], s1)
    expect(slots.map((s) => s.itemLevel)).toEqual([272, 246, 233])
    expect(raidVaultSlots(['heroic', 'heroic'], s2)[0]?.itemLevel).toBe(318)
  })

  it('still counts slots without a season table, but claims no item level', () => {
    const slots = raidVaultSlots(['heroic', 'heroic'], undefined)
    expect(slots[0]).toEqual({ threshold: 2, progress: 2, unlocked: true, difficulty: 'heroic', itemLevel: null, reward: null })
  })
})

describe('dungeon row', () => {
  const cases: { name: string; runs: number[]; levels: (number | null)[]; progress: number[] }[] = [
    { name: 'no run', runs: [], levels: [null, null, null], progress: [0, 0, 0] },
    { name: 'one run unlocks slot 1', runs: [7], levels: [7, null, null], progress: [1, 1, 1] },
    { name: 'three runs', runs: [2, 12, 5], levels: [12, null, null], progress: [1, 3, 3] },
    { name: 'exactly 4 runs: slot 2 is the 4th highest', runs: [10, 2, 15, 8], levels: [15, 2, null], progress: [1, 4, 4] },
    { name: 'exactly 8 runs: slot 3 is the lowest', runs: [10, 10, 9, 9, 8, 7, 6, 4], levels: [10, 9, 4], progress: [1, 4, 8] },
    { name: '7 runs leave slot 3 locked', runs: [10, 10, 9, 9, 8, 7, 6], levels: [10, 9, null], progress: [1, 4, 7] },
    { name: 'more than 8 runs: slot 3 is the 8th highest', runs: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], levels: [11, 8, 4], progress: [1, 4, 8] },
    { name: 'Heroic (0) and Mythic 0 (1) count below keystones', runs: [0, 1, 2, 0], levels: [2, 0, null], progress: [1, 4, 4] },
  ]
  it.each(cases)('$name', ({ runs, levels, progress }) => {
    const slots = dungeonVaultSlots(runs, s1)
    expect(slots.map((s) => s.threshold)).toEqual([1, 4, 8])
    expect(slots.map((s) => s.level)).toEqual(levels)
    expect(slots.map((s) => s.unlocked)).toEqual(levels.map((l) => l !== null))
    expect(slots.map((s) => s.progress)).toEqual(progress)
  })

  it.each([
    { level: 0, s1: 243, s2: 289 },
    { level: 1, s1: 256, s2: 302 },
    { level: 2, s1: 259, s2: 305 },
    { level: 3, s1: 259, s2: 305 },
    { level: 5, s1: 263, s2: 308 },
    { level: 6, s1: 266, s2: 311 },
    { level: 9, s1: 269, s2: 315 },
    { level: 10, s1: 272, s2: 318 },
    { level: 20, s1: 272, s2: 318 },
  ])('key level $level rewards $s1 in S1 and $s2 in S2 (capped at +10)', ({ level, s1: want1, s2: want2 }) => {
    expect(dungeonRewardItemLevel(level, s1)).toBe(want1)
    expect(dungeonRewardItemLevel(level, s2)).toBe(want2)
  })
})

describe('season lookup', () => {
  it.each([
    { period: 1054, id: undefined },
    { period: 1055, id: 'season-mn-1' },
    { period: 1075, id: 'season-mn-1' },
    { period: 1076, id: 'season-mn-2' },
    { period: 1077, id: 'season-mn-2' },
    { period: 1091, id: 'season-mn-2' },
    // Season 2's table was checked through period 1092: by calendar alone it says nothing later.
    { period: 1092, id: 'season-mn-2' },
    { period: 1093, id: undefined },
  ])('by the shipped calendar, period $period → $id', ({ period, id }) => {
    expect(calendarSeason(period)?.id).toBe(id)
  })

  it('period 1076 is Season 2\'s pre-season week; 1077 is its first real week; Season 1 had no keystones in 1055', () => {
    expect(isPreseason(s1, 1055)).toBe(true)
    expect(isPreseason(s1, 1056)).toBe(false)
    expect(isPreseason(s2, 1076)).toBe(true)
    expect(isPreseason(s2, 1077)).toBe(false)
  })

  it('has no overlapping seasons and ascending item levels in every table', () => {
    const sorted = [...SHIPPED_SEASON_TABLES].sort((a, b) => a.firstPeriod - b.firstPeriod)
    sorted.forEach((season, i) => {
      const next = sorted[i + 1]
      if (next) expect(season.lastPeriod).toBe(next.firstPeriod - 1)
      const raid = season.raidRewards
      expect(raid.lfr.itemLevel < raid.normal.itemLevel && raid.normal.itemLevel < raid.heroic.itemLevel && raid.heroic.itemLevel < raid.mythic.itemLevel).toBe(true)
      const steps = season.dungeonRewards
      steps.forEach((step, j) => {
        const prev = steps[j - 1]
        if (prev) {
          expect(step.minLevel).toBeGreaterThan(prev.minLevel)
          expect(step.reward.itemLevel).toBeGreaterThan(prev.reward.itemLevel)
        }
      })
    })
  })
})

describe('Season 2 rewards (game-rules.md §6.1)', () => {
  it('pays one upgrade track above the drop: Heroic raid slot is 318, Myth 1', () => {
    const [slot] = raidVaultSlots(['heroic', 'heroic'], s2)
    expect(slot).toMatchObject({ itemLevel: 318, reward: { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] } })
    expect(rewardText(slot!.reward!)).toBe('318 Myth 1')
  })

  it.each([
    ['lfr', 292, 'Champion'],
    ['normal', 305, 'Hero'],
    ['heroic', 318, 'Myth'],
    ['mythic', 334, 'Myth'],
  ] as const)('%s raid slot: %i (%s)', (difficulty, itemLevel, track) => {
    expect(raidVaultSlots([difficulty, difficulty], s2)[0]?.reward).toMatchObject({ itemLevel, track })
  })

  it('a Mythic slot is "334, or 344 from the last two bosses", never one number as if certain; Kith\'ix\'s 344 is one guide\'s word, unconfirmed (game-rules §12)', () => {
    const reward = raidVaultSlots(['mythic', 'mythic'], s2)[0]!.reward!
    expect(reward).toMatchObject({
      itemLevel: 334, track: 'Myth', rank: 6,
      exceptions: [
        { itemLevel: 344, track: 'Myth', rank: 9, confirmed: true, bosses: ['The Coiled Altar', "Ula'tek"] },
        { itemLevel: 344, track: 'Myth', rank: 9, confirmed: false, bosses: ["Kith'ix"] },
      ],
    })
    expect(rewardText(reward)).toBe("334 Myth 6; 344 Myth 9 from The Coiled Altar or Ula'tek; 344 Myth 9 (unconfirmed) from Kith'ix")
  })

  it('Heroic dungeon 289 and Raid Finder 292 are confirmed by the game data GreatVaultKeyInfo reads (no longer marked)', () => {
    const heroicDungeon = dungeonVaultSlots([0], s2)[0]!.reward!
    expect(heroicDungeon).toMatchObject({ itemLevel: 289, track: 'Veteran', rank: 4, confirmed: true })
    expect(rewardText(heroicDungeon)).toBe('289 Veteran 4')
    expect(raidVaultSlots(['lfr', 'lfr'], s2)[0]?.reward).toMatchObject({ itemLevel: 292, track: 'Champion', rank: 1, confirmed: true })
    expect(dungeonVaultSlots([10], s2)[0]?.reward).toMatchObject({ itemLevel: 318, track: 'Myth', rank: 1, confirmed: true })
  })

  it.each([
    [1, 302, 'Champion', 4],
    [2, 305, 'Hero', 1],
    [5, 308, 'Hero', 2],
    [6, 311, 'Hero', 3],
    [8, 315, 'Hero', 4],
    [12, 318, 'Myth', 1],
  ] as const)('a level %i run pays %i %s %i: ranks read from the track ladders (GreatVaultKeyInfo)', (level, itemLevel, track, rank) => {
    expect(dungeonVaultSlots([level], s2)[0]?.reward).toMatchObject({ itemLevel, track, rank })
  })

  it('Season 1 leaves ranks out where no source states them, and shows the track alone', () => {
    expect(dungeonVaultSlots([8], s1)[0]?.reward).toMatchObject({ itemLevel: 269, track: 'Hero', rank: null })
    expect(trackLabel({ track: 'Hero', rank: null })).toBe('Hero')
  })

  it('caps keystone rewards at +10 even where the table would differ above it', () => {
    const table: SeasonVaultTable = { ...s2, dungeonRewards: [...s2.dungeonRewards, { minLevel: 12, reward: { itemLevel: 999, track: 'Myth', rank: 9, confirmed: true } }] }
    expect(dungeonRewardItemLevel(15, table)).toBe(318)
    expect(dungeonRewardItemLevel(15, { ...table, maxRewardLevel: 12 })).toBe(999)
  })

  it('ships a roster snapshot of the season\'s raids; the patch raid joins from its period', () => {
    const bosses = (season: SeasonVaultTable | undefined, period: number) => shippedRaids(season, period).flatMap((r) => r.bosses)
    expect(bosses(s2, 1084)).toContain("Ula'tek")
    expect(bosses(s2, 1084)).not.toContain("Kith'ix")
    expect(bosses(s2, 1085)).toContain("Kith'ix")
    expect(shippedRaids(s1, 1060)).toEqual([])
  })
})
