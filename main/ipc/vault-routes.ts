import { err, ok } from '../../shared/result.ts'
import { overviewCacheOf } from '../desktop/overview-cache.ts'
import { characterVaultView, markLastWeekOpened } from '../desktop/vault-views.ts'
import { withNextSync } from './characters-routes.ts'
import type { RouteKit, Routes } from './route-kit.ts'

/** A character's vault view, and marking last week's as opened. */
export function vaultRoutes({ handle, trackedCharacter, nextSyncAt }: RouteKit): Routes<'vault:get' | 'vault:mark-opened'> {
  return {
    'vault:get': handle('vault:get', ([input], core) => {
      const character = trackedCharacter(core, input.characterId)
      return character.ok ? ok(characterVaultView(core, character.value, nextSyncAt(character.value.id))) : character
    }),

    'vault:mark-opened': handle('vault:mark-opened', ([input], core) => {
      const character = trackedCharacter(core, input.characterId)
      if (!character.ok) return character
      markLastWeekOpened(core, character.value)
      core.events.emit('data:changed', { characterId: character.value.id })
      const overview = overviewCacheOf(core).get(character.value.id)
      return overview ? ok(withNextSync(overview, nextSyncAt)) : err('UNKNOWN_CHARACTER', 'That character is not tracked any more.')
    }),
  }
}
