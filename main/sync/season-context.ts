import * as z from 'zod/mini'
import { bossKeyFromName } from '../../shared/domain/merge.ts'
import { weekContaining, type KnownPeriod, type WeekWindow } from '../../shared/domain/reset.ts'
import { seasonForPeriod, shippedRaids } from '../../shared/domain/seasons.ts'
import { REGIONS, type Region } from '../../shared/domain/types.ts'
import type { RaiderIoClient } from '../clients/raiderio/client.ts'
import { currentRaids } from '../clients/raiderio/parse.ts'
import { CURRENT_EXPANSION_ID, raidingStaticDataWire, type RaidingStaticDataWire } from '../clients/raiderio/static-data-wire.ts'
import type { Db } from '../store/db.ts'
import { getSetting, setSetting } from '../store/settings-repo.ts'

/**
 * Season facts that are the same for every character: Raider.IO's week boundaries and the raids of
 * the season. Both are fetched at most once per refresh interval and cached in settings, so a sync
 * without Raider.IO and the offline CLI still use the last known values. Nothing here ever rejects:
 * a failed fetch or a failed cache write leaves the last known values in use.
 */
export interface SeasonContext {
  /** Known periods: refreshed from Raider.IO when stale, else (or on failure) the stored ones. */
  knownPeriods(): Promise<KnownPeriod[]>
  /** The stored periods only (no network). */
  storedPeriods(): KnownPeriod[]
  /** The week containing `instant` for a region, with Raider.IO's stored periods when known (no network). */
  weekAt(region: Region, instant: number): WeekWindow
  /** The bosses that count in a week, refreshing Raider.IO's static data when stale. */
  raidRoster(region: Region, week: WeekWindow): Promise<RaidRoster | undefined>
  /** The same from the stored static data only (no network). */
  storedRaidRoster(region: Region, week: WeekWindow): RaidRoster | undefined
  /** The week's raids with their bosses in order, for the window (no network); empty when unknown. */
  storedRaids(region: Region, week: WeekWindow): { name: string; bosses: string[] }[]
}

/**
 * Boss keys whose kills count in a week: from Raider.IO's static data, or, while that has never been
 * fetched, from the snapshot shipped in seasons.ts. Undefined when neither knows the week's season.
 */
export interface RaidRoster {
  bosses: Set<string>
  origin: 'raiderio' | 'snapshot'
}

/** What the player is told when the roster came from the shipped snapshot. */
export const SNAPSHOT_ROSTER_WARNING = `Raider.IO has not given this season's raids yet, so the list of raids shipped with the app was used.`

/** What the player should know about the roster the raid row was counted with. */
export function rosterWarnings(roster: RaidRoster | undefined): string[] {
  if (!roster) return ["The list of this season's raids is unknown (Raider.IO unavailable), so kills of every raid were counted."]
  return roster.origin === 'snapshot' ? [SNAPSHOT_ROSTER_WARNING] : []
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
  /** Where fresh season facts come from; without it (the CLI's offline commands) only the stored ones are used. */
  raiderio?: Pick<RaiderIoClient, 'periods' | 'raidingStaticData'>
  now: () => number
  periodsMaxAgeMs?: number
  staticDataMaxAgeMs?: number
  /** After a failed fetch, the stored values are used without asking again for this long. */
  retryAfterFailureMs?: number
}

