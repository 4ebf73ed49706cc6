import type { Difficulty } from './types.ts'

/**
 * Great Vault data per season: thresholds and reward item levels. This file is data, not logic:
 * a hotfixed or wrong table is a one-line edit here. Sources are cited per season; the research
 * behind every number is in the project's shared docs (game-rules.md §1–§3).
 */
export interface SeasonVaultTable {
  id: string
  name: string
  /** First weekly period (Blizzard's period id, US numbering) in which this season's vault applies. */
  firstPeriod: number
  /** Last period of the season, or null while it is live. */
  lastPeriod: number | null
  /** Unique bosses needed for raid slots 1, 2 and 3. */
  raidThresholds: readonly [number, number, number]
  /** Dungeon runs needed for dungeon slots 1, 2 and 3. */
  dungeonThresholds: readonly [number, number, number]
  raidItemLevel: Readonly<Record<Difficulty, number>>
  /**
   * Dungeon reward by vault level (0 = Heroic/Timewalking, 1 = Mythic 0, 2+ = keystone), as steps:
   * a run's reward is the entry with the highest `minLevel` not above its (capped) level.
   */
  dungeonItemLevel: readonly { minLevel: number; itemLevel: number }[]
  /** Keystone levels above this reward the same as this level. */
  maxRewardLevel: number
  source: string
}

/** Thresholds that have held since May 2024 (wowaudit/core commit 692267d); used when no season table matches. */
export const DEFAULT_RAID_THRESHOLDS = [2, 4, 6] as const
export const DEFAULT_DUNGEON_THRESHOLDS = [1, 4, 8] as const

export const SEASONS: readonly SeasonVaultTable[] = [
  {
    id: 'midnight-1',
    name: 'Midnight Season 1',
    // Periods 1052–1054 were pre-season weeks in which the vault gave nothing (wowaudit blacklist).
    firstPeriod: 1055,
    lastPeriod: 1076,
    raidThresholds: DEFAULT_RAID_THRESHOLDS,
    dungeonThresholds: DEFAULT_DUNGEON_THRESHOLDS,
    raidItemLevel: { lfr: 233, normal: 246, heroic: 259, mythic: 272 },
    dungeonItemLevel: [
      { minLevel: 0, itemLevel: 243 },
      { minLevel: 1, itemLevel: 256 },
      { minLevel: 2, itemLevel: 259 },
      { minLevel: 4, itemLevel: 263 },
      { minLevel: 6, itemLevel: 266 },
      { minLevel: 7, itemLevel: 269 },
      { minLevel: 10, itemLevel: 272 },
    ],
    maxRewardLevel: 10,
    source: 'wowaudit/core SEASON_DATA[17] and ThingEngineering/wowthing-again 2e1d538a8 (both agree)',
  },
  {
    id: 'midnight-2',
    name: 'Midnight Season 2',
    firstPeriod: 1077,
    lastPeriod: null,
    raidThresholds: DEFAULT_RAID_THRESHOLDS,
    dungeonThresholds: DEFAULT_DUNGEON_THRESHOLDS,
    // Public tables disagree for this season. We follow wowthing-again (38fee1518, 2026-08-12): its raid
    // row equals the season's track starts (Veteran 279 / Champion 292 / Hero 305 / Myth 318) like every
    // earlier season, while wowaudit's is one track higher with a Mythic value equal to its crest cap.
    // Heroic-dungeon 289 and +7..+9 315 are unconfirmed (wowaudit: 279 and 311).
    raidItemLevel: { lfr: 279, normal: 292, heroic: 305, mythic: 318 },
    dungeonItemLevel: [
      { minLevel: 0, itemLevel: 289 },
      { minLevel: 1, itemLevel: 302 },
      { minLevel: 2, itemLevel: 305 },
      { minLevel: 4, itemLevel: 308 },
      { minLevel: 6, itemLevel: 311 },
      { minLevel: 7, itemLevel: 315 },
      { minLevel: 10, itemLevel: 318 },
    ],
    maxRewardLevel: 10,
    source: 'ThingEngineering/wowthing-again apps/frontend/data/vault.ts at 38fee1518 (wowaudit differs, see comment)',
  },
]

/** The season whose vault applies in a weekly period, or undefined outside every known season. */
export function seasonForPeriod(period: number, seasons: readonly SeasonVaultTable[] = SEASONS): SeasonVaultTable | undefined {
  return seasons.find((s) => period >= s.firstPeriod && (s.lastPeriod === null || period <= s.lastPeriod))
}
