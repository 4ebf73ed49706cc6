import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttp, rateLimiter } from '../../main/clients/http.ts'
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
