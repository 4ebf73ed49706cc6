import type { ChannelArgs, ChannelResults, InvokeChannel, UpdateStatus } from '../../shared/ipc-api.ts'
import { INVOKE_CHANNELS } from '../../shared/ipc-contract.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { AppSettings } from '../app-settings.ts'
import type { HttpOptions } from '../clients/http.ts'
import type { Core } from '../composition.ts'
import type { Logger } from '../logging.ts'
import type { SecretStore } from '../ports.ts'
import { getCharacter, type TrackedCharacter } from '../store/characters-repo.ts'
import { isStorageFailure, StoreError, storeErrorFrom } from '../store/store-error.ts'
import type { Scheduler } from '../sync/scheduler.ts'

/**
 * What every IPC route shares: the running app's context, and `handle`, which parses a call's
 * arguments with the contract's schema (shared/ipc-contract.ts, the one contract) and turns every
 * failure into an error value, because a thrown error loses its code across the bridge. The routes
 * live with their domain (app-routes.ts, characters-routes.ts, …); ipc-handlers.ts composes them.
 */

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
  /** Where routes that work in the background (the officer digest's post) log what happened. */
  log?: Logger
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

export type Handler<C extends InvokeChannel> = (args: unknown[]) => Promise<Result<ChannelResults[C]>>
/** The handlers of some channels (one domain's routes). */
export type Routes<C extends InvokeChannel> = { [K in C]: Handler<K> }

export interface RouteKit {
  context: HandlerContext
  /** Wraps a route: arguments parsed and validated, the core required unless `needsCore` is false, errors as values. */
  handle<C extends InvokeChannel>(channel: C, work: (args: ChannelArgs[C], core: Core) => Promise<Result<ChannelResults[C]>> | Result<ChannelResults[C]>, needsCore?: boolean): Handler<C>
  /** The tracked character a call names, or the error the window shows when it was removed meanwhile. */
  trackedCharacter(core: Core, id: number): Result<TrackedCharacter>
  /** When the scheduler syncs the character next (null without one). */
  nextSyncAt(characterId: number): number | null
}

export function createRouteKit(context: HandlerContext): RouteKit {
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
  return {
    context,
    handle,
    trackedCharacter: (core, id) => {
      const character = getCharacter(core.store.db, id)
      return character ? ok(character) : err('UNKNOWN_CHARACTER', 'That character is not tracked any more.')
    },
    nextSyncAt: (characterId) => context.scheduler?.nextDueAt(characterId) ?? null,
  }
}
