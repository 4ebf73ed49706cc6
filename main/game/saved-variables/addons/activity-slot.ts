import { GAME_DIFFICULTY_IDS, type GameSlot } from '../../../../shared/domain/game-save.ts'
import type { VaultRow } from '../../../../shared/domain/types.ts'
import type { LuaTable } from '../lua-data.ts'
import { integer } from '../lua-shape.ts'

/** Item levels a vault reward can have (a bound against garbage, far wider than any season's). */
export const ITEM_LEVEL = [1, 2000] as const

/**
 * One slot from a `C_WeeklyRewards.GetActivities()` entry as an addon saved it (`threshold`,
 * `progress`, `level`, and WoWthing's `itemLevel`). `level` is the game's: a raid DifficultyID, a
 * keystone level, a World tier.
 */
export function activitySlot(row: VaultRow, slot: number, activity: LuaTable): GameSlot | null {
  if (slot < 1 || slot > 3) return null
  const threshold = integer(activity.threshold, 1, 100)
  const progress = integer(activity.progress, 0, 1000)
  const level = integer(activity.level, -10, 1000)
  const unlocked = threshold !== null && progress !== null ? progress >= threshold : null
  return {
    row,
    slot,
    threshold,
    progress,
    unlocked,
    difficulty: row === 'raid' && unlocked && level !== null ? (GAME_DIFFICULTY_IDS[level] ?? null) : null,
    level: row !== 'raid' && unlocked ? levelOf(row, level) : null,
    itemLevel: unlocked ? integer(activity.itemLevel, ...ITEM_LEVEL) : null,
  }
}

/** Dungeon slots: a keystone level (2+; the game's numbers for Heroic and Mythic 0 are not documented, so left out); World: the tier. */
export function levelOf(row: Exclude<VaultRow, 'raid'>, level: number | null): number | null {
  if (level === null) return null
  if (row === 'dungeons') return level >= 2 && level <= 50 ? level : null
  return level >= 1 && level <= 20 ? level : null
}
