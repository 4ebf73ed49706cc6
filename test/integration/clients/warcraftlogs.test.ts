import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttp } from '../../../main/clients/http.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { createWarcraftLogsClient } from '../../../main/clients/warcraftlogs/client.ts'
import { WarcraftLogsFake, type FakeFight, type FakeReport } from '../../fakes/wcl-fake.ts'

const RESET = Date.parse('2026-11-24T15:00:00.000Z')
const MIN = 60_000
let fake: WarcraftLogsFake

const actors: FakeReport['actors'] = [
  { id: 1, name: 'Thrall', server: 'Area52', type: 'Player' },
  { id: 2, name: 'Jaina', server: 'Area52', type: 'Player' },
  { id: 9, name: 'Thrall', server: 'Illidan', type: 'Player' },
]
const fight = (id: number, name: string, difficulty: number | null, endMin: number, players: number[], extra: Partial<FakeFight> = {}): FakeFight => ({
  id, encounterID: 3000 + id, name, difficulty, kill: true, startTime: (endMin - 5) * MIN, endTime: endMin * MIN, friendlyPlayers: players, ...extra,
})

// Newest first, as recentReports lists them.
const reports: FakeReport[] = [
  {
    code: 'AfterReset1', startTime: RESET + 60 * MIN, endTime: RESET + 180 * MIN, actors,
    fights: [
      fight(1, 'Imperator Averzian', 4, 20, [1, 2]),
      fight(2, 'Vorasius', 5, 40, [2, 9]), // only the other Thrall (Illidan) was there
      fight(3, 'Trash', null, 45, [1], { encounterID: 0 }),
      fight(4, 'Fallen-King Salhadaar', 4, 60, [1], { kill: false }),
      fight(5, 'Floodgate', 10, 90, [1]), // a Mythic+ fight
      fight(6, 'Vaelgor & Ezzorak', 1, 120, [1]), // LFR
    ],
  },
  {
    code: 'SpansReset1', startTime: RESET - 30 * MIN, endTime: RESET + 40 * MIN, actors,
    fights: [fight(1, 'Chimaerus', 3, 20, [1]), fight(2, 'Lightblinded Vanguard', 3, 50, [1])],
  },
  {
    code: 'LastWeek001', startTime: RESET - 3 * 24 * 60 * MIN, endTime: RESET - 3 * 24 * 60 * MIN + 120 * MIN, actors,
    fights: [fight(1, 'Crown of the Cosmos', 5, 30, [1])],
  },
]

beforeEach(async () => {
  fake = new WarcraftLogsFake()
  await fake.server.start()
  fake.setCharacter('us', 'area-52', 'Thrall', { id: 7001, reports })
})
afterEach(() => fake.server.close())

const client = (options: { reportsPerPage?: number; pagesAtOnce?: number } = {}) =>
  createWarcraftLogsClient({ config: { clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url }, http: createHttp({ source: 'warcraftlogs', baseDelayMs: 5 }), ...options })
const thrall = { region: 'us', realm: 'area-52', name: 'Thrall' } as const

