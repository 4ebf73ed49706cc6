import { SOURCE_LABELS, utcTime } from './labels.ts'
import type { SourceId } from './types.ts'

/**
 * How far a vault row can be trusted. A row is only as good as the reads made during its week: the app
 * never shows "nobody could look" as zero, so every row carries a status and the reasons behind it.
 * - complete: the source that sees everything for this row answered during the week;
 * - partial: some evidence was read, but something it cannot see may be missing (slots are a lower bound);
 * - unknown: no source of this row answered; the slots say nothing.
 */
export const ROW_STATUSES = ['complete', 'partial', 'unknown'] as const
export type RowStatus = (typeof ROW_STATUSES)[number]

export interface RowTrust {
  status: RowStatus
  /** Human-readable, most important first; empty when there is nothing to add. */
  reasons: string[]
}

/** The separately read pieces of evidence: one failing never hides another's answer. */
export const EVIDENCE_FEEDS = ['blizzard.encounters', 'blizzard.keystone', 'blizzard.statistics', 'blizzard.quests', 'warcraftlogs.kills', 'raiderio.runs'] as const
export type EvidenceFeed = (typeof EVIDENCE_FEEDS)[number]

/** The source a feed belongs to. */
export function feedSource(feed: EvidenceFeed): SourceId {
  return feed.slice(0, feed.indexOf('.')) as SourceId
}

/** Where a source stands now, for the reasons text. */
export type SourceState = { kind: 'not_configured' } | { kind: 'failing'; message: string; since: number | null } | { kind: 'working' }

/** What is known of one feed for one week. */
export interface FeedFacts {
  source: SourceId
  state: SourceState
  /** Last successful read inside the week. */
  lastInWeek: number | null
  /** First successful read after the week ended. */
  firstAfterWeek: number | null
}

export interface RaidRowInput {
  week: { start: number; end: number }
  now: number
  blizzard: FeedFacts
  warcraftlogs: FeedFacts
  /** Times of the week's logged kills (Warcraft Logs). */
  loggedKillTimes: readonly number[]
  /** `unknown` when neither Raider.IO nor the shipped snapshot gave the week's raids; `no-season` between seasons (none counts). */
  roster: 'known' | 'no-season' | 'unknown'
}

export interface DungeonRowInput {
  week: { start: number; end: number }
  now: number
  raiderio: FeedFacts
  blizzardKeystone: FeedFacts
  /** Heroic (and pre-season Mythic 0) runs, read from Blizzard's statistics; `statistics` null where the season's ids are not researched. */
  heroic?: { statistics: FeedFacts | null; baseline: BaselineFacts | null; knownRuns: number; slotsNeed: number }
}

/** When this week's activity baseline was taken, and whether anything had already changed by then. */
export interface BaselineFacts {
  capturedAt: number
  /** Delve counters, dungeon counters and weekly quests unchanged since the reset at the first read (null: not read). */
  cleanStatistics: boolean | null
  cleanDungeons: boolean | null
  cleanQuests: boolean | null
}

export interface WorldRowInput {
  week: { start: number; end: number }
  now: number
  /** False when the season's activity ids are not in the app's season data. */
  researched: boolean
  statistics: FeedFacts
  quests: FeedFacts
  baseline: BaselineFacts | null
  /** Blizzard's last_login_timestamp of the character, if known. */
  lastLoginAt: number | null
  /** The season table's caveats about the World row's ids (e.g. quest ids that may be incomplete). */
  notes?: readonly string[]
}

/** Said when no list of the week's raids is known: Raider.IO never answered, or lists none running that week. */
export const UNKNOWN_ROSTER_REASON = "The list of this week's raids is unknown (Raider.IO has not given one for this week), so kills of every raid were counted."

/**
 * Raid row: Blizzard's encounters see every kill (logged or not), Warcraft Logs only logged ones.
 * Complete when Blizzard answered during the week; partial when only logs did, when a logged kill came
 * after Blizzard's last answer, or when the week was only read afterwards (Blizzard keeps one
 * `last_kill_timestamp` per boss, so a kill of the next week overwrites it); unknown otherwise.
 */
export function raidRowTrust(input: RaidRowInput): RowTrust {
  const { blizzard, warcraftlogs } = input
  const current = input.now < input.week.end
  const reasons: string[] = []
  let status: RowStatus
  if (blizzard.lastInWeek !== null) {
    status = 'complete'
    const lastLogged = Math.max(...input.loggedKillTimes.filter((t) => t > (blizzard.lastInWeek as number)))
    if (Number.isFinite(lastLogged)) {
      status = 'partial'
      reasons.push(`Blizzard last answered at ${utcTime(blizzard.lastInWeek)}, before a kill logged at ${utcTime(lastLogged)}: kills nobody logged since then are missing until Blizzard answers again.`)
    }
    if (blizzard.state.kind === 'failing') reasons.push(`${sourceTrouble(blizzard)}; its answer from ${utcTime(blizzard.lastInWeek)} is shown.`)
  } else if (warcraftlogs.lastInWeek !== null) {
    status = 'partial'
    reasons.push(`Only Warcraft Logs answered during this week: kills that were not logged are missing. ${sourceTrouble(blizzard, current)}.`)
  } else if (blizzard.firstAfterWeek !== null || warcraftlogs.firstAfterWeek !== null) {
    status = 'partial'
    reasons.push('Not synced during that week: read afterwards, kills whose Blizzard timestamps were overwritten since can be missing.')
  } else {
    status = 'unknown'
    reasons.push(`${sourceTrouble(blizzard, current)}.`, `${sourceTrouble(warcraftlogs, current)}.`)
  }
  if (input.roster === 'unknown') {
    if (status === 'complete') status = 'partial'
    reasons.push(UNKNOWN_ROSTER_REASON)
  }
  if (input.roster === 'no-season') reasons.push("No season runs this week, so no raid counts toward the vault: kills of last season's raids are not counted.")
  return { status, reasons }
}

