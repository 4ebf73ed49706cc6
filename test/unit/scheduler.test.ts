import { describe, expect, it } from 'vitest'
import type { TrackedCharacter } from '../../main/store/characters-repo.ts'
import { SyncEvents } from '../../main/sync/events.ts'
import { createScheduler, type SchedulerDeps } from '../../main/sync/scheduler.ts'
import type { CharacterSyncResult, SourceReport } from '../../main/sync/sync-result.ts'
import type { SyncOptions } from '../../main/sync/sync-service.ts'
import { FakeClock, settle } from '../fakes/fake-clock.ts'

const START = Date.parse('2026-11-26T12:00:00.000Z')
const MIN = 60_000
const HOUR = 60 * MIN

function character(id: number): TrackedCharacter {
  return { id, region: 'us', realm: 'area-52', name: `Alt${id}`, className: null, specName: null, itemLevel: null, mythicRating: null, lastLoginAt: null, loginReadAt: null, realmName: null, raiderioCrawledAt: null, guildName: null, guildRealm: null, createdAt: 0 }
}

function result(c: TrackedCharacter, status: SourceReport['status'] = 'ok'): CharacterSyncResult {
  const report: SourceReport = { status, syncedAt: null, error: status === 'error' ? { code: 'TIMEOUT', message: 'slow' } : null }
  return { character: c, sources: { blizzard: report, warcraftlogs: report, raiderio: report } } as CharacterSyncResult
}

/** A scheduler over fake characters whose syncs are recorded and, optionally, held open. */
function setup(count: number, overrides: Partial<SchedulerDeps> = {}) {
  const clock = new FakeClock(START)
  const characters = Array.from({ length: count }, (_, i) => character(i + 1))
  const calls: { id: number; at: number; options: SyncOptions }[] = []
  const lastSynced = new Map<number, number>()
  let hold: Promise<void> | undefined
  let active = 0
  let maxActive = 0
  const scheduler = createScheduler({
    clock,
    listCharacters: () => characters,
    lastSyncedAt: (id) => lastSynced.get(id),
    syncCharacter: async (c, options) => {
      calls.push({ id: c.id, at: clock.now(), options })
      active += 1
      maxActive = Math.max(maxActive, active)
      await hold
      active -= 1
      lastSynced.set(c.id, clock.now())
      return result(c)
    },
    ...overrides,
  })
  return {
    clock, characters, calls, lastSynced, scheduler,
    holdSyncs() { let release!: () => void; hold = new Promise((r) => (release = r)); return () => { hold = undefined; release() } },
    maxActive: () => maxActive,
    callsAfter: (at: number) => calls.filter((c) => c.at > at).map((c) => [c.id, (c.at - START) / MIN]),
  }
}

