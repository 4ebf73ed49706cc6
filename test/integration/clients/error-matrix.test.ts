import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBlizzardClient } from '../../../main/clients/blizzard/client.ts'
import { createHttp } from '../../../main/clients/http.ts'
import { createRaiderIoClient } from '../../../main/clients/raiderio/client.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { createWarcraftLogsClient } from '../../../main/clients/warcraftlogs/client.ts'
import type { Fault, FakeServer } from '../../fakes/fake-server.ts'
import { startFakeApis, type FakeApis } from '../../fakes/fake-apis.ts'
import { fixture } from '../../fakes/fixtures.ts'

/** Every error class against every client: the same faults must give the same codes everywhere. */
let apis: FakeApis
const ref = { region: 'us', realm: 'illidan', name: 'Highervalue' } as const

beforeAll(async () => {
  apis = await startFakeApis()
  apis.blizzard.setCharacter('us', 'illidan', 'highervalue', { encounters: fixture('blizzard-encounters-raids.demonolonjon-ysondre-eu-2025-tww-trimmed.json') })
  apis.raiderio.setProfile('us', 'illidan', 'Highervalue', fixture('raiderio-character-profile.highervalue-illidan-us-2026.json'))
  apis.wcl.setCharacter('us', 'illidan', 'Highervalue', { id: 1, reports: [] })
})
afterAll(() => apis.close())

const http = (source: 'blizzard' | 'warcraftlogs' | 'raiderio') => createHttp({ source, baseDelayMs: 2, timeoutMs: 300, retries: 2 })
const clients: { name: string; server: () => FakeServer; path: RegExp; call: () => Promise<unknown> }[] = [
  { name: 'Blizzard', server: () => apis.blizzard.server, path: /encounters/, call: () => createBlizzardClient({ config: apis.config().blizzard!, http: http('blizzard') }).raidEncounters(ref) },
  { name: 'Raider.IO', server: () => apis.raiderio.server, path: /profile/, call: () => createRaiderIoClient(apis.config().raiderio, http('raiderio')).characterProfile(ref) },
  { name: 'Warcraft Logs', server: () => apis.wcl.server, path: /api\/v2/, call: () => createWarcraftLogsClient({ config: apis.config().warcraftlogs!, http: http('warcraftlogs') }).characterWeek(ref, 0) },
]

const faults: { label: string; fault: Fault; code: string }[] = [
  { label: '500', fault: { kind: 'status', status: 500 }, code: 'UPSTREAM_ERROR' },
  { label: '429 with a long Retry-After', fault: { kind: 'status', status: 429, headers: { 'retry-after': '600' } }, code: 'RATE_LIMITED' },
  { label: 'a response slower than the timeout', fault: { kind: 'slow', delayMs: 800 }, code: 'TIMEOUT' },
  { label: 'truncated JSON', fault: { kind: 'truncated' }, code: 'MALFORMED_RESPONSE' },
  { label: 'a non-JSON body', fault: { kind: 'malformed' }, code: 'MALFORMED_RESPONSE' },
  { label: 'a dropped connection, every time', fault: { kind: 'hangUp' }, code: 'UPSTREAM_ERROR' },
]

describe.each(clients)('$name client', ({ server, path, call }) => {
  it('succeeds without faults', async () => {
    await expect(call()).resolves.toBeDefined()
  })

  it.each(faults)('reports $label as $code', async ({ fault, code }) => {
    server().failNext(path, fault, 10)
    try {
      const error = await call().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SourceError)
      expect((error as SourceError).code).toBe(code)
      expect((error as SourceError).message.length).toBeGreaterThan(20)
    } finally {
      server().clearFaults()
    }
  })
})

describe('no test reaches the internet', () => {
  it('a fetch to a public host fails at once', async () => {
    await expect(fetch('https://raider.io/api/v1/periods')).rejects.toThrow('Tests may not reach the internet')
  })
})

describe('a megabyte of text from a source costs nothing and is quoted short (issue 28.1)', () => {
  // A run of letters: the old credential redaction re-scanned it from every position (minutes for a megabyte).
  const megabyte = 'a'.repeat(1024 * 1024)
  const cases: { label: string; server: () => FakeServer; path: RegExp; fault: Fault; call: () => Promise<unknown> }[] = [
    { label: "Blizzard's 403 message", server: () => apis.blizzard.server, path: /encounters/, fault: { kind: 'status', status: 403, body: { code: 403, type: 'Forbidden', detail: megabyte } }, call: clients[0]!.call },
    { label: "Raider.IO's 400 message", server: () => apis.raiderio.server, path: /profile/, fault: { kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message: megabyte } }, call: clients[1]!.call },
    { label: "Warcraft Logs' first GraphQL error", server: () => apis.wcl.server, path: /api\/v2/, fault: { kind: 'graphqlErrors', message: megabyte }, call: clients[2]!.call },
    { label: 'a key the source chose in an answer of the wrong shape', server: () => apis.raiderio.server, path: /profile/, fault: { kind: 'status', status: 200, body: { name: 'x', region: 'us', realm: 'y', raid_progression: { [megabyte]: { summary: 1 } } } }, call: clients[1]!.call },
  ]

  it.each(cases)('$label', async ({ server, path, fault, call }) => {
    server().failNext(path, fault, 10)
    try {
      const error = (await call().catch((e: unknown) => e)) as SourceError
      expect(error).toBeInstanceOf(SourceError)
      expect(error.message.length).toBeLessThan(1000)
      expect(error.message).toMatch(/a{30}/) // the source's words are still quoted, cut short
      expect(error.message).toContain('…')
    } finally {
      server().clearFaults()
    }
  })
})
