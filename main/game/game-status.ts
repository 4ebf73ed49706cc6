import type { GameSavesView } from '../../shared/ipc-api.ts'
import type { LocalCore } from '../local-core.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { listGameSaves } from '../store/game-saves-repo.ts'
import { storedWeekVaults } from '../sync/vault-report.ts'
import { lastGameRead } from './game-saves.ts'

/**
 * The last read of the addons' files (null when they were never read), with this week's slots where
 * the game's item level and the season table's differ (the game's is shown). From the store alone;
 * only characters with a save this week have their vault built.
 */
export function gameSavesStatus(core: LocalCore): GameSavesView | null {
  const last = lastGameRead(core)
  if (!last) return null
  const now = core.now()
  const disagreements = listCharacters(core.store.db).flatMap((character) => {
    const week = core.season.weekAt(character.region, now)
    if (listGameSaves(core.store.db, character.id, week).length === 0) return []
    const [stored] = storedWeekVaults(core.store.db, core.season, core.config, character, [week], now)
    const who = { region: character.region, realm: character.realm, name: character.name, realmName: character.realmName }
    return (stored?.gameDisagreements ?? []).map((d) => ({ ...d, character: who }))
  })
  return { ...last, disagreements }
}
