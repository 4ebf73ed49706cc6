import { difficultyRank, DIFFICULTY_LABELS } from './difficulty.ts'
import type { SeasonVaultTable } from './seasons.ts'
import type { GameAddon, GameCharacterSave, GameDisagreement, GameSlot, GameWaiting } from './game-vault-types.ts'
import { VAULT_ROWS, type Difficulty, type DungeonVaultSlot, type RaidVaultSlot, type VaultRow, type WorldVaultSlot } from './types.ts'
import { levelLabel } from './labels.ts'
import { dungeonReward, raidSlotReward } from './vault.ts'
import type { WeeklyVault } from './weekly-vault.ts'
import { worldReward } from './world.ts'

export * from './game-vault-types.ts'

/**
 * The game's own vault, as an addon the player already runs saved it on logout (game-rules §13): a
 * fourth source beside the three APIs. It is the game's truth *as of the save*, so it only ever adds
 * to what the sources proved (a save cannot un-kill a boss), it counts only in the week it was saved
 * in, and where it names a slot's item level for the same difficulty or level the slot has, that item
 * level wins over the season table's (and the difference is listed, so a wrong table can be fixed).
 */

export interface GameApplied {
  vault: WeeklyVault
  /** The rows the game added something to (a slot, progress), for the row's reasons. */
  raised: { row: VaultRow; addon: GameAddon; savedAt: number }[]
  disagreements: GameDisagreement[]
}

type AnySlot = RaidVaultSlot | DungeonVaultSlot | WorldVaultSlot

/**
 * The week's vault with the game's saves of that week laid over it. `saves` must be the character's
 * saves made inside the week (the caller picks them by week); for each slot the latest save that has
 * it is used.
 */
export function applyGameSaves(vault: WeeklyVault, saves: readonly Pick<GameCharacterSave, 'addon' | 'savedAt' | 'slots'>[], season: SeasonVaultTable | undefined): GameApplied {
  const raised = new Map<VaultRow, GameApplied['raised'][number]>()
  const disagreements: GameDisagreement[] = []
  // Latest first; saves of the same second in a fixed order, so the result never depends on storage order.
  const latestFirst = [...saves].sort((a, b) => b.savedAt - a.savedAt || a.addon.localeCompare(b.addon))
  const next: WeeklyVault = {
    ...vault,
    raid: { ...vault.raid, slots: vault.raid.slots.map((s) => ({ ...s })) },
    dungeons: { ...vault.dungeons, slots: vault.dungeons.slots.map((s) => ({ ...s })) },
    world: { ...vault.world, slots: vault.world.slots.map((s) => ({ ...s })) },
  }
  for (const row of VAULT_ROWS) {
    ;(next[row].slots as AnySlot[]).forEach((slot, index) => {
      const found = latestWithSlot(latestFirst, row, index + 1)
      slot.game = null
      if (!found) return
      const { save, game } = found
      slot.game = { itemLevel: game.itemLevel, progress: game.progress, threshold: game.threshold, addon: save.addon, savedAt: save.savedAt }
      if (layOver(row, slot, game, season) && !raised.has(row)) raised.set(row, { row, addon: save.addon, savedAt: save.savedAt })
      const disagreement = takeGameItemLevel(row, index + 1, slot, game)
      if (disagreement) disagreements.push({ ...disagreement, addon: save.addon, savedAt: save.savedAt })
    })
  }
  return { vault: next, raised: [...raised.values()], disagreements }
}

/** The latest save that has this slot, with the slot. */
function latestWithSlot<S extends Pick<GameCharacterSave, 'slots'>>(latestFirst: readonly S[], row: VaultRow, slot: number): { save: S; game: GameSlot } | null {
  for (const save of latestFirst) {
    const game = save.slots.find((g) => g.row === row && g.slot === slot)
    if (game) return { save, game }
  }
  return null
}

