import { createBlizzardClient } from './clients/blizzard/client.ts'
import { createHttp, type HttpOptions, type RateLimit } from './clients/http.ts'
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
  const http = (source: HttpOptions['source']) => createHttp({ rateLimits: rateLimitsFor(source, options.env), ...options.http, source })

  function wire(stored: StoredCredentials) {
    const config = readSourcesConfig(options.env, stored)
    const clients: SourceClients = {
      blizzard: config.blizzard && createBlizzardClient({ config: config.blizzard, http: http('blizzard'), cache: createResponseCache(store.db, now), now, tokens: options.tokenStore }),
      warcraftlogs: config.warcraftlogs && createWarcraftLogsClient({ config: config.warcraftlogs, http: http('warcraftlogs'), now, tokens: options.tokenStore }),
      raiderio: createRaiderIoClient(config.raiderio, http('raiderio')),
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

/** The most requests Blizzard gets in any one second (see rateLimitsFor), and one character's requests to it (profile, encounters, keystone, statistics, quests). */
const BLIZZARD_BURST = 64
const BLIZZARD_REQUESTS_PER_CHARACTER = 5

/**
 * How many characters a run syncs at once: as many as Blizzard's burst holds (12), so they all go out
 * in one round trip; the request queues keep anything beyond that in line anyway. The CLI's sync and
 * the app's scheduler both use it.
 */
export const CONCURRENT_CHARACTERS = Math.floor(BLIZZARD_BURST / BLIZZARD_REQUESTS_PER_CHARACTER)

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

/**
 * Request limits per source, shared by every character of this process. Blizzard documents 100 per
 * second and 36,000 per hour. Requests reach it with jitter (a loaded machine, a slow network), so one
 * second's requests can arrive in the next: at most 64 start in any second (a dozen characters go out
 * at once) and at most 80 in any 1.5 s, so even half a second of jitter never puts more than 80 into
 * one of Blizzard's seconds. (A plain 90 per second drew 429s from the enforcing fake on a loaded
 * 2-core machine; 80 per second in bursts still did.)
 * Warcraft Logs limits points per hour, not requests: the scheduler leaves it out while its points,
 * read from every answer, run low. Raider.IO publishes no figure, so it gets a conservative default
 * that VAULT_RAIDERIO_REQUESTS_PER_MINUTE can change.
 */
export function rateLimitsFor(source: HttpOptions['source'], env: NodeJS.ProcessEnv): RateLimit[] {
  if (source === 'blizzard') return [{ limit: BLIZZARD_BURST, interval: 1000 }, { limit: 80, interval: 1500 }, { limit: 36_000, interval: 3_600_000 }]
  if (source === 'warcraftlogs') return []
  const perMinute = Number(env.VAULT_RAIDERIO_REQUESTS_PER_MINUTE)
  return [{ limit: Number.isInteger(perMinute) && perMinute > 0 ? perMinute : 120, interval: 60_000 }]
}
