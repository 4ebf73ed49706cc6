import { difficultyRank, DIFFICULTY_LABELS } from './difficulty.ts'
import type { SeasonVaultTable } from './seasons.ts'
import type { GameAddon, GameCharacterSave, GameDisagreement, GameSlot, GameWaiting, VaultRow } from './game-vault-types.ts'
import type { Difficulty, DungeonVaultSlot, RaidVaultSlot, WorldVaultSlot } from './types.ts'
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
  const raised: GameApplied['raised'] = []
  const disagreements: GameDisagreement[] = []
  // Latest first; saves of the same second in a fixed order, so the result never depends on storage order.
  const latestFirst = [...saves].sort((a, b) => b.savedAt - a.savedAt || a.addon.localeCompare(b.addon))
  const rowOf = (row: VaultRow) => (row === 'raid' ? vault.raid.slots : row === 'dungeons' ? vault.dungeons.slots : vault.world.slots) as AnySlot[]
  const next: WeeklyVault = {
    ...vault,
    raid: { ...vault.raid, slots: vault.raid.slots.map((s) => ({ ...s })) },
    dungeons: { ...vault.dungeons, slots: vault.dungeons.slots.map((s) => ({ ...s })) },
    world: { ...vault.world, slots: vault.world.slots.map((s) => ({ ...s })) },
  }
  const nextRow = (row: VaultRow) => (row === 'raid' ? next.raid.slots : row === 'dungeons' ? next.dungeons.slots : next.world.slots) as AnySlot[]
  for (const row of ['raid', 'dungeons', 'world'] as const) {
    rowOf(row).forEach((_, index) => {
      const slot = nextRow(row)[index] as AnySlot
      const found = latestFirst.map((save) => ({ save, game: save.slots.find((g) => g.row === row && g.slot === index + 1) })).find((f) => f.game !== undefined)
      slot.game = null
      if (!found?.game) return
      const { save, game } = found
      slot.game = { itemLevel: game.itemLevel, progress: game.progress, threshold: game.threshold, addon: save.addon, savedAt: save.savedAt }
      if (layOver(row, slot, game, season)) raised.push({ row, addon: save.addon, savedAt: save.savedAt })
      const disagreement = compareItemLevel(row, index + 1, slot, game, season)
      if (disagreement) disagreements.push({ ...disagreement, addon: save.addon, savedAt: save.savedAt })
    })
  }
  return { vault: next, raised: dedupeRows(raised), disagreements }
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
function compareItemLevel(row: VaultRow, slotNumber: number, slot: AnySlot, game: GameSlot, season: SeasonVaultTable | undefined): Omit<GameDisagreement, 'addon' | 'savedAt'> | null {
  if (game.itemLevel === null || !slot.unlocked) return null
  const at = slotAt(row, slot)
  if (at === null) return null
  const gameAt = row === 'raid' ? game.difficulty : game.level
  if (gameAt !== null && gameAt !== at.key) return null
  if (gameAt === null && game.progress !== null && slot.progress > game.progress) return null
  const table = season ? slot.itemLevel : null
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
    return level === null ? null : { key: level, label: level >= 2 ? `+${level}` : level === 1 ? 'Mythic 0' : 'Heroic' }
  }
  const tier = (slot as WorldVaultSlot).tier
  return tier === null ? null : { key: tier, label: `tier ${tier}` }
}

function dedupeRows(raised: GameApplied['raised']): GameApplied['raised'] {
  const seen = new Map<VaultRow, GameApplied['raised'][number]>()
  for (const r of raised) if (!seen.has(r.row)) seen.set(r.row, r)
  return [...seen.values()]
}

/** The latest save since `currentWeekStart` that says whether rewards wait, or null. */
export function gameWaiting(saves: readonly Pick<GameCharacterSave, 'addon' | 'savedAt' | 'rewardsWaiting'>[], currentWeekStart: number): GameWaiting | null {
  const latest = saves.filter((s) => s.savedAt >= currentWeekStart && s.rewardsWaiting !== null).sort((a, b) => b.savedAt - a.savedAt)[0]
  return latest ? { waiting: latest.rewardsWaiting as boolean, addon: latest.addon, savedAt: latest.savedAt } : null
}

/** The game's raid difficulty ids (DifficultyID) as the addons save them. */
export const GAME_DIFFICULTY_IDS: Readonly<Record<number, Difficulty>> = { 17: 'lfr', 14: 'normal', 15: 'heroic', 16: 'mythic' }
