import * as z from 'zod/mini'
import { seasonOfWeek, type BlizzardSeasonFact, type LiveSeason, type SeasonFacts, type WeekSeason } from '../../shared/domain/live-season.ts'
import { bossKeyFromName } from '../../shared/domain/merge.ts'
import { weekContaining, type KnownPeriod, type WeekWindow } from '../../shared/domain/reset.ts'
import { shippedRaids, SHIPPED_SEASON_TABLES, type SeasonVaultTable } from '../../shared/domain/seasons.ts'
import { REGIONS, type Region } from '../../shared/domain/types.ts'
import type { BlizzardClient } from '../clients/blizzard/client.ts'
import type { RaiderIoClient } from '../clients/raiderio/client.ts'
import { currentRaids } from '../clients/raiderio/parse.ts'
import { BASE_EXPANSION_ID, raidingStaticDataWire, type RaidingStaticDataWire } from '../clients/raiderio/static-data-wire.ts'
import type { Db } from '../store/db.ts'
import { UNKNOWN_ROSTER_REASON } from '../../shared/domain/row-status.ts'
import { cachedSetting, refresher } from './cached-fact.ts'
import { keepCurrent } from './keep-current.ts'

/**
 * Season facts that are the same for every character: Raider.IO's week boundaries, its list of
 * Mythic+ seasons (which season a week belongs to) and the raids of the season. Each is fetched at most
 * once per refresh interval and cached in settings, so a sync without Raider.IO and the offline CLI
 * still use the last known values. Nothing here ever rejects: a failed fetch or a failed cache write
 * leaves the last known values in use.
 */
export interface SeasonContext {
  /** Known periods: refreshed from Raider.IO when stale, else (or on failure) the stored ones. */
  knownPeriods(): Promise<KnownPeriod[]>
  /** The stored periods only (no network). */
  storedPeriods(): KnownPeriod[]
  /** The week containing `instant` for a region, with Raider.IO's stored periods when known (no network). */
  weekAt(region: Region, instant: number): WeekWindow
  /** The season of a week and the table that applies, refreshing Raider.IO's season list when stale. */
  weekSeason(week: WeekWindow): Promise<WeekSeason>
  /** The same from the stored season list only (no network). */
  storedWeekSeason(week: WeekWindow): WeekSeason
  /** The season list as last fetched (null: never), for `status`. */
  storedSeasonFacts(): SeasonFacts | null
  /** The season tables in use (shipped, or newer ones from the data folder). */
  tables: readonly SeasonVaultTable[]
  /** The bosses that count in a week, refreshing Raider.IO's static data when stale. */
  raidRoster(region: Region, week: WeekWindow): Promise<RaidRoster | undefined>
  /** The same from the stored static data only (no network). */
  storedRaidRoster(region: Region, week: WeekWindow): RaidRoster | undefined
  /** The week's raids with their bosses in order, for the window (no network); empty when unknown. */
  storedRaids(region: Region, week: WeekWindow): { name: string; bosses: string[] }[]
  /** Changes whenever any stored season fact does (a view built from older facts is out of date). */
  factsStamp(): string
}

/**
 * Boss keys whose kills count in a week: from Raider.IO's static data, or, while that has never been
 * fetched, from the snapshot in the week's season table. Undefined when neither knows the week's raids.
 */
export interface RaidRoster {
  bosses: Set<string>
  /** `no-season`: between seasons no raid counts (game-rules §1, §5.3), so the set is empty. */
  origin: 'raiderio' | 'snapshot' | 'no-season'
}

/** What the player is told when the roster came from the shipped snapshot. */
export const SNAPSHOT_ROSTER_WARNING = `Raider.IO has not given this season's raids yet, so the list of raids shipped with the app was used.`

/** What the player should know about the roster the raid row was counted with. */
export function rosterWarnings(roster: RaidRoster | undefined): string[] {
  if (!roster) return [UNKNOWN_ROSTER_REASON]
  return roster.origin === 'snapshot' ? [SNAPSHOT_ROSTER_WARNING] : []
}


const PERIODS_KEY = 'cache.raiderio.periods'
const SEASONS_KEY = 'cache.raiderio.seasons'
const RAIDS_KEY = 'cache.raiderio.raids'
/** Where versions before season discovery kept Midnight's raids: still read until the first refresh. */
const LEGACY_RAIDS_KEY = `cache.raiderio.raiding-static-data.${BASE_EXPANSION_ID}`

const regionTimes = z.partialRecord(z.enum(REGIONS), z.number())
const periodsSchema = z.object({
  fetchedAt: z.number(),
  periods: z.array(z.object({ region: z.enum(REGIONS), period: z.number(), start: z.number(), end: z.number() })),
})
const seasonsSchema = z.object({
  fetchedAt: z.number(),
  /** The newest expansion with a season started: the next refresh asks for it and the one after. */
  newestExpansion: z.number(),
  seasons: z.array(z.object({ slug: z.string(), name: z.string(), blizzardSeasonId: z.nullable(z.number()), starts: regionTimes, ends: regionTimes })),
})
const raidsSchema = z.object({ fetchedAt: z.number(), data: raidingStaticDataWire })
const blizzardSeasonSchema = z.object({ fetchedAt: z.number(), seasonId: z.nullable(z.number()) })
type StoredBlizzardSeason = z.infer<typeof blizzardSeasonSchema>
type StoredSeasons = z.infer<typeof seasonsSchema>

