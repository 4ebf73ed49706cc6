import { describe, expect, it, vi } from 'vitest'
import { CONCURRENT_CHARACTERS, createCoreScheduler } from '../../main/composition.ts'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile } from '../fakes/builders.ts'
import { FakeClock } from '../fakes/fake-clock.ts'
import { useCoreHarness } from '../support/core-harness.ts'

const h = useCoreHarness('2026-11-26T12:00:00.000Z')

describe('scheduler on the real core', () => {
  it('syncs tracked characters at start-up against the fake APIs and records data-changed events', async () => {
    for (const name of ['Thrall', 'Jaina']) {
      h.apis.blizzard.setCharacter('us', 'area-52', name.toLowerCase(), { encounters: blizzardEncounters([]), keystone: blizzardKeystoneProfile(1091, []) })
      h.apis.raiderio.setProfile('us', 'area-52', name, raiderIoProfile([], [], { name }))
      h.track({ region: 'us', realm: 'area-52', name })
    }
    const core = h.core()
    const changed: number[] = []
    core.events.on('data:changed', ({ characterId }) => changed.push(characterId))
    const clock = new FakeClock(h.clock.now)
    const scheduler = createCoreScheduler(core, clock)
    scheduler.start()
    await vi.waitFor(() => expect(changed.sort()).toEqual([1, 2]))
    await scheduler.stop()
    // A character just synced is skipped by the next start-up.
    const again = createCoreScheduler(core, clock)
    again.start()
    expect(again.busy()).toBe(false)
    expect(again.nextDueAt(1)).toBeGreaterThan(clock.now())
    await again.stop()
    expect(changed).toHaveLength(2)
  })

  it('"Sync all" runs as many characters at once as the request limits allow, not two', async () => {
    const names = ['Aa', 'Bb', 'Cc', 'Dd', 'Ee', 'Ff', 'Gg', 'Hh']
    for (const name of names) {
      h.apis.raiderio.setProfile('us', 'area-52', name, raiderIoProfile([], [], { name }))
      h.track({ region: 'us', realm: 'area-52', name })
    }
    h.apis.raiderio.server.latencyMs = 50
    const core = h.core()
    let inFlight = 0
    let most = 0
    const sync = core.sync.syncCharacter.bind(core.sync)
    core.sync.syncCharacter = async (...args) => {
      most = Math.max(most, (inFlight += 1))
      try {
        return await sync(...args)
      } finally {
        inFlight -= 1
      }
    }
    const scheduler = createCoreScheduler(core, new FakeClock(h.clock.now))
    const outcomes = await scheduler.runNow()
    await scheduler.stop()
    expect(outcomes).toHaveLength(names.length)
    expect(most).toBe(Math.min(names.length, CONCURRENT_CHARACTERS))
  })
})