describe('Warcraft Logs kills since the reset', () => {
  it('finds the character\'s raid kills after the reset with absolute kill times', async () => {
    const result = await client().characterWeek(thrall, RESET)
    expect(result.found).toBe(true)
    if (!result.found) return
    expect(result.reportsScanned).toBe(2)
    expect(result.kills.map((k) => [k.bossName, k.difficulty, new Date(k.killedAt).toISOString(), k.reportCode])).toEqual([
      ['Imperator Averzian', 'heroic', '2026-11-24T16:20:00.000Z', 'AfterReset1'],
      ['Vaelgor & Ezzorak', 'lfr', '2026-11-24T18:00:00.000Z', 'AfterReset1'],
      // Chimaerus died at 14:50 in a report that spans the reset: last week's kill.
      ['Lightblinded Vanguard', 'normal', '2026-11-24T15:20:00.000Z', 'SpansReset1'],
    ])
    expect(result.kills[0]?.bossKey).toBe('imperatoraverzian')
  })

  it('asks for the reports, their kills and the parses in one query that exists in the real schema', async () => {
    await client().characterWeek(thrall, RESET)
    const requests = fake.graphqlRequests()
    expect(requests).toHaveLength(1)
    expect(requests[0]?.variables).toEqual({ name: 'Thrall', serverSlug: 'area-52', serverRegion: 'US', limit: 25, page: 1, withRankings: true })
    expect(requests[0]?.query).toContain('fights(killType: Kills)')
    expect(requests[0]?.query).toContain('zoneRankings(difficulty: 5)')
    expect(fake.server.requestsTo(/api\/v2\/client/)[0]?.headers.authorization).toBe('Bearer wcl-token-1')
  })

  it('reads every page while reports still reach into the window: a raid log behind 30 Mythic+ logs is found', async () => {
    const keyLogs: FakeReport[] = Array.from({ length: 30 }, (_, i) => ({
      code: `Keys${String(i).padStart(3, '0')}`, startTime: RESET + (100 - i) * 60 * MIN, endTime: RESET + (100 - i) * 60 * MIN + 30 * MIN, actors, fights: [],
    }))
    const olderThanWindow: FakeReport[] = Array.from({ length: 40 }, (_, i) => ({ ...reports[2]!, code: `Old${i}`, startTime: RESET - (5 + i) * 24 * 60 * MIN, endTime: RESET - (5 + i) * 24 * 60 * MIN + 60 * MIN }))
    fake.setCharacter('us', 'area-52', 'Thrall', { id: 7001, reports: [...keyLogs, ...reports, ...olderThanWindow] })
    const result = await client({ reportsPerPage: 10, pagesAtOnce: 2 }).characterWeek(thrall, RESET)
    if (!result.found) throw new Error('expected the character')
    expect(result.kills.map((k) => k.bossName)).toEqual(['Imperator Averzian', 'Vaelgor & Ezzorak', 'Lightblinded Vanguard'])
    // Page 1 says there are 8 pages; 2+3 and then 4+5 go out together. Page 4 already ends with last
    // week's logs, so nothing after that wave is read.
    expect(fake.graphqlRequests().map((r) => r.variables.page)).toEqual([1, 2, 3, 4, 5])
    // The parses come with the first page only.
    expect(fake.graphqlRequests().map((r) => r.variables.withRankings)).toEqual([true, false, false, false, false])
  })

  it('says "no data" (not an error) for a character not on Warcraft Logs, or hidden', async () => {
    expect(await client().characterWeek({ ...thrall, name: 'Nobody' }, RESET)).toEqual({ found: false })
    fake.setCharacter('us', 'area-52', 'Jaina', { id: 7002, hidden: true, reports })
    expect(await client().characterWeek({ ...thrall, name: 'Jaina' }, RESET)).toEqual({ found: false })
  })

  it('exposes the points left this hour from rateLimitData', async () => {
    const wcl = client()
    expect(wcl.rateLimit()).toBeUndefined()
    await wcl.characterWeek(thrall, RESET)
    expect(wcl.rateLimit()).toMatchObject({ limitPerHour: 3600, pointsSpent: 2, pointsLeft: 3598, resetsInSeconds: 1800 })
  })

  it('fetches one token for many concurrent calls', async () => {
    const wcl = client()
    await Promise.all(Array.from({ length: 8 }, () => wcl.characterWeek(thrall, RESET)))
    expect(fake.server.requestsTo(/oauth/)).toHaveLength(1)
  })

  it('recovers from a revoked token once', async () => {
    const wcl = client()
    await wcl.characterWeek(thrall, RESET)
    fake.revokeTokens()
    expect((await wcl.characterWeek(thrall, RESET)).found).toBe(true)
    expect(fake.tokensIssued).toBe(2)
  })

  it.each([
    [{ kind: 'graphqlErrors', message: 'Unknown argument "timeRange" on field "Character.encounterRankings".' } as const, 'UPSTREAM_ERROR', 'Warcraft Logs refused the query: Unknown argument'],
    [{ kind: 'status', status: 503 } as const, 'UPSTREAM_ERROR', 'server problem (HTTP 503)'],
    [{ kind: 'status', status: 429, headers: { 'retry-after': '7200' } } as const, 'RATE_LIMITED', 'asked us to wait (HTTP 429); the next try is after'],
    [{ kind: 'truncated' } as const, 'MALFORMED_RESPONSE', 'not valid JSON'],
  ])('maps %j to %s', async (fault, code, message) => {
    fake.server.failNext(/api\/v2\/client/, fault, 10)
    const error = await client().characterWeek(thrall, RESET).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code, source: 'warcraftlogs' })
    expect((error as Error).message).toContain(message)
  })

  it('rejects rejected credentials at the token endpoint as AUTH_FAILED', async () => {
    const wcl = createWarcraftLogsClient({ config: { clientId: 'x', clientSecret: 'y', baseUrl: fake.url }, http: createHttp({ source: 'warcraftlogs', baseDelayMs: 5 }) })
    expect(await wcl.characterWeek(thrall, RESET).catch((e: unknown) => e)).toMatchObject({ code: 'AUTH_FAILED' })
  })
})

