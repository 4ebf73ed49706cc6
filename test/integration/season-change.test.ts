import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { characterOverview, characterVaultView } from '../../main/desktop/vault-views.ts'
import { findCharacter } from '../../main/store/characters-repo.ts'
import { blizzardEncounters, blizzardKeystoneProfile, mythicPlusSeasons, raiderIoProfile, raiderIoRun, raidingStaticData } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { SEASON_2 } from '../support/season-views.ts'

/**
 * The day the next season starts (issue: never show last season's rewards as facts after a season
 * change). The fake Raider.IO lists Midnight Season 3 from Tuesday 2027-03-02 15:00 UTC, a season
 * this version ships no table for; Season 2 ended that morning, off the reset.
 */
const START = Date.parse('2027-03-02T15:00:00Z')
const HOUR = 3_600_000
const h = useCoreHarness('2027-03-04T12:00:00Z')

const SEASONS_WITH_3 = mythicPlusSeasons([
  { slug: 'season-mn-2', name: 'Midnight Season 2', blizzardSeasonId: 18, starts: '2026-08-18T15:00:00Z', ends: '2027-03-02T06:00:00Z' },
  { slug: 'season-mn-3', name: 'Midnight Season 3', blizzardSeasonId: 19, starts: '2027-03-02T15:00:00Z', ends: null },
])
const SEASON_3_RAIDS = [{ slug: 'the-next-raid', name: 'The Next Raid', starts: '2027-03-02T15:00:00Z', bosses: ['First Boss', 'Second Boss', 'Third Boss'] }]

const runCliWith = cliRunner(h)
const cli = (...args: string[]) => runCliWith(args)

function seasonThreeLive() {
  h.apis.raiderio.mythicPlusStaticData.set(11, SEASONS_WITH_3)
  h.apis.raiderio.raidingStaticData.set(11, raidingStaticData(SEASON_3_RAIDS))
  h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    encounters: blizzardEncounters([
      { boss: 'First Boss', difficulty: 'HEROIC', count: 1, lastKill: START + 5 * HOUR },
      { boss: 'Second Boss', difficulty: 'HEROIC', count: 1, lastKill: START + 6 * HOUR },
    ]),
    keystone: blizzardKeystoneProfile(1105, [{ dungeon: 'Murder Row', level: 12, completedAt: START + 2 * HOUR + 4000 }]),
    profile: { name: 'Thrall', realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, active_spec: { name: 'Enhancement' }, equipped_item_level: 311 },
  })
  h.apis.raiderio.setProfile('us', 'area-52', 'Thrall', raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 12, completed_at: new Date(START + 2 * HOUR).toISOString() })], [], { name: 'Thrall', realm: 'Area 52' }))
  h.apis.wcl.setCharacter('us', 'area-52', 'Thrall', { id: 1, reports: [] })
}

type Slot = { unlocked: boolean; itemLevel: number | null; reward: { confirmed: boolean } | null }
type Report = { season: Record<string, unknown>; raid: { status: string; reasons: string[]; slots: Slot[]; bosses: unknown[] }; dungeons: { reasons: string[]; slots: (Slot & { level: number | null })[] }; world: { reasons: string[]; slots: Slot[] } }

const UPDATE = "This version does not know Midnight Season 3's rewards — update the app."

