import type { GameWaiting } from './game-vault-types.ts'

/**
 * Whether last week's vault is still waiting to be opened, when the player has not marked it: the
 * vault can only be opened in the game. An addon's save since the reset says it as the game did
 * (`waiting` or `opened`, named by `LastWeekFacts.game`); otherwise Blizzard's profile tells only when
 * the character last logged in: not logged in since the reset means it is certainly still there,
 * logged in since means it may have been opened — an estimate either way, and said to be one.
 */
export type VaultWaiting = 'none' | 'waiting' | 'opened' | 'maybe-opened' | 'unknown'

/** A login this much after the game's save is a later session (the clocks of the game and the armory differ a little). */
const LATER_SESSION_MS = 60_000

export interface LastWeekFacts {
  /** Slots proven unlocked last week; null when none is proven and a row nobody could fully check may hide some. */
  unlockedSlots: number | null
  markedOpened: boolean
  /** The last login as Blizzard's profile gave it, and when that profile was read (null: never). */
  lastLoginAt: number | null
  loginReadAt: number | null
  /** The game's word, from an addon's save since the reset (game-save.ts gameWaiting); null: none. */
  game?: GameWaiting | null
}

export function vaultWaiting({ unlockedSlots, markedOpened, lastLoginAt, loginReadAt, game }: LastWeekFacts, currentWeekStart: number): VaultWaiting {
  if (markedOpened) return 'none'
  if (game) {
    // Nothing to claim: opened, unless there was nothing to open.
    if (!game.waiting) return unlockedSlots === 0 || unlockedSlots === null ? 'none' : 'opened'
    // Rewards waited at the save; a session since (another PC, or a crash that lost the save) may have opened them.
    return lastLoginAt !== null && lastLoginAt > game.savedAt + LATER_SESSION_MS ? 'maybe-opened' : 'waiting'
  }
  if (unlockedSlots === 0) return 'none'
  if (unlockedSlots === null || lastLoginAt === null) return 'unknown'
  if (lastLoginAt >= currentWeekStart) return 'maybe-opened'
  // "Not logged in since the reset" is known only from a profile read after the reset: an older read
  // (Blizzard down all week) cannot tell whether the character came online since.
  return loginReadAt !== null && loginReadAt >= currentWeekStart ? 'waiting' : 'unknown'
}

/**
 * Last week's slot count as the board shows it: what was proven, or null (unknown) when nothing was
 * proven and some row of the week is not complete — never 0 for a week nobody could check.
 */
export function lastWeekUnlockedSlots(rows: readonly { status: 'complete' | 'partial' | 'unknown'; unlocked: number }[]): number | null {
  const unlocked = rows.reduce((sum, row) => sum + row.unlocked, 0)
  return unlocked === 0 && rows.some((row) => row.status !== 'complete') ? null : unlocked
}

/** The player's words for it (the overview and the tray). */
export const VAULT_WAITING_TEXT: Record<Exclude<VaultWaiting, 'none'>, string> = {
  waiting: 'not logged in since the reset, so still waiting (estimate)',
  opened: 'opened, as the game saved it',
  'maybe-opened': 'logged in since the reset: maybe opened already (estimate)',
  unknown: 'unknown: nothing read since the reset can tell',
}
