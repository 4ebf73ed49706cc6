import { setImmediate as nextTurn } from 'node:timers/promises'
import pLimit from 'p-limit'
import { previousWeek, weekContaining, type WeekWindow } from '../../shared/domain/reset.ts'
import type { EvidenceFeed } from '../../shared/domain/row-status.ts'
import type { WeekSeason } from '../../shared/domain/live-season.ts'
import { isPreseason } from '../../shared/domain/seasons.ts'
import { SOURCE_IDS, type SourceId } from '../../shared/domain/types.ts'
import { abortedByDeadline } from '../abort-reason.ts'
import type { BlizzardClient } from '../clients/blizzard/client.ts'
import type { CharacterProfileSummary, EncounterProgress, KeystoneProfile, StatisticValue } from '../clients/blizzard/parse.ts'
import type { RaiderIoClient } from '../clients/raiderio/client.ts'
import type { RaiderIoProfile } from '../clients/raiderio/parse.ts'
import { SourceError } from '../clients/source-error.ts'
import type { WarcraftLogsClient, WeeklyLogs } from '../clients/warcraftlogs/client.ts'
import { getCharacter, updateCharacterProfile, updateGuild, updateMythicRating, updateRaiderIoCrawl, type TrackedCharacter } from '../store/characters-repo.ts'
import type { Db, Store } from '../store/db.ts'
import { getActivityBaseline, recordActivities, saveActivityBaseline } from '../store/activity-repo.ts'
import { getBlizzardRead, markBlizzardReadReused, recordBlizzardRead, type BlizzardRead } from '../store/blizzard-reads-repo.ts'
import { recordFeedSuccesses } from '../store/feed-successes-repo.ts'
import { firstSnapshotOfWeek, forgetOldEncounterSnapshots, recordEncounterSnapshot, recordKeystoneRuns, recordRaidKills } from '../store/observations-repo.ts'
import { replaceBossParses } from '../store/parses-repo.ts'
import { listTrackedQuests } from '../store/quest-checks-repo.ts'
import { listSourceStatuses, recordSourceOutcome } from '../store/sync-status-repo.ts'
import { StoreError, storeErrorFrom } from '../store/store-error.ts'
import { activityEvidence } from './activity-evidence.ts'
import { recordBoardEvidence } from './board-evidence.ts'
import { mayReuse, scopeKey, stillHolds } from './blizzard-reuse.ts'
import { weekBoard } from './weekly-board.ts'
import { blizzardKills, blizzardRuns, loggedKills, raiderIoRuns, snapshotEntries, snapshotKills } from './evidence.ts'
import type { SyncEvents } from './events.ts'
import type { SeasonContext } from './season-context.ts'
import type { CharacterSyncResult, SourceReport } from './sync-result.ts'
import { vaultWarnings } from './vault-report.ts'
import { configuredSources, weekVaults } from './week-vault.ts'

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
  /** Ends the character's requests early (a run's deadline, the app quitting); what answered is still saved. */
  signal?: AbortSignal
}

export interface SyncService {
  syncCharacter(character: TrackedCharacter, options?: SyncOptions): Promise<CharacterSyncResult>
}

/**
 * What the sources returned, already typed. Each Blizzard endpoint is its own piece of evidence: a
 * failing keystone profile must not throw away the raid encounters Blizzard already returned.
 */
interface Fetched {
  encounters?: EncounterProgress[]
  keystone?: KeystoneProfile
  profile?: CharacterProfileSummary
  statistics?: StatisticValue[]
  quests?: number[]
  warcraftlogs?: WeeklyLogs
  raiderio?: RaiderIoProfile
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { store, clients, season, now, events } = deps
  const freshnessMs = deps.freshnessMs ?? 60 * 60 * 1000
  const configured = configuredSources(clients)
  // Many characters sync at once; these keep their local work from piling up in one turn (turnTaker).
  const savesInTurn = turnTaker()
  const otherRequestsInTurn = turnTaker()

