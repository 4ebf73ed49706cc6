import type { GameCharacterSave, GameSlot } from '../../../../shared/domain/game-save.ts'
import { boolean, epochMs, integer, playerGuid, table, tableEntries, text } from '../lua-shape.ts'
import { activitySlot } from './activity-slot.ts'
import { THRESHOLD_TYPES, type AddonReader } from './vault-types.ts'

/**
 * WoWthing Collector (ThingEngineering/wowthing-collector, Modules/Vault.lua, Core.lua):
 * `WWTCSaved.chars[<GUID>]` with `name` (no realm), `scanTimes.vault` (time() of the vault scan),
 * `vaultV2.t1|t3|t6.tiers[index] = {level, progress, threshold, itemLevel, …}` and
 * `vaultAvailableRewards`. The item level is the game's (`C_Item.GetDetailedItemLevelInfo` of the
 * example reward), taken as it is. Characters are matched through the GUID or the account's
 * per-character folders.
 */
export const wowthing: AddonReader = {
  addon: 'WoWthing',
  fileName: 'WoWthing_Collector.lua',
  global: 'WWTCSaved',
  says: "each slot's progress, threshold, level and item level, and whether rewards wait; no realm names (matched by GUID or folder)",
  read(globals) {
    return tableEntries(table(globals.WWTCSaved)?.chars).flatMap(([key, character]): GameCharacterSave[] => {
      const guid = playerGuid(key)
      const name = text(character.name, 64)
      const savedAt = epochMs(table(character.scanTimes)?.vault)
      if (!guid || !name || savedAt === null) return []
      const vault = table(character.vaultV2)
      const slots = Object.entries(THRESHOLD_TYPES).flatMap(([type, row]) =>
        tableEntries(table(vault?.[`t${type}`])?.tiers).flatMap(([index, tier]): GameSlot[] => {
          const slot = activitySlot(row, integer(Number(index), 1, 3) ?? 0, tier)
          return slot ? [slot] : []
        }),
      )
      return [{ addon: 'WoWthing', name, realmName: null, guid, savedAt, slots, rewardsWaiting: boolean(character.vaultAvailableRewards) }]
    })
  },
}
