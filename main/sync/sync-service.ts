import { countBossesOnce, mergeKeystoneRuns } from '../../shared/domain/merge.ts'
import { previousWeek, weekContaining, type WeekWindow } from '../../shared/domain/reset.ts'
import { seasonForPeriod } from '../../shared/domain/seasons.ts'
import { SOURCE_IDS, type SourceId } from '../../shared/domain/types.ts'
import { buildWeeklyVault, type WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { BlizzardClient } from '../clients/blizzard/client.ts'
import { CURRENT_SEASON_EXPANSION_ID, type CharacterProfileSummary, type EncounterProgress, type KeystoneProfile } from '../clients/blizzard/parse.ts'
import type { RaiderIoClient } from '../clients/raiderio/client.ts'
import type { RaiderIoProfile } from '../clients/raiderio/parse.ts'
import { SourceError } from '../clients/source-error.ts'
import type { LoggedKillsResult, ParsesResult, WarcraftLogsClient } from '../clients/warcraftlogs/client.ts'
import { updateCharacterProfile, type TrackedCharacter } from '../store/characters-repo.ts'
import type { Db, Store } from '../store/db.ts'
import { firstSnapshotOfWeek, listKeystoneRuns, listRaidKills, recordEncounterSnapshot, recordKeystoneRuns, recordRaidKills } from '../store/observations-repo.ts'
import { replaceBossParses } from '../store/parses-repo.ts'
import { getSourceStatus, recordSourceOutcome } from '../store/sync-status-repo.ts'
import { StoreError } from '../store/store-error.ts'
import { saveVaultResult } from '../store/vault-results-repo.ts'
import { blizzardKills, blizzardRuns, inRoster, loggedKills, raiderIoRuns, snapshotEntries, snapshotKills } from './evidence.ts'
import type { SyncEvents } from './events.ts'
import type { SeasonContext } from './season-context.ts'
import type { CharacterSyncResult, SourceReport } from './sync-result.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The source clients; null = not configured. */
export interface SourceClients {
  blizzard: BlizzardClient | null
  warcraftlogs: WarcraftLogsClient | null
  raiderio: RaiderIoClient
}

export interface SyncServiceDeps {
  store: Store
  clients: SourceClients
  season: SeasonContext
  now: () => number
  events?: SyncEvents
  /** A source fetched successfully within this window is skipped unless forced (default 1 h). */
  freshnessMs?: number
}

export interface SyncOptions {
  /** Fetch every configured source even when fresh. */
  force?: boolean
  /** Sources to leave out this time (e.g. Warcraft Logs when its points run low). */
  skipSources?: readonly SourceId[]
  /** Fetch sources one after another: only the benchmark's baseline uses this. */
  sequentialSources?: boolean
}

export interface SyncService {
  syncCharacter(character: TrackedCharacter, options?: SyncOptions): Promise<CharacterSyncResult>
  /** The week containing `instant` for a region, with Raider.IO's periods when known (no network). */
  weekAt(region: TrackedCharacter['region'], instant: number): WeekWindow
}

/** What one source returned, already typed. */
interface Fetched {
  blizzard?: { encounters: EncounterProgress[]; keystone: KeystoneProfile; profile: CharacterProfileSummary | null }
  warcraftlogs?: { kills: LoggedKillsResult; parses: ParsesResult | null }
  raiderio?: RaiderIoProfile
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { store, clients, season, now, events } = deps
  const freshnessMs = deps.freshnessMs ?? 60 * 60 * 1000

  async function syncCharacter(character: TrackedCharacter, options: SyncOptions = {}): Promise<CharacterSyncResult> {
    events?.emit('character:started', { characterId: character.id })
    const startedAt = now()
    // Season facts load alongside the sources instead of before or after them (critical path).
    const knownPeriods = season.knownPeriods()
    const rosterWarmUp = season.raidRoster(character.region, startedAt)
    // Logs are filtered by a lower bound only; exact week windows are applied after fetching.
    const since = previousWeek(weekContaining(character.region, startedAt, season.storedPeriods())).start - DAY_MS

    const plan = planSources(store.db, character, options, startedAt)
    const fetched: Fetched = {}
    const reports = {} as Record<SourceId, SourceReport>
    const failures = new Map<SourceId, SourceError>()

    const tasks: Record<SourceId, () => Promise<void>> = {
      blizzard: async () => {
        const blizzard = clients.blizzard!
        const [encounters, keystone, profile] = await Promise.all([
          blizzard.raidEncounters(character),
          blizzard.keystoneProfile(character),
          // The profile summary only decorates the UI; its failure must not fail the source.
          blizzard.characterProfile(character).catch(() => null),
        ])
        fetched.blizzard = { encounters: encounters.value, keystone, profile }
      },
      warcraftlogs: async () => {
        const wcl = clients.warcraftlogs!
        const [kills, parses] = await Promise.all([wcl.killsSince(character, since), wcl.bestParses(character).catch(() => null)])
        fetched.warcraftlogs = { kills, parses }
      },
      raiderio: async () => {
        fetched.raiderio = await clients.raiderio.characterProfile(character)
      },
    }

    const run = async (source: SourceId) => {
      const decision = plan[source]
      if (decision !== 'fetch') {
        reports[source] = { status: decision, syncedAt: getSourceStatus(store.db, character.id, source)?.lastSuccessAt ?? null, error: null }
      } else {
        try {
          await tasks[source]()
          reports[source] = { status: 'ok', syncedAt: now(), error: null }
        } catch (error) {
          const failure = error instanceof SourceError ? error : new SourceError(source, 'UPSTREAM_ERROR', error instanceof Error ? error.message : String(error))
          failures.set(source, failure)
          reports[source] = { status: 'error', syncedAt: getSourceStatus(store.db, character.id, source)?.lastSuccessAt ?? null, error: failure.toAppError() }
        }
      }
      events?.emit('source:finished', { characterId: character.id, source, report: reports[source] })
    }

    if (options.sequentialSources) {
      for (const source of SOURCE_IDS) await run(source)
    } else {
      // Never one after another: the sources are independent.
      await Promise.all(SOURCE_IDS.map(run))
    }

    const known = await knownPeriods
    const week = weekContaining(character.region, startedAt, known)
    const lastWeek = previousWeek(week, known)
    const windows = [lastWeek, week]
    await rosterWarmUp
    const rosters = await Promise.all(windows.map((w) => season.raidRoster(character.region, Math.min(startedAt, w.end - 1))))
    const warnings: string[] = []
    const fallbackRoster = fetched.blizzard ? currentSeasonBosses(fetched.blizzard.encounters) : undefined
    const rosterFor = (index: number) => rosters[index] ?? fallbackRoster
    if (!rosters[1] && !fallbackRoster) warnings.push('The list of this season\'s raids is unknown (Raider.IO unavailable), so kills of every raid were counted.')

    const syncedAt = now()
    const vaults = saveAll(character, () => store.transaction((tx) => {
      for (const source of SOURCE_IDS) {
        const report = reports[source]
        if (report.status === 'ok') recordSourceOutcome(tx, character.id, source, { at: syncedAt, ok: true })
        if (report.status === 'error' && report.error) recordSourceOutcome(tx, character.id, source, { at: syncedAt, ok: false, error: report.error })
      }
      recordEvidence(tx, character, fetched, windows, week, syncedAt)
      return windows.map((window, index) => {
        const vault = computeVault(tx, character.id, window, rosterFor(index))
        saveVaultResult(tx, { characterId: character.id, week: window, vault, computedAt: syncedAt })
        return vault
      })
    }))

    // Warcraft Logs "no data" does not prove the character exists; Blizzard or Raider.IO answering does.
    const confirmed = Boolean(fetched.blizzard || fetched.raiderio || (fetched.warcraftlogs?.kills.found ?? false))
    const notFound = !confirmed && failures.size > 0 && [...failures.values()].every((f) => f.code === 'UNKNOWN_CHARACTER')
    const result: CharacterSyncResult = {
      character,
      week,
      vault: vaults[1] as WeeklyVault,
      previousWeek: lastWeek,
      previousVault: vaults[0] as WeeklyVault,
      sources: reports,
      syncedAt,
      warnings,
      notFound,
    }
    events?.emit('character:finished', { characterId: character.id, result })
    events?.emit('data:changed', { characterId: character.id })
    return result
  }

  function planSources(db: Db, character: TrackedCharacter, options: SyncOptions, at: number): Record<SourceId, 'fetch' | 'not_configured' | 'skipped'> {
    const configured: Record<SourceId, boolean> = { blizzard: clients.blizzard !== null, warcraftlogs: clients.warcraftlogs !== null, raiderio: true }
    return Object.fromEntries(
      SOURCE_IDS.map((source) => {
        if (!configured[source]) return [source, 'not_configured']
        if (options.skipSources?.includes(source)) return [source, 'skipped']
        const lastSuccess = getSourceStatus(db, character.id, source)?.lastSuccessAt
        if (!options.force && lastSuccess !== null && lastSuccess !== undefined && at - lastSuccess < freshnessMs) return [source, 'skipped']
        return [source, 'fetch']
      }),
    ) as Record<SourceId, 'fetch' | 'not_configured' | 'skipped'>
  }

  return {
    syncCharacter,
    weekAt: (region, instant) => weekContaining(region, instant, season.storedPeriods()),
  }
}

/** Runs the sync's single write; a failure there (disk full, database locked, character removed meanwhile) changes nothing and says so. */
function saveAll<T>(character: TrackedCharacter, write: () => T): T {
  try {
    return write()
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new StoreError('DB_UNREADABLE', `The sync of ${character.name} could not be saved (${reason}); nothing was changed.`, { cause })
  }
}

/** Writes every piece of evidence to the week it belongs to; nothing stored earlier is removed. */
function recordEvidence(tx: Db, character: TrackedCharacter, fetched: Fetched, windows: WeekWindow[], week: WeekWindow, at: number): void {
  const { blizzard, warcraftlogs, raiderio } = fetched
  if (blizzard) {
    for (const [weekStart, kills] of blizzardKills(blizzard.encounters, windows)) recordRaidKills(tx, character.id, weekStart, kills, at)
    const baseline = firstSnapshotOfWeek(tx, character.id, week.start)
    if (baseline) recordRaidKills(tx, character.id, week.start, snapshotKills(blizzard.encounters, baseline.entries, week), at)
    else recordEncounterSnapshot(tx, character.id, week.start, at, snapshotEntries(blizzard.encounters))
    for (const [weekStart, runs] of blizzardRuns(blizzard.keystone.runs, windows)) recordKeystoneRuns(tx, character.id, weekStart, runs, at)
    if (blizzard.profile) {
      const { className, specName, itemLevel, lastLoginAt } = blizzard.profile
      updateCharacterProfile(tx, character.id, { className, specName, itemLevel, lastLoginAt })
    }
  }
  if (warcraftlogs?.kills.found) {
    for (const [weekStart, kills] of loggedKills(warcraftlogs.kills.kills, windows)) recordRaidKills(tx, character.id, weekStart, kills, at)
  }
  if (warcraftlogs?.parses?.found) replaceBossParses(tx, character.id, warcraftlogs.parses.parses, at)
  if (raiderio) {
    for (const [weekStart, runs] of raiderIoRuns([...raiderio.weeklyRuns, ...raiderio.previousWeeklyRuns], windows)) recordKeystoneRuns(tx, character.id, weekStart, runs, at)
    if (!blizzard?.profile && raiderio.className) {
      updateCharacterProfile(tx, character.id, { className: raiderio.className, specName: raiderio.specName, itemLevel: character.itemLevel, lastLoginAt: character.lastLoginAt })
    }
  }
}

/** The week's vault from all stored evidence: each current-season boss once at its best difficulty, runs merged across sources. */
export function computeVault(db: Db, characterId: number, window: WeekWindow, roster: ReadonlySet<string> | undefined): WeeklyVault {
  const bosses = countBossesOnce(inRoster(listRaidKills(db, characterId, window.start), roster))
  const runs = mergeKeystoneRuns(listKeystoneRuns(db, characterId, window.start))
  return buildWeeklyVault(bosses, runs, seasonForPeriod(window.period))
}

/** Bosses Blizzard lists under its "Current Season" pseudo-expansion: the roster when Raider.IO's is unknown. */
function currentSeasonBosses(encounters: readonly EncounterProgress[]): Set<string> | undefined {
  const keys = encounters.filter((e) => e.expansionId === CURRENT_SEASON_EXPANSION_ID).map((e) => e.bossKey)
  return keys.length > 0 ? new Set(keys) : undefined
}
