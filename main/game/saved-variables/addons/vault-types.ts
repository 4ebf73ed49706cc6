import type { GameAddon, GameCharacterSave } from '../../../../shared/domain/game-save.ts'
import type { VaultRow } from '../../../../shared/domain/types.ts'
import type { LuaTable } from '../lua-data.ts'

/** How one addon's saved file is read: where it is, its global, and what of the vault it reliably keeps. */
export interface AddonReader {
  addon: GameAddon
  /** `WTF/Account/<ACCOUNT>/SavedVariables/<fileName>`. */
  fileName: string
  global: string
  /** What this file reliably says, in the player's words (status and Settings show it). */
  says: string
  read(globals: LuaTable): GameCharacterSave[]
}

/**
 * `Enum.WeeklyRewardChestThresholdType` as the addons save it: Activities (dungeons) 1, Raid 3, World 6.
 * [inferred] from WoWthing's `t1`/`t3`/`t6` keys and Blizzard's UI source (game-rules §13).
 */
export const THRESHOLD_TYPES: Readonly<Record<number, VaultRow>> = { 1: 'dungeons', 3: 'raid', 6: 'world' }
