import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttp, type HttpOptions } from '../../../main/clients/http.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { createWarcraftLogsClient } from '../../../main/clients/warcraftlogs/client.ts'
import { FakeServer, type Fault } from '../../fakes/fake-server.ts'
import { WarcraftLogsFake } from '../../fakes/wcl-fake.ts'

/**
 * Hostile upstreams: every fault must end in bounded time with a clear SourceError. The elapsed-time
 * checks are hang checks (the old code waited forever or sat out minutes), not speed targets.
 */
let server: FakeServer
const schema = z.object({ ok: z.literal(true), n: z.number() })
const MB = 1024 * 1024
const http = (overrides: Partial<HttpOptions> = {}) => createHttp({ source: 'raiderio', baseDelayMs: 5, timeoutMs: 300, maxBodyBytes: MB, ...overrides })

beforeEach(async () => {
  server = await new FakeServer(() => ({ status: 200, body: { ok: true, n: 1 } })).start()
})
afterEach(() => server.close())

async function timed(promise: Promise<unknown>): Promise<{ error: SourceError; ms: number }> {
  const started = Date.now()
  const error = await promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SourceError)
  return { error: error as SourceError, ms: Date.now() - started }
}

describe('a hostile upstream cannot hang a request or exhaust memory', () => {
  const cases: { label: string; fault: Fault; code: string; message: RegExp }[] = [
    { label: 'headers, then a body that stalls halfway', fault: { kind: 'stallBody' }, code: 'TIMEOUT', message: /did not answer in time/ },
    { label: 'a body trickling one byte every 100 ms', fault: { kind: 'trickle', everyMs: 100 }, code: 'TIMEOUT', message: /did not answer in time/ },
    { label: 'a gzip bomb (1 GB inflated)', fault: { kind: 'gzipBomb', inflatedBytes: 1024 * MB }, code: 'MALFORMED_RESPONSE', message: /larger than 1 MB/ },
    { label: 'a 3 MB body over a 1 MB cap', fault: { kind: 'huge', bytes: 3 * MB }, code: 'MALFORMED_RESPONSE', message: /larger than 1 MB/ },
    { label: 'an HTML page with status 200', fault: { kind: 'malformed' }, code: 'MALFORMED_RESPONSE', message: /sent a web page/ },
    { label: 'valid JSON of another shape', fault: { kind: 'status', status: 200, body: [1, 2, 3] }, code: 'MALFORMED_RESPONSE', message: /unexpected shape/ },
  ]

  it.each(cases)('$label → $code, in bounded time', async ({ fault, code, message }) => {
    server.failNext(/x/, fault, 10)
    const { error, ms } = await timed(http().json(`${server.url}/x`, { schema }))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(ms).toBeLessThan(5_000)
  })

  it('a per-endpoint cap overrides the client\'s', async () => {
    server.failNext(/x/, { kind: 'huge', bytes: 300 * 1024 })
    const { error } = await timed(http().json(`${server.url}/x`, { schema, maxBodyBytes: 100 * 1024 }))
    expect(error.message).toContain('larger than 100 KB')
  })

  it('a redirect to another host is refused, and that host never sees the request', async () => {
    const elsewhere = await new FakeServer(() => ({ status: 200, body: { ok: true, n: 2 } })).start()
    try {
      server.failNext(/x/, { kind: 'redirect', location: `${elsewhere.url}/steal` })
      const { error } = await timed(http({ source: 'blizzard' }).json(`${server.url}/x`, { schema, headers: { authorization: 'Bearer secret-token' } }))
      expect(error.code).toBe('BAD_CONFIG')
      expect(error.message).toContain(`redirected the request to ${new URL(elsewhere.url).host}`)
      expect(elsewhere.requests).toHaveLength(0)
    } finally {
      await elsewhere.close()
    }
  })

  it('429 with Retry-After: 30 is reported as a rate limit with the next try, not sat out three times', async () => {
    server.failNext(/x/, { kind: 'status', status: 429, headers: { 'retry-after': '30' } }, 10)
    const { error, ms } = await timed(http().json(`${server.url}/x`, { schema }))
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 30_000 })
    expect(server.requests).toHaveLength(1)
    expect(ms).toBeLessThan(5_000)
  })

  it('retries end at the request\'s total deadline', async () => {
    server.failNext(/x/, { kind: 'status', status: 503, headers: { 'retry-after': '1' } }, 100)
    const { error, ms } = await timed(http({ retries: 50, totalTimeoutMs: 1_500 }).json(`${server.url}/x`, { schema }))
    expect(error.code).toBe('TIMEOUT')
    expect(ms).toBeLessThan(4_000)
  })

  it('a caller\'s deadline (AbortSignal) ends a stalled request and says the sync ran out of time', async () => {
    server.failNext(/x/, { kind: 'slow', delayMs: 10_000 })
    const { error, ms } = await timed(http({ timeoutMs: 20_000 }).json(`${server.url}/x`, { schema, signal: AbortSignal.timeout(200) }))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toContain('ran out of time')
    expect(ms).toBeLessThan(5_000)
  })

  it('a password inside a configured URL never reaches a message', async () => {
    const url = `${server.url.replace('http://', 'http://player:hunter2@')}/x`
    await server.close()
    const { error } = await timed(http({ retries: 0 }).json(url, { schema }))
    expect(error.message).not.toContain('hunter2')
    server = await new FakeServer(() => ({ status: 200 })).start()
  })
})

describe('GraphQL (Warcraft Logs) gets the same deadlines', () => {
  let wcl: WarcraftLogsFake
  beforeEach(async () => {
    wcl = new WarcraftLogsFake()
    await wcl.server.start()
    wcl.setCharacter('us', 'area-52', 'Thrall', { id: 1, reports: [] })
  })
  afterEach(() => wcl.server.close())

  it.each([
    ['a stalled body', { kind: 'stallBody' } as Fault, 'TIMEOUT'],
    ['a gzip bomb', { kind: 'gzipBomb', inflatedBytes: 256 * MB } as Fault, 'MALFORMED_RESPONSE'],
  ])('%s ends the query with %s', async (_label, fault, code) => {
    wcl.server.failNext(/api\/v2\/client/, fault, 10)
    const client = createWarcraftLogsClient({ config: { clientId: wcl.clientId, clientSecret: wcl.clientSecret, baseUrl: wcl.url }, http: http({ source: 'warcraftlogs' }) })
    const { error, ms } = await timed(client.characterWeek({ region: 'us', realm: 'area-52', name: 'Thrall' }, 0))
    expect(error.code).toBe(code)
    expect(ms).toBeLessThan(5_000)
  })
})
