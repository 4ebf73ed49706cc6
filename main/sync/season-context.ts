import { z } from 'zod'
import type { KnownPeriod } from '../../shared/domain/reset.ts'
import { REGIONS, type Region } from '../../shared/domain/types.ts'
import { CURRENT_EXPANSION_ID, type RaiderIoClient } from '../clients/raiderio/client.ts'
import { currentRaids } from '../clients/raiderio/parse.ts'
import { raidingStaticDataWire, type RaidingStaticDataWire } from '../clients/raiderio/wire.ts'
import type { Db } from '../store/db.ts'
import { getSetting, setSetting } from '../store/settings-repo.ts'

/**
 * Season facts that are the same for every character: Raider.IO's week boundaries and the raids of
 * the season. Both are fetched at most once per refresh interval and cached in settings, so a sync
 * without Raider.IO and the offline CLI still use the last known values.
 */
export interface SeasonContext {
  /** Known periods: refreshed from Raider.IO when stale, else (or on failure) the stored ones. */
  knownPeriods(): Promise<KnownPeriod[]>
  /** The stored periods only (no network). */
  storedPeriods(): KnownPeriod[]
  /** Boss keys of the raids running in `region` at `instant`, or undefined when unknown. */
  raidRoster(region: Region, instant: number): Promise<Set<string> | undefined>
  /** The same from the stored static data only (no network). */
  storedRaidRoster(region: Region, instant: number): Set<string> | undefined
}

const PERIODS_KEY = 'cache.raiderio.periods'
const STATIC_DATA_KEY = `cache.raiderio.raiding-static-data.${CURRENT_EXPANSION_ID}`
const periodsSchema = z.object({
  fetchedAt: z.number(),
  periods: z.array(z.object({ region: z.enum(REGIONS), period: z.number(), start: z.number(), end: z.number() })),
})
const staticDataSchema = z.object({ fetchedAt: z.number(), data: raidingStaticDataWire })

export interface SeasonContextOptions {
  db: Db
  raiderio: RaiderIoClient
  now: () => number
  periodsMaxAgeMs?: number
  staticDataMaxAgeMs?: number
}

export function createSeasonContext({ db, raiderio, now, periodsMaxAgeMs = 60 * 60 * 1000, staticDataMaxAgeMs = 24 * 60 * 60 * 1000 }: SeasonContextOptions): SeasonContext {
  const periods = cachedSetting(db, PERIODS_KEY, periodsSchema, now)
  const staticData = cachedSetting(db, STATIC_DATA_KEY, staticDataSchema, now)
  const refreshPeriods = refresher(() => periods.value(), (v) => periods.save({ periods: v }), periodsMaxAgeMs, () => raiderio.periods(), now)
  const refreshStaticData = refresher(() => staticData.value(), (v) => staticData.save({ data: v }), staticDataMaxAgeMs, () => raiderio.raidingStaticData(CURRENT_EXPANSION_ID), now)

  const rosterFrom = (data: RaidingStaticDataWire | undefined, region: Region, instant: number) => {
    if (!data) return undefined
    const raids = currentRaids(data, region, instant)
    return raids.length > 0 ? new Set(raids.flatMap((r) => r.bosses.map((b) => b.key))) : undefined
  }

  return {
    storedPeriods: () => periods.value()?.periods ?? [],
    storedRaidRoster: (region, instant) => rosterFrom(staticData.value()?.data, region, instant),
    knownPeriods: async () => (await refreshPeriods())?.periods ?? [],
    raidRoster: async (region, instant) => rosterFrom((await refreshStaticData())?.data, region, instant),
  }
}

/**
 * A settings row kept in memory once read: syncs ask for season facts several times per character,
 * and re-reading and re-validating the stored JSON each time was wasted work.
 */
function cachedSetting<T extends { fetchedAt: number }>(db: Db, key: string, schema: z.ZodType<T>, now: () => number) {
  let loaded = false
  let cached: T | null = null
  return {
    value(): T | null {
      if (!loaded) {
        cached = getSetting(db, key, schema.nullable(), null)
        loaded = true
      }
      return cached
    },
    save(value: Omit<T, 'fetchedAt'>): T {
      cached = { ...value, fetchedAt: now() } as T
      loaded = true
      setSetting(db, key, cached, now())
      return cached
    },
  }
}

/**
 * Returns the cached value while it is younger than `maxAgeMs`, else fetches a fresh one (one request
 * shared by concurrent callers). On failure the stale value is kept: old periods and rosters are still
 * right for their own weeks, and the computed reset rule covers the rest.
 */
function refresher<T extends { fetchedAt: number }, V>(current: () => T | null, store: (value: V) => T, maxAgeMs: number, fetch: () => Promise<V>, now: () => number): () => Promise<T | null> {
  let inFlight: Promise<T | null> | undefined
  return () => {
    const cached = current()
    if (cached && now() - cached.fetchedAt < maxAgeMs) return Promise.resolve(cached)
    inFlight ??= fetch()
      .then(store, () => cached)
      .finally(() => (inFlight = undefined))
    return inFlight
  }
}