/**
 * Dungeon row: Raider.IO lists the week's runs (and, during the next week, last week's), Blizzard's
 * keystone profile only the best run per dungeon of the current week. Complete when Raider.IO answered
 * during the week or the week after; partial when only Blizzard did; unknown otherwise.
 */
export function dungeonRowTrust(input: DungeonRowInput): RowTrust {
  const { raiderio, blizzardKeystone, week } = input
  const current = input.now < week.end
  const length = week.end - week.start
  const raiderIoCovered = raiderio.lastInWeek !== null || (raiderio.firstAfterWeek !== null && raiderio.firstAfterWeek < week.end + length)
  let trust: RowTrust
  if (raiderIoCovered) {
    trust = { status: 'complete', reasons: raiderio.state.kind === 'failing' ? [`${sourceTrouble(raiderio)}; its last answer is shown.`] : [] }
  } else if (blizzardKeystone.lastInWeek !== null) {
    trust = { status: 'partial', reasons: [`Only Blizzard's Mythic+ profile answered during this week: it lists the best run per dungeon, not every run. ${sourceTrouble(raiderio, current)}.`] }
  } else {
    return { status: 'unknown', reasons: [`${sourceTrouble(raiderio, current)}.`, `${sourceTrouble(blizzardKeystone, current)}.`] }
  }
  // Heroic runs fill the row only while keystones leave slots open; once they do not, they cannot matter.
  const heroic = input.heroic
  if (!heroic || heroic.knownRuns >= heroic.slotsNeed) return trust
  const missing = heroic.statistics === null
    ? "Heroic and Mythic 0 runs are not counted: this season's dungeon statistics are not in the app's season data."
    : heroic.statistics.lastInWeek === null
    ? `Heroic runs are not counted: ${sourceTrouble(heroic.statistics, current)}.`
    : heroic.baseline?.cleanDungeons === false
      ? `Heroic runs are counted since ${utcTime(heroic.baseline.capturedAt)} (one per dungeon before that).`
      : undefined
  return missing ? { status: 'partial', reasons: [...trust.reasons, missing] } : trust
}

/**
 * World row (delves, Prey, world activities): read from Blizzard's statistics and completed quests.
 * Complete when both answered this week and their baseline was taken before anything changed; partial
 * when one part was not read or activity may have happened before the baseline ("counted since");
 * unknown when neither answered. Always "as of the last logout": profile data changes only then.
 */
export function worldRowTrust(input: WorldRowInput): RowTrust {
  const { statistics, quests, baseline } = input
  const current = input.now < input.week.end
  const logout = `As of the character's last logout${input.lastLoginAt === null ? '' : ` (last login ${utcTime(input.lastLoginAt)})`}: Blizzard updates this only when the character logs out.`
  if (!input.researched) return { status: 'unknown', reasons: ["The World row of this season is not in the app's season data yet."] }
  if (statistics.lastInWeek === null && quests.lastInWeek === null) {
    return { status: 'unknown', reasons: [`${sourceTrouble(statistics, current)}.`] }
  }
  const reasons: string[] = []
  if (statistics.lastInWeek === null) reasons.push(`Delves are not counted: Blizzard's statistics were not read this week (${sourceTrouble(statistics, current)}).`)
  if (quests.lastInWeek === null) reasons.push(`Prey and world activities are not counted: Blizzard's completed quests were not read this week (${sourceTrouble(quests, current)}).`)
  if (baseline?.cleanStatistics === false) reasons.push(`Delves are counted since ${utcTime(baseline.capturedAt)} (before that, at most one per tier).`)
  if (baseline?.cleanQuests === false) reasons.push(`Prey and world activities are counted since ${utcTime(baseline.capturedAt)}.`)
  return { status: reasons.length > 0 ? 'partial' : 'complete', reasons: [...reasons, ...(input.notes ?? []), logout] }
}

/** "Blizzard is not configured", "Raider.IO failed: HTTP 503 (since Nov 26 14:02 UTC)", "Blizzard has not answered since the reset". */
function sourceTrouble(feed: FeedFacts, currentWeek = true): string {
  const name = SOURCE_LABELS[feed.source]
  switch (feed.state.kind) {
    case 'not_configured':
      return `${name} is not configured`
    case 'failing':
      return `${name} failed: ${feed.state.message.replace(/\.$/, '')}${feed.state.since === null ? '' : ` (since ${utcTime(feed.state.since)})`}`
    case 'working':
      return currentWeek ? `${name} has not answered since the reset` : `${name} was not read during that week`
  }
}
