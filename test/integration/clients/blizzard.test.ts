import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBlizzardClient } from '../../../main/clients/blizzard/client.ts'
import { createHttp } from '../../../main/clients/http.ts'
import type { CachedResponse, ResponseCache } from '../../../main/ports.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { readSourcesConfig } from '../../../main/config.ts'
import { BlizzardFake } from '../../fakes/blizzard-fake.ts'
import { fixture } from '../../fakes/fixtures.ts'

let fake: BlizzardFake
let cache: Map<string, CachedResponse>
const memoryCache = (): ResponseCache => ({ get: (k) => cache.get(k), set: (k, v) => void cache.set(k, v) })

beforeEach(async () => {
  fake = new BlizzardFake()
  await fake.server.start()
  cache = new Map()
  fake.setCharacter('eu', 'ysondre', 'demonolonjon', {
    encounters: fixture('blizzard-encounters-raids.demonolonjon-ysondre-eu-2025-tww-trimmed.json'),
    lastModified: 'Wed, 10 Sep 2025 19:00:00 GMT',
  })
  fake.setCharacter('us', 'norgannon', 'drinian', {
    encounters: fixture('blizzard-encounters-raids.drinian-norgannon-us-2020.json'),
    profile: fixture('blizzard-character-profile.drinian-norgannon-us-2020.json'),
  })
  fake.setCharacter('us', 'zuljin', 'volladin', { keystone: fixture('blizzard-mythic-keystone-profile.volladin-zuljin-us-2020.json') })
})
afterEach(() => fake.server.close())

function client() {
  const config = readSourcesConfig({ VAULT_BLIZZARD_CLIENT_ID: fake.clientId, VAULT_BLIZZARD_CLIENT_SECRET: fake.clientSecret, VAULT_BLIZZARD_API_URL: fake.apiUrlTemplate, VAULT_BLIZZARD_OAUTH_URL: fake.oauthUrl })
  return createBlizzardClient({ config: config.blizzard!, http: createHttp({ source: 'blizzard', baseDelayMs: 5 }), cache: memoryCache() })
}
const demonolonjon = { region: 'eu', realm: 'ysondre', name: 'Demonolonjon' } as const

