import { parseRegion } from '../../shared/domain/realm.ts'
import { err, ok } from '../../shared/result.ts'
import { readAppSettings } from '../app-settings.ts'
import { findGame } from '../game/game-report.ts'
import { checkPick, importFromAccount, importFromGuild, importFromThisPc, trackPicks } from '../import/import-service.ts'
import type { RouteKit, Routes } from './route-kit.ts'

/** Importing characters: from the Battle.net account (sign-in in the browser) or a guild, then tracking the picks. */
export function importRoutes({ handle, context }: RouteKit): Routes<'import:account' | 'import:cancel' | 'import:guild' | 'import:this-pc' | 'import:track'> {
  /** The account import waiting for the browser, so Cancel (or a second start) can end it. */
  let signIn: AbortController | undefined
  return {
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

    'import:this-pc': handle('import:this-pc', ([input], core) => {
      const region = input.region === undefined ? undefined : parseRegion(input.region)
      if (region && !region.ok) return region
      const game = findGame(readAppSettings(core.store.db).wowDir ?? undefined, context.env, 'Settings')
      if (!game.ok) return err('INVALID_INPUT', game.message)
      return importFromThisPc(core.store.db, game.found, region?.value)
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
  }
}
