import { ok } from '../../shared/result.ts'
import { characterOverview, characterVaultView, markLastWeekOpened } from '../desktop/vault-views.ts'
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
      return ok(characterOverview(core, character.value, nextSyncAt(character.value.id)))
    }),
  }
}
