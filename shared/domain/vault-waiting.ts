/**
 * Whether last week's vault is still waiting to be opened, when the player has not marked it: the
 * vault can only be opened in the game, and Blizzard's profile tells only when the character last
 * logged in. Not logged in since the reset means it is certainly still there; logged in since means
 * it may have been opened. An estimate either way, and said to be one.
 */
export type VaultWaiting = 'none' | 'waiting' | 'maybe-opened' | 'unknown'

export function vaultWaiting(unlockedSlots: number, markedOpened: boolean, lastLoginAt: number | null, currentWeekStart: number): VaultWaiting {
  if (unlockedSlots === 0 || markedOpened) return 'none'
  if (lastLoginAt === null) return 'unknown'
  return lastLoginAt < currentWeekStart ? 'waiting' : 'maybe-opened'
}

/** The player's words for it (the overview and the tray). */
export const VAULT_WAITING_TEXT: Record<Exclude<VaultWaiting, 'none'>, string> = {
  waiting: 'not logged in since the reset, so still waiting (estimate)',
  'maybe-opened': 'logged in since the reset: maybe opened already (estimate)',
  unknown: 'last login unknown',
}