describe('scheduler', () => {
  it('syncs every character at start-up with bounded concurrency', async () => {
    const s = setup(5, { concurrency: 2 })
    const release = s.holdSyncs()
    s.scheduler.start()
    await settle()
    expect(s.calls.map((c) => c.id)).toEqual([1, 2])
    expect(s.scheduler.busy()).toBe(true)
    release()
    await s.clock.advance(0)
    expect(s.calls.map((c) => c.id).sort()).toEqual([1, 2, 3, 4, 5])
    expect(s.maxActive()).toBe(2)
    expect(s.calls.every((c) => c.options.force === false)).toBe(true)
  })

  it('skips characters synced in the last 30 minutes at start-up', async () => {
    const s = setup(3)
    s.lastSynced.set(2, START - 10 * MIN)
    s.lastSynced.set(3, START - 45 * MIN)
    s.scheduler.start()
    await s.clock.advance(0)
    expect(s.calls.map((c) => c.id).sort()).toEqual([1, 3])
  })

  it('then syncs hourly, spreading characters over the hour instead of bursting', async () => {
    let listed = 0
    const s = setup(4, { listCharacters: () => { listed += 1; return s.characters } })
    s.scheduler.start()
    await s.clock.advance(0)
    await s.clock.advance(2 * HOUR)
    expect(s.callsAfter(START)).toEqual([[1, 60], [2, 75], [3, 90], [4, 105], [1, 120]])
    // The character list is read once per timer tick (9 here), not once per character per slot.
    expect(listed).toBeLessThanOrEqual(9)
  })

  it('never runs two syncs of one character at once: runNow joins the running sync', async () => {
    const s = setup(1)
    const release = s.holdSyncs()
    s.scheduler.start()
    await settle()
    const manual = s.scheduler.runNow([1])
    await settle()
    expect(s.calls).toHaveLength(1)
    release()
    expect((await manual).map((r) => r.character.id)).toEqual([1])
    expect(s.calls).toHaveLength(1)
  })

  it('runNow forces a sync of all characters and reports progress', async () => {
    const events = new SyncEvents()
    const progress: string[] = []
    events.on('run:progress', ({ done, total }) => progress.push(`${done}/${total}`))
    const s = setup(3, { events })
    const results = await s.scheduler.runNow()
    expect(results).toHaveLength(3)
    expect(s.calls.every((c) => c.options.force === true)).toBe(true)
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3'])
  })

  it('cancelRun stops a run: the syncs in progress get their signal aborted, those not started are never synced, none is backed off', async () => {
    const events = new SyncEvents()
    const progress: string[] = []
    events.on('run:progress', ({ done, total }) => progress.push(`${done}/${total}`))
    const s = setup(5, { concurrency: 2, events })
    const release = s.holdSyncs()
    const run = s.scheduler.runNow()
    await settle()
    expect(s.calls.map((c) => c.id)).toEqual([1, 2])
    s.scheduler.cancelRun()
    expect(s.calls.every((c) => c.options.signal?.aborted)).toBe(true)
    release()
    const outcomes = await run
    // 1 and 2 were running (their syncs end and keep what they saved); 3 to 5 were never started.
    expect(s.calls.map((c) => c.id)).toEqual([1, 2])
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.cancelled ? 'cancelled' : 'failed'))).toEqual(['ok', 'ok', 'cancelled', 'cancelled', 'cancelled'])
    expect(progress.at(-1)).toBe('5/5')
    // No back-off: each keeps its hourly slot, within the next hour.
    for (const c of s.characters) expect(s.scheduler.nextDueAt(c.id)).toBeLessThanOrEqual(START + HOUR)
    // The next run is not cancelled by the last one's cancel.
    const next = await s.scheduler.runNow([3])
    expect(next[0]?.ok).toBe(true)
  })

  it('runNow gives a thrown sync a failed outcome with its reason, and the others their results', async () => {
    const s = setup(2, { syncCharacter: async (c) => { if (c.id === 1) throw new Error('database is locked'); return result(c) } })
    const outcomes = await s.scheduler.runNow()
    expect(outcomes.map((o) => (o.ok ? `${o.character.id}: ok` : `${o.character.id}: ${o.message}`))).toEqual(['1: database is locked', '2: ok'])
  })

  it('gives every sync a deadline, and stop() cancels the requests of syncs in progress', async () => {
    const s = setup(2, { concurrency: 1 })
    const release = s.holdSyncs()
    s.scheduler.start()
    await settle()
    expect(s.calls).toHaveLength(1) // the second waits for the first (concurrency 1)
    const signal = s.calls[0]!.options.signal
    expect(signal?.aborted).toBe(false)
    const stopped = s.scheduler.stop()
    expect(signal?.aborted).toBe(true)
    release()
    await stopped
    expect(s.calls).toHaveLength(1) // the queued one never started
  })

  it('backs off a character whose sync keeps failing (1 h, 2 h, 4 h, 8 h, 8 h)', async () => {
    const s = setup(1, { syncCharacter: async (c) => { s.calls.push({ id: c.id, at: s.clock.now(), options: {} }); throw new Error('database is locked') } })
    s.scheduler.start()
    await s.clock.advance(0)
    await s.clock.advance(24 * HOUR)
    const gaps = s.calls.map((c) => c.at).map((at, i, all) => (i === 0 ? 0 : (at - (all[i - 1] as number)) / HOUR))
    expect(gaps.slice(0, 6)).toEqual([0, 1, 2, 4, 8, 8])
  })

  it('does not back off when only one source failed', async () => {
    let n = 0
    const partial = setup(1, {
      syncCharacter: async (c) => {
        partial.calls.push({ id: c.id, at: partial.clock.now(), options: {} })
        n += 1
        const r = result(c)
        return { ...r, sources: { ...r.sources, raiderio: { status: 'error', syncedAt: null, error: { code: 'TIMEOUT', message: 'x' } } } }
      },
    })
    partial.scheduler.start()
    await partial.clock.advance(0)
    await partial.clock.advance(3 * HOUR)
    expect(n).toBe(4)
  })

  it('leaves Warcraft Logs out while its points are low, until they reset', async () => {
    let rate = { limitPerHour: 3600, pointsSpent: 3550, pointsLeft: 50, resetsInSeconds: 1200, readAt: START }
    const s = setup(1, { warcraftLogsRateLimit: () => rate, warcraftLogsReserve: 100 })
    s.scheduler.start()
    await s.clock.advance(0)
    expect(s.calls[0]?.options.skipSources).toEqual(['warcraftlogs'])
    await s.clock.advance(HOUR)
    expect(s.calls[1]?.options.skipSources).toEqual([])
    rate = { ...rate, pointsLeft: 3000, readAt: s.clock.now() }
    await s.scheduler.runNow()
    expect(s.calls[2]?.options.skipSources).toEqual([])
  })

  it('picks up characters tracked after start-up at the next tick', async () => {
    const s = setup(1)
    s.scheduler.start()
    await s.clock.advance(0)
    s.characters.push(character(2))
    await s.clock.advance(HOUR)
    expect(s.calls.map((c) => c.id)).toEqual([1, 1, 2])
  })

  it('stop() cancels the timer and waits for syncs in progress', async () => {
    const s = setup(1)
    const release = s.holdSyncs()
    s.scheduler.start()
    await settle()
    let stopped = false
    const stopping = s.scheduler.stop().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false)
    release()
    await stopping
    expect(stopped).toBe(true)
    await s.clock.advance(5 * HOUR)
    expect(s.calls).toHaveLength(1)
    expect(s.clock.pending).toBe(0)
  })
})
