/**
 * The fourth source's vocabulary (game-save.ts computes with it): plain types and constants with no
 * imports of code, so the window and the preload can name them without loading the vault's rules.
 */
import type { Difficulty, VaultRow } from './types.ts'

export const GAME_ADDONS = ['AlterEgo', 'SavedInstances', 'WoWthing'] as const
export type GameAddon = (typeof GAME_ADDONS)[number]

/** One vault slot as the game showed it to the addon; what the addon did not save is null. */
export interface GameSlot {
  row: VaultRow
  /** 1–3. */
  slot: number
  threshold: number | null
  progress: number | null
  /** Whether the game showed the slot unlocked (an addon may save that without the progress). */
  unlocked: boolean | null
  /** Raid slots: the difficulty the slot rewards. */
  difficulty: Difficulty | null
  /** Dungeon slots: the keystone level (2 and up; lower levels are left null, their scale is not documented); World slots: the tier. */
  level: number | null
  itemLevel: number | null
}

/** One character in one addon's file. */
export interface GameCharacterSave {
  addon: GameAddon
  name: string
  /** The realm's display name; null where the addon keeps none (WoWthing: matched through the GUID or the folders). */
  realmName: string | null
  guid: string | null
  /** When the addon last refreshed this character (epoch ms): the data is the game's as of then. */
  savedAt: number
  slots: GameSlot[]
  /** C_WeeklyRewards.HasAvailableRewards() at the save; null where the addon keeps none. */
  rewardsWaiting: boolean | null
}

/** What a slot shows of the game (the vault JSON's slot `game`). */
export interface GameSlotView {
  itemLevel: number | null
  progress: number | null
  threshold: number | null
  addon: GameAddon
  savedAt: number
}

/** A slot whose item level the game and the season table give differently. */
export interface GameDisagreement {
  row: VaultRow
  slot: number
  /** The difficulty or level both are for, in the player's words ("Mythic", "+10", "tier 8"). */
  at: string
  table: number | null
  game: number
  addon: GameAddon
  savedAt: number
}

/** The game's word on last week's vault: from a save made since the reset that says whether rewards wait. */
export interface GameWaiting {
  waiting: boolean
  addon: GameAddon
  savedAt: number
}
