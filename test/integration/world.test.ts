import { describe, expect, it } from 'vitest'
import { SHIPPED_SEASON_TABLES } from '../../shared/domain/seasons.ts'
import { blizzardCompletedQuests, blizzardEncounters, blizzardKeystoneProfile, blizzardStatistics } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { HOUR, RESET, thrall, thrallScenario } from '../support/scenario.ts'

/** The World row and Heroic runs, rebuilt from Blizzard's statistics and completed quests (game-rules.md §7–§8). */
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { raiderio, logs, run } = thrallScenario(h)
const sources = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-2')!.activities!
const TIER8 = 40773
const TIER11 = 40776
const DEN_HEROIC = 61651
const DEN_MYTHIC = 61652
const NIGHTMARE = sources.prey.find((p) => p.difficulty === 'Nightmare')!.questIds[0]!
const DAY = 24 * HOUR

function blizzard(statistics: Record<number, { quantity: number; lastUpdated: number | null }>, quests: number[] = [], kills = blizzardEncounters([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR, instance: 'The Dreamrift' }])) {
  h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    encounters: kills,
    keystone: blizzardKeystoneProfile(1091, []),
    profile: { name: 'Thrall', realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, last_login_timestamp: RESET + 20 * HOUR },
    statistics: blizzardStatistics(statistics),
    quests: blizzardCompletedQuests(quests),
  })
}
const sync = () => h.core().sync.syncCharacter(h.track(thrall), { force: true })
const activities = (result: Awaited<ReturnType<typeof sync>>) => result.vault.world.activities.map((a) => `${a.count}×${a.name}@${a.tier}:${a.sources.join('+')}`)

