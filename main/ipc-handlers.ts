import type { InvokeChannel } from '../shared/ipc-api.ts'
import { appRoutes } from './ipc/app-routes.ts'
import { characterRoutes } from './ipc/characters-routes.ts'
import { importRoutes } from './ipc/import-routes.ts'
import { createRouteKit, type HandlerContext, type Handler } from './ipc/route-kit.ts'
import { settingsRoutes } from './ipc/settings-routes.ts'
import { syncRoutes } from './ipc/sync-routes.ts'
import { vaultRoutes } from './ipc/vault-routes.ts'

export type { DesktopHooks, HandlerContext } from './ipc/route-kit.ts'

/** A validated handler per channel; the Electron shell and the HTTP test bridge both register these. */
export type IpcHandlers = { [C in InvokeChannel]: Handler<C> }

/**
 * The handlers behind every invoke channel, composed from each domain's routes (main/ipc/). The type
 * makes sure every channel of the contract has exactly one route. No handler returns a secret.
 */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  const kit = createRouteKit(context)
  return {
    ...appRoutes(kit),
    ...characterRoutes(kit),
    ...vaultRoutes(kit),
    ...syncRoutes(kit),
    ...settingsRoutes(kit),
    ...importRoutes(kit),
  }
}
