import { DIFFICULTY_LABELS } from '../../shared/domain/difficulty.ts'
import { levelLabel } from '../../shared/domain/labels.ts'
import { rewardText } from '../../shared/domain/reward.ts'
import type { DungeonVaultSlot, RaidVaultSlot, VaultSlot, WorldVaultSlot } from '../../shared/domain/types.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'

/**
 * The text of a desktop notification when a sync unlocked new vault slots, or null when nothing new
 * was unlocked (or the week changed: a fresh week starts empty, nothing to announce).
 */
export function unlockNotice(before: CharacterOverview | undefined, after: CharacterOverview): { title: string; body: string } | null {
  if (!before || before.week.start !== after.week.start) return null
  // Slots that are unlocked now and were not before, with their position (1–3) in the row.
  const fresh = <T extends { unlocked: boolean }>(previous: readonly T[], next: readonly T[]) =>
    next.flatMap((slot, i) => (slot.unlocked && !previous[i]?.unlocked ? [{ slot, number: i + 1 }] : []))
  const reward = (slot: VaultSlot) => (slot.reward ? ` ${rewardText(slot.reward)}` : '')
  const raid = fresh<RaidVaultSlot>(before.raid, after.raid).map(({ slot, number }) => `Raid slot ${number}${slot.difficulty ? ` (${DIFFICULTY_LABELS[slot.difficulty]}${reward(slot)})` : ''}`)
  const dungeons = fresh<DungeonVaultSlot>(before.dungeons, after.dungeons).map(({ slot, number }) => `Dungeon slot ${number}${slot.level !== null ? ` (${levelLabel(slot.level)}${reward(slot)})` : ''}`)
  const world = fresh<WorldVaultSlot>(before.world, after.world).map(({ slot, number }) => `World slot ${number}${slot.tier !== null ? ` (tier ${slot.tier}${reward(slot)})` : ''}`)
  const unlocked = [...raid, ...dungeons, ...world]
  if (unlocked.length === 0) return null
  return { title: `${after.name} unlocked ${unlocked.length === 1 ? 'a vault slot' : `${unlocked.length} vault slots`}`, body: unlocked.join(', ') }
}