/** Adds what the game proved to the slot (never takes away); true when it added anything. */
function layOver(row: VaultRow, slot: AnySlot, game: GameSlot, season: SeasonVaultTable | undefined): boolean {
  let added = false
  const gameUnlocked = game.unlocked === true || (game.progress !== null && game.progress >= slot.threshold)
  const gameProgress = gameUnlocked ? slot.threshold : Math.min(game.progress ?? 0, slot.threshold)
  if (gameProgress > slot.progress) {
    slot.progress = gameProgress
    added = true
  }
  if (gameUnlocked && !slot.unlocked) {
    slot.unlocked = true
    added = true
  }
  if (!slot.unlocked) return added
  // The slot rewards the better of what the sources and the game saw.
  if (row === 'raid') {
    const raid = slot as RaidVaultSlot
    if (game.difficulty !== null && (raid.difficulty === null || difficultyRank(game.difficulty) > difficultyRank(raid.difficulty))) {
      raid.difficulty = game.difficulty
      raid.reward = season ? raidSlotReward(season.raidRewards[game.difficulty]) : null
      raid.itemLevel = raid.reward?.itemLevel ?? null
      added = true
    }
  } else if (game.level !== null) {
    // Dungeon slots keep their level in `level`, World slots their tier in `tier`; both are priced by level.
    const key = row === 'dungeons' ? 'level' : 'tier'
    const leveled = slot as { level?: number | null; tier?: number | null } & AnySlot
    const current = leveled[key] ?? null
    if (current === null || game.level > current) {
      leveled[key] = game.level
      const reward = season ? (row === 'dungeons' ? dungeonReward : worldReward)(game.level, season) : null
      leveled.reward = reward && { ...reward, exceptions: [] }
      leveled.itemLevel = reward?.itemLevel ?? null
      added = true
    }
  }
  return added
}

/**
 * The game's item level wins where it is for what the slot now rewards: the same difficulty, level
 * or tier (a save from before a better run says nothing of the better run's reward). A slot the game
 * priced without saying for what (WoWthing keeps only the item level) is taken as the slot's when the
 * sources saw no more than the game did.
 */
function takeGameItemLevel(row: VaultRow, slotNumber: number, slot: AnySlot, game: GameSlot): Omit<GameDisagreement, 'addon' | 'savedAt'> | null {
  if (game.itemLevel === null || !slot.unlocked) return null
  const at = slotAt(row, slot)
  if (at === null) return null
  const gameAt = row === 'raid' ? game.difficulty : game.level
  if (gameAt !== null && gameAt !== at.key) return null
  if (gameAt === null && game.progress !== null && slot.progress > game.progress) return null
  // Without the season's table the slot has no item level (null): the game's is shown, listed against none.
  const table = slot.itemLevel
  if (table === game.itemLevel) return null
  slot.itemLevel = game.itemLevel
  return { row, slot: slotNumber, at: at.label, table, game: game.itemLevel }
}

function slotAt(row: VaultRow, slot: AnySlot): { key: Difficulty | number; label: string } | null {
  if (row === 'raid') {
    const d = (slot as RaidVaultSlot).difficulty
    return d === null ? null : { key: d, label: DIFFICULTY_LABELS[d] }
  }
  if (row === 'dungeons') {
    const level = (slot as DungeonVaultSlot).level
    return level === null ? null : { key: level, label: levelLabel(level) }
  }
  const tier = (slot as WorldVaultSlot).tier
  return tier === null ? null : { key: tier, label: `tier ${tier}` }
}

/** The latest save since `currentWeekStart` that says whether rewards wait, or null. */
export function gameWaiting(saves: readonly Pick<GameCharacterSave, 'addon' | 'savedAt' | 'rewardsWaiting'>[], currentWeekStart: number): GameWaiting | null {
  const latest = saves.filter((s) => s.savedAt >= currentWeekStart && s.rewardsWaiting !== null).sort((a, b) => b.savedAt - a.savedAt)[0]
  return latest ? { waiting: latest.rewardsWaiting as boolean, addon: latest.addon, savedAt: latest.savedAt } : null
}

/** The game's raid difficulty ids (DifficultyID) as the addons save them. */
export const GAME_DIFFICULTY_IDS: Readonly<Record<number, Difficulty>> = { 17: 'lfr', 14: 'normal', 15: 'heroic', 16: 'mythic' }