describe('the fake executes real GraphQL', () => {
  it('refuses a query with an argument the real schema does not have (the seed\'s timeRange)', async () => {
    const token = await (await fetch(`${fake.url}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('wcl-client:wcl-secret').toString('base64')}` }, body: new URLSearchParams({ grant_type: 'client_credentials' }) })).json() as { access_token: string }
    const response = await fetch(`${fake.url}/api/v2/client`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ characterData { character(name: "Thrall", serverSlug: "area-52", serverRegion: "US") { encounterRankings(timeRange: 7) } } }' }),
    })
    const body = await response.json() as { errors?: { message: string }[]; data?: unknown }
    expect(body.data).toBeUndefined()
    expect(body.errors?.[0]?.message).toContain('Unknown argument "timeRange"')
  })
})

describe('Warcraft Logs best parses (in the same document)', () => {
  it('reads the best parse per boss for each rankable difficulty', async () => {
    fake.setCharacter('us', 'area-52', 'Thrall', {
      id: 7001, reports,
      zoneRankings: {
        4: { bestPerformanceAverage: 80, difficulty: 4, rankings: [{ encounter: { id: 3001, name: 'Imperator Averzian' }, rankPercent: 91.5, totalKills: 3 }, { encounter: { id: 3002, name: 'Vorasius' }, rankPercent: null, totalKills: 0 }] },
        5: { difficulty: 5, rankings: [{ encounter: { id: 3001, name: 'Imperator Averzian' }, rankPercent: 42.1, totalKills: 1 }] },
      },
    })
    const result = await client().characterWeek(thrall, RESET)
    expect(result).toMatchObject({ found: true, parses: [
      { bossKey: 'imperatoraverzian', bossName: 'Imperator Averzian', difficulty: 'heroic', percent: 91.5 },
      { bossKey: 'imperatoraverzian', bossName: 'Imperator Averzian', difficulty: 'mythic', percent: 42.1 },
    ] })
    expect(fake.graphqlRequests()).toHaveLength(1)
  })

  it('rankings JSON of an unexpected shape gives no parses but keeps the kills', async () => {
    fake.setCharacter('us', 'area-52', 'Thrall', { id: 7001, reports, zoneRankings: { 3: { rankings: 'none' } } })
    const result = await client().characterWeek(thrall, RESET)
    if (!result.found) throw new Error('expected the character')
    expect(result.parses).toBeNull()
    expect(result.kills).toHaveLength(3)
  })
})
