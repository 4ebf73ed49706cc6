import { utcTime } from './labels.ts'
import type { WeekWindow } from './reset.ts'
import { calendarSeason, DEFAULT_DUNGEON_THRESHOLDS, DEFAULT_RAID_THRESHOLDS, DEFAULT_WORLD_THRESHOLDS, isPreseason, type SeasonVaultTable } from './seasons.ts'
import type { SeasonStatus, SeasonTableInfo, SeasonView } from './season-view.ts'
import type { Region } from './types.ts'

export type { SeasonStatus, SeasonTableInfo, SeasonView } from './season-view.ts'
export { tableSentence } from './season-view.ts'

/**
 * Which Mythic+ season a week belongs to, from the sources (Raider.IO's static data lists every
 * season with its start and end per region), and which of the app's tables applies to it. A table
 * applies only to the season it names: a season this version has no table for is shown as such,
 * with its rewards unknown, never as last season's.
 */

/** A season as Raider.IO's static data gives it, times in epoch ms per region (absent: not given). */
export interface LiveSeason {
  /** Raider.IO's slug (`season-mn-2`): the id season tables are named by. */
  slug: string
  name: string
  blizzardSeasonId: number | null
  starts: Partial<Record<Region, number>>
  ends: Partial<Record<Region, number>>
}

/** The seasons the app last read from the sources, and when. */
export interface SeasonFacts {
  seasons: readonly LiveSeason[]
  fetchedAt: number
}

/** Blizzard's current Mythic+ season of a region (its season index), as of `fetchedAt`. */
export interface BlizzardSeasonFact {
  region: Region
  seasonId: number
  fetchedAt: number
}

/** A week's season as the app judged it, with the table that prices it (see seasonOfWeek). */
export interface WeekSeason {
  status: SeasonStatus
  /** The season of the week (in a pre-season week, the one it leads into); null between seasons and when unknown. */
  season: { id: string; name: string; blizzardSeasonId: number | null } | null
  /** The table that applies; undefined when this version has none for the season (its rewards are then unknown). */
  table: SeasonVaultTable | undefined
  origin: SeasonView['origin']
  confirmedAt: number | null
  assumed: boolean
  previous: SeasonView['previous']
  next: SeasonView['next']
  /** The week's Blizzard period (what applies from a patch on is told by it). */
  period: number
}

type Week = Pick<WeekWindow, 'region' | 'period' | 'start' | 'end'>

/** The table named after a season: by Raider.IO slug, else by Blizzard's season id. */
export function tableForSeason(season: Pick<LiveSeason, 'slug' | 'blizzardSeasonId'>, tables: readonly SeasonVaultTable[]): SeasonVaultTable | undefined {
  return tables.find((t) => t.id === season.slug) ?? (season.blizzardSeasonId === null ? undefined : tables.find((t) => t.blizzardSeasonId === season.blizzardSeasonId))
}

/**
 * The season of a week. A season covers every week that overlaps [start, end): a season that ends
 * off the weekly reset (Raider.IO's TWW Season 3 ended Tuesday 06:00 UTC, nine hours before the US
 * reset) keeps the week that contains its end. Overlapping seasons go to the one that started last,
 * whatever order the list has. A week no season covers is between seasons, or the pre-season of the
 * next one when that season's table says so.
 */
export function seasonOfWeek(week: Week, facts: SeasonFacts | null, tables: readonly SeasonVaultTable[], blizzard: BlizzardSeasonFact | null = null): WeekSeason {
  return { ...withBlizzardSeason(raiderIoSeasonOfWeek(week, facts, tables), week, facts, tables, blizzard), period: week.period }
}

/**
 * Blizzard's season index says which season is current where it was read. For the week it was read
 * in, a newer season than Raider.IO's (Raider.IO has not listed the new season yet), or any season
 * while Raider.IO has never answered, wins: the week is that season, priced only by its own table.
 */
function withBlizzardSeason(found: Omit<WeekSeason, 'period'>, week: Week, facts: SeasonFacts | null, tables: readonly SeasonVaultTable[], blizzard: BlizzardSeasonFact | null): Omit<WeekSeason, 'period'> {
  if (!blizzard || blizzard.region !== week.region || !(week.start <= blizzard.fetchedAt && blizzard.fetchedAt < week.end)) return found
  if (found.origin === 'raiderio') {
    // The newest season Raider.IO has started by the end of this week; Blizzard only wins when it is past that.
    const started = (facts?.seasons ?? []).filter((s) => s.blizzardSeasonId !== null && (s.starts[week.region] ?? Infinity) < week.end)
    const newest = Math.max(...started.map((s) => s.blizzardSeasonId as number))
    if (!Number.isFinite(newest) || blizzard.seasonId <= newest) return found
  }
  const listed = facts?.seasons.find((s) => s.blizzardSeasonId === blizzard.seasonId)
  const table = tableForSeason({ slug: listed?.slug ?? '', blizzardSeasonId: blizzard.seasonId }, tables)
  const season = { id: listed?.slug ?? table?.id ?? `blizzard-season-${blizzard.seasonId}`, name: listed?.name ?? table?.name ?? `Blizzard's Mythic+ season ${blizzard.seasonId}`, blizzardSeasonId: blizzard.seasonId }
  return {
    status: table && isPreseason(table, week.period) ? 'pre-season' : 'in-season',
    season,
    table,
    origin: 'blizzard',
    confirmedAt: blizzard.fetchedAt,
    assumed: false,
    previous: null,
    next: null,
  }
}

