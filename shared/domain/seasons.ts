import type { Reward, RewardException, UpgradeTrack } from './reward.ts'

export type { Reward, RewardException, UpgradeTrack } from './reward.ts'
import type { Difficulty } from './types.ts'

/**
 * Great Vault data per season: thresholds, rewards with their upgrade track, and a roster snapshot.
 * This file is data, not code: a hotfixed or wrong value is a one-line edit here. Every value cites its
 * source; the research behind them is in the project's shared docs (game-rules.md §1–§3 and §6, which
 * supersedes §3b). Values a source marks as unverified carry `confirmed: false`, and the app shows them
 * with a marker instead of as facts.
 */

export interface RaidReward extends Reward {
  exceptions?: readonly RewardException[]
}

/** A raid of the season as the shipped snapshot knows it. */
export interface RosterRaid {
  name: string
  bosses: readonly string[]
  /** First period the raid was open, when it came later than the season (e.g. a patch raid). */
  fromPeriod?: number
  /** Why this raid's place in the vault is less than certain, if it is. */
  note?: string
}

export interface SeasonVaultTable {
  id: string
  name: string
  /** First weekly period (Blizzard's period id, US numbering) of the season, pre-season weeks included. */
  firstPeriod: number
  /** Last period of the season, or null while it is live. */
  lastPeriod: number | null
  /** Pre-season weeks: patch live, no keystones, no raid yet (game-rules.md §6, §5.3). */
  preseasonPeriods: readonly number[]
  /** Unique bosses needed for raid slots 1, 2 and 3. */
  raidThresholds: readonly [number, number, number]
  /** Dungeon runs needed for dungeon slots 1, 2 and 3. */
  dungeonThresholds: readonly [number, number, number]
  raidRewards: Readonly<Record<Difficulty, RaidReward>>
  /**
   * Dungeon reward by vault level (0 = Heroic/Timewalking, 1 = Mythic 0, 2+ = keystone), as steps:
   * a run's reward is the entry with the highest `minLevel` not above its (capped) level.
   */
  dungeonRewards: readonly { minLevel: number; reward: Reward }[]
  /** Keystone levels above this reward the same as this level. */
  maxRewardLevel: number
  /**
   * The season's raids as shipped with the app: used only while Raider.IO's static data has never been
   * fetched (Raider.IO stays the source of truth), and then with a warning. Empty when not researched.
   */
  roster: readonly RosterRaid[]
  source: string
}

/** Thresholds that have held since May 2024 (wowaudit/core commit 692267d); used when no season table matches. */
export const DEFAULT_RAID_THRESHOLDS = [2, 4, 6] as const
export const DEFAULT_DUNGEON_THRESHOLDS = [1, 4, 8] as const

const reward = (itemLevel: number, track: UpgradeTrack | null, rank: number | null, confirmed = true): Reward => ({ itemLevel, track, rank, confirmed })

