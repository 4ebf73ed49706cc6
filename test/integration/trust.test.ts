import { describe, expect, it } from 'vitest'
import { SNAPSHOT_ROSTER_WARNING } from '../../main/sync/season-context.ts'
import { reportFromStore } from '../../main/sync/vault-report.ts'
import { raidingStaticData } from '../fakes/builders.ts'
import { SEASON_RAIDS, useCoreHarness } from '../support/core-harness.ts'
import { bosses, HOUR, RESET, thrall, thrallScenario } from '../support/scenario.ts'

/**
 * A vault the player can trust: evidence that survives partial outages, rows that say what they do
 * not know, and the evidence rules no other suite pins. Thursday of US week 1091.
 */
const NOW = '2026-11-26T12:00:00.000Z'
const h = useCoreHarness(NOW)
const { blizzard, raiderio, logs, run, sync } = thrallScenario(h)
const DAY = 24 * HOUR

describe('evidence survives partial outages', () => {
  it('a failing Blizzard keystone profile keeps the raid encounters Blizzard already returned', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR, instance: 'The Dreamrift' }])
    raiderio()
    logs([])
    h.apis.blizzard.server.failNext(/mythic-keystone-profile/, { kind: 'status', status: 503 }, 10)
    const result = await sync()
    expect(bosses(result)).toEqual(['Chimaerus:heroic:blizzard', 'Vorasius:heroic:blizzard'])
    expect(result.vault.raid.slots[0]).toMatchObject({ unlocked: true, itemLevel: 318 })
    expect(result.sources.blizzard.status).toBe('error')
    expect(result.sources.blizzard.error?.message).toMatch(/^Blizzard's Mythic\+ profile: /)
    // The raid row still counts as read by Blizzard this week.
    expect(result.trust.raid.status).toBe('complete')
  })

  it('a 404 keystone profile (a character with no Mythic+ runs) means "no runs": raid kept, source ok, character found', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'MYTHIC', count: 1, lastKill: RESET + HOUR }], [], { keystone: false })
    h.apis.raiderio.server.failNext(/characters\/profile/, { kind: 'status', status: 503 }, 10)
    logs([])
    const result = await sync()
    expect(bosses(result)).toEqual(['Vorasius:mythic:blizzard'])
    expect(result.sources.blizzard).toMatchObject({ status: 'ok', error: null })
    expect(result.notFound).toBe(false)
    expect(result.trust.dungeons.status).toBe('partial') // only Blizzard's profile (saying "no runs") answered
  })

  it('first sync with Raider.IO down: a current-season boss seen only in logs counts, from the shipped roster, with a warning', async () => {
    h.apis.raiderio.server.failNext(/./, { kind: 'status', status: 503 }, 100)
    blizzard([]) // Blizzard has not caught up yet
    logs([{ boss: "Ula'tek", difficulty: 5, at: RESET + 20 * HOUR }, { boss: 'Ragnaros', difficulty: 3, at: RESET + 21 * HOUR }])
    const result = await sync()
    expect(bosses(result)).toEqual(["Ula'tek:mythic:warcraftlogs"])
    // Raider.IO down from the start: Blizzard's season index names the season, the raids come from its table; both say so.
    expect(result.warnings).toEqual(["Which season this is comes from Blizzard's season index (Midnight Season 2): Raider.IO's season list does not have it yet.", SNAPSHOT_ROSTER_WARNING])
    expect(result.season).toMatchObject({ origin: 'blizzard', season: { id: 'season-mn-2', blizzardSeasonId: 18 }, table: { id: 'season-mn-2' } })
  })

  it('a change of week boundaries never hides stored evidence', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + 5 * HOUR }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET + 6 * HOUR, instance: 'The Dreamrift' }])
    raiderio([run('Murder Row', 10, RESET + 7 * HOUR)])
    logs([])
    const first = await sync()
    expect(first.vault.raid.slots[0]?.unlocked).toBe(true)
    // Raider.IO now says this week began two hours after the computed reset (an extended maintenance).
    const late = { start: new Date(RESET + 2 * HOUR).toISOString(), end: new Date(RESET + 2 * HOUR + 7 * DAY).toISOString() }
    h.apis.raiderio.periods = { periods: [{ region: 'us', current: { period: 1091, ...late } }] }
    h.clock.now += 2 * HOUR // past the periods cache
    h.apis.blizzard.server.failNext(/./, { kind: 'status', status: 503 }, 100)
    h.apis.raiderio.server.failNext(/characters\/profile/, { kind: 'status', status: 503 }, 100)
    const second = await sync()
    expect(second.week).toMatchObject({ start: RESET + 2 * HOUR, origin: 'raiderio' })
    expect(bosses(second)).toEqual(['Chimaerus:heroic:blizzard', 'Vorasius:heroic:blizzard'])
    expect(second.vault.dungeons.runs.map((r) => r.dungeon)).toEqual(['Murder Row'])
  })
})

