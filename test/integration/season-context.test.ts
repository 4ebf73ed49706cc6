import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RaiderIoClient } from '../../main/clients/raiderio/client.ts'
import type { RaidingStaticDataWire } from '../../main/clients/raiderio/wire.ts'
import { openStore, type Store } from '../../main/store/db.ts'
import { createSeasonContext } from '../../main/sync/season-context.ts'
import { raidingStaticData } from '../fakes/builders.ts'
import { SEASON_RAIDS } from '../support/core-harness.ts'
import { useTempDir } from '../support/temp-dir.ts'

const tempDir = useTempDir()
let store: Store | undefined
afterEach(() => store?.close())

const NOW = Date.parse('2026-11-26T12:00:00Z')
const period = { region: 'us' as const, period: 1091, start: Date.parse('2026-11-24T15:00:00Z'), end: Date.parse('2026-12-01T15:00:00Z') }

function counting(fail = { value: false }) {
  const calls = { periods: 0, staticData: 0 }
  const client: RaiderIoClient = {
    characterProfile: () => Promise.reject(new Error('unused')),
    periods: async () => {
      calls.periods += 1
      if (fail.value) throw new Error('down')
      return [period]
    },
    raidingStaticData: async () => {
      calls.staticData += 1
      if (fail.value) throw new Error('down')
      return raidingStaticData(SEASON_RAIDS) as unknown as RaidingStaticDataWire
    },
  }
  return { client, calls, fail }
}

describe('season context', () => {
  it('fetches once for many concurrent and later callers, and again once stale', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    let now = NOW
    const { client, calls } = counting()
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now })
    await Promise.all([season.raidRoster('us', NOW), season.raidRoster('eu', NOW), season.knownPeriods(), season.knownPeriods()])
    expect((await season.raidRoster('us', NOW))?.has('vorasius')).toBe(true)
    expect(await season.knownPeriods()).toEqual([period])
    expect(calls).toEqual({ periods: 1, staticData: 1 })
    now += 2 * 60 * 60 * 1000
    await season.knownPeriods()
    await season.raidRoster('us', NOW)
    expect(calls).toEqual({ periods: 2, staticData: 1 })
  })

  it('keeps the stale values when Raider.IO fails, and a new context reads them without network', async () => {
    const path = join(tempDir(), 'vault.db')
    store = openStore(path)
    let now = NOW
    const { client, calls, fail } = counting()
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now })
    await season.knownPeriods()
    await season.raidRoster('us', NOW)
    fail.value = true
    now += 48 * 60 * 60 * 1000
    expect(await season.knownPeriods()).toEqual([period])
    expect((await season.raidRoster('us', NOW))?.size).toBe(9)
    expect(calls).toEqual({ periods: 2, staticData: 2 })

    const offline = counting({ value: true })
    const reopened = createSeasonContext({ db: store.db, raiderio: offline.client, now: () => NOW })
    expect(reopened.storedPeriods()).toEqual([period])
    expect(reopened.storedRaidRoster('us', NOW)?.size).toBe(9)
    expect(offline.calls).toEqual({ periods: 0, staticData: 0 })
  })
})
