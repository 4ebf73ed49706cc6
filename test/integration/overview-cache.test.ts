import { describe, expect, it } from 'vitest'
import { createOverviewCache } from '../../main/desktop/overview-cache.ts'
import { addCharacter, removeCharacter } from '../../main/store/characters-repo.ts'
import { blizzardEncounters, blizzardKeystoneProfile } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'

const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const RESET = Date.parse('2026-11-24T15:00:00.000Z')

describe('the overviews the tray and notifications use', () => {
  it('follows characters added under one event (an import) and removed ones, in the order they were tracked', () => {
    h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const cache = createOverviewCache(h.core())
    expect(cache.all().map((c) => c.name)).toEqual(['Thrall'])
    const db = h.core().store.db
    addCharacter(db, { region: 'us', realm: 'area-52', name: 'Jaina' }, h.clock.now + 1)
    const { character: velen } = addCharacter(db, { region: 'us', realm: 'azjolnerub', name: 'Velen' }, h.clock.now + 2)
    cache.followRoster()
    expect(cache.all().map((c) => c.name)).toEqual(['Thrall', 'Jaina', 'Velen'])
    removeCharacter(db, velen.id)
    expect(cache.refresh(velen.id)).toMatchObject({ before: { name: 'Velen' }, after: undefined })
    expect(cache.all().map((c) => c.name)).toEqual(['Thrall', 'Jaina'])
  })

  it('refresh gives the overview before and after a sync, so an unlocked slot can be told', async () => {
    h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
      encounters: blizzardEncounters([
        { boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + 3_600_000 },
        { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + 7_200_000 },
      ]),
      keystone: blizzardKeystoneProfile(1091, []),
    })
    const thrall = h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const cache = createOverviewCache(h.core())
    await h.core().sync.syncCharacter(thrall, { force: true })
    const { before, after } = cache.refresh(thrall.id)
    expect(before?.raid[0]?.unlocked).toBe(false)
    expect(after?.raid[0]?.unlocked).toBe(true)
  })
})
