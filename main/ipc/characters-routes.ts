import { characterRefFromParts } from '../../shared/domain/realm.ts'
import { err, ok } from '../../shared/result.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { overviewCacheOf } from '../desktop/overview-cache.ts'
import { addCharacter, findCharacter, removeCharacter } from '../store/characters-repo.ts'
import { validateCharacter } from '../sync/validate-character.ts'
import type { RouteKit, Routes } from './route-kit.ts'

/** The tracked characters: list, one card, add (checked against the sources), remove. */
export function characterRoutes({ handle, context, nextSyncAt }: RouteKit): Routes<'characters:list' | 'characters:get' | 'characters:add' | 'characters:remove'> {
  return {
    // From the cache: a board of 120 characters builds only what changed since the last call.
    'characters:list': handle('characters:list', (_args, core) => ok(overviewCacheOf(core).all().map((o) => withNextSync(o, nextSyncAt)))),

    'characters:get': handle('characters:get', ([input], core) => {
      const overview = overviewCacheOf(core).get(input.characterId)
      return overview ? ok(withNextSync(overview, nextSyncAt)) : err('UNKNOWN_CHARACTER', 'That character is not tracked any more.')
    }),

    'characters:add': handle('characters:add', async ([input], core) => {
      const parsed = characterRefFromParts(input.region, input.realm, input.name)
      if (!parsed.ok) return parsed
      const ref = parsed.value
      const existing = findCharacter(core.store.db, ref)
      if (existing) return ok(characterOverview(core, existing, nextSyncAt(existing.id)))
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

/** A cached overview with the scheduler's next sync of it, which changes without its data. */
export function withNextSync(overview: CharacterOverview, nextSyncAt: (characterId: number) => number | null): CharacterOverview {
  return { ...overview, nextSyncAt: nextSyncAt(overview.id) }
}
