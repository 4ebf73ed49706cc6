import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttp, retryAfterMs } from '../../../main/clients/http.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { FakeServer } from '../../fakes/fake-server.ts'

let server: FakeServer
const schema = z.object({ ok: z.literal(true), n: z.number() })
// Fast backoff so retry tests take milliseconds; the defaults are 500 ms and up.
const http = (overrides: Partial<Parameters<typeof createHttp>[0]> = {}) => createHttp({ source: 'raiderio', baseDelayMs: 5, timeoutMs: 500, ...overrides })

beforeEach(async () => {
  server = await new FakeServer(() => ({ status: 200, body: { ok: true, n: 1 } })).start()
})
afterEach(() => server.close())

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError)
    return error as SourceError
  }
  throw new Error('expected a SourceError')
}

describe('http layer', () => {
  it('returns validated JSON', async () => {
    const response = await http().json(`${server.url}/x`, { schema })
    expect(response.body).toEqual({ ok: true, n: 1 })
  })

  it('retries 5xx with backoff and succeeds when the server recovers', async () => {
    server.failNext(/x/, { kind: 'status', status: 503 }, 2)
    const response = await http().json(`${server.url}/x`, { schema })
    expect(response.body.n).toBe(1)
    expect(server.requests).toHaveLength(3)
  })

  it('gives up after the retry limit with an upstream error that says what happened', async () => {
    server.failNext(/x/, { kind: 'status', status: 500 }, 10)
    const error = await failure(http({ retries: 2 }).json(`${server.url}/x`, { schema }))
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', source: 'raiderio', status: 500 })
    expect(error.message).toContain('Raider.IO had a server problem (HTTP 500)')
    expect(server.requests).toHaveLength(3)
  })

  it('retries a dropped connection (network error)', async () => {
    server.failNext(/x/, { kind: 'hangUp' })
    expect((await http().json(`${server.url}/x`, { schema })).body.n).toBe(1)
    expect(server.requests).toHaveLength(2)
  })

  it('reports an unreachable host clearly', async () => {
    const url = server.url
    await server.close()
    const error = await failure(http({ retries: 1 }).json(`${url}/x`, { schema }))
    expect(error.code).toBe('UPSTREAM_ERROR')
    expect(error.message).toMatch(/^Could not reach Raider\.IO \(.+\)\. Check your internet connection\.$/)
    server = await new FakeServer(() => ({ status: 200 })).start()
  })

  it('waits for Retry-After in seconds on 429, then retries', async () => {
    server.failNext(/x/, { kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    const started = Date.now()
    expect((await http().json(`${server.url}/x`, { schema })).body.n).toBe(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(server.requests).toHaveLength(2)
  })

  it('waits for Retry-After given as an HTTP date', async () => {
    server.failNext(/x/, { kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } })
    const started = Date.now()
    await http().json(`${server.url}/x`, { schema })
    // HTTP dates have 1 s resolution, so the wait is between 1 and 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(server.requests).toHaveLength(2)
  })

  it('does not sit out a Retry-After longer than the cap: reports RATE_LIMITED with the wait', async () => {
    server.failNext(/x/, { kind: 'status', status: 429, headers: { 'retry-after': '3600' } })
    const error = await failure(http({ maxRetryAfterMs: 30_000 }).json(`${server.url}/x`, { schema }))
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 3_600_000 })
    expect(error.message).toMatch(/^Raider\.IO asked us to wait \(HTTP 429\); the next try is after \w{3} \d+ \d\d:\d\d UTC\.$/)
    expect(server.requests).toHaveLength(1)
  })

  it('a 503 with a long Retry-After is a rate limit too, reported at once instead of sat out', async () => {
    server.failNext(/x/, { kind: 'status', status: 503, headers: { 'retry-after': '100000' } }, 10)
    const started = Date.now()
    const error = await failure(http().json(`${server.url}/x`, { schema }))
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 100_000_000 })
    expect(server.requests).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('times out a slow response with a clear message', async () => {
    server.failNext(/x/, { kind: 'slow', delayMs: 1500 })
    const error = await failure(http({ timeoutMs: 200 }).json(`${server.url}/x`, { schema }))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe('Raider.IO did not answer in time (200 ms per try, 30 s in all). The next sync will try again.')
  })

  it.each([
    ['truncated JSON', { kind: 'truncated' } as const, 'not valid JSON'],
    ['an HTML error page', { kind: 'malformed' } as const, 'sent a web page'],
  ])('turns %s into MALFORMED_RESPONSE', async (_label, fault, fragment) => {
    server.failNext(/x/, fault)
    const error = await failure(http().json(`${server.url}/x`, { schema }))
    expect(error.code).toBe('MALFORMED_RESPONSE')
    expect(error.message).toContain(fragment)
  })

  it('turns valid JSON of the wrong shape into MALFORMED_RESPONSE naming the field', async () => {
    server.failNext(/x/, { kind: 'status', status: 200, body: { ok: true, n: 'one' } })
    const error = await failure(http().json(`${server.url}/x`, { schema }))
    expect(error.code).toBe('MALFORMED_RESPONSE')
    expect(error.message).toContain('n: ')
  })

  it.each([
    ['blizzard', 401, 'AUTH_FAILED', 'Check the client id and secret in Settings'],
    ['blizzard', 403, 'AUTH_FAILED', 'allowed to use this API'],
    // Raider.IO has no key: "check your credentials" would send the player the wrong way.
    ['raiderio', 401, 'UPSTREAM_ERROR', 'needs no key'],
    ['raiderio', 403, 'UPSTREAM_ERROR', 'needs no key'],
    // A bare 404 is a wrong address, not an unknown character (clients that can tell say so themselves).
    ['raiderio', 404, 'BAD_CONFIG', 'Check VAULT_RAIDERIO_URL'],
    ['warcraftlogs', 404, 'BAD_CONFIG', 'Check VAULT_WCL_URL'],
    ['raiderio', 400, 'INVALID_INPUT', 'rejected the request'],
    ['raiderio', 418, 'UPSTREAM_ERROR', 'HTTP 418'],
  ] as const)('%s: maps HTTP %i to %s without retrying, saying what to do', async (source, status, code, advice) => {
    server.failNext(/x/, { kind: 'status', status })
    const error = await failure(http({ source }).json(`${server.url}/x`, { schema }))
    expect(error.code).toBe(code)
    expect(error.message).toContain(advice)
    expect(server.requests).toHaveLength(1)
  })
})

describe('Retry-After parsing', () => {
  const now = Date.parse('2026-11-24T12:00:00Z')
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['1.5', 1500],
    ['Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j ms', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected)
  })
})
