import type { GameCharacterSave, GameSlot } from '../../../../shared/domain/game-save.ts'
import { boolean, epochMs, integer, playerGuid, table, tableEntries, text } from '../lua-shape.ts'
import { activitySlot } from './activity-slot.ts'
import { THRESHOLD_TYPES, type AddonReader } from './vault-types.ts'

/**
 * AlterEgo (DennisRas/AlterEgo, Database.lua): `AlterEgoDB.global.characters[<GUID>]` with `info.name`,
 * `info.realm`, `lastUpdate` (GetServerTime at the last refresh) and `vault.slots[]` = the game's
 * `C_WeeklyRewards.GetActivities()` entries, `vault.hasAvailableRewards`. AceDB leaves out values equal
 * to its defaults, so a missing `hasAvailableRewards` is false. It keeps no item level (only example
 * reward links, whose item level needs the item's bonus ids decoded in game), so none is taken.
 */
export const alterEgo: AddonReader = {
  addon: 'AlterEgo',
  fileName: 'AlterEgo.lua',
  global: 'AlterEgoDB',
  says: "each slot's progress, threshold and difficulty or level, and whether rewards wait; no item levels",
  read(globals) {
    const characters = tableEntries(table(table(globals.AlterEgoDB)?.global)?.characters)
    return characters.flatMap(([key, character]): GameCharacterSave[] => {
      const info = table(character.info)
      const name = text(info?.name, 64)
      const realmName = text(info?.realm, 64)
      const savedAt = epochMs(character.lastUpdate)
      if (!name || !realmName || savedAt === null) return []
      const vault = table(character.vault)
      const slots = tableEntries(vault?.slots).flatMap(([, activity]): GameSlot[] => {
        const row = THRESHOLD_TYPES[integer(activity.type, 0, 100) ?? -1]
        const index = integer(activity.index, 1, 3)
        const slot = row && index !== null ? activitySlot(row, index, activity) : null
        // AlterEgo saves no item level: an `itemLevel` key would not be the game's.
        return slot ? [{ ...slot, itemLevel: null }] : []
      })
      const guid = text(character.GUID, 40) ?? key
      return [{ addon: 'AlterEgo', name, realmName, guid: playerGuid(guid), savedAt, slots, rewardsWaiting: vault ? (boolean(vault.hasAvailableRewards) ?? false) : null }]
    })
  },
}