  async function syncCharacter(character: TrackedCharacter, options: SyncOptions = {}): Promise<CharacterSyncResult> {
    events?.emit('character:started', { characterId: character.id })
    const startedAt = now()
    // Season facts load alongside the sources instead of before or after them (critical path).
    // Neither ever rejects (season-context.ts).
    const knownPeriods = season.knownPeriods()
    // From the stored periods (no network yet): the exact week is settled once fresh periods arrive.
    const provisional = season.weekAt(character.region, startedAt)
    // The season's raids and season list load alongside the sources too, so they are ready when those answer.
    const rosterWarmUp = season.raidRoster(character.region, provisional)
    const seasonWarmUp = season.weekSeason(provisional)
    // Logs are filtered by a lower bound only; exact week windows are applied after fetching.
    const since = previousWeek(provisional).start - DAY_MS
    // The World row's statistics and quests are only asked for when the season's ids are known, which
    // needs the season: from the stored list (the fresh one is on its way and settles the rest).
    const storedTable = season.storedWeekSeason(provisional).table
    const activitySources = storedTable?.activities
    // Crests are in the statistics and tracked quests in the completed list the World row reads: asked
    // for when either needs them, never as an extra request.
    const trackedQuests = listTrackedQuests(store.db)
    const wantStatistics = Boolean(activitySources || storedTable?.crests)
    const wantQuests = Boolean(activitySources || trackedQuests.length > 0)
    // Each source's last success, read once: it decides what to fetch and what a skipped or failed source reports.
    const lastSuccess = new Map(listSourceStatuses(store.db, character.id).map((s) => [s.source, s.lastSuccessAt]))
    const plan = planSources(lastSuccess, options, startedAt)
    const fetched: Fetched = {}
    const reports = {} as Record<SourceId, SourceReport>
    const failures = new Map<SourceId, SourceError>()

    // The last complete read of Blizzard's details, and what this sync would ask for (blizzard-reuse.ts).
    const storedRead = configured.blizzard ? getBlizzardRead(store.db, character.id) : null
    const scope = scopeKey({ table: storedTable ? `${storedTable.id}@${storedTable.updated}` : null, statistics: wantStatistics, quests: wantQuests, trackedQuests: wantQuests ? trackedQuests.map((q) => q.id) : [] })
    // Set when the profile summary proved the stored read still holds: its four requests were not made.
    let reused: BlizzardRead | null = null
    // Set when every Blizzard request of a full read answered: the read can stand for later syncs.
    let completeRead = false

    const readBlizzard = async (withProfile: boolean) => {
      const blizzard = clients.blizzard!
      const skipped = Promise.resolve(undefined)
      const [encounters, keystone, profile, statistics, quests] = await Promise.allSettled([
        blizzard.raidEncounters(character, options.signal),
        blizzard.keystoneProfile(character, options.signal),
        withProfile ? blizzard.characterProfile(character, options.signal) : skipped,
        wantStatistics ? blizzard.achievementStatistics(character, options.signal) : skipped,
        wantQuests ? blizzard.completedQuests(character, options.signal) : skipped,
      ])
      if (encounters.status === 'fulfilled') fetched.encounters = encounters.value.value
      if (keystone.status === 'fulfilled') fetched.keystone = keystone.value
      // The profile summary only decorates the UI; its failure does not fail the source.
      if (profile.status === 'fulfilled' && profile.value) fetched.profile = profile.value
      if (statistics.status === 'fulfilled' && statistics.value) fetched.statistics = statistics.value.value
      if (quests.status === 'fulfilled' && quests.value) fetched.quests = quests.value.value
      // Every endpoint's answer is kept above; the source reports the first failure, naming the endpoint.
      if (encounters.status === 'rejected') throw encounters.reason
      if (keystone.status === 'rejected') throw withContext(keystone.reason, "Blizzard's Mythic+ profile")
      if (statistics.status === 'rejected') throw withContext(statistics.reason, "Blizzard's statistics")
      if (quests.status === 'rejected') throw withContext(quests.reason, "Blizzard's completed quests")
      completeRead = typeof fetched.profile?.lastLoginAt === 'number'
    }

    const tasks: Record<SourceId, () => Promise<void>> = {
      blizzard: async () => {
        if (!mayReuse(storedRead, scope)) return readBlizzard(true)
        // A settled read of the same scope: the summary alone first, the rest only if it names a new login.
        // The week's periods load alongside it (no extra round trip): the read must be from this very week.
        const [summary, known] = await Promise.all([clients.blizzard!.characterProfile(character, options.signal).catch(() => undefined), knownPeriods])
        if (summary) fetched.profile = summary
        if (summary && stillHolds(storedRead, summary.lastLoginAt, weekContaining(character.region, startedAt, known).start)) {
          reused = storedRead
          return
        }
        // A new login, a reset since, or no summary: everything is read (the summary's own failure fails nothing).
        return readBlizzard(!summary)
      },
      warcraftlogs: async () => {
        const wcl = clients.warcraftlogs!
        fetched.warcraftlogs = await wcl.characterWeek(character, since, options.signal)
      },
      raiderio: async () => {
        fetched.raiderio = await clients.raiderio.characterProfile(character, options.signal)
      },
    }

    const run = async (source: SourceId) => {
      const decision = plan[source]
      if (decision !== 'fetch') {
        reports[source] = { status: decision, syncedAt: lastSuccess.get(source) ?? null, error: null }
      } else {
        try {
          // Blizzard's requests go out at once, the other sources' one character per turn: Blizzard's
          // limiter frees a place a second after it sees the answer, so its requests must reach the wire
          // first, and its answers be seen as they land, not after a burst of other requests being built.
          if (source !== 'blizzard') await otherRequestsInTurn(() => {})
          await tasks[source]()
          reports[source] = { status: 'ok', syncedAt: now(), error: null, ...(source === 'blizzard' && reused ? { unchangedSince: (reused as BlizzardRead).readAt } : {}) }
        } catch (error) {
          const lastSuccessAt = lastSuccess.get(source) ?? null
          if (wasCancelled(options.signal)) {
            // Quitting or the player's cancel is not the source's fault: nothing is recorded against it.
            reports[source] = { status: 'skipped', syncedAt: lastSuccessAt, error: null }
          } else {
            const failure = asSourceError(source, error)
            failures.set(source, failure)
            reports[source] = { status: 'error', syncedAt: lastSuccessAt, error: failure.toAppError() }
          }
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

    const [known] = await Promise.all([knownPeriods, rosterWarmUp, seasonWarmUp])
    const week = weekContaining(character.region, startedAt, known)
    const lastWeek = previousWeek(week, known)
    const windows = [lastWeek, week]
    const [rosters, seasons] = await Promise.all([Promise.all(windows.map((w) => season.raidRoster(character.region, w))), Promise.all(windows.map((w) => season.weekSeason(w)))])
    const warnings = vaultWarnings(seasons[1] as WeekSeason, rosters[1])

    const syncedAt = now()
    // What the evidence refused (a source's value that cannot be right): said with the result.
    let refusedEvidence: string[] = []
    // The save waits for its turn: answers and the requests they lead to go first (savesInTurn).
    const weeks = await savesInTurn(() => saveAll(character, store.path, () =>
      store.transaction((tx) => {
        for (const source of SOURCE_IDS) {
          const report = reports[source]
          if (report.status === 'ok') recordSourceOutcome(tx, character.id, source, { at: syncedAt, ok: true })
          if (report.status === 'error' && report.error) recordSourceOutcome(tx, character.id, source, { at: syncedAt, ok: false, error: report.error })
        }
        recordFeedSuccesses(tx, character.id, [...succeededFeeds(fetched), ...(reused ? reusedFeeds(wantStatistics, wantQuests) : [])], syncedAt)
        if (reused) markBlizzardReadReused(tx, character.id, syncedAt)
        else if (completeRead && reports.blizzard.status === 'ok') recordBlizzardRead(tx, character.id, { loginAt: fetched.profile!.lastLoginAt!, readAt: syncedAt, scope })
        refusedEvidence = recordEvidence(tx, character, fetched, windows, week, seasons[1] as WeekSeason, syncedAt)
        refusedEvidence.push(...recordBoardEvidence(tx, character.id, week.start, { crests: seasons[1]?.table?.crests, statistics: fetched.statistics, quests: fetched.quests, tracked: trackedQuests, lastLoginAt: fetched.profile?.lastLoginAt ?? character.lastLoginAt }, syncedAt))
        return weekVaults(tx, character.id, windows.map((window, index) => ({ week: window, roster: rosters[index], season: seasons[index] as WeekSeason })), configured, syncedAt)
      }),
    ))

    // As this sync left it (profile, item level and rating refreshed), not as it was before.
    const refreshed = getCharacter(store.db, character.id) ?? character
    const result: CharacterSyncResult = {
      character: refreshed,
      week,
      season: weeks[1]!.season,
      vault: weeks[1]!.vault,
      trust: weeks[1]!.trust,
      board: weekBoard(store.db, refreshed.id, week, seasons[1]?.table, trackedQuests),
      previousWeek: lastWeek,
      previousVault: weeks[0]!.vault,
      previousTrust: weeks[0]!.trust,
      sources: reports,
      syncedAt,
      warnings: [...warnings, ...refusedEvidence],
      notFound: isGone(fetched, failures),
    }
    events?.emit('character:finished', { characterId: character.id, result })
    events?.emit('data:changed', { characterId: character.id })
    return result
  }

  function planSources(lastSuccess: ReadonlyMap<SourceId, number | null>, options: SyncOptions, at: number): Record<SourceId, 'fetch' | 'not_configured' | 'skipped'> {
    return Object.fromEntries(
      SOURCE_IDS.map((source) => {
        if (!configured[source]) return [source, 'not_configured']
        if (options.skipSources?.includes(source)) return [source, 'skipped']
        const succeededAt = lastSuccess.get(source)
        if (!options.force && succeededAt !== null && succeededAt !== undefined && at - succeededAt < freshnessMs) return [source, 'skipped']
        return [source, 'fetch']
      }),
    ) as Record<SourceId, 'fetch' | 'not_configured' | 'skipped'>
  }

  return { syncCharacter }
}

/**
 * Runs each piece of work alone in its own turn of the event loop, with the network's events in
 * between. A save is a few milliseconds of SQLite and vault rules and building a request about one;
 * done back to back for a roster whose answers land together, they would hold up the answers and
 * requests behind them: the summaries' follow-up requests would go out late, and Blizzard's limiter,
 * which counts from each answer it sees, would free its places late.
 */
function turnTaker() {
  const lane = pLimit(1)
  return <T>(work: () => T): Promise<T> =>
    lane(async () => {
      await nextTurn()
      return work()
    })
}

/** The evidence feeds that answered in this sync. */
function succeededFeeds(fetched: Fetched): EvidenceFeed[] {
  const feeds: EvidenceFeed[] = []
  if (fetched.encounters) feeds.push('blizzard.encounters')
  if (fetched.keystone) feeds.push('blizzard.keystone')
  if (fetched.statistics) feeds.push('blizzard.statistics')
  if (fetched.quests) feeds.push('blizzard.quests')
  if (fetched.warcraftlogs) feeds.push('warcraftlogs.kills')
  if (fetched.raiderio) feeds.push('raiderio.runs')
  return feeds
}

/** The feeds a reused read stands for: the summary proved their answers are those of the stored read. */
function reusedFeeds(statistics: boolean, quests: boolean): EvidenceFeed[] {
  return ['blizzard.encounters', 'blizzard.keystone', ...(statistics ? ['blizzard.statistics' as const] : []), ...(quests ? ['blizzard.quests' as const] : [])]
}

/**
 * True when every source that was asked says the character does not exist (none answered). Warcraft
 * Logs "no data" proves nothing either way.
 */
function isGone(fetched: Fetched, failures: ReadonlyMap<SourceId, SourceError>): boolean {
  // A keystone 404 ("no runs") says nothing about whether the character exists.
  const keystoneFound = fetched.keystone !== undefined && fetched.keystone.periodId !== null
  const confirmed = Boolean(fetched.encounters || keystoneFound || fetched.profile || fetched.raiderio || (fetched.warcraftlogs?.found ?? false))
  return !confirmed && failures.size > 0 && [...failures.values()].every((f) => f.code === 'UNKNOWN_CHARACTER')
}

/** Cancelled on purpose (the app quitting, the player's "Cancel sync"), as opposed to running out of time. */
function wasCancelled(signal: AbortSignal | undefined): boolean {
  return signal !== undefined && signal.aborted && !abortedByDeadline(signal)
}

function asSourceError(source: SourceId, error: unknown): SourceError {
  return error instanceof SourceError ? error : new SourceError(source, 'UPSTREAM_ERROR', error instanceof Error ? error.message : String(error))
}

/** Names the endpoint in a source's error, so "Blizzard failed" says which part did. */
function withContext(error: unknown, what: string): SourceError {
  const failure = asSourceError('blizzard', error)
  return new SourceError(failure.source, failure.code, `${what}: ${failure.message}`, { status: failure.status, retryAfterMs: failure.retryAfterMs, cause: failure })
}

/** Runs the sync's single write; a failure there (disk full, database locked, character removed meanwhile) changes nothing and says so. */
function saveAll<T>(character: TrackedCharacter, path: string, write: () => T): T {
  try {
    return write()
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new StoreError('DB_UNREADABLE', `The sync of ${character.name} was not saved: the character was removed while it synced.`, { cause })
    }
    throw storeErrorFrom(cause, path, `save the sync of ${character.name}`)
  }
}

/** Writes every piece of evidence to the week it belongs to; nothing stored earlier is removed. Returns what was refused, and why. */
function recordEvidence(tx: Db, character: TrackedCharacter, fetched: Fetched, windows: WeekWindow[], week: WeekWindow, weekSeason: WeekSeason, at: number): string[] {
  const refused: string[] = []
  const { encounters, keystone, profile, warcraftlogs, raiderio } = fetched
  if (encounters) {
    for (const [weekStart, kills] of blizzardKills(encounters, windows)) recordRaidKills(tx, character.id, weekStart, kills, at)
    const baseline = firstSnapshotOfWeek(tx, character.id, week)
    if (baseline) recordRaidKills(tx, character.id, week.start, snapshotKills(encounters, baseline.entries, week), at)
    else recordEncounterSnapshot(tx, character.id, week.start, at, snapshotEntries(encounters))
    forgetOldEncounterSnapshots(tx, character.id, at)
  }
  if (keystone) {
    for (const [weekStart, runs] of blizzardRuns(keystone.runs, windows)) recordKeystoneRuns(tx, character.id, weekStart, runs, at)
  }
  const season = weekSeason.table
  if (season?.activities && (fetched.statistics || fetched.quests)) {
    const evidence = activityEvidence(season.activities, { statistics: fetched.statistics, quests: fetched.quests }, getActivityBaseline(tx, character.id, week), week, isPreseason(season, week.period), at)
    saveActivityBaseline(tx, character.id, week.start, evidence.baseline)
    recordActivities(tx, character.id, week.start, evidence.observations, at)
    refused.push(...evidence.problems)
  }
  if (profile) {
    const { className, specName, itemLevel, lastLoginAt, realmName } = profile
    updateCharacterProfile(tx, character.id, { className, specName, itemLevel, lastLoginAt, realmName, loginReadAt: at })
    updateGuild(tx, character.id, profile.guild)
  }
  // The game's own rating first (Blizzard's keystone profile), else Raider.IO's score for the season.
  const rating = keystone?.rating ?? raiderio?.score ?? null
  if (rating !== null) updateMythicRating(tx, character.id, rating)
  if (warcraftlogs?.found) {
    for (const [weekStart, kills] of loggedKills(warcraftlogs.kills, windows)) recordRaidKills(tx, character.id, weekStart, kills, at)
    if (warcraftlogs.parses) replaceBossParses(tx, character.id, warcraftlogs.parses, at)
  }
  if (raiderio) {
    updateRaiderIoCrawl(tx, character.id, raiderio.lastCrawledAt)
    for (const [weekStart, runs] of raiderIoRuns([...raiderio.weeklyRuns, ...raiderio.previousWeeklyRuns], windows)) recordKeystoneRuns(tx, character.id, weekStart, runs, at)
    // Blizzard's profile names the guild when it answered; otherwise Raider.IO's answer does.
    if (!profile && raiderio.guild !== undefined) updateGuild(tx, character.id, raiderio.guild)
    if (!profile && raiderio.className) {
      updateCharacterProfile(tx, character.id, { className: raiderio.className, specName: raiderio.specName, itemLevel: character.itemLevel, lastLoginAt: character.lastLoginAt, realmName: raiderio.realmName })
    }
  }
  return refused
}
