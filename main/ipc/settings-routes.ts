import type { CredentialSource, SettingsView } from '../../shared/ipc-api.ts'
import { checkTrackedQuest, MAX_TRACKED_QUESTS } from '../../shared/domain/weekly-quests.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { readAppSettings, updateAppSettings, withChanges } from '../app-settings.ts'
import type { Core } from '../composition.ts'
import { redirectUriFor } from '../import/oauth-callback.ts'
import { listTrackedQuests, trackQuest, untrackQuest } from '../store/quest-checks-repo.ts'
import { checkCredentials } from '../sync/check-credentials.ts'
import { isRaiderIoKey } from '../config.ts'
import { officerDigestView } from '../desktop/officer-digest.ts'
import { findGame, gameReport, type GameReport } from '../game/game-report.ts'
import { gameSavesStatus } from '../game/game-status.ts'
import { overviewCacheOf } from '../desktop/overview-cache.ts'
import { officerDigestRoutes } from './officer-digest-routes.ts'
import type { RouteKit, Routes } from './route-kit.ts'
import { refusedSecret } from './secret-saving.ts'

/** The settings as the window sees them, after a change (routes of other files answer with them too). */
export type SettingsViewOf = (core: Core) => Result<SettingsView>

const ENV_NAMES: Record<CredentialSource, [string, string]> = {
  blizzard: ['VAULT_BLIZZARD_CLIENT_ID', 'VAULT_BLIZZARD_CLIENT_SECRET'],
  warcraftlogs: ['VAULT_WCL_CLIENT_ID', 'VAULT_WCL_CLIENT_SECRET'],
}

/** Preferences, API credentials and the tracked weekly quests; the window only ever learns whether a secret is configured. */
export function settingsRoutes(kit: RouteKit): Routes<'settings:get' | 'settings:update' | 'credentials:save' | 'credentials:clear' | 'quests:track' | 'quests:untrack' | 'officer-digest:save' | 'officer-digest:clear' | 'officer-digest:post-now' | 'raiderio-key:save' | 'raiderio-key:clear'> {
  const { handle, context } = kit
  const { secrets, env } = context

  /**
   * The game's folder is looked at when Settings is read and when the folder set there changes, not on
   * every stored preference (the board stores its sort and filters through settings:update). The
   * addons' files are read elsewhere (desktop/game-files.ts); their last report is taken then too.
   */
  let game: { wowDir: string | null; report: GameReport } | undefined
  function gameView(core: Core, wowDir: string | null, fresh: boolean): GameReport {
    if (fresh || game === undefined || game.wowDir !== wowDir) game = { wowDir, report: gameReport(findGame(wowDir ?? undefined, env, 'Settings'), gameSavesStatus(core)) }
    return game.report
  }

  function settingsView(core: Core, { freshGame = false } = {}): SettingsView {
    const stored = secrets.load()
    const credential = (source: CredentialSource) => {
      const [idVar, secretVar] = ENV_NAMES[source]
      if (env[idVar]?.trim() && env[secretVar]?.trim()) return { configured: true, from: 'environment' as const }
      const saved = stored[source]
      return saved?.clientId && saved.clientSecret ? { configured: true, from: 'saved' as const } : { configured: false, from: null }
    }
    const settings = readAppSettings(core.store.db)
    return { ...settings, importRedirectUri: redirectUriFor(settings.importPort), credentials: { blizzard: credential('blizzard'), warcraftlogs: credential('warcraftlogs') }, secureStorage: secrets.availability(), trackedQuests: listTrackedQuests(core.store.db), officerDigest: officerDigestView(core.store.db, settings.officerDigest, stored.discordWebhook), game: gameView(core, settings.wowDir, freshGame), raiderioKey: raiderIoKeyView(stored.raiderioAccessKey) }
  }

  function raiderIoKeyView(saved: string | undefined): SettingsView['raiderioKey'] {
    if (env.VAULT_RAIDERIO_ACCESS_KEY?.trim()) return { configured: true, from: 'environment' }
    return saved ? { configured: true, from: 'saved' } : { configured: false, from: null }
  }

  return {
    ...officerDigestRoutes(kit, (core) => ok(settingsView(core))),
    'settings:get': handle('settings:get', (_args, core) => ok(settingsView(core, { freshGame: true }))),

    'settings:update': handle('settings:update', ([input], core) => {
      // The system change comes first: a preference the OS refused is not stored as if it held.
      const failure = context.desktop?.settingsChanged(withChanges(readAppSettings(core.store.db), input))
      if (failure) return err('INTERNAL', failure)
      updateAppSettings(core.store.db, input, core.now())
      return ok(settingsView(core))
    }),

    'credentials:save': handle('credentials:save', async ([input], core) => {
      const { source, clientId, clientSecret } = input
      const refused = refusedSecret(secrets, { what: 'the credentials', instead: 'the VAULT_* environment variables', consent: { given: input.withoutEncryption === true } })
      if (refused) return refused
      const pair = { clientId: clientId.trim(), clientSecret: clientSecret.trim() }
      // One token request first: credentials that do not work are never saved.
      const checked = await checkCredentials(source, pair, env, context.http)
      if (!checked.ok) return checked
      const next = { ...secrets.load(), [source]: pair }
      secrets.save(next)
      core.setStoredCredentials(next)
      // Which sources are configured shows in every row.
      overviewCacheOf(core).invalidateAll()
      return ok(settingsView(core))
    }),

    'quests:track': handle('quests:track', ([input], core) => {
      const checked = checkTrackedQuest(input.id, input.name)
      if (!checked.ok) return err('INVALID_INPUT', checked.message)
      if (!trackQuest(core.store.db, checked.quest, core.now())) return err('INVALID_INPUT', `The board tracks at most ${MAX_TRACKED_QUESTS} quests: remove one first.`)
      overviewCacheOf(core).invalidateAll()
      return ok(settingsView(core))
    }),

    'quests:untrack': handle('quests:untrack', ([input], core) => {
      untrackQuest(core.store.db, input.id, core.now())
      overviewCacheOf(core).invalidateAll()
      return ok(settingsView(core))
    }),

    'raiderio-key:save': handle('raiderio-key:save', ([input], core) => {
      const key = input.key.trim()
      if (!isRaiderIoKey(key)) return err('INVALID_INPUT', 'That is not a Raider.IO access key (letters, digits, - and _ only). Copy it again from your Raider.IO account.')
      const refused = refusedSecret(secrets, { what: 'the key', instead: 'VAULT_RAIDERIO_ACCESS_KEY' })
      if (refused) return refused
      const next = { ...secrets.load(), raiderioAccessKey: key }
      secrets.save(next)
      // The Raider.IO client and its pace (600 a minute with a key) follow at once.
      core.setStoredCredentials(next)
      return ok(settingsView(core))
    }),

    'raiderio-key:clear': handle('raiderio-key:clear', (_args, core) => {
      const next = { ...secrets.load() }
      delete next.raiderioAccessKey
      secrets.save(next)
      core.setStoredCredentials(next)
      return ok(settingsView(core))
    }),

    'credentials:clear': handle('credentials:clear', ([input], core) => {
      const { source } = input
      const next = { ...secrets.load() }
      delete next[source]
      secrets.save(next)
      core.setStoredCredentials(next)
      // Which sources are configured shows in every row.
      overviewCacheOf(core).invalidateAll()
      return ok(settingsView(core))
    }),
  }
}
