/**
 * Whether last week's vault is still waiting to be opened, when the player has not marked it: the
 * vault can only be opened in the game, and Blizzard's profile tells only when the character last
 * logged in. Not logged in since the reset means it is certainly still there; logged in since means
 * it may have been opened. An estimate either way, and said to be one.
 */
export type VaultWaiting = 'none' | 'waiting' | 'maybe-opened' | 'unknown'

export interface LastWeekFacts {
  /** Slots proven unlocked last week; null when none is proven and a row nobody could fully check may hide some. */
  unlockedSlots: number | null
  markedOpened: boolean
  /** The last login as Blizzard's profile gave it, and when that profile was read (null: never). */
  lastLoginAt: number | null
  loginReadAt: number | null
}

export function vaultWaiting({ unlockedSlots, markedOpened, lastLoginAt, loginReadAt }: LastWeekFacts, currentWeekStart: number): VaultWaiting {
  if (markedOpened || unlockedSlots === 0) return 'none'
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
  'maybe-opened': 'logged in since the reset: maybe opened already (estimate)',
  unknown: 'unknown: nothing read since the reset can tell',
}
