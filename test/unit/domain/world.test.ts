import { describe, expect, it } from 'vitest'
import { SHIPPED_SEASON_TABLES, type SeasonVaultTable } from '../../../shared/domain/seasons.ts'
import { topTiers, worldVaultSlots } from '../../../shared/domain/world.ts'

const s1 = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-1') as SeasonVaultTable
const s2 = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-2') as SeasonVaultTable
const tiers = (...list: number[]) => list.map((tier) => ({ tier, count: 1 }))

describe('World row (game-rules.md §7)', () => {
  it.each([
    { name: 'nothing', activities: [], tiers: [null, null, null], progress: [0, 0, 0] },
    { name: 'one activity unlocks nothing', activities: tiers(8), tiers: [null, null, null], progress: [1, 1, 1] },
    { name: 'two unlock slot 1 at the 2nd best', activities: tiers(8, 3), tiers: [3, null, null], progress: [2, 2, 2] },
    { name: 'eight: 2nd, 4th and 8th best', activities: tiers(1, 8, 8, 5, 11, 2, 6, 4), tiers: [8, 6, 1], progress: [2, 4, 8] },
    { name: 'counts expand: three tier-8 delves and a Nightmare Prey', activities: [{ tier: 8, count: 3 }, { tier: 8, count: 1 }], tiers: [8, 8, null], progress: [2, 4, 4] },
  ])('$name', ({ activities, tiers: expected, progress }) => {
    const slots = worldVaultSlots(activities, s2, 1091)
    expect(slots.map((s) => s.threshold)).toEqual([2, 4, 8])
    expect(slots.map((s) => s.tier)).toEqual(expected)
    expect(slots.map((s) => s.progress)).toEqual(progress)
  })

  it.each([
    [1, 279, true],
    [2, 282, true],
    [4, 289, true],
    [5, 292, true],
    // Disputed (GreatVaultKeyInfo, wowaudit and a gearing sheet: 298/302; wowthing's pre-season commit: 295/298).
    [6, 298, false],
    [7, 302, false],
    [8, 305, true],
    [11, 305, true],
  ])('Season 2 tier %i pays %i (confirmed: %s)', (tier, itemLevel, confirmed) => {
    expect(worldVaultSlots(tiers(tier, tier), s2, 1091)[0]?.reward).toMatchObject({ itemLevel, confirmed })
  })

  it('Season 1 tiers 1–8 pay 233 … 259 (Plumber a39daac)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 11].map((t) => worldVaultSlots(tiers(t, t), s1, 1060)[0]?.itemLevel)).toEqual([233, 237, 240, 243, 246, 250, 256, 259, 259])
  })

  it('caps the tier at 6 in the pre-season week (period 1076)', () => {
    expect(worldVaultSlots(tiers(11, 8), s2, 1076)[0]).toMatchObject({ tier: 6, itemLevel: 298, reward: { confirmed: false } })
    expect(worldVaultSlots(tiers(11, 8), s2, 1077)[0]).toMatchObject({ tier: 8, itemLevel: 305 })
  })
})

describe('World row counts without one entry per activity', () => {
  it('a count of five billion (more than an array can hold) still gives the slots, at once', () => {
    const slots = worldVaultSlots([{ tier: 8, count: 5_000_000_000 }, { tier: 11, count: 1 }], s2, 1091)
    expect(slots.map((s) => [s.tier, s.progress])).toEqual([[8, 2], [8, 4], [8, 8]])
    expect(topTiers([{ tier: 8, count: 5_000_000_000 }, { tier: 11, count: 1 }], 8)).toEqual([11, 8, 8, 8, 8, 8, 8, 8])
  })
})