export interface SeasonContextOptions {
  db: Db
  /** Where fresh season facts come from; without it (the CLI's offline commands) only the stored ones are used. */
  raiderio?: Pick<RaiderIoClient, 'periods' | 'raidingStaticData' | 'mythicPlusSeasons'>
  /** Blizzard's season index, a second word on which season is current (absent without Blizzard credentials). */
  blizzard?: Pick<BlizzardClient, 'currentKeystoneSeason'> | null
  now: () => number
  /** The season tables in use (default: the shipped ones). */
  tables?: readonly SeasonVaultTable[]
  periodsMaxAgeMs?: number
  staticDataMaxAgeMs?: number
  /** After a failed fetch, the stored values are used without asking again for this long. */
  retryAfterFailureMs?: number
}

export function createSeasonContext(options: SeasonContextOptions): SeasonContext {
  const { db, raiderio, now } = options
  const tables = options.tables ?? SHIPPED_SEASON_TABLES
  const { periodsMaxAgeMs = 60 * 60 * 1000, staticDataMaxAgeMs = 24 * 60 * 60 * 1000, retryAfterFailureMs = 10 * 60 * 1000 } = options
  const periods = cachedSetting(db, PERIODS_KEY, periodsSchema, now)
  const seasons = cachedSetting(db, SEASONS_KEY, seasonsSchema, now)
  const raids = cachedSetting(db, RAIDS_KEY, raidsSchema, now, LEGACY_RAIDS_KEY)
  const storedPeriods = () => periods.value()?.periods ?? []
  const newestExpansion = () => Math.max(BASE_EXPANSION_ID, seasons.value()?.newestExpansion ?? BASE_EXPANSION_ID)
  // Season facts fetched before the latest weekly reset say nothing certain about the new week.
  const latestReset = () => Math.max(...REGIONS.map((region) => weekContaining(region, now(), storedPeriods()).start))
  const refreshPeriods = refresher({ current: () => periods.value(), store: (v: KnownPeriod[]) => periods.save({ periods: v }), maxAgeMs: periodsMaxAgeMs, retryAfterFailureMs, fetch: raiderio && (() => raiderio.periods()), now })
  const refreshSeasons = refresher({
    current: () => seasons.value(),
    store: (v: Omit<StoredSeasons, 'fetchedAt'>) => seasons.save(v),
    maxAgeMs: staticDataMaxAgeMs,
    staleBefore: latestReset,
    retryAfterFailureMs,
    fetch: raiderio && (() => discoverSeasons(raiderio, newestExpansion(), seasons.value()?.seasons ?? [], now())),
    now,
  })
  const refreshRaids = refresher({
    current: () => raids.value(),
    store: (v: RaidingStaticDataWire) => raids.save({ data: v }),
    maxAgeMs: staticDataMaxAgeMs,
    retryAfterFailureMs,
    fetch: raiderio && (() => raidsOfExpansions(raiderio, newestExpansion(), raids.value()?.data.raids ?? [], now())),
    now,
  })

  // Blizzard's current season, per region: one request a day (and after each reset) for each region synced.
  const blizzardSeasons = new Map<Region, { stored: () => StoredBlizzardSeason | null; refresh: () => Promise<StoredBlizzardSeason | null> }>()
  const blizzardSeason = (region: Region) => {
    let entry = blizzardSeasons.get(region)
    if (!entry) {
      const stored = cachedSetting(db, `cache.blizzard.keystone-season.${region}`, blizzardSeasonSchema, now)
      const blizzard = options.blizzard
      const refresh = refresher({ current: () => stored.value(), store: (seasonId: number | null) => stored.save({ seasonId }), maxAgeMs: staticDataMaxAgeMs, staleBefore: latestReset, retryAfterFailureMs, fetch: blizzard ? () => blizzard.currentKeystoneSeason(region) : undefined, now })
      entry = { stored: () => stored.value(), refresh }
      blizzardSeasons.set(region, entry)
    }
    return entry
  }
  const blizzardFact = (region: Region, value: StoredBlizzardSeason | null): BlizzardSeasonFact | null =>
    value && value.seasonId !== null ? { region, seasonId: value.seasonId, fetchedAt: value.fetchedAt } : null

  const facts = (stored: StoredSeasons | null): SeasonFacts | null => (stored ? { seasons: stored.seasons, fetchedAt: stored.fetchedAt } : null)
  const storedWeekSeason = (week: WeekWindow) => seasonOfWeek(week, facts(seasons.value()), tables, blizzardFact(week.region, blizzardSeason(week.region).stored()))
  const freshWeekSeason = async (week: WeekWindow) => {
    const [list, current] = await Promise.all([refreshSeasons(), blizzardSeason(week.region).refresh()])
    return seasonOfWeek(week, facts(list), tables, blizzardFact(week.region, current))
  }

  /** The week's raids with their bosses in order: Raider.IO's (a past week those of its own end), else the week's table's snapshot. */
  const weekRaids = (data: RaidingStaticDataWire | undefined, region: Region, week: WeekWindow, season: WeekSeason): { raids: { name: string; bosses: string[] }[]; origin: RaidRoster['origin'] } => {
    const live = data ? currentRaids(data, region, Math.min(now(), week.end - 1)) : []
    if (live.length > 0) return { raids: live.map((r) => ({ name: r.name, bosses: r.bosses.map((b) => b.name) })), origin: 'raiderio' }
    return { raids: shippedRaids(season.table, week.period).map((r) => ({ name: r.name, bosses: [...r.bosses] })), origin: 'snapshot' }
  }

  const rosterFrom = (data: RaidingStaticDataWire | undefined, region: Region, week: WeekWindow, season: WeekSeason): RaidRoster | undefined => {
    // Between seasons last season's raids are still open, but their kills fill no vault slot.
    if (season.status === 'between-seasons') return { bosses: new Set(), origin: 'no-season' }
    const { raids: found, origin } = weekRaids(data, region, week, season)
    return found.length > 0 ? { bosses: new Set(found.flatMap((r) => r.bosses.map(bossKeyFromName))), origin } : undefined
  }

  return {
    tables,
    factsStamp: () => [periods.value(), seasons.value(), raids.value(), ...REGIONS.map((region) => blizzardSeason(region).stored())].map((v) => v?.fetchedAt ?? '-').join(':'),
    storedRaids: (region, week) => weekRaids(raids.value()?.data, region, week, storedWeekSeason(week)).raids,
    storedPeriods,
    weekAt: (region, instant) => weekContaining(region, instant, storedPeriods()),
    storedWeekSeason,
    storedSeasonFacts: () => facts(seasons.value()),
    weekSeason: freshWeekSeason,
    storedRaidRoster: (region, week) => rosterFrom(raids.value()?.data, region, week, storedWeekSeason(week)),
    knownPeriods: async () => (await refreshPeriods())?.periods ?? [],
    raidRoster: async (region, week) => {
      const [data, season] = await Promise.all([refreshRaids(), freshWeekSeason(week)])
      return rosterFrom(data?.data, region, week, season)
    },
  }
}