describe('a season this version has no table for', () => {
  it('sync fills the counts, shows every reward as unknown, says "update the app" in each row, and --json carries it as data', async () => {
    seasonThreeLive()
    await cli('track', 'us/area-52/Thrall')
    const synced = await cli('sync', '--json')
    expect(synced.code).toBe(0)
    const [report] = (synced.json() as { results: Report[] }).results
    expect(report?.season).toMatchObject({ status: 'in-season', id: 'season-mn-3', name: 'Midnight Season 3', blizzardSeasonId: 19, tableKnown: false, table: null, thresholdsAssumed: true, origin: 'raiderio' })
    expect(report?.season.message).toContain(UPDATE)
    // Counts still fill with the usual thresholds: two bosses unlock raid slot 1, the +12 dungeon slot 1.
    expect(report?.raid.slots.map((s) => s.unlocked)).toEqual([true, false, false])
    expect(report?.dungeons.slots.map((s) => s.level)).toEqual([12, null, null])
    // Nothing priced, so nothing confirmed: no item level anywhere.
    const slots = [...report!.raid.slots, ...report!.dungeons.slots, ...report!.world.slots]
    expect(slots.every((s) => s.itemLevel === null && s.reward === null)).toBe(true)
    for (const row of [report!.raid, report!.dungeons, report!.world]) expect(row.reasons[0]).toContain(UPDATE)
    // Offline, the stored vault says the same.
    await h.apis.close()
    const stored = (await cli('vault', 'us/area-52/Thrall', '--json')).json() as unknown as Report
    expect(stored.season).toEqual(report?.season)
    expect(stored.raid).toEqual(report?.raid)
  })

  it('the text output names the season and prints no item level', async () => {
    seasonThreeLive()
    await cli('track', 'us/area-52/Thrall')
    const { stdout } = await cli('sync')
    expect(stdout).toContain('  Season    Midnight Season 3 · rewards unknown to this version: update the app\n')
    expect(stdout).toContain('  Raid      [Heroic] [2/4] [2/6]\n')
    // Without the season's dungeon statistics Heroic runs cannot be counted: a lower bound, and it says so.
    expect(stdout).toContain('  Dungeons  [+12] [1/4] [1/8]  (partial: may be missing some)\n')
    expect(stdout).toContain("Heroic and Mythic 0 runs are not counted: this season's dungeon statistics are not in the app's season data.")
    expect(stdout).toContain(UPDATE)
    expect(stdout).not.toMatch(/\b(318|334|305|Myth)\b/)
  })

  it('the window gets the same: the season view with its message, no reward on any slot, and no upgrade hints', async () => {
    seasonThreeLive()
    const character = h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    await h.core().sync.syncCharacter(character, { force: true })
    const view = characterVaultView(h.core(), findCharacter(h.core().store.db, character)!)
    expect(view.current.season).toMatchObject({ status: 'in-season', name: 'Midnight Season 3', tableKnown: false })
    expect(view.current.season.message).toContain(UPDATE)
    expect(view.current.raid.slots[0]).toMatchObject({ unlocked: true, difficulty: 'heroic', itemLevel: null, reward: null })
    expect(view.current.nextSteps.raid.upgrade).toBeNull()
    expect(view.current.nextSteps.raid.unlock?.text).toBe('2 more bosses (any difficulty) unlock slot 2')
    // The raids of the new season come from Raider.IO, boss by boss.
    expect(view.raids.map((r) => r.name)).toEqual(['The Next Raid'])
    // Last week was still Season 2 (it ended in that week, off the reset): its table applies there.
    expect(view.previous.season).toMatchObject({ id: 'season-mn-2', tableKnown: true })
    expect(characterOverview(h.core(), character).season.message).toContain(UPDATE)
  })

  it('a newer table dropped into the data folder prices the season, and the report names it', async () => {
    seasonThreeLive()
    mkdirSync(join(h.dataDir, 'season-tables'), { recursive: true })
    const season3 = { ...SEASON_2, id: 'season-mn-3', name: 'Midnight Season 3', blizzardSeasonId: 19, firstPeriod: 1105, checkedThroughPeriod: 1105, preseasonPeriods: [], roster: [], loadedFrom: undefined }
    writeFileSync(join(h.dataDir, 'season-tables', 'season-mn-3.json'), JSON.stringify(season3))
    await cli('track', 'us/area-52/Thrall')
    const [report] = ((await cli('sync', '--json')).json() as { results: Report[] }).results
    expect(report?.season).toMatchObject({ id: 'season-mn-3', tableKnown: true, table: { id: 'season-mn-3', from: 'data-folder', file: 'season-mn-3.json' }, message: null })
    expect(report?.raid.slots[0]).toMatchObject({ unlocked: true, itemLevel: 318 })
    expect(report?.raid.reasons.join(' ')).not.toContain('update the app')
  })

  it('a dropped-in table with a bad value is not used, and status says which file and field', async () => {
    seasonThreeLive()
    mkdirSync(join(h.dataDir, 'season-tables'), { recursive: true })
    const broken = { ...SEASON_2, id: 'season-mn-3', loadedFrom: undefined, raidRewards: { ...SEASON_2.raidRewards, mythic: { ...SEASON_2.raidRewards.mythic, itemLevel: 'high' } } }
    writeFileSync(join(h.dataDir, 'season-tables', 'season-mn-3.json'), JSON.stringify(broken))
    await cli('track', 'us/area-52/Thrall')
    const [report] = ((await cli('sync', '--json')).json() as { results: Report[] }).results
    expect(report?.season).toMatchObject({ id: 'season-mn-3', tableKnown: false })
    const status = await cli('status', '--json')
    expect(status.code).toBe(0)
    expect((status.json() as { problems: string[] }).problems).toEqual([expect.stringMatching(/^Season table season-mn-3\.json: raidRewards\.mythic\.itemLevel: .*it is not used\.$/)])
    expect((await cli('status')).stdout).toContain('raidRewards.mythic.itemLevel')
  })
})

