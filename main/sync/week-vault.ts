import { bossKeyFromName, countBossesOnce, mergeKeystoneRuns } from '../../shared/domain/merge.ts'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import { dungeonRowTrust, feedSource, raidRowTrust, worldRowTrust, type EvidenceFeed, type FeedFacts, type RowTrust, type SourceState } from '../../shared/domain/row-status.ts'
import { seasonBlocker, type WeekSeason } from '../../shared/domain/live-season.ts'
import { unconfirmedBossReasons } from '../../shared/domain/seasons.ts'
import { SOURCE_IDS, type KeystoneRun, type SourceId, type WorldActivity } from '../../shared/domain/types.ts'
import { buildWeeklyVault, type WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import { applyGameSaves, gameWaiting, type GameApplied, type GameDisagreement, type GameWaiting } from '../../shared/domain/game-save.ts'
import { listGameSaves } from '../store/game-saves-repo.ts'
import { getActivityBaseline, listActivities, type ActivityObservation } from '../store/activity-repo.ts'
import { getCharacter } from '../store/characters-repo.ts'
import type { Db } from '../store/db.ts'
import { feedCoverages } from '../store/feed-successes-repo.ts'
import { listKeystoneRuns, listRaidKills } from '../store/observations-repo.ts'
import { listSourceStatuses, type SourceStatus } from '../store/sync-status-repo.ts'
import { MAX_WEEKLY_COMPLETIONS } from './activity-evidence.ts'
import { inRoster } from './evidence.ts'
import type { RaidRoster } from './season-context.ts'

/** How far each row of a week's vault can be trusted. */
export interface WeekTrust {
  raid: RowTrust
  dungeons: RowTrust
  world: RowTrust
}

/** One week's vault as the app shows it: the slots from stored evidence and how far to trust them. */
export interface WeekVault {
  week: WeekWindow
  /** The week's season and the table its rewards came from (none: rewards unknown, and every row says why). */
  season: WeekSeason
  vault: WeeklyVault
  trust: WeekTrust
  /** The last successful read of any source during the week, if any. */
  lastReadAt: number | null
  /** Slots where the game's own item level differs from the season table's (the game's is shown). */
  gameDisagreements: GameDisagreement[]
  /** What this week's latest addon save says of the week before's vault (rewards waiting or not); null: none says. */
  gameWaiting: GameWaiting | null
}

/** Which sources have credentials (Raider.IO needs none). */
export type ConfiguredSources = Record<SourceId, boolean>

/** From the configuration or the clients built from it: null means no credentials. */
export function configuredSources(config: { blizzard: unknown; warcraftlogs: unknown }): ConfiguredSources {
  return { blizzard: config.blizzard !== null, warcraftlogs: config.warcraftlogs !== null, raiderio: true }
}

/**
 * Builds weeks' vaults from all stored evidence (each current-season boss once at its best
 * difficulty, runs merged across sources) and judges each row by the reads made during the week.
 * The sync, the CLI and the window all call this, so they can never disagree. The character's source
 * states and last login are read once for all the weeks asked for.
 */
export function weekVaults(db: Db, characterId: number, weeks: readonly { week: WeekWindow; roster: RaidRoster | undefined; season: WeekSeason }[], configured: ConfiguredSources, now: number): WeekVault[] {
  const statuses = new Map(listSourceStatuses(db, characterId).map((s) => [s.source, s]))
  const states = Object.fromEntries(SOURCE_IDS.map((source) => [source, sourceState(statuses.get(source), configured[source])])) as Record<SourceId, SourceState>
  const lastLoginAt = getCharacter(db, characterId)?.lastLoginAt ?? null
  return weeks.map(({ week, roster, season }) => weekVault(db, characterId, week, roster, season, states, lastLoginAt, now))
}

function weekVault(db: Db, characterId: number, week: WeekWindow, roster: RaidRoster | undefined, weekSeason: WeekSeason, states: Record<SourceId, SourceState>, lastLoginAt: number | null, now: number): WeekVault {
  const kills = inRoster(listRaidKills(db, characterId, week), roster?.bosses)
  const season = weekSeason.table
  const observed = listActivities(db, characterId, week)
  const keystoneRuns = mergeKeystoneRuns(listKeystoneRuns(db, characterId, week))
  // Heroic and Mythic 0 runs come from counters, not run lists: they are never merged with keystones.
  const runs = [...keystoneRuns, ...statisticRuns(observed)]
  const saves = listGameSaves(db, characterId, week)
  const game = applyGameSaves(buildWeeklyVault(countBossesOnce(kills), runs, season, worldActivities(observed), week.period), saves, season)
  const vault = game.vault

  const coverage = feedCoverages(db, characterId, week)
  const facts = (feed: EvidenceFeed): FeedFacts => {
    const source = feedSource(feed)
    return { source, state: states[source], ...(coverage.get(feed) ?? { lastInWeek: null, firstAfterWeek: null }) }
  }
  const feeds = {
    blizzard: facts('blizzard.encounters'),
    warcraftlogs: facts('warcraftlogs.kills'),
    raiderio: facts('raiderio.runs'),
    blizzardKeystone: facts('blizzard.keystone'),
    statistics: facts('blizzard.statistics'),
    quests: facts('blizzard.quests'),
  }
  const baseline = getActivityBaseline(db, characterId, week)
  const baselineFacts = baseline ? { capturedAt: baseline.capturedAt, cleanStatistics: baseline.cleanStatistics, cleanDungeons: baseline.cleanDungeons, cleanQuests: baseline.cleanQuests } : null
  const dungeonSlotsNeed = Math.max(...vault.dungeons.slots.map((s) => s.threshold))
  const trust: WeekTrust = {
    raid: raidRowTrust({
      week,
      now,
      blizzard: feeds.blizzard,
      warcraftlogs: feeds.warcraftlogs,
      loggedKillTimes: kills.filter((k) => k.source === 'warcraftlogs' && k.killedAt !== null).map((k) => k.killedAt as number),
      roster: roster === undefined ? 'unknown' : roster.origin === 'no-season' ? 'no-season' : 'known',
    }),
    dungeons: dungeonRowTrust({
      week,
      now,
      raiderio: feeds.raiderio,
      blizzardKeystone: feeds.blizzardKeystone,
      heroic: { statistics: season?.activities ? feeds.statistics : null, baseline: baselineFacts, knownRuns: runs.length, slotsNeed: dungeonSlotsNeed },
    }),
    world: worldRowTrust({ week, now, researched: season?.activities !== undefined, statistics: feeds.statistics, quests: feeds.quests, baseline: baselineFacts, lastLoginAt, notes: season?.worldNotes }),
  }
  trust.raid.reasons.push(...unconfirmedBossReasons(season, week.period, new Set(vault.raid.bosses.map((b) => bossKeyFromName(b.name))), bossKeyFromName))
  withGameReasons(trust, game.raised)
  const reads = Object.values(feeds).map((f) => f.lastInWeek).filter((at): at is number => at !== null)
  return { week, season: weekSeason, vault, trust: withSeasonBlocker(trust, weekSeason), lastReadAt: reads.length > 0 ? Math.max(...reads) : null, gameDisagreements: game.disagreements, gameWaiting: gameWaiting(saves, week.start) }
}

/**
 * A row the game's save added to says so; a row no source could read is no longer unknown but a lower
 * bound (the game's own count as of the save: anything done since is not in it).
 */
function withGameReasons(trust: WeekTrust, raised: GameApplied['raised']): void {
  for (const { row, addon, savedAt } of raised) {
    const rowTrust = trust[row]
    if (rowTrust.status === 'unknown') rowTrust.status = 'partial'
    rowTrust.reasons.push(`The game's own vault, saved by ${addon} at ${new Date(savedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC, shows more than the sources: it is counted.`)
  }
}

/** Without the season's table no slot has a known reward: every row says so first, whatever its evidence. */
function withSeasonBlocker(trust: WeekTrust, season: WeekSeason): WeekTrust {
  const blocker = seasonBlocker(season)
  if (!blocker) return trust
  const first = (row: WeekTrust['raid']) => ({ status: row.status, reasons: [blocker, ...row.reasons] })
  return { raid: first(trust.raid), dungeons: first(trust.dungeons), world: first(trust.world) }
}

/** The week's World activities: one entry per kind, name and tier, counts of all evidence added up. */
function worldActivities(observed: readonly ActivityObservation[]): WorldActivity[] {
  const byKey = new Map<string, WorldActivity>()
  for (const o of observed) {
    if (o.kind !== 'delve' && o.kind !== 'prey' && o.kind !== 'world') continue
    const key = `${o.kind}:${o.name}:${o.tier}`
    const seen = byKey.get(key)
    // 'blizzard' (before the baseline) and 'snapshot' (since it) cover different times: they add up.
    if (seen) {
      seen.count += o.count
      if (!seen.sources.includes(o.source)) seen.sources.push(o.source)
    } else {
      byKey.set(key, { kind: o.kind, name: o.name, tier: o.tier, count: o.count, sources: [o.source] })
    }
  }
  return [...byKey.values()].sort((a, b) => b.tier - a.tier || a.name.localeCompare(b.name))
}

/**
 * Heroic (level 0) and Mythic 0 (level 1) runs proved by Blizzard's statistics, one entry per run. No
 * observation holds more than a week can (activity-evidence.ts refuses larger rises); one stored by an
 * older version is held to that too, so a broken counter can never become millions of entries.
 * Mythic 0 has a weekly lockout (game-rules §8): one run per dungeon at most, however many pieces of
 * evidence saw it (the first read's "updated since the reset" and a later rise are the same lockout).
 */
function statisticRuns(observed: readonly ActivityObservation[]): KeystoneRun[] {
  const mythic0Dungeons = new Set<string>()
  return observed.flatMap((o) => {
    if (o.kind !== 'heroic' && o.kind !== 'mythic0') return []
    if (o.kind === 'mythic0') {
      if (mythic0Dungeons.has(o.name)) return []
      mythic0Dungeons.add(o.name)
    }
    const run: KeystoneRun = { dungeon: o.name, level: o.kind === 'heroic' ? 0 : 1, completedAt: o.happenedAt ?? 0, timed: null, sources: ['blizzard'], kind: o.kind }
    const count = o.kind === 'mythic0' ? 1 : Math.min(o.count, MAX_WEEKLY_COMPLETIONS)
    return Array.from({ length: count }, () => ({ ...run, sources: [...run.sources] }))
  })
}

function sourceState(status: SourceStatus | undefined, configured: boolean): SourceState {
  if (!configured) return { kind: 'not_configured' }
  if (status?.lastError) return { kind: 'failing', message: status.lastError.message, since: status.failingSince }
  return { kind: 'working' }
}
