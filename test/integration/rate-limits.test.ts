import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttp } from '../../main/clients/http.ts'
import { rateLimiter } from '../../main/clients/rate-limiter.ts'
import { addCharacter } from '../../main/store/characters-repo.ts'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'

describe('rate limits', () => {
  it('a limiter lets no more than `limit` calls start in any sliding window', async () => {
    const starts: number[] = []
    const queue = rateLimiter([{ limit: 10, interval: 200 }])
    await Promise.all(Array.from({ length: 35 }, () => queue(async () => starts.push(performance.now()))))
    expect(starts).toHaveLength(35)
    // Timers fire a millisecond or two early; a burst past the limit would start the 11th call at once.
    for (let i = 10; i < starts.length; i += 1) expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(190)
  })

  it('counts the window where the source counts it: a request keeps its place until its answer is in, so slow and fast requests cannot bunch up', async () => {
    const queue = rateLimiter([{ limit: 5, interval: 200 }])
    const arrivals: number[] = []
    let sent = 0
    // The first five take 150 ms to reach the source, the rest arrive at once: counted from the starts,
    // five more would start at 200 ms and land beside the first five.
    const request = async () => {
      await sleep(sent++ < 5 ? 150 : 0)
      arrivals.push(performance.now())
    }
    await Promise.all(Array.from({ length: 15 }, () => queue(request)))
    arrivals.sort((a, b) => a - b)
    for (let i = 5; i < arrivals.length; i += 1) expect(arrivals[i]! - arrivals[i - 5]!).toBeGreaterThanOrEqual(190)
  })

  it('a request whose sync is cancelled while it waits for its turn leaves the queue at once', async () => {
    const queue = rateLimiter([{ limit: 1, interval: 60_000 }])
    await queue(async () => undefined)
    const cancel = new AbortController()
    const started: string[] = []
    const waiting = queue(async () => started.push('late'), cancel.signal)
    cancel.abort(new Error('the player cancelled'))
    await expect(waiting).rejects.toThrow('the player cancelled')
    expect(started).toEqual([])
  })

  it("a request's own timeout starts when its turn comes, not while it waits behind the limits", async () => {
    const fetch: typeof globalThis.fetch = async () => Response.json({ ok: true })
    const http = createHttp({ source: 'raiderio', timeoutMs: 150, fetch, rateLimits: [{ limit: 1, interval: 300 }] })
    const get = () => http.json('http://127.0.0.1:9/x', { schema: z.object({ ok: z.boolean() }) })
    // The second waits about 300 ms, twice its timeout, and is still answered.
    const results = await Promise.all([get(), get()])
    expect(results.map((r) => r.body.ok)).toEqual([true, true])
  })

  it('a request that stalls still times out after its turn came', async () => {
    const fetch: typeof globalThis.fetch = (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
    const http = createHttp({ source: 'raiderio', timeoutMs: 100, retries: 0, fetch, rateLimits: [{ limit: 5, interval: 1000 }] })
    await expect(http.json('http://127.0.0.1:9/x', { schema: z.object({ ok: z.boolean() }) })).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('did not answer in time') })
  })

  it('a source answering 503 to a full window of requests gets its retries, one place at a time (no request waits on its own place)', async () => {
    let calls = 0
    const fetch: typeof globalThis.fetch = async () => (++calls <= 3 ? new Response('{}', { status: 503 }) : Response.json({ ok: true }))
    const http = createHttp({ source: 'raiderio', baseDelayMs: 1, fetch, rateLimits: [{ limit: 3, interval: 50 }] })
    const get = () => http.json('http://127.0.0.1:9/x', { schema: z.object({ ok: z.boolean() }) })
    const results = await Promise.all([get(), get(), get()])
    expect(results.every((r) => r.body.ok)).toBe(true)
    expect(calls).toBe(6)
  })

  it('a retry waits for its turn under the limits like the first try', async () => {
    const attempts: number[] = []
    const fetch: typeof globalThis.fetch = async () => {
      attempts.push(performance.now())
      return attempts.length === 1 ? new Response('{}', { status: 503 }) : Response.json({ ok: true })
    }
    const http = createHttp({ source: 'raiderio', baseDelayMs: 1, fetch, rateLimits: [{ limit: 1, interval: 300 }] })
    await http.json('http://127.0.0.1:9/x', { schema: z.object({ ok: z.boolean() }) })
    expect(attempts).toHaveLength(2)
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(290)
  })

  it("a 429 holds every request to the source, not just the one that got it, for the source's Retry-After", async () => {
    const starts: number[] = []
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(performance.now())
      return starts.length === 1 ? new Response('{}', { status: 429, headers: { 'retry-after': '0.4' } }) : Response.json({ ok: true })
    }
    const http = createHttp({ source: 'raiderio', baseDelayMs: 1, fetch, rateLimits: [{ limit: 1, interval: 50 }] })
    const get = () => http.json('http://127.0.0.1:9/x', { schema: z.object({ ok: z.boolean() }) })
    // The first request is answered 429 at once; the next four were already queued behind the limit.
    const results = await Promise.all([get(), get(), get(), get(), get()])
    expect(results.every((r) => r.body.ok)).toBe(true)
    // Nothing started between the 429 and the end of its Retry-After (less a timer's early millisecond or two).
    expect(starts.slice(1).every((at) => at - starts[0]! >= 390)).toBe(true)
    expect(starts).toHaveLength(6)
  })

  it('a 429 without Retry-After holds the source for a second (Blizzard answers 429 for the rest of its second)', async () => {
    const starts: number[] = []
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(performance.now())
      return starts.length === 1 ? new Response('{}', { status: 429 }) : Response.json({ ok: true })
    }
    const http = createHttp({ source: 'blizzard', baseDelayMs: 1, fetch })
    const get = () => http.json('http://127.0.0.1:9/x', { schema: z.object({ ok: z.boolean() }) })
    await get()
    await get()
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(990)
  })

  const h = useCoreHarness('2026-11-26T12:00:00.000Z')
  it('a 120-character sync stays under Blizzard’s 100 requests per second: the fake enforcing it never answers 429', async () => {
    const names = Array.from({ length: 120 }, (_, i) => `Alt${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26) % 26)}${Math.floor(i / 676)}`)
    for (const name of names) {
      h.apis.blizzard.setCharacter('us', 'area-52', name, { encounters: blizzardEncounters([]), keystone: blizzardKeystoneProfile(1091, []), profile: { name, realm: { name: 'Area 52', slug: 'area-52' } } })
      h.apis.raiderio.setProfile('us', 'area-52', name, raiderIoProfile([], [], { name }))
    }
    delete h.apis.env.VAULT_WCL_CLIENT_ID
    h.apis.blizzard.maxPerSecond = 100
    const core = h.core()
    const characters = names.map((name) => addCharacter(core.store.db, { region: 'us', realm: 'area-52', name }, h.clock.now).character)
    // All at once: the burst the limiter exists for (5 Blizzard requests per character).
    const results = await Promise.all(characters.map((c) => core.sync.syncCharacter(c, { force: true })))
    expect(h.apis.blizzard.throttled).toBe(0)
    expect(results.every((r) => r.sources.blizzard.status === 'ok')).toBe(true)
    expect(h.apis.blizzard.server.requestsTo(/profile\/wow/).length).toBe(600)
  }, 30_000)
})
