import { createBlizzardClient } from './clients/blizzard/client.ts'
import { createHttp, type HttpOptions } from './clients/http.ts'
import type { RateLimit } from './clients/rate-limiter.ts'
import { createRaiderIoClient } from './clients/raiderio/client.ts'
import { createWarcraftLogsClient } from './clients/warcraftlogs/client.ts'
import { readSourcesConfig, type StoredCredentials } from './config.ts'
import { openLocalCore, type LocalCore, type LocalCoreOptions } from './local-core.ts'
import { systemClock, type Clock, type TokenStore } from './ports.ts'
import { listCharacters } from './store/characters-repo.ts'
import { createResponseCache } from './store/response-cache-repo.ts'
import { lastSyncAttempt } from './store/sync-status-repo.ts'
import { SyncEvents } from './sync/events.ts'
import { createScheduler, type Scheduler, type SchedulerDeps } from './sync/scheduler.ts'
import { createSeasonContext, type SeasonContext } from './sync/season-context.ts'
import { createSyncService, type SourceClients, type SyncService } from './sync/sync-service.ts'

/** Everything the app does, wired once: the CLI's syncs, the desktop shell and the tests all start here. */
export interface Core extends LocalCore {
  clients: SourceClients
  /** Season facts, refreshed from Raider.IO when stale. */
  season: SeasonContext
  sync: SyncService
  events: SyncEvents
  /** Rebuilds the clients after the player saved or cleared credentials (the environment still wins); config follows. */
  setStoredCredentials(stored: StoredCredentials): void
}

export interface CoreOptions extends LocalCoreOptions {
  /** HTTP tuning (timeouts, retries); tests make backoff fast. */
  http?: Omit<HttpOptions, 'source'>
  /** Keeps OAuth tokens across runs (the CLI's file); by default they live as long as the process. */
  tokenStore?: TokenStore
}

/** Opens the database and builds the clients and the sync service. No network happens here. */
export function createCore(options: CoreOptions): Core {
  const local = openLocalCore(options)
  const { store, now } = local
  const events = new SyncEvents()
  const http = (source: HttpOptions['source'], raiderIoKey = false) => createHttp({ rateLimits: rateLimitsFor(source, options.env, raiderIoKey), ...options.http, source })

  function wire(stored: StoredCredentials) {
    const config = readSourcesConfig(options.env, stored)
    const clients: SourceClients = {
      blizzard: config.blizzard && createBlizzardClient({ config: config.blizzard, http: http('blizzard'), cache: createResponseCache(store.db, now), now, tokens: options.tokenStore }),
      warcraftlogs: config.warcraftlogs && createWarcraftLogsClient({ config: config.warcraftlogs, http: http('warcraftlogs'), now, tokens: options.tokenStore }),
      raiderio: createRaiderIoClient(config.raiderio, http('raiderio', config.raiderio.accessKey !== undefined)),
    }
    const season = createSeasonContext({ db: store.db, raiderio: clients.raiderio, blizzard: clients.blizzard, now, tables: local.seasonTables.tables })
    const sync = createSyncService({ store, clients, season, now, events })
    return { config, clients, season, sync }
  }

  const core: Core = {
    ...local,
    events,
    ...wire(options.storedCredentials ?? {}),
    setStoredCredentials(stored) {
      Object.assign(core, wire(stored))
    },
  }
  return core
}

/**
 * Blizzard documents 100 requests per second and 36,000 per hour per client (api-contracts §1.2). The
 * limiter holds a request's place from its send until a window's length after its answer
 * (clients/rate-limiter.ts), and a request reaches Blizzard between the two, so however the network
 * delays each one, no 101 of ours arrive within one second: the documented figures need no margin. A
 * 429 still pauses every request (http.ts).
 */
const BLIZZARD_LIMITS = [{ limit: 100, interval: 1000 }, { limit: 36_000, interval: 3_600_000 }]
/**
 * How many characters a run syncs at once: as many as one of Blizzard's windows holds when each asks
 * only its profile summary (sync/blizzard-reuse.ts), so a roster that did not play goes out in one
 * round trip. Characters that read everything queue their requests behind Blizzard's limits, whose
 * wait comes before any request's timeouts start. The CLI's sync and the app's scheduler both use it.
 */
export const CONCURRENT_CHARACTERS = BLIZZARD_LIMITS[0]!.limit

/** The hourly scheduler over a core (the desktop app runs one; the CLI syncs directly). */
export function createCoreScheduler(core: Core, clock: Clock = systemClock, tuning: Partial<Pick<SchedulerDeps, 'intervalMs' | 'minGapMs' | 'concurrency'>> = {}): Scheduler {
  return createScheduler({
    clock,
    listCharacters: () => listCharacters(core.store.db),
    lastSyncedAt: (id) => lastSyncAttempt(core.store.db, id),
    syncCharacter: (character, options) => core.sync.syncCharacter(character, options),
    warcraftLogsRateLimit: () => core.clients.warcraftlogs?.rateLimit(),
    events: core.events,
    concurrency: CONCURRENT_CHARACTERS,
    ...tuning,
  })
}

/** Raider.IO's pace without an access key: no figure is documented (README "Requests"), so it is ours. */
export const RAIDERIO_DEFAULT_PER_MINUTE = 200
/** With an access key (which Raider.IO documents as the way to higher limits), still below the 1,000 reported for keys. */
export const RAIDERIO_KEY_DEFAULT_PER_MINUTE = 600

/**
 * Request limits per source, shared by every character of this process (BLIZZARD_LIMITS). Warcraft
 * Logs limits points per hour, not requests: the scheduler leaves it out while its points, read from
 * every answer, run low. Raider.IO documents no figure that could be read here: its default lets a
 * roster of 120 and the season's few requests through in one minute, VAULT_RAIDERIO_REQUESTS_PER_MINUTE
 * changes it, and its 429s set the pace beyond (http.ts pauses every Raider.IO request for them).
 */
export function rateLimitsFor(source: HttpOptions['source'], env: NodeJS.ProcessEnv, raiderIoKey = false): RateLimit[] {
  if (source === 'blizzard') return BLIZZARD_LIMITS
  if (source === 'warcraftlogs') return []
  const perMinute = Number(env.VAULT_RAIDERIO_REQUESTS_PER_MINUTE)
  const fallback = raiderIoKey ? RAIDERIO_KEY_DEFAULT_PER_MINUTE : RAIDERIO_DEFAULT_PER_MINUTE
  return [{ limit: Number.isInteger(perMinute) && perMinute > 0 ? perMinute : fallback, interval: 60_000 }]
}
