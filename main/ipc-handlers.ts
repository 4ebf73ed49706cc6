import { tableInfo } from '../shared/domain/live-season.ts'
import { characterRefFromParts, parseRegion } from '../shared/domain/realm.ts'
import type { ChannelArgs, ChannelResults, CredentialSource, InvokeChannel, SettingsView, UpdateStatus } from '../shared/ipc-api.ts'
import { INVOKE_CHANNELS } from '../shared/ipc-contract.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { readAppSettings, updateAppSettings, withChanges, type AppSettings } from './app-settings.ts'
import type { Core } from './composition.ts'
import { characterOverview, characterVaultView, markLastWeekOpened } from './desktop/vault-views.ts'
import type { HttpOptions } from './clients/http.ts'
import type { SecretStore } from './ports.ts'
import { addCharacter, findCharacter, getCharacter, listCharacters, removeCharacter, type TrackedCharacter } from './store/characters-repo.ts'
import { isStorageFailure, StoreError, storeErrorFrom } from './store/store-error.ts'
import type { Scheduler } from './sync/scheduler.ts'
import { outcomeFailed, settleSync } from './sync/sync-result.ts'
import { checkCredentials } from './sync/check-credentials.ts'
import { validateCharacter } from './sync/validate-character.ts'
import { checkPick, importFromAccount, importFromGuild, trackPicks } from './import/import-service.ts'
import { redirectUriFor } from './import/oauth-callback.ts'

/** What the handlers need from the running app. */
export interface HandlerContext {
  appVersion: string
  /** The core, or why the database could not be opened (the app still starts and says so). */
  core: Core | StoreError
  scheduler?: Scheduler
  secrets: SecretStore
  /** To tell credentials set in the environment (which win) from saved ones. */
  env: NodeJS.ProcessEnv
  /** HTTP tuning for the credentials check (tests make it fast). */
  http?: Omit<HttpOptions, 'source'>
  /** What only the desktop shell has (logs, updates, the login item); absent in the CLI-backed test bridge. */
  desktop?: DesktopHooks
  /** Shows Blizzard's sign-in page in the system browser (the test bridge follows it like a browser). */
  openSignInPage?(url: string): void | Promise<void>
}

/** The desktop shell's side of a few channels. */
export interface DesktopHooks {
  logsFolder: string
  /** Opens the folder in the file manager; resolves to an error message when the OS could not. */
  openLogsFolder(): Promise<string | undefined>
  updateStatus(): UpdateStatus
  /** The route a deep link asked for before the page was ready (taken once). */
  takePendingRoute?(): number | null
  /** Applies preferences to the system (start at login, updates on or off); an error message when the OS refused. */
  settingsChanged(settings: AppSettings): string | undefined
}

const UPDATES_OFF: UpdateStatus = { state: 'off', version: null, message: null }

type Handler<C extends InvokeChannel> = (args: unknown[]) => Promise<Result<ChannelResults[C]>>
/** A validated handler per channel; the Electron shell and the HTTP test bridge both register these. */
export type IpcHandlers = { [C in InvokeChannel]: Handler<C> }

const ENV_NAMES: Record<CredentialSource, [string, string]> = {
  blizzard: ['VAULT_BLIZZARD_CLIENT_ID', 'VAULT_BLIZZARD_CLIENT_SECRET'],
  warcraftlogs: ['VAULT_WCL_CLIENT_ID', 'VAULT_WCL_CLIENT_SECRET'],
}

