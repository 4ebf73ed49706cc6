import type { Region } from './types.ts'

/**
 * How the player left the board, apart from board.ts so the contract (ipc-api.ts, which the sandboxed
 * preload loads) reaches no module with runtime dependencies.
 */

/** The board's sort keys: what is left (the default), the lowest slot, and the columns. */
export const BOARD_SORTS = ['left', 'lowestSlot', 'name', 'class', 'itemLevel', 'rating', 'raid', 'dungeons', 'world', 'quests', 'synced'] as const
export type BoardSort = (typeof BOARD_SORTS)[number]

/** How the player left the board: it survives navigation and restarts (stored with the settings). */
export interface BoardPreferences {
  sort: BoardSort
  /** The other way round from the key's natural order. */
  reversed: boolean
  hideFinished: boolean
  /** Only characters whose last week's vault waits (for sure or maybe): where a "vaults waiting" notification leads. */
  waitingOnly: boolean
  density: 'compact' | 'comfortable'
  region: Region | null
  realm: string | null
  guild: string | null
}

export const DEFAULT_BOARD_PREFERENCES: BoardPreferences = { sort: 'left', reversed: false, hideFinished: false, waitingOnly: false, density: 'compact', region: null, realm: null, guild: null }
