import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttp } from '../../../main/clients/http.ts'
import { createRaiderIoClient } from '../../../main/clients/raiderio/client.ts'
import { currentRaids } from '../../../main/clients/raiderio/parse.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { raiderIoProfile, raiderIoRun } from '../../fakes/builders.ts'
import { fixture } from '../../fakes/fixtures.ts'
import { RaiderIoFake } from '../../fakes/raiderio-fake.ts'

let fake: RaiderIoFake
beforeEach(async () => {
  fake = new RaiderIoFake()
  await fake.server.start()
  fake.setProfile('us', 'illidan', 'Highervalue', fixture('raiderio-character-profile.highervalue-illidan-us-2026.json'))
  fake.setProfile('eu', 'chogall', 'Moghiro', fixture('raiderio-character-profile.moghiro-chogall-eu-2024-previous-week.json'))
})
afterEach(() => fake.server.close())

const client = () => createRaiderIoClient({ baseUrl: fake.url }, createHttp({ source: 'raiderio', baseDelayMs: 5 }))
const highervalue = { region: 'us', realm: 'illidan', name: 'Highervalue' } as const

describe('Raider.IO character profile', () => {
  it('reads the recorded 2026 profile: empty weekly lists, season score, raid progression, crawl time', async () => {
    const profile = await client().characterProfile(highervalue)
    expect(profile).toMatchObject({ name: 'Highervalue', realmName: 'Illidan', className: 'Warrior', specName: 'Fury', score: 3179.7, weeklyRuns: [], previousWeeklyRuns: [] })
    expect(profile.lastCrawledAt).toBe(Date.parse('2026-08-16T20:14:52.000Z'))
    expect(profile.raidProgression).toEqual([{ raid: 'tier-mn-1', summary: '5/9 M', totalBosses: 9, normal: 2, heroic: 7, mythic: 5 }])
  })

  it('asks for the weekly, previous-week, score and raid fields with the ASCII realm slug', async () => {
    await client().characterProfile(highervalue)
    const [request] = fake.server.requestsTo(/profile/)
    expect(Object.fromEntries(request!.query)).toEqual({
      region: 'us', realm: 'illidan', name: 'Highervalue',
      fields: 'mythic_plus_weekly_highest_level_runs,mythic_plus_previous_weekly_highest_level_runs,mythic_plus_scores_by_season:current,raid_progression,guild',
    })
    fake.setProfile('eu', 'aggra-portugues', 'Ñøñå', raiderIoProfile([]))
    await client().characterProfile({ region: 'eu', realm: 'aggra-português', name: 'Ñøñå' })
    expect(fake.server.requests.at(-1)?.query.get('realm')).toBe('aggra-portugues')
  })

  it('a run with a key level no game has is refused as Raider.IO\'s error, naming the field', async () => {
    fake.setProfile('us', 'illidan', 'Highervalue', raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 1_000_000_000, completed_at: '2026-11-25T12:00:00.000Z' })]))
    const failure = await client().characterProfile(highervalue).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'MALFORMED_RESPONSE' })
    expect((failure as Error).message).toMatch(/^Raider\.IO sent a value no game data can have \(mythic_plus_weekly_highest_level_runs\.0\.mythic_level: .*\): an error on its side\. Nothing was stored\.$/)
  })

  it.each([
    ['class', { class: 'W'.repeat(10_000) }],
    ['spec', { active_spec_name: 'F'.repeat(10_000) }],
    ['realm', { realm: 'I'.repeat(10_000) }],
    ['guild', { guild: { name: 'G'.repeat(101), realm: 'Illidan' } }],
  ])('a %s name longer than the game allows is refused as Raider.IO\'s error, not stored (issue 28.5)', async (_field, patch) => {
    fake.setProfile('us', 'illidan', 'Highervalue', { ...fixture<object>('raiderio-character-profile.highervalue-illidan-us-2026.json'), ...patch })
    const failure = await client().characterProfile(highervalue).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'MALFORMED_RESPONSE' })
    expect((failure as Error).message).toMatch(/^Raider\.IO sent a value no game data can have/)
    expect((failure as Error).message.length).toBeLessThan(300)
  })

  it('reads last week\'s runs (recorded 2024 profile), timed or not', async () => {
    const profile = await client().characterProfile({ region: 'eu', realm: 'chogall', name: 'Moghiro' })
    expect(profile.previousWeeklyRuns[0]).toEqual({ dungeon: 'The Azure Vault', level: 13, completedAt: Date.parse('2024-07-25T18:38:10.000Z'), timed: true, runId: null })
    expect(profile.score).toBeNull()
  })

  it('keeps depleted keys (0 upgrades) as untimed runs', async () => {
    fake.setProfile('us', 'illidan', 'Highervalue', raiderIoProfile([raiderIoRun({ completed_at: '2026-11-25T01:00:00.000Z', mythic_level: 12, num_keystone_upgrades: 0 })]))
    const [run] = (await client().characterProfile(highervalue)).weeklyRuns
    expect(run).toEqual({ dungeon: 'Nexus-Point Xenas', level: 12, completedAt: Date.parse('2026-11-25T01:00:00.000Z'), timed: false, runId: 36380621 })
  })

  it.each([
    [{ region: 'us', realm: 'illidan', name: 'Nobodyhere' }, 'UNKNOWN_CHARACTER', 'Raider.IO does not know Nobodyhere on illidan (US)'],
    [{ region: 'eu', realm: 'nosuchrealm', name: 'Moghiro' }, 'UNKNOWN_CHARACTER', 'Raider.IO does not know the realm "nosuchrealm" in EU'],
  ] as const)('tells an unknown character or realm (HTTP 400) from other errors: %j', async (ref, code, message) => {
    const error = await client().characterProfile(ref).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code, status: 400 })
    expect((error as Error).message).toContain(message)
  })

  it('treats any other 400 as a rejected request, with Raider.IO\'s message', async () => {
    fake.server.failNext(/profile/, { kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid request query input' } })
    const error = await client().characterProfile(highervalue).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    expect((error as Error).message).toContain('Invalid request query input')
  })

  it('rejects a run with an unreadable date instead of storing garbage', async () => {
    fake.setProfile('us', 'illidan', 'Highervalue', raiderIoProfile([raiderIoRun({ completed_at: 'last tuesday' })]))
    expect(await client().characterProfile(highervalue).catch((e: unknown) => e)).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })
})