/**
 * Raider.IO's seasons of the newest known expansion and the one after it (which answers "unsupported
 * expansion" until it exists). Once the next expansion has a season started it becomes the newest,
 * so the app follows new expansions without a new version. Seasons stored earlier are kept while a
 * shown week may need them (keep-current.ts); the fresh answer wins for a season it lists.
 */
async function discoverSeasons(raiderio: Pick<RaiderIoClient, 'mythicPlusSeasons'>, newest: number, stored: readonly LiveSeason[], now: number): Promise<Omit<StoredSeasons, 'fetchedAt'>> {
  const [current, next] = await Promise.all([raiderio.mythicPlusSeasons(newest), raiderio.mythicPlusSeasons(newest + 1)])
  const started = (list: readonly LiveSeason[] | null) => (list ?? []).some((s) => Object.values(s.starts).some((at) => at !== undefined && at <= now))
  const fresh = uniqueBy([...(current ?? []), ...(next ?? [])], (s) => s.slug)
  const dates = (s: LiveSeason) => ({ starts: Object.values(s.starts).filter(isNumber), ends: Object.values(s.ends).filter(isNumber) })
  return { newestExpansion: started(next) ? newest + 1 : newest, seasons: keepCurrent(fresh, stored, (s) => s.slug, dates, now) }
}

/**
 * The raids of the newest known expansion and the next one (a new expansion's raids before its first
 * season). Raids stored earlier are kept, like seasons: each has its own dates, so a past week still
 * finds its raids after the app has moved on to a new expansion (until a year after they ended).
 */
async function raidsOfExpansions(raiderio: Pick<RaiderIoClient, 'raidingStaticData'>, newest: number, stored: RaidingStaticDataWire['raids'], now: number): Promise<RaidingStaticDataWire> {
  const answers = await Promise.all([raiderio.raidingStaticData(newest), raiderio.raidingStaticData(newest + 1)])
  const fresh = uniqueBy(answers.flatMap((a) => a?.raids ?? []), (r) => r.slug)
  const instants = (byRegion: Record<string, string | null> | null) => Object.values(byRegion ?? {}).map((at) => (at === null ? NaN : Date.parse(at))).filter((at) => !Number.isNaN(at))
  return { raids: keepCurrent(fresh, stored, (r) => r.slug, (r) => ({ starts: instants(r.starts), ends: instants(r.ends) }), now) }
}

/** The last of each key wins (the next expansion's answer over the current one's), in first-seen order. */
function uniqueBy<T>(list: readonly T[], keyOf: (entry: T) => string): T[] {
  return [...new Map(list.map((entry) => [keyOf(entry), entry])).values()]
}

const isNumber = (value: number | undefined): value is number => value !== undefined