export const SEASONS: readonly SeasonVaultTable[] = [
  {
    id: 'midnight-1',
    name: 'Midnight Season 1',
    // Periods 1052–1054 were pre-season weeks in which the vault gave nothing (wowaudit blacklist);
    // the season's last period is 1075 (KeystonePolaris 3.11.1: S1 keys end US 2026-08-11).
    firstPeriod: 1055,
    lastPeriod: 1075,
    preseasonPeriods: [],
    raidThresholds: DEFAULT_RAID_THRESHOLDS,
    dungeonThresholds: DEFAULT_DUNGEON_THRESHOLDS,
    // Raid rewards equal the track starts (Veteran 233, Champion 246, Hero 259, Myth 272: wowaudit `track_cutoffs`).
    raidRewards: { lfr: reward(233, 'Veteran', 1), normal: reward(246, 'Champion', 1), heroic: reward(259, 'Hero', 1), mythic: reward(272, 'Myth', 1) },
    // Ranks are left out where no source states them (game-rules.md §6.1: show track and item level only).
    dungeonRewards: [
      { minLevel: 0, reward: reward(243, 'Veteran', null) },
      { minLevel: 1, reward: reward(256, 'Champion', null) },
      { minLevel: 2, reward: reward(259, 'Hero', 1) },
      { minLevel: 4, reward: reward(263, 'Hero', null) },
      { minLevel: 6, reward: reward(266, 'Hero', null) },
      { minLevel: 7, reward: reward(269, 'Hero', null) },
      { minLevel: 10, reward: reward(272, 'Myth', 1) },
    ],
    maxRewardLevel: 10,
    // Not researched boss by boss (game-rules.md §1 names the raids only); Raider.IO has them.
    roster: [],
    source: 'wowaudit/core SEASON_DATA[17] and ThingEngineering/wowthing-again 2e1d538a8 (both agree)',
  },
  {
    id: 'midnight-2',
    name: 'Midnight Season 2',
    // Period 1076 is the pre-season week (patch 12.1: Heroic and Mythic 0 dungeons only); the season
    // proper starts at 1077 (wowaudit SEASON_DATA[18].first_period; Raider.IO season-mn-2).
    firstPeriod: 1076,
    lastPeriod: null,
    preseasonPeriods: [1076],
    raidThresholds: DEFAULT_RAID_THRESHOLDS,
    dungeonThresholds: DEFAULT_DUNGEON_THRESHOLDS,
    // Blizzard, "Curse of Ula'tek Endgame Reward Changes": in Season 2 the raid vault pays one upgrade
    // track above the drop; Mythic is Myth 6, items of the last two bosses Myth 9 (game-rules.md §6.1).
    // Values: wowaudit SEASON_DATA[18] and BetterGreatVault (RAID_MYTHIC 334, RAID_CEILING 344).
    raidRewards: {
      lfr: reward(292, 'Champion', 1, false), // a guide marks LFR as unverified
      normal: reward(305, 'Hero', 1),
      heroic: reward(318, 'Myth', 1),
      mythic: { ...reward(334, 'Myth', 6), exceptions: [{ ...reward(344, 'Myth', 9), bosses: ['The Coiled Altar', "Ula'tek"] }] },
    },
    // wowthing-again, ntApple and BetterGreatVault agree on +7..+9 = 315 (wowaudit's 311 is wrong);
    // Heroic 289 is unconfirmed (wowaudit: 279). Track starts: Veteran 279, Champion 292, Hero 305, Myth 318.
    dungeonRewards: [
      { minLevel: 0, reward: reward(289, 'Veteran', null, false) },
      { minLevel: 1, reward: reward(302, 'Champion', null) },
      { minLevel: 2, reward: reward(305, 'Hero', 1) },
      { minLevel: 4, reward: reward(308, 'Hero', null) },
      { minLevel: 6, reward: reward(311, 'Hero', null) },
      { minLevel: 7, reward: reward(315, 'Hero', null) },
      { minLevel: 10, reward: reward(318, 'Myth', 1) },
    ],
    maxRewardLevel: 10,
    // game-rules.md §6 (journal names from QuestionablyEpic InstanceDB.ts and wowaudit VALID_RAIDS "Season 2").
    roster: [
      {
        name: 'The Venomous Abyss',
        bosses: ["Nek'zali the Soulcoiler", 'Entombed Sentinels', 'The Lost Explorers', 'Vashnik the Malignant', 'Sszorak', 'The Twin Fangs', 'The Coiled Altar', "Ula'tek"],
      },
      { name: 'The Tidebound Grotto', bosses: ['Nymrissa Wavecaller'], note: 'A lair; lairs count toward the raid row.' },
      { name: "The Unbinding of Kith'ix", bosses: ["Kith'ix"], fromPeriod: 1085, note: 'Patch 12.1.5 raid; that it counts is inferred from Season 1.' },
    ],
    source: "wowaudit/core SEASON_DATA[18], BetterGreatVault, wowthing-again 38fee1518 and Blizzard's Season 2 reward post (game-rules.md §6.1)",
  },
]

/** The season whose vault applies in a weekly period, or undefined outside every known season. */
export function seasonForPeriod(period: number, seasons: readonly SeasonVaultTable[] = SEASONS): SeasonVaultTable | undefined {
  return seasons.find((s) => period >= s.firstPeriod && (s.lastPeriod === null || period <= s.lastPeriod))
}

/** True in a season's pre-season weeks. */
export function isPreseason(season: SeasonVaultTable, period: number): boolean {
  return season.preseasonPeriods.includes(period)
}

/** The boss names of the shipped roster that were open in `period`, or undefined when the season has none. */
export function rosterSnapshot(season: SeasonVaultTable | undefined, period: number): string[] | undefined {
  if (!season || season.roster.length === 0) return undefined
  return season.roster.filter((raid) => raid.fromPeriod === undefined || period >= raid.fromPeriod).flatMap((raid) => [...raid.bosses])
}