describe('Raider.IO periods and static data', () => {
  it('reads previous, current and next periods per region as half-open ms windows', async () => {
    const periods = await client().periods()
    expect(periods).toHaveLength(6)
    expect(periods.find((p) => p.region === 'eu' && p.period === 1076)).toEqual({ region: 'eu', period: 1076, start: Date.parse('2026-08-12T04:00:00.000Z'), end: Date.parse('2026-08-19T04:00:00.000Z') })
  })

  it('ignores regions it does not know and inverted windows', async () => {
    fake.periods = { periods: [
      { region: 'xx', current: { period: 1, start: '2026-01-01T00:00:00Z', end: '2026-01-08T00:00:00Z' } },
      { region: 'kr', current: { period: 1091, start: '2026-11-26T02:00:00Z', end: '2026-11-19T02:00:00Z' } },
    ] }
    expect(await client().periods()).toEqual([])
  })

  it('ignores a "week" that is not 7 days (± 1 hour), such as one from 1970 to 9999', async () => {
    fake.periods = { periods: [
      { region: 'us', current: { period: 1091, start: '1970-01-01T00:00:00Z', end: '9999-12-31T00:00:00Z' } },
      { region: 'eu', current: { period: 1091, start: '2026-11-25T04:00:00Z', end: '2026-11-25T08:00:00Z' } },
      // An hour late, as after a long maintenance: still a week.
      { region: 'kr', current: { period: 1091, start: '2026-11-25T22:00:00Z', end: '2026-12-02T23:00:00Z' } },
    ] }
    expect((await client().periods()).map((p) => p.region)).toEqual(['kr'])
  })

  it('selects the raids running at an instant from the static data (event raids drop out)', async () => {
    const data = (await client().raidingStaticData(10))!
    expect(currentRaids(data, 'us', Date.parse('2024-11-01T00:00:00Z')).map((r) => r.slug).sort()).toEqual(['blackrock-depths', 'nerubar-palace'])
    const manaforge = currentRaids(data, 'us', Date.parse('2025-09-01T00:00:00Z'))
    expect(manaforge.map((r) => r.slug)).toEqual(['manaforge-omega'])
    expect(manaforge[0]?.bosses[0]).toEqual({ key: 'plexussentinel', name: 'Plexus Sentinel' })
    expect(currentRaids(data, 'us', Date.parse('2026-11-24T00:00:00Z'))).toEqual([])
  })

  it('treats a null end as a raid that is still live', async () => {
    const data = fixture<{ raids: { ends: Record<string, string | null> }[] }>('raiderio-raiding-static-data.tww-expansion-10.json')
    data.raids[2]!.ends.us = null
    fake.raidingStaticData.set(11, data)
    expect(currentRaids((await client().raidingStaticData(11))!, 'us', Date.parse('2026-11-24T00:00:00Z')).map((r) => r.slug)).toEqual(['manaforge-omega'])
  })

  it('answers null for an expansion Raider.IO does not have yet, and reports any other 400 as a rejected request', async () => {
    expect(await client().raidingStaticData(99)).toBeNull()
    expect(await client().mythicPlusSeasons(99)).toBeNull()
    fake.server.failNext(/mythic-plus\/static-data/, { kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'invalid request query input' } })
    expect(await client().mythicPlusSeasons(11).catch((e: unknown) => e)).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('reads the seasons of an expansion with their start and end per region (recorded TWW Season 3)', async () => {
    const [season] = (await client().mythicPlusSeasons(10))!
    expect(season).toEqual({
      slug: 'season-tww-3',
      name: 'TWW Season 3',
      blizzardSeasonId: 15,
      starts: { us: Date.parse('2025-08-12T15:00:00Z'), eu: Date.parse('2025-08-13T04:00:00Z'), kr: Date.parse('2025-08-13T23:00:00Z'), tw: Date.parse('2025-08-13T23:00:00Z'), cn: Date.parse('2025-08-13T23:00:00Z') },
      ends: { us: Date.parse('2026-01-20T06:00:00Z'), eu: Date.parse('2026-01-20T21:00:00Z'), kr: Date.parse('2026-01-21T14:00:00Z'), tw: Date.parse('2026-01-21T14:00:00Z'), cn: Date.parse('2026-01-21T14:00:00Z') },
    })
  })

  it('refuses a season list with a date that is not a date (an end dropped would make the season look live)', async () => {
    const data = fixture<{ seasons: { ends: Record<string, string> }[] }>('raiderio-mythic-plus-static-data.tww-s3-trimmed.json')
    data.seasons[0]!.ends.us = 'soon'
    fake.mythicPlusStaticData.set(12, data)
    expect(await client().mythicPlusSeasons(12).catch((e: unknown) => e)).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })
})

describe('Raider.IO access key (optional, for higher limits)', () => {
  const keyed = () => createRaiderIoClient({ baseUrl: fake.url, accessKey: 'RIOsecretKey123' }, createHttp({ source: 'raiderio', baseDelayMs: 5, retries: 0 }))

  it('goes with every request as access_key, and only when given', async () => {
    await keyed().characterProfile(highervalue)
    await keyed().periods()
    expect(fake.server.requests.map((r) => r.query.get('access_key'))).toEqual(['RIOsecretKey123', 'RIOsecretKey123'])
    await client().characterProfile(highervalue)
    expect(fake.server.requests.at(-1)?.query.has('access_key')).toBe(false)
  })

  it('a refused key says so and what to do, and the key is in no message', async () => {
    fake.server.failNext(/profile/, { kind: 'status', status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Invalid access_key=RIOsecretKey123' } })
    const error = await keyed().characterProfile(highervalue).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code: 'AUTH_FAILED' })
    expect((error as SourceError).message).toMatch(/refused the access key.*VAULT_RAIDERIO_ACCESS_KEY/)
    expect(JSON.stringify((error as SourceError).toAppError())).not.toContain('RIOsecretKey123')
  })
})
