import type { CharacterOverview } from '../../shared/ipc-api.ts'
import type { LocalCore } from '../local-core.ts'
import { getCharacter, listCharacters } from '../store/characters-repo.ts'
import { characterOverview } from './vault-views.ts'

/**
 * Every tracked character's overview, kept current one character at a time (a sync of twelve
 * characters rebuilds twelve overviews, not twelve times twelve): the tray's lines, and the "before"
 * an unlock notification is judged against.
 */
export function createOverviewCache(core: LocalCore) {
  const overviews = new Map<number, CharacterOverview>()

  /** Rebuilds one character's overview; returns it as it was and as it is (undefined: not tracked). */
  function refresh(characterId: number): { before: CharacterOverview | undefined; after: CharacterOverview | undefined } {
    const before = overviews.get(characterId)
    const character = getCharacter(core.store.db, characterId)
    if (character) overviews.set(characterId, characterOverview(core, character))
    else overviews.delete(characterId)
    return { before, after: overviews.get(characterId) }
  }

  /** Adds characters tracked and drops those removed since, also by another process (the CLI) that sends this one no events. */
  function followRoster(): void {
    const ids = new Set(listCharacters(core.store.db).map((c) => c.id))
    for (const id of overviews.keys()) if (!ids.has(id)) overviews.delete(id)
    for (const id of ids) if (!overviews.has(id)) refresh(id)
  }

  followRoster()
  return { refresh, followRoster, all: () => [...overviews.values()] }
}