describe('the World row', () => {
  it('first sync mid-week: a delve counter updated since the reset proves one; the row is partial, counted since now', async () => {
    raiderio()
    logs([])
    blizzard({ [TIER8]: { quantity: 10, lastUpdated: RESET + 5 * HOUR }, [TIER11]: { quantity: 2, lastUpdated: RESET - 3 * DAY } })
    const result = await sync()
    expect(activities(result)).toEqual(['1×Tier 8 delves@8:blizzard'])
    expect(result.vault.world.slots.map((s) => s.unlocked)).toEqual([false, false, false])
    expect(result.trust.world.status).toBe('partial')
    expect(result.trust.world.reasons).toContain('Delves are counted since Nov 26 12:00 UTC (before that, at most one per tier).')
    expect(result.trust.world.reasons.at(-1)).toBe("As of the character's last logout (last login Nov 25 11:00 UTC): Blizzard updates this only when the character logs out.")
  })

  it('a second sync after three tier-8 delves and a Nightmare Prey fills two slots at tier 8 (Hero 1, 305)', async () => {
    raiderio()
    logs([])
    blizzard({ [TIER8]: { quantity: 10, lastUpdated: RESET - DAY } })
    const first = await sync()
    expect(first.trust.world.status).toBe('complete') // nothing had changed yet this week
    h.clock.now += 6 * HOUR
    blizzard({ [TIER8]: { quantity: 13, lastUpdated: RESET + 45 * HOUR } }, [NIGHTMARE])
    const second = await sync()
    expect(activities(second)).toEqual(['1×Prey (Nightmare)@8:snapshot', '3×Tier 8 delves@8:snapshot'])
    expect(second.vault.world.slots).toEqual([
      { threshold: 2, progress: 2, unlocked: true, tier: 8, itemLevel: 305, reward: { itemLevel: 305, track: 'Hero', rank: 1, confirmed: true, exceptions: [] }, game: null },
      { threshold: 4, progress: 4, unlocked: true, tier: 8, itemLevel: 305, reward: { itemLevel: 305, track: 'Hero', rank: 1, confirmed: true, exceptions: [] }, game: null },
      { threshold: 8, progress: 4, unlocked: false, tier: null, itemLevel: null, reward: null, game: null },
    ])
    expect(second.trust.world.status).toBe('complete')
  })

  it('the reset starts an empty World row from a new baseline, and last week\'s stays', async () => {
    raiderio()
    logs([])
    blizzard({ [TIER8]: { quantity: 10, lastUpdated: RESET - DAY } })
    await sync()
    h.clock.now += 6 * HOUR
    blizzard({ [TIER8]: { quantity: 12, lastUpdated: RESET + 40 * HOUR } })
    expect(activities(await sync())).toEqual(['2×Tier 8 delves@8:snapshot'])
    h.clock.now = RESET + 7 * DAY + HOUR // the next week
    const next = await sync()
    expect(next.week.start).toBe(RESET + 7 * DAY)
    expect(activities(next)).toEqual([])
    expect(next.trust.world.status).toBe('complete')
    expect(activities({ vault: next.previousVault } as Awaited<ReturnType<typeof sync>>)).toEqual(['2×Tier 8 delves@8:snapshot'])
    expect(next.previousVault.world.slots[0]).toMatchObject({ unlocked: true, tier: 8 })
  })

  it('a failing statistics endpoint leaves the raid and dungeon rows intact and says what is missing', async () => {
    raiderio([run('Murder Row', 12, RESET + HOUR)])
    logs([])
    blizzard({})
    h.apis.blizzard.server.failNext(/achievements\/statistics/, { kind: 'status', status: 503 }, 10)
    const result = await sync()
    expect(result.vault.raid.slots[0]).toMatchObject({ unlocked: true, itemLevel: 318 })
    expect(result.vault.dungeons.slots[0]).toMatchObject({ unlocked: true, level: 12 })
    expect(result.trust.raid.status).toBe('complete')
    expect(result.sources.blizzard.error?.message).toMatch(/^Blizzard's statistics: Blizzard had a server problem \(HTTP 503\)/)
    expect(result.trust.world.status).toBe('partial') // quests were read; delves were not
    expect(result.trust.world.reasons[0]).toMatch(/^Delves are not counted/)
  })
})

describe('Heroic and Mythic 0 runs in the dungeon row', () => {
  it('Heroic runs from the Heroic statistics join the dungeon row at level 0, below keystones', async () => {
    raiderio([run('Murder Row', 10, RESET + HOUR)])
    logs([])
    blizzard({ [DEN_HEROIC]: { quantity: 4, lastUpdated: RESET - DAY } })
    await sync()
    h.clock.now += 3 * HOUR
    blizzard({ [DEN_HEROIC]: { quantity: 7, lastUpdated: RESET + 44 * HOUR } })
    const result = await sync()
    const heroics = result.vault.dungeons.runs.filter((r) => r.kind === 'heroic')
    expect(heroics).toHaveLength(3)
    expect(heroics[0]).toMatchObject({ dungeon: 'Den of Nalorakk', level: 0, sources: ['blizzard'] })
    // 4 runs: the +10 and three Heroics; slot 2 (4th best) is Heroic, 289 Veteran 4.
    expect(result.vault.dungeons.slots.map((s) => s.level)).toEqual([10, 0, null])
    expect(result.vault.dungeons.slots[1]?.reward).toMatchObject({ itemLevel: 289, track: 'Veteran', rank: 4, confirmed: true })
    expect(result.trust.dungeons.status).toBe('complete')
  })

  it('in the pre-season week a Mythic statistic updated since the reset is a Mythic 0 run (302)', async () => {
    const PRESEASON = Date.parse('2026-08-11T15:00:00.000Z') // US period 1076
    h.clock.now = PRESEASON + 2 * DAY
    raiderio()
    logs([])
    blizzard({ [DEN_MYTHIC]: { quantity: 9, lastUpdated: PRESEASON + DAY } }, [], blizzardEncounters([]))
    const result = await sync()
    expect(result.week).toMatchObject({ period: 1076 })
    expect(result.vault.dungeons.runs).toEqual([{ dungeon: 'Den of Nalorakk', level: 1, completedAt: PRESEASON + DAY, timed: null, sources: ['blizzard'], kind: 'mythic0' }])
    expect(result.vault.dungeons.slots[0]).toMatchObject({ unlocked: true, level: 1, itemLevel: 302 })
  })

  it('Mythic 0 counts at most once per dungeon in a week: "updated since the reset" and a later rise are one lockout (issue 28.9)', async () => {
    const PRESEASON = Date.parse('2026-08-11T15:00:00.000Z') // US period 1076
    h.clock.now = PRESEASON + 2 * DAY
    raiderio()
    logs([])
    blizzard({ [DEN_MYTHIC]: { quantity: 9, lastUpdated: PRESEASON + DAY } }, [], blizzardEncounters([]))
    await sync()
    h.clock.now += DAY
    blizzard({ [DEN_MYTHIC]: { quantity: 10, lastUpdated: PRESEASON + 2 * DAY + HOUR } }, [], blizzardEncounters([]))
    const result = await sync()
    expect(result.vault.dungeons.runs.map((r) => `${r.kind} ${r.dungeon}`)).toEqual(['mythic0 Den of Nalorakk'])
    expect(result.vault.dungeons.slots.map((s) => s.unlocked)).toEqual([true, false, false])
  })
})

describe('a counter no game data can have', () => {
  it('a tracked counter rising by 5,000,000 in a week is not counted and the sync says why; the rest of the answer counts', async () => {
    raiderio()
    logs([])
    blizzard({ [TIER8]: { quantity: 10, lastUpdated: RESET - DAY } })
    await sync()
    h.clock.now += HOUR
    blizzard({ [TIER8]: { quantity: 5_000_010, lastUpdated: RESET + 20 * HOUR }, [DEN_HEROIC]: { quantity: 3, lastUpdated: RESET + 20 * HOUR } })
    const result = await sync()
    expect(activities(result)).toEqual([])
    expect(result.warnings).toContain(`Blizzard's counter "Tier 8 delves" (statistic ${TIER8}) rose by 5,000,000 since this week's first read, more than a week allows: Blizzard's data looks wrong, so the rise was not counted.`)
    // The rest of the answer still counts.
    expect(result.vault.dungeons.runs.map((r) => r.kind)).toEqual(['heroic', 'heroic', 'heroic'])
  })

  it('a lifetime counter of 5,000,000,000 (or the 40,000,000 that froze the window) is refused as Blizzard\'s error, not reported as a database failure, and gets no baseline', async () => {
    raiderio()
    logs([])
    blizzard({ [TIER8]: { quantity: 5_000_000_000, lastUpdated: RESET + 2 * HOUR }, [TIER11]: { quantity: 4, lastUpdated: RESET + 3 * HOUR } })
    const first = await sync()
    expect(first.warnings).toContain(`Blizzard's counter "Tier 8 delves" (statistic ${TIER8}) says 5,000,000,000, more than anyone has done: Blizzard's data looks wrong, so it was not counted.`)
    expect(activities(first)).toEqual(['1×Tier 11 delves@11:blizzard'])
    // Later a sane value: not a rise from zero (the refused read left no baseline for that counter).
    h.clock.now += HOUR
    blizzard({ [TIER8]: { quantity: 12, lastUpdated: RESET + 4 * HOUR }, [TIER11]: { quantity: 5, lastUpdated: RESET + 5 * HOUR } })
    const second = await sync()
    expect(activities(second)).toEqual(['2×Tier 11 delves@11:blizzard+snapshot'])
  })

  it('a quantity beyond a safe integer is the source\'s error: Blizzard\'s statistics fail with a message saying so, the rest is saved', async () => {
    raiderio()
    logs([])
    blizzard({ [TIER8]: { quantity: 2 ** 60, lastUpdated: RESET + 2 * HOUR } })
    const result = await sync()
    expect(result.sources.blizzard).toMatchObject({ status: 'error', error: { code: 'MALFORMED_RESPONSE', message: expect.stringContaining('a value no game data can have') } })
    expect(result.sources.blizzard.error?.message).toContain("Blizzard's statistics")
    expect(result.vault.raid.bosses.map((b) => b.name).sort()).toEqual(['Chimaerus', 'Vorasius'])
  })
})
