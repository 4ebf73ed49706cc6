import { describe, expect, it } from 'vitest'
import { SEASONS, seasonForPeriod, type SeasonVaultTable } from '../../../shared/domain/seasons.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'
import { dungeonRewardItemLevel, dungeonVaultSlots, raidVaultSlots } from '../../../shared/domain/vault.ts'

const s1 = SEASONS.find((s) => s.id === 'midnight-1') as SeasonVaultTable
const s2 = SEASONS.find((s) => s.id === 'midnight-2') as SeasonVaultTable

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
    expect(raidVaultSlots(['heroic', 'heroic'], s2)[0]?.itemLevel).toBe(305)
  })

  it('still counts slots without a season table, but claims no item level', () => {
    const slots = raidVaultSlots(['heroic', 'heroic'], undefined)
    expect(slots[0]).toEqual({ threshold: 2, progress: 2, unlocked: true, difficulty: 'heroic', itemLevel: null })
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
    { period: 1055, id: 'midnight-1' },
    { period: 1076, id: 'midnight-1' },
    { period: 1077, id: 'midnight-2' },
    { period: 1091, id: 'midnight-2' },
  ])('period $period → $id', ({ period, id }) => {
    expect(seasonForPeriod(period)?.id).toBe(id)
  })

  it('has no overlapping seasons and ascending item levels in every table', () => {
    const sorted = [...SEASONS].sort((a, b) => a.firstPeriod - b.firstPeriod)
    sorted.forEach((season, i) => {
      const next = sorted[i + 1]
      if (next) expect(season.lastPeriod).toBe(next.firstPeriod - 1)
      const raid = season.raidItemLevel
      expect(raid.lfr < raid.normal && raid.normal < raid.heroic && raid.heroic < raid.mythic).toBe(true)
      const steps = season.dungeonItemLevel
      steps.forEach((step, j) => {
        const prev = steps[j - 1]
        if (prev) {
          expect(step.minLevel).toBeGreaterThan(prev.minLevel)
          expect(step.itemLevel).toBeGreaterThan(prev.itemLevel)
        }
      })
    })
  })
})
