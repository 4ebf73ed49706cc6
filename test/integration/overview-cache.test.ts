import { describe, expect, it } from 'vitest'
import { characterOverview } from '../../main/desktop/vault-views.ts'
import { createOverviewCache, overviewCacheOf } from '../../main/desktop/overview-cache.ts'
import { openStore } from '../../main/store/db.ts'
import { addCharacter, removeCharacter } from '../../main/store/characters-repo.ts'
import { markVaultOpened } from '../../main/store/vaults-opened-repo.ts'
import { blizzardEncounters, blizzardKeystoneProfile } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'

const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const RESET = Date.parse('2026-11-24T15:00:00.000Z')
const WEEK = 7 * 24 * 3_600_000

/** A cache that counts the overviews it builds. */
function countingCache() {
  let built = 0
  const cache = createOverviewCache(h.core(), (core, character) => {
    built += 1
    return characterOverview(core, character)
  })
  const builds = (work: () => void) => {
    const before = built
    work()
    return built - before
  }
  return { cache, builds }
}

describe('the overviews the board, the tray and notifications use', () => {
  it('builds each overview once, then only the one whose data changed', () => {
    for (const name of ['Thrall', 'Jaina', 'Velen']) h.track({ region: 'us', realm: 'area-52', name })
    expect(overviewCacheOf(h.core())).toBe(overviewCacheOf(h.core())) // the routes and the tray share one
    const { cache, builds } = countingCache()
    expect(builds(() => expect(cache.all().map((c) => c.name)).toEqual(['Thrall', 'Jaina', 'Velen']))).toBe(3)
    expect(builds(() => cache.all())).toBe(0)
    h.core().events.emit('data:changed', { characterId: cache.all()[1]!.id })
    expect(builds(() => cache.all())).toBe(1)
    cache.invalidateAll()
    expect(builds(() => cache.all())).toBe(3)
  })

  it('follows characters added and removed (also by another process), in the order they were tracked', () => {
    h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const cache = overviewCacheOf(h.core())
    expect(cache.all().map((c) => c.name)).toEqual(['Thrall'])
    const db = h.core().store.db
    addCharacter(db, { region: 'us', realm: 'area-52', name: 'Jaina' }, h.clock.now + 1)
    const { character: velen } = addCharacter(db, { region: 'us', realm: 'azjolnerub', name: 'Velen' }, h.clock.now + 2)
    expect(cache.all().map((c) => c.name)).toEqual(['Thrall', 'Jaina', 'Velen'])
    removeCharacter(db, velen.id)
    expect(cache.all().map((c) => c.name)).toEqual(['Thrall', 'Jaina'])
    expect(cache.get(velen.id)).toBeUndefined()
  })

  it("another process's write (the CLI's) makes every overview out of date: SQLite's data_version moved", () => {
    const thrall = h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const cache = overviewCacheOf(h.core())
    expect(cache.get(thrall.id)?.lastWeek.opened).toBe(false)
    const other = openStore(h.core().store.path)
    try {
      markVaultOpened(other.db, thrall.id, RESET - WEEK, h.clock.now)
    } finally {
      other.close()
    }
    expect(cache.get(thrall.id)?.lastWeek.opened).toBe(true)
  })

  it('an overview built last week is built again after the reset', () => {
    const thrall = h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const cache = overviewCacheOf(h.core())
    const before = cache.get(thrall.id)
    h.clock.now += WEEK
    expect(cache.get(thrall.id)?.week.start).toBe(before!.week.start + WEEK)
  })

  it('peek gives the overview before a sync, get the one after, so an unlocked slot can be told', async () => {
    h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
      encounters: blizzardEncounters([
        { boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + 3_600_000 },
        { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + 7_200_000 },
      ]),
      keystone: blizzardKeystoneProfile(1091, []),
    })
    const thrall = h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const cache = overviewCacheOf(h.core())
    cache.all()
    await h.core().sync.syncCharacter(thrall, { force: true })
    expect(cache.peek(thrall.id)?.raid[0]?.unlocked).toBe(false)
    expect(cache.get(thrall.id)?.raid[0]?.unlocked).toBe(true)
  })
})
