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
  // One refresh at a time, shared by concurrent character syncs.
  let periodsInFlight: Promise<KnownPeriod[]> | undefined
  let staticInFlight: Promise<RaidingStaticDataWire | undefined> | undefined

  const storedPeriods = () => getSetting(db, PERIODS_KEY, periodsSchema.nullable(), null)?.periods ?? []

  async function refreshPeriods(): Promise<KnownPeriod[]> {
    const stored = getSetting(db, PERIODS_KEY, periodsSchema.nullable(), null)
    if (stored && now() - stored.fetchedAt < periodsMaxAgeMs) return stored.periods
    try {
      const periods = await raiderio.periods()
      setSetting(db, PERIODS_KEY, { fetchedAt: now(), periods }, now())
      return periods
    } catch {
      // The computed reset rule covers the gap; stale periods are still right for their weeks.
      return stored?.periods ?? []
    }
  }

  async function refreshStaticData(): Promise<RaidingStaticDataWire | undefined> {
    const stored = getSetting(db, STATIC_DATA_KEY, staticDataSchema.nullable(), null)
    if (stored && now() - stored.fetchedAt < staticDataMaxAgeMs) return stored.data
    try {
      const data = await raiderio.raidingStaticData(CURRENT_EXPANSION_ID)
      setSetting(db, STATIC_DATA_KEY, { fetchedAt: now(), data }, now())
      return data
    } catch {
      return stored?.data
    }
  }

  const rosterFrom = (data: RaidingStaticDataWire | undefined, region: Region, instant: number) => {
    if (!data) return undefined
    const raids = currentRaids(data, region, instant)
    return raids.length > 0 ? new Set(raids.flatMap((r) => r.bosses.map((b) => b.key))) : undefined
  }

  return {
    storedPeriods,
    storedRaidRoster: (region, instant) => rosterFrom(getSetting(db, STATIC_DATA_KEY, staticDataSchema.nullable(), null)?.data, region, instant),
    knownPeriods() {
      periodsInFlight ??= refreshPeriods().finally(() => (periodsInFlight = undefined))
      return periodsInFlight
    },
    async raidRoster(region, instant) {
      staticInFlight ??= refreshStaticData().finally(() => (staticInFlight = undefined))
      return rosterFrom(await staticInFlight, region, instant)
    },
  }
}
