import { describe, expect, it } from 'vitest'
import { MAX_SEASON_CRESTS } from '../../main/sync/board-evidence.ts'
import { blizzardCompletedQuests, blizzardEncounters, blizzardKeystoneProfile, blizzardStatistics } from '../fakes/builders.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { HOUR, RESET, thrall, thrallScenario } from '../support/scenario.ts'

/** The weekly board beyond the vault: crests, tracked weekly quests and the guild, all from the requests the sync already makes. */
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { raiderio, logs } = thrallScenario(h)
const cli = cliRunner(h)
const DAY = 24 * HOUR
const WEEK = 7 * DAY
// Season 2's Mistcrest statistics (shared/season-tables/season-mn-2.json).
const HERO = 62915
const MYTH = 62916
const CACHE_QUEST = 90001

interface Profile {
  lastLogin?: number
  guild?: { name: string; realm: string } | null
}

function blizzard(statistics: Record<number, { quantity: number; lastUpdated: number | null }>, quests: number[] = [], profile: Profile = {}) {
  const guild = profile.guild === undefined ? { name: 'Mythical Warriors', realm: 'area-52' } : profile.guild
  h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    encounters: blizzardEncounters([]),
    keystone: blizzardKeystoneProfile(1091, []),
    profile: {
      name: 'Thrall',
      realm: { name: 'Area 52', slug: 'area-52' },
      character_class: { name: 'Shaman' },
      last_login_timestamp: profile.lastLogin ?? RESET + 20 * HOUR,
      ...(guild ? { guild: { name: guild.name, id: 1, realm: { name: 'Area 52', id: 3676, slug: guild.realm } } } : {}),
    },
    statistics: blizzardStatistics(statistics),
    quests: blizzardCompletedQuests(quests),
  })
}
const sync = () => h.core().sync.syncCharacter(h.track(thrall), { force: true })
const crest = (result: Awaited<ReturnType<typeof sync>>, name: string) => result.board.crests.kinds.find((k) => k.name === name)

describe('crests', () => {
  it("reads each Mistcrest's season total from the statistics; this week's gain is exact when the first read came before any gain, a lower bound otherwise", async () => {
    raiderio()
    logs([])
    blizzard({ [HERO]: { quantity: 500, lastUpdated: RESET - DAY }, [MYTH]: { quantity: 200, lastUpdated: RESET + 5 * HOUR } })
    const first = await sync()
    // Week 1091 comes after 12.1.5 lifted the cap (period 1086): no cap, and said so — not an unknown one (game-rules §11).
    expect(crest(first, 'Hero')).toMatchObject({ statisticId: HERO, statisticName: `Statistic ${HERO}`, total: 500, weekGain: 0, weekGainExact: true, cap: null, capLifted: true })
    expect(crest(first, 'Myth')).toMatchObject({ total: 200, weekGain: 0, weekGainExact: false })
    // Not in Blizzard's statistics: unknown, never 0.
    expect(crest(first, 'Adventurer')).toMatchObject({ total: null, weekGain: null, cap: null, capLifted: false })

    h.clock.now += 6 * HOUR
    blizzard({ [HERO]: { quantity: 540, lastUpdated: RESET + 40 * HOUR }, [MYTH]: { quantity: 230, lastUpdated: RESET + 40 * HOUR } })
    const second = await sync()
    expect(crest(second, 'Hero')).toMatchObject({ total: 540, weekGain: 40, weekGainExact: true })
    expect(crest(second, 'Myth')).toMatchObject({ total: 230, weekGain: 30, weekGainExact: false })

    // The CLI says the same, offline: JSON and one line of text ("≥" marks the lower bound; no "≈ cap" after 12.1.5).
    await h.apis.close()
    const vault = (await cli(['vault', 'us/area-52/Thrall', '--json'])).json() as { crests: { known: boolean; kinds: { name: string; total: number | null; readAt: string | null }[] } }
    expect(vault.crests.known).toBe(true)
    expect(vault.crests.kinds.find((k) => k.name === 'Hero')).toMatchObject({ total: 540, readAt: new Date(h.clock.now).toISOString() })
    expect((await cli(['vault', 'us/area-52/Thrall'])).stdout).toContain('Crests    Adventurer ? · Veteran ? · Champion ? · Hero 540 (+40 this week, no cap) · Myth 230 (≥ +30 this week, no cap)')
    await h.apis.blizzard.server.start()
    await h.apis.wcl.server.start()
    await h.apis.raiderio.server.start()
  })

  it("next week the gain starts again, while the season total read last week is still shown with its time", async () => {
    raiderio()
    logs([])
    blizzard({ [HERO]: { quantity: 500, lastUpdated: RESET - DAY } })
    await sync()
    const readAt = h.clock.now
    h.clock.now += WEEK
    const view = (await cli(['vault', 'us/area-52/Thrall', '--json'])).json() as { crests: { kinds: { name: string; total: number | null; weekGain: number | null; cap: number | null; readAt: string | null }[] } }
    expect(view.crests.kinds.find((k) => k.name === 'Hero')).toEqual(expect.objectContaining({ total: 500, weekGain: null, cap: null, readAt: new Date(readAt).toISOString() }))
    // Last week's view does not see later reads: it keeps its own.
    blizzard({ [HERO]: { quantity: 560, lastUpdated: RESET + WEEK + HOUR } })
    const thisWeek = await sync()
    expect(crest(thisWeek, 'Hero')).toMatchObject({ total: 560, weekGain: 0, weekGainExact: false })
    const previous = (await cli(['vault', 'us/area-52/Thrall', '--week', 'previous', '--json'])).json() as typeof view
    expect(previous.crests.kinds.find((k) => k.name === 'Hero')).toEqual(expect.objectContaining({ total: 500, weekGain: 0, cap: null, capLifted: true }))
  })

  it('a crest counter beyond any season is not stored, and the sync says why', async () => {
    raiderio()
    logs([])
    blizzard({ [HERO]: { quantity: MAX_SEASON_CRESTS + 1, lastUpdated: RESET + HOUR } })
    const result = await sync()
    expect(crest(result, 'Hero')?.total).toBeNull()
    expect(result.warnings.join('\n')).toContain(`Blizzard's crest counter "Hero" (statistic ${HERO}) says 100,001, more than a season can give`)
  })
})

