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
const week = { ...period, origin: 'raiderio' as const }

function counting(fail = { value: false }) {
  const calls = { periods: 0, staticData: 0 }
  const client: Pick<RaiderIoClient, 'periods' | 'raidingStaticData'> = {
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
    await Promise.all([season.raidRoster('us', week), season.raidRoster('eu', { ...week, region: 'eu' }), season.knownPeriods(), season.knownPeriods()])
    expect(await season.raidRoster('us', week)).toMatchObject({ origin: 'raiderio' })
    expect((await season.raidRoster('us', week))?.bosses.has('vorasius')).toBe(true)
    expect(await season.knownPeriods()).toEqual([period])
    expect(calls).toEqual({ periods: 1, staticData: 1 })
    now += 2 * 60 * 60 * 1000
    await season.knownPeriods()
    await season.raidRoster('us', week)
    expect(calls).toEqual({ periods: 2, staticData: 1 })
  })

  it('keeps the stale values when Raider.IO fails, and a new context reads them without network', async () => {
    const path = join(tempDir(), 'vault.db')
    store = openStore(path)
    let now = NOW
    const { client, calls, fail } = counting()
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now })
    await season.knownPeriods()
    await season.raidRoster('us', week)
    fail.value = true
    now += 48 * 60 * 60 * 1000
    expect(await season.knownPeriods()).toEqual([period])
    expect((await season.raidRoster('us', week))?.bosses.size).toBe(9)
    expect(calls).toEqual({ periods: 2, staticData: 2 })

    const offline = counting({ value: true })
    const reopened = createSeasonContext({ db: store.db, raiderio: offline.client, now: () => NOW })
    expect(reopened.storedPeriods()).toEqual([period])
    expect(reopened.storedRaidRoster('us', week)?.bosses.size).toBe(9)
    expect(offline.calls).toEqual({ periods: 0, staticData: 0 })
  })
})

describe('season context under failure', () => {
  it('while Raider.IO is down, asks once and then uses the stored values for a while: no refetch storm', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    let now = NOW
    const { client, calls } = counting({ value: true })
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now, retryAfterFailureMs: 10 * 60_000 })
    // Twelve characters syncing one after another.
    for (let i = 0; i < 12; i += 1) {
      await season.knownPeriods()
      await season.raidRoster('us', week)
      now += 30_000
    }
    expect(calls).toEqual({ periods: 1, staticData: 1 })
    now += 10 * 60_000
    await season.knownPeriods()
    expect(calls.periods).toBe(2)
  })

  it('never rejects, even when storing the fresh values fails (database locked by the other process)', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    const { client } = counting()
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => NOW })
    // Another connection holds the write lock; our busy timeout runs out.
    const other = openStore(store.path)
    other.sqlite.exec('BEGIN IMMEDIATE')
    store.sqlite.pragma('busy_timeout = 1')
    try {
      await expect(season.knownPeriods()).resolves.toEqual([period])
      expect((await season.raidRoster('us', week))?.origin).toBe('raiderio')
    } finally {
      other.sqlite.exec('ROLLBACK')
      other.close()
    }
  })

  it('with no Raider.IO static data ever fetched, the shipped Season 2 roster is used and says so', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    const season = createSeasonContext({ db: store.db, raiderio: counting({ value: true }).client, now: () => NOW })
    const roster = await season.raidRoster('us', week)
    expect(roster?.origin).toBe('snapshot')
    expect(roster?.bosses.has('ulatek')).toBe(true)
    expect(roster?.bosses.has('kithix')).toBe(true)
    expect(season.storedRaidRoster('us', { ...week, period: 1060 })).toBeUndefined() // Season 1 ships no roster
  })
})
