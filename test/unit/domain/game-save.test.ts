import { describe, expect, it } from 'vitest'
import { applyGameSaves, gameWaiting, type GameSlot } from '../../../shared/domain/game-save.ts'
import { SHIPPED_SEASON_TABLES } from '../../../shared/domain/seasons.ts'
import { vaultWaiting } from '../../../shared/domain/vault-waiting.ts'
import { buildWeeklyVault } from '../../../shared/domain/weekly-vault.ts'

const season = SHIPPED_SEASON_TABLES.find((t) => t.id === 'season-mn-2')
const PERIOD = 1090
const savedAt = Date.parse('2026-12-03T21:14:00Z')
const slot = (over: Partial<GameSlot> & Pick<GameSlot, 'row' | 'slot'>): GameSlot => ({ threshold: null, progress: null, unlocked: null, difficulty: null, level: null, itemLevel: null, ...over })
const kill = (bossName: string, difficulty: 'heroic' | 'mythic') => ({ bossKey: bossName, bossName, difficulty, sources: ['blizzard' as const], lastKillAt: savedAt })

describe("the game's save laid over the sources' vault", () => {
  it('adds what only the game saw: progress, an unlocked slot and its reward from the table', () => {
    const vault = buildWeeklyVault([], [], season, [], PERIOD)
    const { vault: after, raised } = applyGameSaves(vault, [{ addon: 'AlterEgo', savedAt, slots: [slot({ row: 'raid', slot: 1, threshold: 2, progress: 3, unlocked: true, difficulty: 'heroic' }), slot({ row: 'raid', slot: 2, threshold: 4, progress: 3, unlocked: false })] }], season)
    expect(after.raid.slots[0]).toMatchObject({ unlocked: true, progress: 2, difficulty: 'heroic', itemLevel: 318, game: { addon: 'AlterEgo', progress: 3, threshold: 2, itemLevel: null, savedAt } })
    expect(after.raid.slots[1]).toMatchObject({ unlocked: false, progress: 3, game: { progress: 3 } })
    expect(after.raid.slots[2]).toMatchObject({ unlocked: false, progress: 0, game: null })
    expect(raised).toEqual([{ row: 'raid', addon: 'AlterEgo', savedAt }])
    // The input is left as it was.
    expect(vault.raid.slots[0]).toMatchObject({ unlocked: false, progress: 0 })
  })

  it('never takes away what the sources proved (a save from before more kills)', () => {
    const vault = buildWeeklyVault([kill('A', 'mythic'), kill('B', 'mythic')], [], season, [], PERIOD)
    const { vault: after, raised } = applyGameSaves(vault, [{ addon: 'AlterEgo', savedAt, slots: [slot({ row: 'raid', slot: 1, threshold: 2, progress: 1, unlocked: false })] }], season)
    expect(after.raid.slots[0]).toMatchObject({ unlocked: true, progress: 2, difficulty: 'mythic', itemLevel: vault.raid.slots[0]?.itemLevel })
    expect(raised).toEqual([])
  })

  it("shows the game's item level where it differs from the table's, for the same tier, and lists the difference", () => {
    const vault = buildWeeklyVault([], [], season, [], PERIOD)
    const { vault: after, disagreements } = applyGameSaves(vault, [{ addon: 'WoWthing', savedAt, slots: [slot({ row: 'world', slot: 1, threshold: 2, progress: 3, unlocked: true, level: 6, itemLevel: 295 })] }], season)
    expect(after.world.slots[0]).toMatchObject({ unlocked: true, tier: 6, itemLevel: 295, reward: { itemLevel: 298 }, game: { itemLevel: 295, addon: 'WoWthing' } })
    expect(disagreements).toEqual([{ row: 'world', slot: 1, at: 'tier 6', table: 298, game: 295, addon: 'WoWthing', savedAt }])
    // Agreeing item levels are no disagreement.
    const agreed = applyGameSaves(vault, [{ addon: 'WoWthing', savedAt, slots: [slot({ row: 'world', slot: 1, threshold: 2, progress: 3, unlocked: true, level: 6, itemLevel: 298 })] }], season)
    expect(agreed.disagreements).toEqual([])
  })

  it("a game item level for a lower level than the slot now rewards is not the slot's", () => {
    const runs = [{ dungeon: 'X', level: 12, completedAt: savedAt + 1, timed: true, sources: ['raiderio' as const] }]
    const vault = buildWeeklyVault([], runs, season, [], PERIOD)
    const { vault: after, disagreements } = applyGameSaves(vault, [{ addon: 'WoWthing', savedAt, slots: [slot({ row: 'dungeons', slot: 1, threshold: 1, progress: 1, unlocked: true, level: 10, itemLevel: 300 })] }], season)
    expect(after.dungeons.slots[0]).toMatchObject({ level: 12, itemLevel: vault.dungeons.slots[0]?.itemLevel })
    expect(disagreements).toEqual([])
  })

  it('of several saves, the latest that has the slot speaks', () => {
    const vault = buildWeeklyVault([], [], season, [], PERIOD)
    const older = { addon: 'AlterEgo' as const, savedAt, slots: [slot({ row: 'dungeons', slot: 1, threshold: 1, progress: 1, unlocked: true, level: 4 })] }
    const newer = { addon: 'SavedInstances' as const, savedAt: savedAt + 3600_000, slots: [slot({ row: 'dungeons', slot: 1, threshold: 1, progress: 2, unlocked: true, level: 10 })] }
    expect(applyGameSaves(vault, [older, newer], season).vault.dungeons.slots[0]).toMatchObject({ level: 10, game: { addon: 'SavedInstances' } })
  })
})

describe("the game's word on last week's vault", () => {
  const weekStart = Date.parse('2026-12-01T15:00:00Z')
  const facts = { unlockedSlots: 2, markedOpened: false, lastLoginAt: savedAt - 3600_000, loginReadAt: savedAt }

  it('only from a save since the reset; the latest one', () => {
    expect(gameWaiting([{ addon: 'AlterEgo', savedAt: weekStart - 1, rewardsWaiting: true }], weekStart)).toBeNull()
    expect(gameWaiting([{ addon: 'WoWthing', savedAt, rewardsWaiting: null }], weekStart)).toBeNull()
    expect(gameWaiting([{ addon: 'AlterEgo', savedAt, rewardsWaiting: true }, { addon: 'WoWthing', savedAt: savedAt + 1, rewardsWaiting: false }], weekStart)).toEqual({ waiting: false, addon: 'WoWthing', savedAt: savedAt + 1 })
  })

  it('waiting or opened as the game said it, a later session makes it maybe, a mark always wins', () => {
    const game = { waiting: true, addon: 'AlterEgo' as const, savedAt }
    expect(vaultWaiting({ ...facts, game }, weekStart)).toBe('waiting')
    // The sources proved nothing, yet the game says rewards wait.
    expect(vaultWaiting({ ...facts, unlockedSlots: null, game }, weekStart)).toBe('waiting')
    expect(vaultWaiting({ ...facts, game: { ...game, waiting: false } }, weekStart)).toBe('opened')
    expect(vaultWaiting({ ...facts, unlockedSlots: 0, game: { ...game, waiting: false } }, weekStart)).toBe('none')
    expect(vaultWaiting({ ...facts, lastLoginAt: savedAt + 3600_000, game }, weekStart)).toBe('maybe-opened')
    expect(vaultWaiting({ ...facts, markedOpened: true, game }, weekStart)).toBe('none')
    // Without the game, the login estimate as before.
    expect(vaultWaiting(facts, weekStart)).toBe('maybe-opened')
  })
})
