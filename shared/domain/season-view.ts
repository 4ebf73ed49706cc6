/**
 * The week's season as the window and the CLI show it: types and one import-free sentence, so the
 * sandboxed preload's contract (ipc-api.ts) and the renderer can use them without reaching the
 * season tables or zod.
 */

export type SeasonStatus = 'in-season' | 'pre-season' | 'between-seasons' | 'unknown'

/** A season table as the player sees it named: the season, when its values were checked, and the file it came from. */
export interface SeasonTableInfo {
  id: string
  name: string
  updated: string
  from: 'shipped' | 'data-folder'
  file: string
  /** Why this table is the one in use: built in, or a dropped-in one and the rule it met. */
  why: string
}

/** Times in epoch ms. */
export interface SeasonView {
  status: SeasonStatus
  id: string | null
  name: string | null
  blizzardSeasonId: number | null
  /** False when no table applies: every reward of the week is unknown. */
  tableKnown: boolean
  /** The table in use, or null when none applies. */
  table: SeasonTableInfo | null
  /**
   * `raiderio`: Raider.IO's season list; `blizzard`: Blizzard's season index named a season Raider.IO had
   * not listed (yet); `calendar`: the tables' own calendar (no source has said yet); `none`: nobody knows.
   */
  origin: 'raiderio' | 'blizzard' | 'calendar' | 'none'
  /** When the season list was fetched (null without one). */
  confirmedAt: number | null
  /** The list was fetched before the week began and the season had no end then: that it goes on is assumed. */
  assumed: boolean
  /** True when slots were counted with the usual thresholds because no table applies. */
  thresholdsAssumed: boolean
  /** Why no rewards are shown (the sentence every row starts with), or null. */
  message: string | null
  /** Between seasons: the one that ended and the one announced next, when known. */
  previous: { name: string; endedAt: number } | null
  next: { name: string; startsAt: number } | null
  /** The season's Mythic+ rating achievements that apply this week (from its table), lowest first. */
  ratingAchievements: { name: string; rating: number }[]
}

/** "Midnight Season 2 · rewards from the table checked 2026-12-04 (built in)": the table that priced a week, as the window and the CLI say it. */
export function tableSentence(table: SeasonTableInfo): string {
  const from = table.from === 'shipped' ? 'built in' : `${table.file} in the data folder`
  return `${table.name} · rewards from the table checked ${table.updated} (${from})`
}
