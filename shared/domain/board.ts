import type { CharacterOverview } from '../ipc-api.ts'
import { VAULT_ROWS, type NextStep, type Region, type RowSteps, type VaultRow } from './types.ts'

/**
 * The board's questions about a week, answered from the characters' overviews: what is left per
 * character, who is finished, the reset of each region, and the one-line summary. Pure, so the window
 * and the tests share it. It imports no season data (next-step.ts does): the window's bundle stays small.
 */

type Week = Pick<CharacterOverview, 'raid' | 'dungeons' | 'world' | 'trust'>

/** Slots still locked in a row; a row nobody could check counts as all of them (never as done). */
export function slotsLeft(c: Week, row: VaultRow): number {
  const slots = c[row]
  return c.trust[row].status === 'unknown' ? slots.length : slots.filter((s) => !s.unlocked).length
}

/** Slots still locked this week over the three rows. */
export function totalLeft(c: Week): number {
  return VAULT_ROWS.reduce((sum, row) => sum + slotsLeft(c, row), 0)
}

/** Every slot of every row unlocked (a partial row counts: its unlocked slots are proven). */
export function isFinished(c: Week): boolean {
  return totalLeft(c) === 0
}

/**
 * The lowest item level among the nine slots: a locked slot pays nothing (0); null when a row is
 * unknown or a reward is (no table for the season), so such characters sort after the known ones.
 */
export function lowestSlotItemLevel(c: Week): number | null {
  let lowest = Infinity
  for (const row of VAULT_ROWS) {
    if (c.trust[row].status === 'unknown') return null
    for (const slot of c[row]) {
      if (!slot.unlocked) lowest = Math.min(lowest, 0)
      else if (slot.itemLevel === null) return null
      else lowest = Math.min(lowest, slot.itemLevel)
    }
  }
  return lowest === Infinity ? null : lowest
}

/** A row's steps with the row they belong to, for the board's "Next" cell. */
export interface RowNextSteps {
  row: 'raid' | 'dungeons' | 'world'
  steps: RowSteps
  /** An unknown row's steps would be guesses: they are left out. */
  known: boolean
}

/**
 * The cheapest next steps of a character's week across its rows, fewest more bosses, runs or
 * activities first (an unlock before an upgrade of the same cost: a new slot is worth more), at most
 * `limit`. Rows nobody could check give none.
 */
export function cheapestSteps(rows: readonly RowNextSteps[], limit = 2): NextStep[] {
  const kindOrder = { unlock: 0, upgrade: 1 }
  return rows
    .filter((r) => r.known)
    .flatMap((r) => [r.steps.unlock, r.steps.upgrade].filter((s): s is NextStep => s !== null))
    .sort((a, b) => a.more - b.more || kindOrder[a.kind] - kindOrder[b.kind])
    .slice(0, limit)
}

/** The board's Next cell: the cheapest one or two steps this week, from rows someone could check. */
export function nextStepsOf(c: Pick<CharacterOverview, 'nextSteps' | 'trust'>, limit = 2): NextStep[] {
  return cheapestSteps(VAULT_ROWS.map((row) => ({ row, steps: c.nextSteps[row], known: c.trust[row].status !== 'unknown' })), limit)
}

/** Last week's vault waits to be opened (for sure, or maybe: logged in since the reset or not read since). */
export function vaultWaits(c: Pick<CharacterOverview, 'lastWeek'>): boolean {
  const { unlockedSlots, opened, waiting, waitingFrom } = c.lastWeek
  if (opened || waiting === 'none' || waiting === 'opened') return false
  // The game itself said rewards wait, even where the sources proved no slot.
  if (waiting === 'waiting' && waitingFrom) return true
  return unlockedSlots !== null && unlockedSlots > 0
}

/**
 * The characters of each region present with the region's current week: the newest any of them is
 * in (they share the region's reset), and only those in it. What the notices and the officer digest
 * say is about that week.
 */
export function regionWeeks<C extends Pick<CharacterOverview, 'region' | 'week'>>(characters: readonly C[]): { region: Region; week: C['week']; characters: C[] }[] {
  const byRegion = new Map<Region, C[]>()
  for (const c of characters) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c])
  return [...byRegion].map(([region, all]) => {
    const week = all.reduce((newest, c) => (c.week.start > newest.start ? c.week : newest), (all[0] as C).week)
    return { region, week, characters: all.filter((c) => c.week.start === week.start) }
  })
}

/** When each region present resets next, soonest first. */
export function resetsByRegion(characters: readonly Pick<CharacterOverview, 'region' | 'week'>[]): { region: Region; at: number }[] {
  const byRegion = new Map<Region, number>()
  for (const c of characters) byRegion.set(c.region, Math.min(byRegion.get(c.region) ?? Infinity, c.week.end))
  return [...byRegion].map(([region, at]) => ({ region, at })).sort((a, b) => a.at - b.at || a.region.localeCompare(b.region))
}

export interface BoardSummary {
  total: number
  /** All nine slots unlocked. */
  finished: number
  /** Characters with a locked (or unknown) slot in the row. */
  need: Record<VaultRow, number>
  vaultsWaiting: number
  /** Characters with a row nobody could check. */
  unknown: number
}

export function boardSummary(characters: readonly (Week & Pick<CharacterOverview, 'lastWeek'>)[]): BoardSummary {
  const need = { raid: 0, dungeons: 0, world: 0 }
  let finished = 0
  let vaultsWaiting = 0
  let unknown = 0
  for (const c of characters) {
    if (isFinished(c)) finished += 1
    for (const row of VAULT_ROWS) if (slotsLeft(c, row) > 0) need[row] += 1
    if (vaultWaits(c)) vaultsWaiting += 1
    if (VAULT_ROWS.some((row) => c.trust[row].status === 'unknown')) unknown += 1
  }
  return { total: characters.length, finished, need, vaultsWaiting, unknown }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "7 of 12 at 9/9 · 3 need dungeons · 2 vaults waiting · 1 not checked" (parts with nothing to say left out). */
export function summaryText(s: BoardSummary): string {
  const parts = [`${s.finished} of ${s.total} at 9/9`]
  const rowWords: Record<VaultRow, string> = { raid: 'raid bosses', dungeons: 'dungeons', world: 'world activities' }
  for (const row of VAULT_ROWS) if (s.need[row] > 0) parts.push(`${s.need[row]} ${s.need[row] === 1 ? 'needs' : 'need'} ${rowWords[row]}`)
  if (s.vaultsWaiting > 0) parts.push(`${plural(s.vaultsWaiting, 'vault', 'vaults')} waiting`)
  if (s.unknown > 0) parts.push(`${s.unknown} not fully checked`)
  return parts.join(' · ')
}

export { BOARD_SORTS, DEFAULT_BOARD_PREFERENCES, type BoardPreferences, type BoardSort } from './board-preferences.ts'
