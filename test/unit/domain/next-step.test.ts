import { describe, expect, it } from 'vitest'
import { cheapestSteps } from '../../../shared/domain/board.ts'
import { dungeonNextSteps, raidNextSteps, worldNextSteps } from '../../../shared/domain/next-step.ts'
import { SHIPPED_SEASON_TABLES, type SeasonVaultTable } from '../../../shared/domain/seasons.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'

const s2 = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-2') as SeasonVaultTable

describe('raid: what next', () => {
  it.each<{ bosses: Difficulty[]; unlock: string | null; upgrade: string | null }>([
    { bosses: [], unlock: '2 more bosses (any difficulty) unlock slot 1', upgrade: null },
    { bosses: ['heroic'], unlock: '1 more boss (any difficulty) unlocks slot 1', upgrade: null },
    { bosses: ['heroic', 'heroic', 'heroic', 'heroic', 'normal'], unlock: '1 more boss (any difficulty) unlocks slot 3', upgrade: '2 more Mythic bosses lift slot 1 from 318 to 334' },
    { bosses: ['mythic', 'heroic', 'heroic', 'normal'], unlock: '2 more bosses (any difficulty) unlock slot 3', upgrade: '1 more Mythic boss lifts slot 1 from 318 to 334' },
    { bosses: ['mythic', 'mythic', 'mythic', 'mythic', 'mythic', 'mythic'], unlock: null, upgrade: null },
  ])('$bosses', ({ bosses, unlock, upgrade }) => {
    const steps = raidNextSteps(bosses, s2)
    expect(steps.unlock?.text ?? null).toBe(unlock)
    expect(steps.upgrade?.text ?? null).toBe(upgrade)
  })
})

describe('dungeons: what next', () => {
  it.each([
    { runs: [], unlock: '1 more dungeon unlocks slot 1', upgrade: null },
    { runs: [8], unlock: '3 more dungeons unlock slot 2', upgrade: 'a +10 lifts slot 1 from 315 to 318' },
    { runs: [12, 12, 12, 9], unlock: '4 more dungeons unlock slot 3', upgrade: 'a +10 lifts slot 2 from 315 to 318' },
    { runs: [12, 0, 0, 0], unlock: '4 more dungeons unlock slot 3', upgrade: '3 runs at Mythic 0 or higher lift slot 2 from 289 to 302' },
    { runs: [10, 10, 10, 10, 10, 10, 10, 10], unlock: null, upgrade: null },
  ])('$runs', ({ runs, unlock, upgrade }) => {
    const steps = dungeonNextSteps(runs, s2)
    expect(steps.unlock?.text ?? null).toBe(unlock)
    expect(steps.upgrade?.text ?? null).toBe(upgrade)
  })

  it('picks the cheapest upgrade across slots', () => {
    // Slot 1 (+9) needs one +10; slot 2 (+2) needs ... one run at +4 as well: both cost 1, the first wins.
    expect(dungeonNextSteps([9, 2, 2, 2], s2).upgrade).toMatchObject({ slot: 1, more: 1 })
  })
})

describe('world: what next', () => {
  it.each([
    { tiers: [], unlock: '2 more activities (a delve, a Prey hunt or a world activity) unlock slot 1', upgrade: null },
    { tiers: [8, 3], unlock: '2 more activities (a delve, a Prey hunt or a world activity) unlock slot 2', upgrade: 'a tier 4 delve lifts slot 1 from 285 to 289' },
    { tiers: [8, 8, 8, 8, 8, 8, 8, 1], unlock: null, upgrade: 'a tier 2 delve lifts slot 3 from 279 to 282' },
  ])('$tiers', ({ tiers, unlock, upgrade }) => {
    const steps = worldNextSteps(tiers, s2, 1091)
    expect(steps.unlock?.text ?? null).toBe(unlock)
    expect(steps.upgrade?.text ?? null).toBe(upgrade)
  })

  it('no upgrade past the pre-season cap', () => {
    expect(worldNextSteps([6, 6], s2, 1076).upgrade).toBeNull()
  })
})

describe("the board's Next cell", () => {
  it('says each step in a few words that name the row', () => {
    expect(raidNextSteps(['mythic', 'heroic', 'heroic', 'normal'], s2)).toMatchObject({ unlock: { brief: '2 bosses → raid slot 3' }, upgrade: { brief: '1 Mythic boss lifts raid slot 1 to 334' } })
    expect(dungeonNextSteps([12, 12, 12, 9], s2)).toMatchObject({ unlock: { brief: '4 dungeons → dungeon slot 3' }, upgrade: { brief: 'a +10 lifts dungeon slot 2 to 318' } })
    expect(dungeonNextSteps([12, 0, 0, 0], s2).upgrade?.brief).toBe('3 × Mythic 0+ lift dungeon slot 2 to 302')
    expect(worldNextSteps([8, 3], s2, 1091)).toMatchObject({ unlock: { brief: '2 activities → world slot 2' }, upgrade: { brief: 'a tier 4 delve lifts world slot 1 to 289' } })
  })

  it('picks the cheapest steps across rows, an unlock before an upgrade of the same cost, and none from an unknown row', () => {
    const raid = raidNextSteps(['mythic', 'heroic', 'heroic', 'normal'], s2) // unlock 2, upgrade 1
    const dungeons = dungeonNextSteps([12, 12, 12], s2) // unlock 1 (the 4th run), upgrade: none cheaper
    const world = worldNextSteps([], s2, 1091) // unlock 2
    const steps = cheapestSteps([
      { row: 'raid', steps: raid, known: true },
      { row: 'dungeons', steps: dungeons, known: true },
      { row: 'world', steps: world, known: false },
    ])
    expect(steps.map((s) => s.brief)).toEqual(['1 dungeon → dungeon slot 2', '1 Mythic boss lifts raid slot 1 to 334'])
    expect(cheapestSteps([{ row: 'world', steps: world, known: false }])).toEqual([])
  })
})
