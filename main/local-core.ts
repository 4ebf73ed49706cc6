import { readSourcesConfig, type SourcesConfig, type StoredCredentials } from './config.ts'
import { databasePath } from './data-dir.ts'
import { loadSeasonTables, type LoadedSeasonTables } from './season-tables.ts'
import { openStore, type Store } from './store/db.ts'
import { createSeasonContext, type SeasonContext } from './sync/season-context.ts'

/**
 * The database and the season facts stored in it, with no network code: the CLI's offline commands
 * (`vault`, `list`, `untrack`) open only this, so they start without loading the HTTP clients.
 * The full Core (composition.ts) builds on it.
 */
export interface LocalCore {
  store: Store
  /** The current configuration (which sources are set up decides what "not configured" means). */
  config: SourcesConfig
  /** Season facts from the store only: nothing here fetches. */
  season: SeasonContext
  /** The season tables in use (shipped, or newer ones from the data folder) and any file that was refused. */
  seasonTables: LoadedSeasonTables
  now: () => number
  close(): void
}

export interface LocalCoreOptions {
  dataDir: string
  env: NodeJS.ProcessEnv
  /** Credentials the desktop app saved (already decrypted); the environment wins over them. */
  storedCredentials?: StoredCredentials
  now?: () => number
  migrationsFolder?: string
  /** How long a write waits for another process's lock (default 5 s). */
  busyTimeoutMs?: number
  /** False for callers that only read: the database is then not checked page by page at open (see OpenStoreOptions). */
  checkWholeFile?: boolean
}

/** Opens the database (migrating it if needed). A bad address in the configuration (ConfigError) is refused before the database is even opened. */
export function openLocalCore(options: LocalCoreOptions): LocalCore {
  const now = options.now ?? Date.now
  const config = readSourcesConfig(options.env, options.storedCredentials ?? {})
  const store = openStore(databasePath(options.dataDir), options.migrationsFolder, { busyTimeoutMs: options.busyTimeoutMs, checkWholeFile: options.checkWholeFile })
  const seasonTables = loadSeasonTables(options.dataDir, now())
  return { store, config, seasonTables, season: createSeasonContext({ db: store.db, now, tables: seasonTables.tables }), now, close: () => store.close() }
}
