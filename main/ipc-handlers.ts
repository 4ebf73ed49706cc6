import { listCharacters } from './store/characters-repo.ts'
import type { Store } from './store/db.ts'
import { StoreError } from './store/store-error.ts'
import type { ChannelResults, InvokeChannel } from '../shared/ipc-api.ts'
import { INVOKE_CHANNELS } from '../shared/ipc-contract.ts'
import { err, ok, type Result } from '../shared/result.ts'

/** What the handlers need from the running app. */
export interface HandlerContext {
  appVersion: string
  /** The open store, or why it could not be opened (the app still starts and says so). */
  store: Store | StoreError
}

/** A validated handler per channel; the Electron shell and the HTTP test bridge both register these. */
export type IpcHandlers = { [C in InvokeChannel]: (args: unknown[]) => Promise<Result<ChannelResults[C]>> }

/**
 * The handlers behind every invoke channel. Arguments are parsed with the contract's schema first;
 * any failure becomes an error value, because a thrown error loses its code across the bridge.
 */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  const withStore = <T>(work: (store: Store) => T): Result<T> => {
    if (context.store instanceof StoreError) return err(context.store.code, context.store.message)
    return ok(work(context.store))
  }
  return {
    'app:info': guarded('app:info', () =>
      ok({
        version: context.appVersion,
        database:
          context.store instanceof StoreError
            ? { ok: false as const, error: { code: context.store.code, message: context.store.message } }
            : { ok: true as const, path: context.store.path },
      }),
    ),
    'characters:list': guarded('characters:list', () =>
      withStore((store) => listCharacters(store.db).map(({ id, region, realm, name }) => ({ id, region, realm, name }))),
    ),
  }
}

function guarded<C extends InvokeChannel>(channel: C, handle: () => Result<ChannelResults[C]>) {
  return async (args: unknown[]): Promise<Result<ChannelResults[C]>> => {
    const parsed = INVOKE_CHANNELS[channel].safeParse(args)
    if (!parsed.success) return err('INVALID_INPUT', `Invalid arguments for ${channel}: ${parsed.error.issues[0]?.message ?? 'unknown'}`)
    try {
      return handle()
    } catch (error) {
      if (error instanceof StoreError) return err(error.code, error.message)
      return err('INTERNAL', error instanceof Error ? error.message : String(error))
    }
  }
}
