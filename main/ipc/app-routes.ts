import { tableInfo } from '../../shared/domain/live-season.ts'
import type { UpdateStatus } from '../../shared/ipc-api.ts'
import { err, ok } from '../../shared/result.ts'
import { StoreError } from '../store/store-error.ts'
import type { RouteKit, Routes } from './route-kit.ts'

const UPDATES_OFF: UpdateStatus = { state: 'off', version: null, message: null }

/** The app itself: what it is and where its database is, the start-up route, the logs folder. */
export function appRoutes({ handle, context }: RouteKit): Routes<'app:info' | 'app:pending-route' | 'app:open-logs'> {
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
  }
}