describe('rows know what they do not know', () => {
  it('with no Blizzard or Warcraft Logs credentials (the default first run) the raid row is unknown, not 0/2 0/4 0/6', async () => {
    for (const name of ['VAULT_BLIZZARD_CLIENT_ID', 'VAULT_WCL_CLIENT_ID']) delete h.apis.env[name]
    raiderio([run('Murder Row', 10, RESET + HOUR)])
    const result = await sync()
    expect(result.trust.raid).toEqual({ status: 'unknown', reasons: ['Blizzard is not configured.', 'Warcraft Logs is not configured.'] })
    // Raider.IO lists the keystones; Heroic runs (which could fill the open slots) need Blizzard.
    expect(result.trust.dungeons).toEqual({ status: 'partial', reasons: ['Heroic runs are not counted: Blizzard is not configured.'] })
    expect(result.trust.world).toEqual({ status: 'unknown', reasons: ['Blizzard is not configured.'] })
  })

  it('while Blizzard fails, the raid row says so and since when', async () => {
    delete h.apis.env.VAULT_WCL_CLIENT_ID
    raiderio()
    h.apis.blizzard.server.failNext(/profile\/wow/, { kind: 'status', status: 503 }, 100)
    const result = await sync()
    expect(result.trust.raid.status).toBe('unknown')
    expect(result.trust.raid.reasons[0]).toBe('Blizzard failed: Blizzard had a server problem (HTTP 503). The next sync will try again (since Nov 26 12:00 UTC).')
  })

  it('only Warcraft Logs answered: the raid row is partial, its kills a lower bound', async () => {
    delete h.apis.env.VAULT_BLIZZARD_CLIENT_ID
    raiderio()
    logs([{ boss: 'Vorasius', difficulty: 4, at: RESET + HOUR }, { boss: 'Chimaerus', difficulty: 4, at: RESET + 2 * HOUR }])
    const result = await sync()
    expect(result.vault.raid.slots[0]).toMatchObject({ unlocked: true, difficulty: 'heroic' })
    expect(result.trust.raid.status).toBe('partial')
  })

  it('Raider.IO down, Blizzard up: the dungeon row is partial (best runs only)', async () => {
    blizzard([], [{ dungeon: 'Murder Row', level: 12, completedAt: RESET + HOUR }])
    logs([])
    h.apis.raiderio.server.failNext(/characters\/profile/, { kind: 'status', status: 503 }, 10)
    const result = await sync()
    expect(result.vault.dungeons.slots[0]).toMatchObject({ unlocked: true, level: 12 })
    expect(result.trust.dungeons.status).toBe('partial')
    expect(result.trust.dungeons.reasons[0]).toContain("Only Blizzard's Mythic+ profile answered")
  })

  it('last week\'s vault is partial when nothing was synced during that week, complete when it was', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET - DAY }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET - DAY, instance: 'The Dreamrift' }])
    raiderio()
    logs([])
    const late = await sync()
    expect(late.previousVault.raid.slots[0]?.unlocked).toBe(true)
    expect(late.previousTrust.raid.status).toBe('partial')
    expect(late.previousTrust.raid.reasons[0]).toMatch(/^Not synced during that week/)

    // Had it been synced during that week, the same vault would be exact.
    h.clock.now = RESET - 2 * HOUR
    await sync()
    h.clock.now = Date.parse(NOW)
    expect((await sync()).previousTrust.raid.status).toBe('complete')
  })

  it('the stored report (CLI vault, window) carries the same status and reasons as the sync', async () => {
    for (const name of ['VAULT_BLIZZARD_CLIENT_ID', 'VAULT_WCL_CLIENT_ID']) delete h.apis.env[name]
    raiderio()
    const result = await sync()
    const core = h.core()
    const report = reportFromStore(core.store.db, result.character, result.week, core.config, core.season, h.clock.now)
    expect(report.raid).toMatchObject({ status: 'unknown', reasons: ['Blizzard is not configured.', 'Warcraft Logs is not configured.'] })
    expect(report.dungeons.status).toBe('partial')
    expect(report.world.status).toBe('unknown')
  })
})

