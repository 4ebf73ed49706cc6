import { GAME_DIFFICULTY_IDS, type GameCharacterSave, type GameSlot } from '../../../../shared/domain/game-save.ts'
import type { LuaTable } from '../lua-data.ts'
import { boolean, epochMs, integer, table, tableEntries, text } from '../lua-shape.ts'
import { ITEM_LEVEL, levelOf } from './activity-slot.ts'
import type { AddonReader } from './vault-types.ts'

/**
 * SavedInstances (SavedInstances/SavedInstances, Modules/MythicPlus.lua and Progress.lua):
 * `SavedInstancesDB.Toons["Name - Realm"]` with `LastSeen` (time() at the last refresh),
 * `MythicKeyBest` (the dungeon row: `threshold[1..3]`, `[1..3]` = the keystone level of each unlocked
 * slot, `lastCompletedIndex`, `runHistory[]` this week's runs with the game's `rewardLevel` for a
 * keystone, `rewardWaiting`) and `Progress["great-vault-raid" | "great-vault-world"]` (`[1..3]` = the
 * difficulty id or tier of each unlocked slot). It keeps no progress count for the raid and World rows,
 * and no item level but the dungeon slots' (its Heroic and Mythic 0 levels are its own table's, not
 * the game's, so they are not taken).
 */
export const savedInstances: AddonReader = {
  addon: 'SavedInstances',
  fileName: 'SavedInstances.lua',
  global: 'SavedInstancesDB',
  says: 'which slots are unlocked and at what difficulty or level, dungeon slots with their item level, and whether rewards wait',
  read(globals) {
    return tableEntries(table(globals.SavedInstancesDB)?.Toons).flatMap(([key, toon]): GameCharacterSave[] => {
      const [name, realmName] = splitToonKey(key)
      const savedAt = epochMs(toon.LastSeen)
      if (!name || !realmName || savedAt === null) return []
      const keys = table(toon.MythicKeyBest)
      const progress = table(toon.Progress)
      const raid = table(progress?.['great-vault-raid'])
      const world = table(progress?.['great-vault-world'])
      const slots = [...dungeonSlots(keys), ...unlockedSlots('raid', raid), ...unlockedSlots('world', world)]
      const waiting = boolean(keys?.rewardWaiting) ?? boolean(raid?.rewardWaiting) ?? boolean(world?.rewardWaiting)
      return [{ addon: 'SavedInstances', name, realmName, guid: null, savedAt, slots, rewardsWaiting: waiting }]
    })
  },
}

/** "Name - Realm" (Init.lua); realm names hold no " - ", so the first one splits. */
function splitToonKey(key: string): [string | null, string | null] {
  const at = key.indexOf(' - ')
  if (at <= 0 || key.length > 140) return [null, null]
  return [text(key.slice(0, at), 64), text(key.slice(at + 3), 64)]
}

function dungeonSlots(keys: LuaTable | null): GameSlot[] {
  const thresholds = table(keys?.threshold)
  if (!keys || !thresholds) return []
  const runs = table(keys.runHistory)
  const runCount = runs ? Object.keys(runs).length : 0
  const lastCompleted = integer(keys.lastCompletedIndex, 0, 3) ?? 0
  return [1, 2, 3].flatMap((slot): GameSlot[] => {
    const threshold = integer(thresholds[slot], 1, 100)
    if (threshold === null) return []
    const unlocked = slot <= lastCompleted
    // The run that decides the slot is the threshold-th best; its rewardLevel is the game's only for a keystone.
    const run = table(runs?.[threshold])
    const keyLevel = integer(keys[slot], 2, 50)
    const itemLevel = unlocked && keyLevel !== null && integer(run?.level, 2, 50) === keyLevel ? integer(run?.rewardLevel, ...ITEM_LEVEL) : null
    return [{ row: 'dungeons', slot, threshold, progress: Math.min(runCount, 1000), unlocked, difficulty: null, level: unlocked ? keyLevel : null, itemLevel }]
  })
}

/** The raid or World row: each unlocked slot's difficulty id or tier; a store with `unlocked = false` is a character below the level cap. */
function unlockedSlots(row: 'raid' | 'world', store: LuaTable | null): GameSlot[] {
  if (!store || boolean(store.unlocked) !== true) return []
  return [1, 2, 3].flatMap((slot): GameSlot[] => {
    const level = integer(store[slot], 1, 1000)
    if (level === null) return []
    return [{ row, slot, threshold: null, progress: null, unlocked: true, difficulty: row === 'raid' ? (GAME_DIFFICULTY_IDS[level] ?? null) : null, level: row === 'world' ? levelOf('world', level) : null, itemLevel: null }]
  })
}