describe('tracked weekly quests', () => {
  const questOf = (result: Awaited<ReturnType<typeof sync>>) => result.board.quests.find((q) => q.id === CACHE_QUEST)

  it("are added and removed on the CLI; each character shows done / not done this week from Blizzard's completed list, judged by the reset", async () => {
    raiderio()
    logs([])
    const added = await cli(['quests', 'add', String(CACHE_QUEST), 'Weekly', 'Cache'])
    expect(added.code).toBe(0)
    expect(added.stdout).toContain('Tracking quest 90001 "Weekly Cache"')
    // Before any read this week: unknown, with the reason.
    h.track(thrall)
    expect(((await cli(['quests', '--json'])).json() as { characters: { quests: { state: string; reason: string }[] }[] }).characters[0]?.quests[0]).toMatchObject({ state: 'unknown', reason: expect.stringContaining('next sync') })

    // In the list, but no login since the reset: last week's completion, not this week's.
    blizzard({}, [CACHE_QUEST], { lastLogin: RESET - 2 * HOUR })
    expect(questOf(await sync())).toMatchObject({ state: 'not-done', reason: expect.stringContaining('no login since the reset') })
    // The character logged in (and out) after the reset: the list was reset, so a quest in it is this week's.
    h.clock.now += HOUR
    blizzard({}, [CACHE_QUEST], { lastLogin: RESET + 22 * HOUR })
    expect(questOf(await sync())).toMatchObject({ state: 'done', reason: expect.stringContaining('login after the reset') })

    const text = (await cli(['quests'])).stdout
    expect(text).toContain('Tracked: 90001 Weekly Cache')
    expect(text).toMatch(/Thrall \(us\/area-52\)\s+Weekly Cache: done/)
    expect((await cli(['vault', 'us/area-52/Thrall'])).stdout).toContain('Quests    Weekly Cache: done')

    expect((await cli(['quests', 'remove', String(CACHE_QUEST)])).code).toBe(0)
    expect((await cli(['quests', 'remove', String(CACHE_QUEST)])).code).toBe(3)
    expect(((await cli(['vault', 'us/area-52/Thrall', '--json'])).json() as { quests: unknown[] }).quests).toEqual([])
  })

  it('a quest seen missing this week and then in the list is done, whatever the login time says', async () => {
    raiderio()
    logs([])
    await cli(['quests', 'add', String(CACHE_QUEST), 'Weekly Cache'])
    blizzard({}, [], { lastLogin: RESET - 2 * HOUR })
    expect(questOf(await sync())?.state).toBe('not-done')
    h.clock.now += HOUR
    blizzard({}, [CACHE_QUEST], { lastLogin: RESET - 2 * HOUR })
    expect(questOf(await sync())).toMatchObject({ state: 'done', reason: expect.stringContaining('appeared in the completed list') })
  })

  it("a past week keeps its own answer: a login in a later week does not turn last week's quest into done", async () => {
    raiderio()
    logs([])
    await cli(['quests', 'add', String(CACHE_QUEST), 'Weekly Cache'])
    // Week 1091: still last week's list (no login since the reset).
    blizzard({}, [CACHE_QUEST], { lastLogin: RESET - 2 * HOUR })
    expect(questOf(await sync())?.state).toBe('not-done')
    // Week 1092: the character logs in; its list is read again.
    h.clock.now += WEEK
    blizzard({}, [CACHE_QUEST], { lastLogin: RESET + WEEK + HOUR })
    expect(questOf(await sync())?.state).toBe('done')
    const previous = (await cli(['vault', 'us/area-52/Thrall', '--week', 'previous', '--json'])).json() as { quests: { id: number; state: string }[] }
    expect(previous.quests).toEqual([expect.objectContaining({ id: CACHE_QUEST, state: 'not-done' })])
  })

  it('bad input is refused with what to fix; nothing is stored', async () => {
    for (const args of [['quests', 'add', 'abc', 'Name'], ['quests', 'add', '0', 'Name'], ['quests', 'add', '12'], ['quests', 'add', '12', '\u202eevil'], ['quests', 'add', '12', 'x'.repeat(61)], ['quests', 'frobnicate']]) {
      const result = await cli(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr.length).toBeGreaterThan(0)
    }
    expect(((await cli(['quests', '--json'])).json() as { quests: unknown[] }).quests).toEqual([])
  })

  it('tracking quests costs no extra request: still one completed-quests read per sync', async () => {
    raiderio()
    logs([])
    blizzard({}, [CACHE_QUEST])
    await sync()
    const before = h.apis.blizzard.server.requestsTo(/\/profile\//).length
    await cli(['quests', 'add', String(CACHE_QUEST), 'Weekly Cache'])
    h.clock.now += HOUR
    await sync()
    expect(h.apis.blizzard.server.requestsTo(/\/profile\//).length - before).toBe(before)
    expect(h.apis.blizzard.server.requestsTo(/quests\/completed/)).toHaveLength(2)
  })
})

describe('guilds on the team table', () => {
  it("stores the guild Blizzard's profile names, filters the team by it, and forgets it when the character leaves", async () => {
    raiderio()
    logs([])
    blizzard({})
    await sync()
    h.track({ region: 'eu', realm: 'silvermoon', name: 'Jaina' })
    const team = (args: string[]) => cli(['team', ...args, '--json']).then((r) => (r.json() as { characters: { name: string; guild: { name: string; realm: string } | null }[] }).characters)
    expect((await team([]))[0]?.guild).toEqual({ name: 'Mythical Warriors', realm: 'area-52' })
    expect((await team(['--guild', 'mythical warriors'])).map((c) => c.name)).toEqual(['Thrall'])
    expect(await team(['--guild', 'Nobody'])).toEqual([])
    const csv = (await cli(['team', '--csv'])).stdout.split('\n')
    expect(csv[0]).toContain(',spec,guild,item_level,')
    expect(csv[1]).toContain(',Mythical Warriors,')

    h.clock.now += HOUR
    blizzard({}, [], { guild: null })
    await sync()
    expect((await team([]))[0]?.guild).toBeNull()
  })

  it("without Blizzard's profile the guild comes from Raider.IO's answer to the same request (its realm name as a slug)", async () => {
    delete h.apis.env.VAULT_BLIZZARD_CLIENT_ID
    raiderio()
    logs([])
    await sync()
    const team = (await cli(['team', '--guild', 'Endless Climb', '--json'])).json() as { characters: { name: string; guild: unknown }[] }
    expect(team.characters).toEqual([expect.objectContaining({ name: 'Thrall', guild: { name: 'Endless Climb', realm: 'illidan' } })])
  })

  it('status --json carries every character\'s board and the tracked quests', async () => {
    raiderio()
    logs([])
    blizzard({ [HERO]: { quantity: 500, lastUpdated: RESET - DAY } })
    await cli(['quests', 'add', String(CACHE_QUEST), 'Weekly Cache'])
    await sync()
    const status = (await cli(['status', '--json'])).json() as { trackedQuests: unknown[]; team: { name: string; itemLevel: number | null; mythicRating: number | null; crests: { name: string; total: number | null }[]; quests: { id: number; state: string }[] }[] }
    expect(status.trackedQuests).toEqual([{ id: CACHE_QUEST, name: 'Weekly Cache' }])
    expect(status.team[0]).toMatchObject({ name: 'Thrall', quests: [{ id: CACHE_QUEST, state: 'not-done' }] })
    expect(status.team[0]?.crests.find((k) => k.name === 'Hero')?.total).toBe(500)
  })
})