/**
 * The handlers behind every invoke channel. Arguments are parsed with the contract's schema first;
 * every failure becomes an error value, because a thrown error loses its code across the bridge.
 * No handler returns a secret.
 */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  const { secrets, env } = context

  /** Runs `work` with the parsed arguments and the core; errors become values. */
  function handle<C extends InvokeChannel>(channel: C, work: (args: ChannelArgs[C], core: Core) => Promise<Result<ChannelResults[C]>> | Result<ChannelResults[C]>, needsCore = true): Handler<C> {
    return async (args) => {
      const parsed = INVOKE_CHANNELS[channel].safeParse(args)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return err('INVALID_INPUT', `Invalid request (${channel}): ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unknown'}`.trim())
      }
      const core = context.core
      if (needsCore && core instanceof StoreError) return err(core.code, core.message)
      try {
        // The schema was checked against ChannelArgs at compile time (ipc-contract.ts `satisfies`).
        return await work(parsed.data as ChannelArgs[C], core as Core)
      } catch (error) {
        if (error instanceof StoreError) return err(error.code, error.message)
        if (isStorageFailure(error)) {
          const failure = storeErrorFrom(error, (core as Core).store.path, 'finish that')
          return err(failure.code, failure.message)
        }
        return err('INTERNAL', error instanceof Error ? error.message : String(error))
      }
    }
  }

  const nextSyncAt = (characterId: number) => context.scheduler?.nextDueAt(characterId) ?? null
  /** The tracked character a call names, or the error the window shows when it was removed meanwhile. */
  const trackedCharacter = (core: Core, id: number): Result<TrackedCharacter> => {
    const character = getCharacter(core.store.db, id)
    return character ? ok(character) : err('UNKNOWN_CHARACTER', 'That character is not tracked any more.')
  }
  /** The account import waiting for the browser, so Cancel (or a second start) can end it. */
  let signIn: AbortController | undefined

  function settingsView(core: Core): SettingsView {
    const stored = secrets.load()
    const credential = (source: CredentialSource) => {
      const [idVar, secretVar] = ENV_NAMES[source]
      if (env[idVar]?.trim() && env[secretVar]?.trim()) return { configured: true, from: 'environment' as const }
      const saved = stored[source]
      return saved?.clientId && saved.clientSecret ? { configured: true, from: 'saved' as const } : { configured: false, from: null }
    }
    const settings = readAppSettings(core.store.db)
    return { ...settings, importRedirectUri: redirectUriFor(settings.importPort), credentials: { blizzard: credential('blizzard'), warcraftlogs: credential('warcraftlogs') }, secureStorage: secrets.availability() }
  }

  return {
    'app:info': handle(
      'app:info',
      (_args, core) =>
        ok({
          version: context.appVersion,
          database: core instanceof StoreError ? { ok: false as const, error: { code: core.code, message: core.message } } : { ok: true as const, path: core.store.path },
          logsFolder: context.desktop?.logsFolder ?? null,
          update: context.desktop?.updateStatus() ?? UPDATES_OFF,
          seasonTables: core instanceof StoreError ? null : { tables: core.season.tables.map(tableInfo), problems: [...core.seasonTables.problems] },
        }),
      false,
    ),

    'app:pending-route': handle('app:pending-route', () => ok({ characterId: context.desktop?.takePendingRoute?.() ?? null }), false),

    'app:open-logs': handle(
      'app:open-logs',
      async () => {
        if (!context.desktop) return err('INTERNAL', 'There is no log folder outside the desktop app.')
        const failure = await context.desktop.openLogsFolder()
        return failure ? err('INTERNAL', `Could not open ${context.desktop.logsFolder}: ${failure}`) : ok({ opened: true as const })
      },
      false,
    ),

    'characters:list': handle('characters:list', (_args, core) => ok(listCharacters(core.store.db).map((c) => characterOverview(core, c, nextSyncAt(c.id))))),

    'characters:get': handle('characters:get', ([input], core) => {
      const character = trackedCharacter(core, input.characterId)
      return character.ok ? ok(characterOverview(core, character.value, nextSyncAt(character.value.id))) : character
    }),

    'characters:add': handle('characters:add', async ([input], core) => {
      const parsed = characterRefFromParts(input.region, input.realm, input.name)
      if (!parsed.ok) return parsed
      const ref = parsed.value
      const existing = findCharacter(core.store.db, ref)
      if (existing) return ok(characterOverview(core, existing))
      const checked = await validateCharacter(core.clients, ref)
      if (!checked.ok) return checked
      const { character } = addCharacter(core.store.db, checked.value, core.now())
      // The tray and any other view list characters: tell them.
      core.events.emit('data:changed', { characterId: character.id })
      // Fill the new vault right away; the view updates on data:changed.
      void context.scheduler?.runNow([character.id])
      return ok(characterOverview(core, character))
    }),

    'characters:remove': handle('characters:remove', ([input], core) => {
      const { id } = input
      const removed = removeCharacter(core.store.db, id)
      if (removed) core.events.emit('data:changed', { characterId: id })
      return ok({ removed })
    }),

    'vault:get': handle('vault:get', ([input], core) => {
      const character = trackedCharacter(core, input.characterId)
      return character.ok ? ok(characterVaultView(core, character.value, nextSyncAt(character.value.id))) : character
    }),

    'vault:mark-opened': handle('vault:mark-opened', ([input], core) => {
      const character = trackedCharacter(core, input.characterId)
      if (!character.ok) return character
      markLastWeekOpened(core, character.value)
      core.events.emit('data:changed', { characterId: character.value.id })
      return ok(characterOverview(core, character.value, nextSyncAt(character.value.id)))
    }),

    'sync:run': handle('sync:run', async ([input], core) => {
      const { characterId } = input
      if (characterId !== undefined) {
        const character = trackedCharacter(core, characterId)
        if (!character.ok) return character
      }
      const ids = characterId === undefined ? undefined : [characterId]
      const outcomes = context.scheduler
        ? await context.scheduler.runNow(ids)
        : await Promise.all(listCharacters(core.store.db).filter((c) => !ids || ids.includes(c.id)).map((c) => settleSync(c, core.sync.syncCharacter(c, { force: true }))))
      // A sync that threw counts as failed, with its reason: it never just vanishes from the count.
      const failures = outcomes.filter(outcomeFailed)
      const reasons = outcomes.flatMap((o) => (o.ok ? [] : [`${o.character.name}: ${o.message}`]))
      return ok({ synced: outcomes.length - failures.length, failed: failures.length, errors: reasons })
    }),

    'settings:get': handle('settings:get', (_args, core) => ok(settingsView(core))),

    'settings:update': handle('settings:update', ([input], core) => {
      // The system change comes first: a preference the OS refused is not stored as if it held.
      const failure = context.desktop?.settingsChanged(withChanges(readAppSettings(core.store.db), input))
      if (failure) return err('INTERNAL', failure)
      updateAppSettings(core.store.db, input, core.now())
      return ok(settingsView(core))
    }),

    'credentials:save': handle('credentials:save', async ([input], core) => {
      const { source, clientId, clientSecret } = input
      if (secrets.availability() === 'unavailable') return err('INTERNAL', 'This system offers no way to store secrets; set the VAULT_* environment variables instead.')
      // Without a keyring (Linux basic_text) "encrypted" means a fixed key: only with the player's say-so.
      if (secrets.availability() === 'plaintext' && input.withoutEncryption !== true) {
        return err('INVALID_INPUT', 'This system has no keyring, so the secret would be stored without real encryption. Tick "Save without encryption" to save it anyway, or set the VAULT_* environment variables instead.')
      }
      const pair = { clientId: clientId.trim(), clientSecret: clientSecret.trim() }
      // One token request first: credentials that do not work are never saved.
      const checked = await checkCredentials(source, pair, env, context.http)
      if (!checked.ok) return checked
      const next = { ...secrets.load(), [source]: pair }
      secrets.save(next)
      core.setStoredCredentials(next)
      return ok(settingsView(core))
    }),

    'import:account': handle('import:account', async ([input], core) => {
      const region = parseRegion(input.region)
      if (!region.ok) return region
      const openSignInPage = context.openSignInPage
      if (!openSignInPage) return err('INTERNAL', 'Signing in with Battle.net needs the desktop app.')
      // One sign-in at a time: a new start replaces one the player abandoned.
      signIn?.abort()
      const controller = new AbortController()
      signIn = controller
      try {
        return await importFromAccount(core, { region: region.value, port: readAppSettings(core.store.db).importPort, openBrowser: (url) => openSignInPage(url), signal: controller.signal })
      } finally {
        if (signIn === controller) signIn = undefined
      }
    }),

    'import:cancel': handle(
      'import:cancel',
      () => {
        const running = signIn !== undefined
        signIn?.abort()
        return ok({ cancelled: running })
      },
      false,
    ),

    'import:guild': handle('import:guild', async ([input], core) => {
      const region = parseRegion(input.region)
      if (!region.ok) return region
      return importFromGuild(core, { region: region.value, realm: input.realm, guild: input.guild }, { maxRank: input.maxRank, minLevel: input.minLevel })
    }),

    'import:track': handle('import:track', ([input], core) => {
      // The picks come back from the window: refused as a whole on the first that fails the import's one check.
      for (const pick of input.picks) {
        const checked = checkPick(pick)
        if (!checked.ok) return checked
      }
      const { added, alreadyTracked } = trackPicks(core, input.picks)
      // Each new character is news of its own (the window and the tray add one card per event).
      for (const character of added) core.events.emit('data:changed', { characterId: character.id })
      // Fill the new vaults right away; the window updates on data:changed.
      if (added.length > 0) void context.scheduler?.runNow(added.map((c) => c.id))
      return ok({ added: added.length, alreadyTracked: alreadyTracked.length })
    }),

    'credentials:clear': handle('credentials:clear', ([input], core) => {
      const { source } = input
      const next = { ...secrets.load() }
      delete next[source]
      secrets.save(next)
      core.setStoredCredentials(next)
      return ok(settingsView(core))
    }),
  }
}
