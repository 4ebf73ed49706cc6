import { characterRefFromParts } from '../../shared/domain/realm.ts'
import { ok } from '../../shared/result.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { addCharacter, findCharacter, listCharacters, removeCharacter } from '../store/characters-repo.ts'
import { validateCharacter } from '../sync/validate-character.ts'
import type { RouteKit, Routes } from './route-kit.ts'

/** The tracked characters: list, one card, add (checked against the sources), remove. */
export function characterRoutes({ handle, context, trackedCharacter, nextSyncAt }: RouteKit): Routes<'characters:list' | 'characters:get' | 'characters:add' | 'characters:remove'> {
  return {
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
  }
}
