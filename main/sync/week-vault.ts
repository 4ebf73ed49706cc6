import { countBossesOnce, mergeKeystoneRuns } from '../../shared/domain/merge.ts'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import { dungeonRowTrust, raidRowTrust, type EvidenceFeed, type FeedFacts, type RowTrust, type SourceState } from '../../shared/domain/row-status.ts'
import { seasonForPeriod } from '../../shared/domain/seasons.ts'
import { SOURCE_IDS, type SourceId } from '../../shared/domain/types.ts'
import { buildWeeklyVault, type WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { SourcesConfig } from '../config.ts'
import type { Db } from '../store/db.ts'
import { feedCoverage } from '../store/feed-successes-repo.ts'
import { listKeystoneRuns, listRaidKills } from '../store/observations-repo.ts'
import { getSourceStatus } from '../store/sync-status-repo.ts'
import { inRoster } from './evidence.ts'
import type { RaidRoster } from './season-context.ts'

/** How far each row of a week's vault can be trusted. */
export interface WeekTrust {
  raid: RowTrust
  dungeons: RowTrust
}

/** One week's vault as the app shows it: the slots from stored evidence and how far to trust them. */
export interface WeekVault {
  week: WeekWindow
  vault: WeeklyVault
  trust: WeekTrust
  /** The last successful read of any source during the week, if any. */
  lastReadAt: number | null
}

/** Which sources have credentials (Raider.IO needs none). */
export type ConfiguredSources = Record<SourceId, boolean>

export function configuredSources(config: Pick<SourcesConfig, 'blizzard' | 'warcraftlogs'>): ConfiguredSources {
  return { blizzard: config.blizzard !== null, warcraftlogs: config.warcraftlogs !== null, raiderio: true }
}

/**
 * Builds a week's vault from all stored evidence (each current-season boss once at its best
 * difficulty, runs merged across sources) and judges each row by the reads made during the week.
 * The sync, the CLI and the window all call this, so they can never disagree.
 */
export function weekVault(db: Db, characterId: number, week: WeekWindow, roster: RaidRoster | undefined, configured: ConfiguredSources, now: number): WeekVault {
  const kills = inRoster(listRaidKills(db, characterId, week), roster?.bosses)
  const runs = mergeKeystoneRuns(listKeystoneRuns(db, characterId, week))
  const vault = buildWeeklyVault(countBossesOnce(kills), runs, seasonForPeriod(week.period))

  const states = Object.fromEntries(SOURCE_IDS.map((source) => [source, sourceState(db, characterId, source, configured[source])])) as Record<SourceId, SourceState>
  const facts = (feed: EvidenceFeed, source: SourceId): FeedFacts => ({ source, state: states[source], ...feedCoverage(db, characterId, feed, week) })
  const feeds = {
    blizzard: facts('blizzard.encounters', 'blizzard'),
    warcraftlogs: facts('warcraftlogs.kills', 'warcraftlogs'),
    raiderio: facts('raiderio.runs', 'raiderio'),
    blizzardKeystone: facts('blizzard.keystone', 'blizzard'),
  }
  const trust: WeekTrust = {
    raid: raidRowTrust({
      week,
      now,
      blizzard: feeds.blizzard,
      warcraftlogs: feeds.warcraftlogs,
      loggedKillTimes: kills.filter((k) => k.source === 'warcraftlogs' && k.killedAt !== null).map((k) => k.killedAt as number),
      rosterKnown: roster !== undefined,
    }),
    dungeons: dungeonRowTrust({ week, now, raiderio: feeds.raiderio, blizzardKeystone: feeds.blizzardKeystone }),
  }
  const reads = Object.values(feeds).map((f) => f.lastInWeek).filter((at): at is number => at !== null)
  return { week, vault, trust, lastReadAt: reads.length > 0 ? Math.max(...reads) : null }
}

function sourceState(db: Db, characterId: number, source: SourceId, configured: boolean): SourceState {
  if (!configured) return { kind: 'not_configured' }
  const status = getSourceStatus(db, characterId, source)
  if (status?.lastError) return { kind: 'failing', message: status.lastError.message, since: status.failingSince }
  return { kind: 'working' }
}