describe('Blizzard raid encounters', () => {
  it('reads every boss and difficulty of the recorded TWW response (progress.encounters, ms timestamps)', async () => {
    const { value, notModified } = await client().raidEncounters(demonolonjon)
    expect(notModified).toBe(false)
    expect(value.map((e) => `${e.difficulty}:${e.bossName}`)).toEqual([
      'lfr:Plexus Sentinel', "lfr:Loom'ithar", 'lfr:The Soul Hunters', 'lfr:Fractillus',
      'normal:Plexus Sentinel', "normal:Loom'ithar", 'normal:Soulbinder Naazindhri',
      'heroic:Plexus Sentinel', "heroic:Loom'ithar",
    ])
    expect(value[0]).toEqual({ expansionId: 505, instanceId: 1302, instanceName: 'Manaforge Omega', encounterId: 2684, bossKey: 'plexussentinel', bossName: 'Plexus Sentinel', difficulty: 'lfr', completedCount: 1, lastKillAt: 1756138239000 })
  })

  it('sends the lower-cased name, the realm slug, the profile namespace, English locale and a bearer token', async () => {
    await client().raidEncounters(demonolonjon)
    const [request] = fake.server.requestsTo(/encounters/)
    expect(request?.path).toBe('/eu/profile/wow/character/ysondre/demonolonjon/encounters/raids')
    expect(request?.query.get('namespace')).toBe('profile-eu')
    expect(request?.query.get('locale')).toBe('en_US')
    expect(request?.headers.authorization).toBe('Bearer blizzard-token-1')
  })

  it('lower-cases non-ASCII names and sends name and accented realm slug percent-encoded as UTF-8', async () => {
    fake.setCharacter('eu', 'aggra-português', 'ñøñå', { encounters: { expansions: [] } })
    const { value } = await client().raidEncounters({ region: 'eu', realm: 'aggra-português', name: 'Ñøñå' })
    expect(value).toEqual([])
    const request = fake.server.requests.at(-1)
    expect(request?.path).toBe('/eu/profile/wow/character/aggra-português/ñøñå/encounters/raids')
    expect(request?.rawPath).toBe('/eu/profile/wow/character/aggra-portugu%C3%AAs/%C3%B1%C3%B8%C3%B1%C3%A5/encounters/raids')
  })

  it('de-duplicates a raid listed under "Current Season" and its real expansion', async () => {
    const body = fixture<{ expansions: unknown[] }>('blizzard-encounters-raids.demonolonjon-ysondre-eu-2025-tww-trimmed.json')
    const copy = structuredClone(body.expansions[0]) as { expansion: { name: string; id: number } }
    copy.expansion = { name: 'The War Within', id: 514 }
    body.expansions.unshift(copy) // the real expansion listed first
    fake.setCharacter('eu', 'ysondre', 'demonolonjon', { encounters: body })
    const { value } = await client().raidEncounters(demonolonjon)
    expect(value).toHaveLength(9)
    expect(value.every((e) => e.expansionId === 505)).toBe(true)
  })

  it('keeps old raids of the 2020 response but drops legacy 10/25-man modes (season filtering happens in sync)', async () => {
    const body = fixture<{ expansions: { instances: { modes: { difficulty: { type: string } }[] }[] }[] }>('blizzard-encounters-raids.drinian-norgannon-us-2020.json')
    body.expansions[0]!.instances[0]!.modes[0]!.difficulty.type = 'LEGACY_25_MAN'
    fake.setCharacter('us', 'norgannon', 'drinian', { encounters: body })
    const { value } = await client().raidEncounters({ region: 'us', realm: 'norgannon', name: 'Drinian' })
    expect(value.find((e) => e.bossName === 'Ragnaros')).toBeUndefined()
    expect(value.find((e) => e.bossName === 'Nefarian')).toMatchObject({ difficulty: 'normal', completedCount: 10 })
    expect(value.filter((e) => e.difficulty === 'lfr').map((e) => e.instanceName)).toContain("Ny'alotha, the Waking City")
  })

  it('sends If-Modified-Since from the stored Last-Modified; a 304 re-validates and reuses the stored raw answer', async () => {
    const blizzard = client()
    const first = await blizzard.raidEncounters(demonolonjon)
    expect(fake.server.requestsTo(/encounters/)[0]?.headers['if-modified-since']).toBeUndefined()
    const second = await blizzard.raidEncounters(demonolonjon)
    expect(fake.server.requestsTo(/encounters/)[1]?.headers['if-modified-since']).toBe('Wed, 10 Sep 2025 19:00:00 GMT')
    expect(second.notModified).toBe(true)
    expect(second.value).toEqual(first.value)
    // What is stored is Blizzard's own shape, so the next app version can re-read it.
    expect([...cache.values()][0]?.value).toHaveProperty('expansions')
  })

  it('a stored copy that no longer validates is not reused: the request goes out unconditionally', async () => {
    const blizzard = client()
    const first = await blizzard.raidEncounters(demonolonjon)
    // e.g. the parsed (not raw) value an older version stored, or a damaged row.
    for (const [key, entry] of cache) cache.set(key, { ...entry, value: [{ bossKey: 'x', completedCount: 'many' }] })
    const again = await blizzard.raidEncounters(demonolonjon)
    expect(fake.server.requestsTo(/encounters/)[1]?.headers['if-modified-since']).toBeUndefined()
    expect(again).toEqual({ value: first.value, notModified: false })
  })

  it('reads achievement statistics from every category and sub-category (the documented shape)', async () => {
    fake.setCharacter('us', 'norgannon', 'drinian', { statistics: fixture('blizzard-achievement-statistics.generated.json'), lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT' })
    const { value } = await client().achievementStatistics({ region: 'us', realm: 'norgannon', name: 'Drinian' })
    // The name is kept: the window shows Blizzard's own name next to a crest total.
    expect(value.find((s) => s.id === 40773)).toEqual({ id: 40773, name: 'Tier 8 delves completed', quantity: 5, lastUpdatedAt: 1795000000000 })
    expect(value.find((s) => s.id === 40749)?.quantity).toBe(12) // inside a sub-category
    expect(value.find((s) => s.id === 61651)?.quantity).toBe(3) // Dungeons & Raids → Midnight: a category with sub-categories only
  })

  it('asks for statistics and quests conditionally, reusing the re-validated stored answer on 304', async () => {
    fake.setCharacter('us', 'norgannon', 'drinian', { quests: fixture('blizzard-quests-completed.generated.json'), lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT' })
    const blizzard = client()
    const drinian = { region: 'us', realm: 'norgannon', name: 'Drinian' } as const
    expect((await blizzard.completedQuests(drinian)).value).toEqual([89507, 12345])
    const again = await blizzard.completedQuests(drinian)
    expect(again).toEqual({ value: [89507, 12345], notModified: true })
    expect(fake.server.requestsTo(/quests\/completed/)[1]?.headers['if-modified-since']).toBe('Wed, 25 Nov 2026 10:00:00 GMT')
  })

  it('reports the same error classes for the new endpoints', async () => {
    const error = await client().achievementStatistics({ region: 'us', realm: 'illidan', name: 'Nobodyhere' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNKNOWN_CHARACTER', source: 'blizzard', status: 404 })
    fake.server.failNext(/quests\/completed/, { kind: 'malformed' })
    const malformed = await client().completedQuests({ region: 'us', realm: 'norgannon', name: 'Drinian' }).catch((e: unknown) => e)
    expect(malformed).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })

  it('a 404 on the keystone profile means "no Mythic+ runs", not an unknown character', async () => {
    // Drinian has raid encounters and a profile, but Blizzard has no keystone profile for him.
    const profile = await client().keystoneProfile({ region: 'us', realm: 'norgannon', name: 'Drinian' })
    expect(profile).toEqual({ periodId: null, runs: [], rating: null })
  })

  it('works when the server ignores If-Modified-Since and answers 200 with new data', async () => {
    const blizzard = client()
    await blizzard.raidEncounters(demonolonjon)
    fake.setCharacter('eu', 'ysondre', 'demonolonjon', { encounters: { expansions: [] }, lastModified: 'Thu, 11 Sep 2025 08:00:00 GMT' })
    const next = await blizzard.raidEncounters(demonolonjon)
    expect(next).toEqual({ value: [], notModified: false })
    expect([...cache.values()][0]?.lastModified).toBe('Thu, 11 Sep 2025 08:00:00 GMT')
  })

  it('reports an unknown character as UNKNOWN_CHARACTER with what to check', async () => {
    const error = await client().raidEncounters({ region: 'us', realm: 'illidan', name: 'Nobodyhere' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code: 'UNKNOWN_CHARACTER', source: 'blizzard', status: 404 })
    expect((error as Error).message).toContain('Blizzard has no visible profile for Nobodyhere on illidan (US)')
  })

  it('reports the recorded 403 "Account Inactive" as a hidden character, not as rejected credentials', async () => {
    fake.server.failNext(/encounters/, { kind: 'status', status: 403, body: fixture('blizzard-error-403-account-inactive.json') })
    const error = await client().raidEncounters(demonolonjon).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNKNOWN_CHARACTER', status: 403 })
    expect((error as Error).message).toBe('Blizzard hides Demonolonjon on ysondre (EU): its account is inactive.')
  })

  it('recovers from a revoked token with one new token and one retried request', async () => {
    const blizzard = client()
    await blizzard.raidEncounters(demonolonjon)
    fake.revokeTokens()
    cache.clear()
    expect((await blizzard.raidEncounters(demonolonjon)).value).toHaveLength(9)
    expect(fake.tokensIssued).toBe(2)
    expect(fake.server.requestsTo(/encounters/)).toHaveLength(3)
  })

  it('shares one token request among concurrent calls to several endpoints', async () => {
    const blizzard = client()
    await Promise.all([
      blizzard.raidEncounters(demonolonjon),
      blizzard.raidEncounters({ region: 'us', realm: 'norgannon', name: 'Drinian' }),
      blizzard.characterProfile({ region: 'us', realm: 'norgannon', name: 'Drinian' }),
      blizzard.keystoneProfile({ region: 'us', realm: 'zuljin', name: 'Volladin' }),
      blizzard.keystonePeriod('us', 641),
    ])
    expect(fake.server.requestsTo(/oauth/)).toHaveLength(1)
    expect(new Set(fake.server.requests.filter((r) => !r.path.includes('oauth')).map((r) => r.headers.authorization))).toEqual(new Set(['Bearer blizzard-token-1']))
  })

  it.each([
    [{ kind: 'status', status: 500 } as const, 'UPSTREAM_ERROR', 4],
    [{ kind: 'status', status: 429 } as const, 'RATE_LIMITED', 4],
    [{ kind: 'truncated' } as const, 'MALFORMED_RESPONSE', 1],
  ])('fails cleanly on %j after %s', async (fault, code, requests) => {
    fake.server.failNext(/encounters/, fault, 10)
    const error = await client().raidEncounters(demonolonjon).catch((e: unknown) => e)
    expect(error).toMatchObject({ code })
    expect(fake.server.requestsTo(/encounters/)).toHaveLength(requests)
  })
})

describe('Blizzard keystone profile, profile summary and periods', () => {
  it('reads the current period and its best runs (2020 recording)', async () => {
    const profile = await client().keystoneProfile({ region: 'us', realm: 'zuljin', name: 'Volladin' })
    expect(profile.periodId).toBe(755)
    expect(profile.rating).toBeNull()
    expect(profile.runs[0]).toEqual({ dungeon: 'Atal\'Dazar', level: 20, completedAt: 1592440795000, timed: false })
    expect(profile.runs.every((r) => r.level > 0 && r.completedAt > 1_500_000_000_000)).toBe(true)
  })

  it('treats a period without best_runs as no runs', async () => {
    fake.setCharacter('us', 'zuljin', 'volladin', { keystone: { current_period: { period: { id: 1091 } }, current_mythic_rating: { color: { r: 1, g: 1, b: 1, a: 1 }, rating: 2510.4 } } })
    expect(await client().keystoneProfile({ region: 'us', realm: 'zuljin', name: 'Volladin' })).toEqual({ periodId: 1091, runs: [], rating: 2510.4 })
  })

  it('reads class, spec, item level, last login and guild', async () => {
    expect(await client().characterProfile({ region: 'us', realm: 'norgannon', name: 'Drinian' })).toEqual({
      name: 'Drinian', realmSlug: 'norgannon', realmName: 'Norgannon', className: 'Warrior', specName: 'Fury', itemLevel: 430, lastLoginAt: 1587702640000,
      guild: { name: 'Mythical Warriors', realm: 'norgannon' },
    })
  })

  it('a class name longer than the game allows is refused as Blizzard\'s error (issue 28.5)', async () => {
    const profile = fixture<Record<string, unknown>>('blizzard-character-profile.drinian-norgannon-us-2020.json')
    fake.setCharacter('us', 'norgannon', 'drinian', { profile: { ...profile, character_class: { name: 'W'.repeat(1_000_000) } } })
    const failure = await client().characterProfile({ region: 'us', realm: 'norgannon', name: 'Drinian' }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'MALFORMED_RESPONSE' })
    expect((failure as Error).message).toMatch(/^Blizzard sent a value no game data can have \(character_class\.name: /)
  })

  it('a profile without a guild (a guildless character) reads as no guild, not as an error', async () => {
    const { guild: _guild, ...guildless } = fixture<Record<string, unknown>>('blizzard-character-profile.drinian-norgannon-us-2020.json')
    fake.setCharacter('us', 'norgannon', 'drinian', { profile: guildless })
    expect((await client().characterProfile({ region: 'us', realm: 'norgannon', name: 'Drinian' })).guild).toBeNull()
  })

  it("reads the current Mythic+ season from the season index (dynamic namespace); a region without one answers null or fails plainly", async () => {
    fake.currentSeason.set('eu', 19)
    expect(await client().currentKeystoneSeason('eu')).toBe(19)
    expect(fake.server.requests.at(-1)).toMatchObject({ path: '/eu/data/wow/mythic-keystone/season/index' })
    expect(fake.server.requests.at(-1)?.query.get('namespace')).toBe('dynamic-eu')
    fake.server.failNext(/season\/index/, { kind: 'status', status: 200, body: { _links: {}, seasons: [] } })
    expect(await client().currentKeystoneSeason('eu')).toBeNull()
    fake.server.failNext(/season\/index/, { kind: 'status', status: 200, body: { current_season: { id: 'nineteen' } } })
    expect(await client().currentKeystoneSeason('eu').catch((e: unknown) => e)).toMatchObject({ code: 'MALFORMED_RESPONSE' })
  })

  it('turns a keystone period into a half-open window', async () => {
    expect(await client().keystonePeriod('us', 641)).toEqual({ period: 641, start: 1523372400000, end: 1523372400000 + 604_800_000 })
    expect(fake.server.requests.at(-1)?.query.get('namespace')).toBe('dynamic-us')
  })
})
