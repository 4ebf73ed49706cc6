import type { RowStatus } from './row-status.ts'
import type { DungeonVaultSlot, RaidVaultSlot, WorldVaultSlot } from './types.ts'

/** One week of a character's vault history (times in epoch ms): its slots, how far to trust them, and whether it was opened. */
export interface VaultHistoryWeek {
  period: number
  start: number
  end: number
  /** This week: still filling, cannot be opened yet. */
  current: boolean
  season: { id: string | null; name: string | null; tableKnown: boolean }
  raid: { status: RowStatus; slots: RaidVaultSlot[] }
  dungeons: { status: RowStatus; slots: DungeonVaultSlot[] }
  world: { status: RowStatus; slots: WorldVaultSlot[] }
  unlockedSlots: number
  /** Marked as opened by the player; null for this week. */
  opened: boolean | null
}