function raiderIoSeasonOfWeek(week: Week, facts: SeasonFacts | null, tables: readonly SeasonVaultTable[]): Omit<WeekSeason, 'period'> {
  const none = { previous: null, next: null, assumed: false }
  const region = week.region
  const regional = (facts?.seasons ?? []).flatMap((s) => {
    const start = s.starts[region]
    return start === undefined ? [] : [{ season: s, start, end: s.ends[region] ?? null }]
  })
  // A list with no season for the region says nothing about it (a source that answered with nothing).
  if (!facts || regional.length === 0) {
    const table = calendarSeason(week.period, tables)
    if (!table) return { status: 'unknown', season: null, table: undefined, origin: 'none', confirmedAt: null, ...none }
    return { status: isPreseason(table, week.period) ? 'pre-season' : 'in-season', season: { id: table.id, name: table.name, blizzardSeasonId: table.blizzardSeasonId }, table, origin: 'calendar', confirmedAt: null, ...none }
  }
  const covering = regional.filter((s) => s.start < week.end && (s.end === null || s.end > week.start)).sort((a, b) => b.start - a.start)[0]
  const identity = (s: LiveSeason) => ({ id: s.slug, name: s.name, blizzardSeasonId: s.blizzardSeasonId })
  const confirmedAt = facts.fetchedAt
  if (covering) {
    const table = tableForSeason(covering.season, tables)
    return {
      status: table && isPreseason(table, week.period) ? 'pre-season' : 'in-season',
      season: identity(covering.season),
      table,
      origin: 'raiderio',
      confirmedAt,
      ...none,
      // With no end known, the list only says the season was running when it was fetched.
      assumed: covering.end === null && confirmedAt < week.start,
    }
  }
  const next = regional.filter((s) => s.start >= week.end).sort((a, b) => a.start - b.start)[0]
  const previous = regional.filter((s) => s.end !== null && s.end <= week.start).sort((a, b) => (b.end as number) - (a.end as number))[0]
  const nextTable = next && tableForSeason(next.season, tables)
  if (next && nextTable && isPreseason(nextTable, week.period)) {
    return { status: 'pre-season', season: identity(next.season), table: nextTable, origin: 'raiderio', confirmedAt, ...none }
  }
  return {
    status: 'between-seasons',
    season: null,
    table: undefined,
    origin: 'raiderio',
    confirmedAt,
    assumed: false,
    previous: previous ? { name: previous.season.name, endedAt: previous.end as number } : null,
    next: next ? { name: next.season.name, startsAt: next.start } : null,
  }
}

const usualThresholds = `the usual thresholds (${DEFAULT_RAID_THRESHOLDS.join('/')} bosses, ${DEFAULT_DUNGEON_THRESHOLDS.join('/')} dungeons, ${DEFAULT_WORLD_THRESHOLDS.join('/')} activities)`

/**
 * What the player must read before any slot of the week: why no rewards are shown. Null when the
 * week's table is known. The CLI, the window and `vault --json` all carry this sentence.
 */
export function seasonBlocker(ws: WeekSeason): string | null {
  if (ws.table) return null
  switch (ws.status) {
    case 'in-season':
    case 'pre-season':
      return `This version does not know ${ws.season?.name ?? 'this season'}'s rewards — update the app. Slots are counted with ${usualThresholds}, assumed; item levels are unknown.`
    case 'between-seasons': {
      const ended = ws.previous ? `${ws.previous.name} ended ${utcTime(ws.previous.endedAt)}` : 'No Mythic+ season is running'
      const next = ws.next ? `; ${ws.next.name} starts ${utcTime(ws.next.startsAt)}` : ''
      return `Between seasons: ${ended}${next}. The vault may give nothing this week, so no rewards are shown.`
    }
    case 'unknown':
      return "Which season this week belongs to is unknown (Raider.IO has not said yet, and the app's own calendar does not reach this week), so no rewards are shown."
  }
}

/** Things to know about the week's season that do not hide the rewards: where the season came from. */
export function seasonWarnings(ws: WeekSeason): string[] {
  const warnings: string[] = []
  if (ws.table && ws.origin === 'calendar') warnings.push(`Raider.IO has not said which season this is yet: by the app's own calendar it is ${ws.table.name}.`)
  if (ws.origin === 'blizzard') warnings.push(`Which season this is comes from Blizzard's season index (${ws.season?.name ?? 'unnamed'}): Raider.IO's season list does not have it yet.`)
  if (ws.table && ws.assumed && ws.confirmedAt !== null) warnings.push(`Raider.IO last listed the seasons ${utcTime(ws.confirmedAt)}, before this week began: ${ws.table.name} is assumed to go on.`)
  return warnings
}

/** How a table is named to the player (the window, `status`, `vault --json`). */
export function tableInfo(table: SeasonVaultTable): SeasonTableInfo {
  const from = table.loadedFrom?.kind ?? 'shipped'
  const why = table.loadedFrom?.why ?? (from === 'shipped' ? 'built into this version' : 'dropped into the data folder')
  return { id: table.id, name: table.name, updated: table.updated, from, file: table.loadedFrom?.file ?? `${table.id}.json`, why }
}

export function seasonView(ws: WeekSeason): SeasonView {
  const { table } = ws
  return {
    status: ws.status,
    id: ws.season?.id ?? null,
    name: ws.season?.name ?? null,
    blizzardSeasonId: ws.season?.blizzardSeasonId ?? null,
    tableKnown: table !== undefined,
    table: table ? tableInfo(table) : null,
    origin: ws.origin,
    confirmedAt: ws.confirmedAt,
    assumed: ws.assumed,
    thresholdsAssumed: table === undefined,
    message: seasonBlocker(ws),
    previous: ws.previous,
    next: ws.next,
    ratingAchievements: (table?.ratingAchievements ?? [])
      .filter((a) => a.fromPeriod === undefined || ws.period >= a.fromPeriod)
      .map(({ name, rating }) => ({ name, rating }))
      .sort((a, b) => a.rating - b.rating),
  }
}
