import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RaiderIoClient } from '../../main/clients/raiderio/client.ts'
import type { RaidingStaticDataWire } from '../../main/clients/raiderio/wire.ts'
import { openStore, type Store } from '../../main/store/db.ts'
import { createSeasonContext } from '../../main/sync/season-context.ts'
import type { LiveSeason } from '../../shared/domain/live-season.ts'
import { raidingStaticData } from '../fakes/builders.ts'
import { SEASON_RAIDS } from '../support/core-harness.ts'
import { useTempDir } from '../support/temp-dir.ts'

const tempDir = useTempDir()
let store: Store | undefined
afterEach(() => store?.close())

const NOW = Date.parse('2026-11-26T12:00:00Z')
const period = { region: 'us' as const, period: 1091, start: Date.parse('2026-11-24T15:00:00Z'), end: Date.parse('2026-12-01T15:00:00Z') }
const week = { ...period, origin: 'raiderio' as const }

/** A Raider.IO stand-in that counts calls: expansion 11 has the season's raids and Midnight's seasons, 12 does not exist yet. */
function counting(fail = { value: false }) {
  const calls = { periods: 0, staticData: 0, seasons: 0 }
  const client: Pick<RaiderIoClient, 'periods' | 'raidingStaticData' | 'mythicPlusSeasons'> = {
    periods: async () => {
      calls.periods += 1
      if (fail.value) throw new Error('down')
      return [period]
    },
    raidingStaticData: async (expansion) => {
      calls.staticData += 1
      if (fail.value) throw new Error('down')
      return expansion === 11 ? (raidingStaticData(SEASON_RAIDS) as unknown as RaidingStaticDataWire) : null
    },
    mythicPlusSeasons: async (expansion) => {
      calls.seasons += 1
      if (fail.value) throw new Error('down')
      return expansion === 11 ? [{ slug: 'season-mn-2', name: 'Midnight Season 2', blizzardSeasonId: 18, starts: { us: Date.parse('2026-08-18T15:00:00Z') }, ends: {} }] : null
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
    // Two expansions asked each time: Midnight's, and the next one (not there yet).
    expect(calls).toEqual({ periods: 1, staticData: 2, seasons: 2 })
    now += 2 * 60 * 60 * 1000
    await season.knownPeriods()
    await season.raidRoster('us', week)
    expect(calls).toEqual({ periods: 2, staticData: 2, seasons: 2 })
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
    expect(calls).toEqual({ periods: 2, staticData: 4, seasons: 4 })

    const offline = counting({ value: true })
    const reopened = createSeasonContext({ db: store.db, raiderio: offline.client, now: () => NOW })
    expect(reopened.storedPeriods()).toEqual([period])
    expect(reopened.storedRaidRoster('us', week)?.bosses.size).toBe(9)
    expect(reopened.storedWeekSeason(week).season?.id).toBe('season-mn-2')
    expect(offline.calls).toEqual({ periods: 0, staticData: 0, seasons: 0 })
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
    expect(calls).toEqual({ periods: 1, staticData: 2, seasons: 2 })
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

describe('season discovery', () => {
  const live = (slug: string, name: string, startIso: string, endIso?: string) => ({ slug, name, blizzardSeasonId: null, starts: { us: Date.parse(startIso) }, ends: endIso ? { us: Date.parse(endIso) } : {} })

  it('follows the next expansion once it has a season started, and keeps the seasons it knew', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    let now = NOW
    const asked: number[] = []
    const byExpansion = new Map<number, LiveSeason[]>([[11, [live('season-mn-2', 'Midnight Season 2', '2026-08-18T15:00:00Z', '2027-03-02T15:00:00Z')]]])
    const raidsByExpansion = new Map<number, RaidingStaticDataWire>([[11, raidingStaticData(SEASON_RAIDS) as unknown as RaidingStaticDataWire]])
    const client: Pick<RaiderIoClient, 'periods' | 'raidingStaticData' | 'mythicPlusSeasons'> = {
      periods: async () => [],
      raidingStaticData: async (expansion) => raidsByExpansion.get(expansion) ?? null,
      mythicPlusSeasons: async (expansion) => {
        asked.push(expansion)
        return byExpansion.get(expansion) ?? null
      },
    }
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now, staticDataMaxAgeMs: 1 })
    await season.raidRoster('us', week)
    expect(asked.sort()).toEqual([11, 12])
    // The next expansion is announced with a season in the future: not the newest yet.
    byExpansion.set(12, [live('season-xp-1', 'Next Expansion Season 1', '2027-03-09T15:00:00Z')])
    now += 1000
    asked.length = 0
    await season.weekSeason(week)
    expect(asked.sort()).toEqual([11, 12])
    // Its season started: the app now asks for 12 and 13, and a week of Midnight's still has its season.
    now = Date.parse('2027-03-10T12:00:00Z')
    asked.length = 0
    const march = { region: 'us' as const, period: 1106, start: Date.parse('2027-03-09T15:00:00Z'), end: Date.parse('2027-03-16T15:00:00Z'), origin: 'computed' as const }
    expect((await season.weekSeason(march)).season?.name).toBe('Next Expansion Season 1')
    now += 1000
    await season.weekSeason(march)
    expect(asked.sort()).toEqual([11, 12, 12, 13])
    expect(season.storedWeekSeason(week).season?.id).toBe('season-mn-2')
    expect(season.storedWeekSeason(march)).toMatchObject({ status: 'in-season', table: undefined })
    // Raids likewise: Midnight's stay known for its weeks after the app moved on to expansions 12 and 13.
    await season.raidRoster('us', march)
    expect(season.storedRaids('us', week).map((r) => r.name)).toEqual(SEASON_RAIDS.map((r) => r.name))
  })

  it('keeps what a shown week may need and drops the rest: the caches stay small whatever Raider.IO invents (issue 28.5)', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    let now = NOW
    let refresh = 0
    let listsSeason1 = true
    // Every refresh Raider.IO lists the live season and raids, plus entries it never listed before.
    const invented = (kind: string, count: number) => Array.from({ length: count }, (_, i) => `${kind}-${refresh}-${i}`)
    const client: Pick<RaiderIoClient, 'periods' | 'raidingStaticData' | 'mythicPlusSeasons'> = {
      periods: async () => [period],
      raidingStaticData: async (expansion) =>
        expansion === 11 ? (raidingStaticData([...SEASON_RAIDS, ...invented('raid', 30).map((slug) => ({ slug, name: slug, starts: '2026-08-18T15:00:00Z', bosses: ['A', 'B'] }))]) as unknown as RaidingStaticDataWire) : null,
      mythicPlusSeasons: async (expansion) =>
        expansion === 11
          ? [...(listsSeason1 ? [live('season-mn-1', 'Midnight Season 1', '2026-03-03T15:00:00Z', '2026-08-18T15:00:00Z')] : []), live('season-mn-2', 'Midnight Season 2', '2026-08-18T15:00:00Z'), ...invented('season', 20).map((slug) => live(slug, slug, '2030-01-01T00:00:00Z'))]
          : null,
    }
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now, staticDataMaxAgeMs: 1 })
    const cacheBytes = () => (store!.sqlite.prepare("SELECT sum(length(value_json)) AS bytes FROM settings WHERE key LIKE 'cache.raiderio.%'").get() as { bytes: number }).bytes
    const sizes: number[] = []
    for (refresh = 0; refresh < 6; refresh += 1) {
      now += 1000
      await season.raidRoster('us', week)
      sizes.push(cacheBytes())
    }
    // Seasons taken back before they started are gone; raids that started fill the room up to the cap, no more.
    expect(Math.max(...sizes.slice(2))).toBeLessThanOrEqual(sizes[1]!)
    expect(season.storedSeasonFacts()!.seasons.length).toBe(22) // the two real ones and this refresh's twenty
    const raids = season.storedRaids('us', week).map((r) => r.name)
    expect(raids).toEqual(expect.arrayContaining(SEASON_RAIDS.map((r) => r.name)))
    expect(raids.length).toBe(40)
    // A season Raider.IO stops listing is kept while a shown week (up to a year back) may need it.
    listsSeason1 = false
    now = Date.parse('2027-06-01T00:00:00Z')
    await season.weekSeason(week)
    expect(season.storedSeasonFacts()!.seasons.map((s) => s.slug)).toContain('season-mn-1')
    now = Date.parse('2027-09-01T00:00:00Z')
    await season.weekSeason(week)
    expect(season.storedSeasonFacts()!.seasons.map((s) => s.slug)).not.toContain('season-mn-1')
  })

  it('asks again after a weekly reset even when the list is younger than a day', async () => {
    store = openStore(join(tempDir(), 'vault.db'))
    const before = Date.parse('2026-12-01T14:00:00Z')
    let now = before
    const { client, calls } = counting()
    const season = createSeasonContext({ db: store.db, raiderio: client, now: () => now })
    await season.weekSeason(week)
    expect(calls.seasons).toBe(2)
    now = before + 30 * 60_000
    await season.weekSeason(week)
    expect(calls.seasons).toBe(2)
    // The US reset at 15:00: a list from before it says nothing certain about the new week.
    now = before + 2 * 60 * 60_000
    await season.weekSeason(week)
    expect(calls.seasons).toBe(4)
  })
})