export function createSeasonContext(options: SeasonContextOptions): SeasonContext {
  const { db, raiderio, now } = options
  const { periodsMaxAgeMs = 60 * 60 * 1000, staticDataMaxAgeMs = 24 * 60 * 60 * 1000, retryAfterFailureMs = 10 * 60 * 1000 } = options
  const periods = cachedSetting(db, PERIODS_KEY, periodsSchema, now)
  const staticData = cachedSetting(db, STATIC_DATA_KEY, staticDataSchema, now)
  const refreshPeriods = refresher({ current: () => periods.value(), store: (v: KnownPeriod[]) => periods.save({ periods: v }), maxAgeMs: periodsMaxAgeMs, retryAfterFailureMs, fetch: raiderio && (() => raiderio.periods()), now })
  const refreshStaticData = refresher({ current: () => staticData.value(), store: (v: RaidingStaticDataWire) => staticData.save({ data: v }), maxAgeMs: staticDataMaxAgeMs, retryAfterFailureMs, fetch: raiderio && (() => raiderio.raidingStaticData(CURRENT_EXPANSION_ID)), now })

  /** The week's raids with their bosses in order: Raider.IO's (a past week those of its own end), else the shipped snapshot. */
  const weekRaids = (data: RaidingStaticDataWire | undefined, region: Region, week: WeekWindow): { raids: { name: string; bosses: string[] }[]; origin: RaidRoster['origin'] } => {
    const live = data ? currentRaids(data, region, Math.min(now(), week.end - 1)) : []
    if (live.length > 0) return { raids: live.map((r) => ({ name: r.name, bosses: r.bosses.map((b) => b.name) })), origin: 'raiderio' }
    return { raids: shippedRaids(seasonForPeriod(week.period), week.period).map((r) => ({ name: r.name, bosses: [...r.bosses] })), origin: 'snapshot' }
  }

  const rosterFrom = (data: RaidingStaticDataWire | undefined, region: Region, week: WeekWindow): RaidRoster | undefined => {
    const { raids, origin } = weekRaids(data, region, week)
    return raids.length > 0 ? { bosses: new Set(raids.flatMap((r) => r.bosses.map(bossKeyFromName))), origin } : undefined
  }

  return {
    storedRaids: (region, week) => weekRaids(staticData.value()?.data, region, week).raids,
    storedPeriods: () => periods.value()?.periods ?? [],
    weekAt: (region, instant) => weekContaining(region, instant, periods.value()?.periods ?? []),
    storedRaidRoster: (region, week) => rosterFrom(staticData.value()?.data, region, week),
    knownPeriods: async () => (await refreshPeriods())?.periods ?? [],
    raidRoster: async (region, week) => rosterFrom((await refreshStaticData())?.data, region, week),
  }
}

/**
 * A settings row kept in memory once read: syncs ask for season facts several times per character,
 * and re-reading and re-validating the stored JSON each time was wasted work.
 */
function cachedSetting<T extends { fetchedAt: number }>(db: Db, key: string, schema: z.ZodMiniType<T>, now: () => number) {
  let loaded = false
  let cached: T | null = null
  return {
    value(): T | null {
      if (!loaded) {
        cached = getSetting(db, key, z.nullable(schema), null)
        loaded = true
      }
      return cached
    },
    /** Keeps the value in memory; a failed write (database busy, disk full) only loses the copy on disk. */
    save(value: Omit<T, 'fetchedAt'>): T {
      cached = { ...value, fetchedAt: now() } as T
      loaded = true
      try {
        setSetting(db, key, cached, now())
      } catch {
        // Season facts are a cache: the next refresh writes them again.
      }
      return cached
    },
  }
}

interface RefresherOptions<T, V> {
  current: () => T | null
  store: (value: V) => T
  maxAgeMs: number
  retryAfterFailureMs: number
  /** Absent: nothing to refresh from, the stored value stays. */
  fetch: (() => Promise<V>) | undefined
  now: () => number
}

/**
 * Returns the cached value while it is younger than `maxAgeMs`, else fetches a fresh one (one request
 * shared by concurrent callers). On failure the stale value is kept, and no new request is made for
 * `retryAfterFailureMs`: while Raider.IO is down, syncing twelve characters must not ask twelve times.
 * Old periods and rosters are still right for their own weeks, and the computed reset rule covers the rest.
 */
function refresher<T extends { fetchedAt: number }, V>({ current, store, maxAgeMs, retryAfterFailureMs, fetch, now }: RefresherOptions<T, V>): () => Promise<T | null> {
  let inFlight: Promise<T | null> | undefined
  let failedAt: number | undefined
  return () => {
    const cached = current()
    if (!fetch || (cached && now() - cached.fetchedAt < maxAgeMs)) return Promise.resolve(cached)
    if (failedAt !== undefined && now() - failedAt < retryAfterFailureMs) return Promise.resolve(cached)
    inFlight ??= fetch()
      .then(
        (value) => {
          failedAt = undefined
          return store(value)
        },
        () => {
          failedAt = now()
          return cached
        },
      )
      .catch(() => cached)
      .finally(() => (inFlight = undefined))
    return inFlight
  }
}
