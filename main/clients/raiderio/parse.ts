import { bossKeyFromName } from '../../../shared/domain/merge.ts'
import { realmSlug } from '../../../shared/domain/realm.ts'
import type { KnownPeriod } from '../../../shared/domain/reset.ts'
import { isRegion, type Region } from '../../../shared/domain/types.ts'
import type { z } from 'zod'
import type { LiveSeason } from '../../../shared/domain/live-season.ts'
import { REGIONS } from '../../../shared/domain/types.ts'
import type { CharacterProfileWire, MythicPlusStaticDataWire, periodsWire, RaidingStaticDataWire, runWire } from './wire.ts'

/** A Mythic+ run as Raider.IO reports it. */
export interface RaiderIoRun {
  dungeon: string
  level: number
  completedAt: number
  /** Timed (at least one upgrade); depleted keys count for the vault all the same. */
  timed: boolean | null
  runId: number | null
}

export interface RaiderIoProfile {
  name: string
  realmName: string
  className: string | null
  specName: string | null
  /** The guild with its realm slug (derived from Raider.IO's realm name); null: guildless; undefined: not in the answer. */
  guild?: { name: string; realm: string } | null
  /** When Raider.IO last refreshed the character: its data can lag the game. */
  lastCrawledAt: number | null
  score: number | null
  weeklyRuns: RaiderIoRun[]
  previousWeeklyRuns: RaiderIoRun[]
  raidProgression: { raid: string; summary: string; totalBosses: number; normal: number; heroic: number; mythic: number }[]
}

function parseRun(run: z.infer<typeof runWire>): RaiderIoRun {
  return {
    dungeon: run.dungeon,
    level: run.mythic_level,
    completedAt: Date.parse(run.completed_at),
    timed: run.num_keystone_upgrades === undefined ? null : run.num_keystone_upgrades > 0,
    runId: run.keystone_run_id ?? null,
  }
}

export function parseCharacterProfile(wire: CharacterProfileWire): RaiderIoProfile {
  const season = wire.mythic_plus_scores_by_season[0]
  const crawled = wire.last_crawled_at ? Date.parse(wire.last_crawled_at) : Number.NaN
  return {
    name: wire.name,
    realmName: wire.realm,
    className: wire.class ?? null,
    specName: wire.active_spec_name ?? null,
    ...(wire.guild === undefined ? {} : { guild: wire.guild && { name: wire.guild.name, realm: guildRealmSlug(wire.guild.realm, wire.realm) } }),
    lastCrawledAt: Number.isNaN(crawled) ? null : crawled,
    score: season?.scores?.all ?? season?.segments?.all?.score ?? null,
    weeklyRuns: wire.mythic_plus_weekly_highest_level_runs.map(parseRun),
    previousWeeklyRuns: wire.mythic_plus_previous_weekly_highest_level_runs.map(parseRun),
    raidProgression: Object.entries(wire.raid_progression).map(([raid, p]) => ({
      raid,
      summary: p.summary,
      totalBosses: p.total_bosses,
      normal: p.normal_bosses_killed,
      heroic: p.heroic_bosses_killed,
      mythic: p.mythic_bosses_killed,
    })),
  }
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

/** A week is 7 days; an hour either way allows for an odd maintenance, anything else is not a week. */
function plausibleWeek(start: number, end: number): boolean {
  return Number.isFinite(start) && Number.isFinite(end) && Math.abs(end - start - WEEK_MS) <= HOUR_MS
}

/** Every plausible period Raider.IO listed, for regions the app knows; boundaries in epoch ms. */
export function parsePeriods(wire: z.infer<typeof periodsWire>): KnownPeriod[] {
  const periods: KnownPeriod[] = []
  for (const entry of wire.periods) {
    const region = entry.region.toLowerCase()
    if (!isRegion(region)) continue
    for (const p of [entry.previous, entry.current, entry.next]) {
      if (!p) continue
      const start = Date.parse(p.start)
      const end = Date.parse(p.end)
      if (plausibleWeek(start, end)) periods.push({ region: region as Region, period: p.period, start, end })
    }
  }
  return periods
}

/** A raid of the season with its bosses. */
export interface SeasonRaid {
  slug: string
  name: string
  bosses: { key: string; name: string }[]
}

/**
 * Raids running in `region` at `instant` (starts ≤ instant < ends, a missing or null end meaning
 * still live). Event raids outside their dates drop out; all current raids count together.
 */
export function currentRaids(wire: RaidingStaticDataWire, region: Region, instant: number): SeasonRaid[] {
  return wire.raids
    .filter((raid) => {
      const start = raid.starts[region]
      const end = raid.ends?.[region]
      if (!start || Date.parse(start) > instant) return false
      return !end || instant < Date.parse(end)
    })
    .map((raid) => ({ slug: raid.slug, name: raid.name, bosses: raid.encounters.map((e) => ({ key: bossKeyFromName(e.name), name: e.name })) }))
}

/**
 * Seasons from Raider.IO's Mythic+ static data, times in epoch ms per region. A date that is not a
 * date is refused (null, not a guess): dropping an end would make an ended season look live.
 */
export function parseSeasons(wire: MythicPlusStaticDataWire): LiveSeason[] | null {
  const dates = (byRegion: Record<string, string | null> | null): Partial<Record<Region, number>> | null => {
    const out: Partial<Record<Region, number>> = {}
    for (const region of REGIONS) {
      const value = byRegion?.[region]
      if (value === null || value === undefined) continue
      const at = Date.parse(value)
      if (Number.isNaN(at)) return null
      out[region] = at
    }
    return out
  }
  const seasons: LiveSeason[] = []
  for (const s of wire.seasons) {
    const starts = dates(s.starts)
    const ends = dates(s.ends)
    if (!starts || !ends) return null
    seasons.push({ slug: s.slug, name: s.name, blizzardSeasonId: s.blizzard_season_id ?? null, starts, ends })
  }
  return seasons
}

/** The guild realm's slug from Raider.IO's display name; the character's own realm when the name cannot be one. */
function guildRealmSlug(realmName: string, characterRealm: string): string {
  const slug = realmSlug(realmName)
  if (slug.ok) return slug.value
  const own = realmSlug(characterRealm)
  return own.ok ? own.value : realmName.toLowerCase()
}