describe('between seasons and the next expansion', () => {
  it('a week after the old season ended and before the next starts says so, with no rewards', async () => {
    seasonThreeLive()
    h.apis.raiderio.mythicPlusStaticData.set(11, mythicPlusSeasons([{ slug: 'season-mn-2', name: 'Midnight Season 2', blizzardSeasonId: 18, starts: '2026-08-18T15:00:00Z', ends: '2027-03-02T06:00:00Z' }, { slug: 'season-mn-3', name: 'Midnight Season 3', starts: '2027-03-16T15:00:00Z' }]))
    await cli('track', 'us/area-52/Thrall')
    const [report] = ((await cli('sync', '--json')).json() as { results: Report[] }).results
    expect(report?.season).toMatchObject({ status: 'between-seasons', id: null, tableKnown: false, previous: { name: 'Midnight Season 2', endedAt: '2027-03-02T06:00:00.000Z' }, next: { name: 'Midnight Season 3', startsAt: '2027-03-16T15:00:00.000Z' } })
    expect(report?.raid.reasons[0]).toBe('Between seasons: Midnight Season 2 ended Mar 2 06:00 UTC; Midnight Season 3 starts Mar 16 15:00 UTC. The vault may give nothing this week, so no rewards are shown.')
    expect(report?.raid.slots[0]?.reward).toBeNull()
    // Last season's raids are still open but count for nothing; Raider.IO answered, so it is not blamed (issue 28.10).
    expect(report?.raid.bosses).toEqual([])
    expect(report?.raid.slots.map((s) => s.unlocked)).toEqual([false, false, false])
    expect(report?.raid.reasons).toContain("No season runs this week, so no raid counts toward the vault: kills of last season's raids are not counted.")
    expect(report?.raid.reasons.join(' ')).not.toContain('Raider.IO has not')
  })

  it('a season of the next expansion is found without a new version (Raider.IO expansion 12)', async () => {
    seasonThreeLive()
    h.apis.raiderio.mythicPlusStaticData.set(11, mythicPlusSeasons([{ slug: 'season-mn-2', name: 'Midnight Season 2', blizzardSeasonId: 18, starts: '2026-08-18T15:00:00Z', ends: '2027-03-02T06:00:00Z' }]))
    h.apis.raiderio.mythicPlusStaticData.set(12, mythicPlusSeasons([{ slug: 'season-xp-1', name: 'Next Expansion Season 1', starts: '2027-03-02T15:00:00Z' }]))
    h.apis.raiderio.raidingStaticData.set(12, raidingStaticData(SEASON_3_RAIDS))
    h.apis.raiderio.raidingStaticData.delete(11)
    await cli('track', 'us/area-52/Thrall')
    const [report] = ((await cli('sync', '--json')).json() as { results: Report[] }).results
    expect(report?.season).toMatchObject({ status: 'in-season', id: 'season-xp-1', tableKnown: false })
    // Its raid came from expansion 12's static data: the two kills count.
    expect(report?.raid.slots[0]?.unlocked).toBe(true)
    const asked = h.apis.raiderio.server.requests.filter((r) => r.path.endsWith('/static-data')).map((r) => `${r.path.split('/')[3]}:${r.query.get('expansion_id')}`)
    expect(asked.sort()).toEqual(['mythic-plus:11', 'mythic-plus:12', 'raiding:11', 'raiding:12'])
  })
})

describe("Blizzard's season index as a second word", () => {
  it('Raider.IO has not listed the new season yet but Blizzard says season 19 is current: this week is not shown as Season 2', async () => {
    seasonThreeLive()
    // Raider.IO still lists only Season 2, with no end.
    h.apis.raiderio.mythicPlusStaticData.set(11, mythicPlusSeasons([{ slug: 'season-mn-2', name: 'Midnight Season 2', blizzardSeasonId: 18, starts: '2026-08-18T15:00:00Z' }]))
    h.apis.blizzard.currentSeason.set('us', 19)
    await cli('track', 'us/area-52/Thrall')
    const [report] = ((await cli('sync', '--json')).json() as { results: (Report & { warnings: string[] })[] }).results
    expect(report?.season).toMatchObject({ status: 'in-season', id: 'blizzard-season-19', name: "Blizzard's Mythic+ season 19", blizzardSeasonId: 19, origin: 'blizzard', tableKnown: false })
    expect(report?.raid.reasons[0]).toContain("This version does not know Blizzard's Mythic+ season 19's rewards — update the app.")
    expect(report?.raid.slots.every((s) => s.reward === null)).toBe(true)
    expect(report?.warnings[0]).toContain("comes from Blizzard's season index")
  })

  it('Blizzard naming the season Raider.IO already has changes nothing, and it is asked once per region, not per character', async () => {
    seasonThreeLive()
    h.apis.blizzard.currentSeason.set('us', 19)
    h.apis.raiderio.setProfile('us', 'area-52', 'Jaina', raiderIoProfile([], [], { name: 'Jaina', realm: 'Area 52' }))
    await cli('track', 'us/area-52/Thrall')
    await cli('track', 'us/area-52/Jaina')
    const { results } = (await cli('sync', '--json')).json() as { results: Report[] }
    expect(results.map((r) => r.season.id)).toEqual(['season-mn-3', 'season-mn-3'])
    expect(results[0]?.season.origin).toBe('raiderio')
    expect(h.apis.blizzard.server.requests.filter((r) => r.path.endsWith('/mythic-keystone/season/index'))).toHaveLength(1)
  })
})