describe('evidence rules', () => {
  it('a lifetime count that rises while last_kill_timestamp stays before the week is not a kill this week', async () => {
    raiderio()
    logs([])
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 3, lastKill: RESET - 3 * DAY }])
    await sync() // this week's baseline
    h.clock.now += 3 * HOUR
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 4, lastKill: RESET - 3 * DAY }])
    expect(bosses(await sync())).toEqual([])
  })

  it('a first-ever kill of a boss after this week\'s baseline counts, proved by the count alone', async () => {
    raiderio()
    logs([])
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 3, lastKill: RESET - 3 * DAY }])
    await sync()
    h.clock.now += 3 * HOUR
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 3, lastKill: RESET - 3 * DAY }, { boss: 'Chimaerus', difficulty: 'MYTHIC', count: 1, lastKill: null, instance: 'The Dreamrift' }])
    expect(bosses(await sync())).toEqual(['Chimaerus:mythic:snapshot'])
  })

  it('two reports of a run exactly 60 s apart are one run; 61 s apart are two', async () => {
    const at = RESET + 10 * HOUR
    blizzard([], [{ dungeon: 'Murder Row', level: 14, completedAt: at + 60_000 }, { dungeon: 'Den of Nalorakk', level: 9, completedAt: at + 61_000 }])
    raiderio([run('Murder Row', 14, at), run('Den of Nalorakk', 9, at)])
    logs([])
    const runs = (await sync()).vault.dungeons.runs.map((r) => `${r.dungeon}:${r.sources.join('+')}`)
    expect(runs.sort()).toEqual(['Den of Nalorakk:blizzard', 'Den of Nalorakk:raiderio', 'Murder Row:blizzard+raiderio'])
  })

  it('keeps Blizzard\'s timed flag: an over-time key it alone saw stays over time', async () => {
    blizzard([], [{ dungeon: 'Murder Row', level: 11, completedAt: RESET + HOUR, timed: false }])
    raiderio()
    logs([])
    expect((await sync()).vault.dungeons.runs).toEqual([{ dungeon: 'Murder Row', level: 11, completedAt: RESET + HOUR, timed: false, sources: ['blizzard'] }])
  })
})

describe('odd upstream data', () => {
  it('two raids listing a boss of the same name on one difficulty cannot wedge the character\'s syncs', async () => {
    raiderio()
    logs([])
    const twice = (count: number) => [
      { boss: 'Vorasius', difficulty: 'HEROIC' as const, count, lastKill: null },
      { boss: 'Vorasius', difficulty: 'HEROIC' as const, count: 1, lastKill: null, instance: 'The Dreamrift' },
    ]
    blizzard(twice(2))
    await sync() // the baseline snapshot stores the boss once
    h.clock.now += 3 * HOUR
    blizzard(twice(3))
    expect(bosses(await sync())).toEqual(['Vorasius:heroic:snapshot'])
  })
})

describe('character gone from every source', () => {
  it('is reported as not found by the sync', async () => {
    const result = await h.core().sync.syncCharacter(h.track({ ...thrall, name: 'Renamedaway' }), { force: true })
    expect(result.notFound).toBe(true)
  })
})

describe("a boss whose place in the vault no source confirms (Kith'ix, 12.1.5)", () => {
  const withKithix = () => h.apis.raiderio.raidingStaticData.set(11, raidingStaticData([...SEASON_RAIDS, { slug: 'the-unbinding-of-kithix', name: "The Unbinding of Kith'ix", starts: '2026-10-13T15:00:00Z', bosses: ["Kith'ix"] }]))

  it('its kill is counted like a lair boss, and the raid row says that is unconfirmed (game-rules §12)', async () => {
    withKithix()
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: "Kith'ix", difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR, instance: "The Unbinding of Kith'ix" }])
    raiderio()
    logs([])
    const result = await sync()
    expect(bosses(result)).toEqual(["Kith'ix:heroic:blizzard", 'Vorasius:heroic:blizzard'])
    expect(result.vault.raid.slots[0]?.unlocked).toBe(true)
    expect(result.trust.raid.reasons).toContain("Kith'ix counted here, unconfirmed. No source states whether Kith'ix (patch 12.1.5) fills a raid slot: it is counted like the Tidebound Grotto's lair boss, by analogy with Season 1's one-boss Dreamrift.")
  })

  it('a week without a Kith\'ix kill says nothing about it', async () => {
    withKithix()
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR }])
    raiderio()
    logs([])
    const result = await sync()
    expect(result.vault.raid.slots[0]?.unlocked).toBe(true)
    expect(result.trust.raid.reasons.join(' ')).not.toContain("Kith'ix")
  })
})
