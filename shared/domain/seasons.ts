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

/**
 * Where the World row and the Heroic part of the dungeon row are read from Blizzard's profile API
 * (game-rules.md §7–§8): achievement statistics (counters with a last-updated time) and completed quests.
 */
export interface ActivitySources {
  /** The statistic "tier N delves completed" of each delve tier. */
  delveTierStatistics: readonly { tier: number; statisticId: number }[]
  /** Prey hunts: weekly quests per difficulty, each counted at the difficulty's tier. */
  prey: readonly { difficulty: 'Normal' | 'Hard' | 'Nightmare'; tier: number; questIds: readonly number[] }[]
  /** World activities: weekly quests, each counted as tier 1. */
  worldQuests: readonly { name: string; questIds: readonly number[]; note?: string }[]
  /** Heroic and Mythic completion statistics of the season's dungeons (no Heroic where none exists). */
  dungeonStatistics: readonly { dungeon: string; heroicId: number | null; mythicId: number }[]
  source: string
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
  /** Activities needed for World slots 1, 2 and 3. */
  worldThresholds: readonly [number, number, number]
  /** World reward by activity tier, as steps like `dungeonRewards` (tiers 1–11). */
  worldRewards: readonly { minTier: number; reward: Reward }[]
  /** The highest tier a World slot pays in the pre-season weeks (wowaudit PRESEASON_MAX_DELVE_VAULT_TIER). */
  preseasonMaxWorldTier: number
  /** Where its World row and Heroic runs are read from; undefined where not researched. */
  activities?: ActivitySources
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
export const DEFAULT_WORLD_THRESHOLDS = [2, 4, 8] as const

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
    worldThresholds: DEFAULT_WORLD_THRESHOLDS,
    // Plumber a39daac (game-rules.md §7): T1–T8 233/237/240/243/246/250/256/259; T8 and up pay the same.
    worldRewards: [
      { minTier: 1, reward: reward(233, 'Veteran', 1) },
      { minTier: 2, reward: reward(237, 'Veteran', null) },
      { minTier: 3, reward: reward(240, 'Veteran', null) },
      { minTier: 4, reward: reward(243, 'Veteran', null) },
      { minTier: 5, reward: reward(246, 'Champion', 1) },
      { minTier: 6, reward: reward(250, 'Champion', null) },
      { minTier: 7, reward: reward(256, 'Champion', null) },
      { minTier: 8, reward: reward(259, 'Hero', 1) },
    ],
    preseasonMaxWorldTier: 6,
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
      mythic: { ...reward(334, 'Myth', 6), exceptions: [{ ...reward(344, 'Myth', 9), bosses: ['The Coiled Altar', "Ula'tek"], label: 'the last two bosses' }] },
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
    worldThresholds: DEFAULT_WORLD_THRESHOLDS,
    // wowthing-again 34f827f5e and in-game data (game-rules.md §7). wowaudit (older) differs at T1/T6/T7
    // (272/298/302); T1 is unconfirmed in every source.
    worldRewards: [
      { minTier: 1, reward: reward(279, 'Veteran', 1, false) },
      { minTier: 2, reward: reward(282, 'Veteran', null) },
      { minTier: 3, reward: reward(285, 'Veteran', null) },
      { minTier: 4, reward: reward(289, 'Veteran', null) },
      { minTier: 5, reward: reward(292, 'Champion', 1) },
      { minTier: 6, reward: reward(295, 'Champion', null) },
      { minTier: 7, reward: reward(298, 'Champion', null) },
      { minTier: 8, reward: reward(305, 'Hero', 1) },
    ],
    preseasonMaxWorldTier: 6,
    activities: {
      // Statistic 40765 + N is "tier N delves completed" (wowaudit delve_data.rb; 40734 is the total).
      delveTierStatistics: Array.from({ length: 11 }, (_, i) => ({ tier: i + 1, statisticId: 40766 + i })),
      // wowaudit/core e49d795 lib/constants/pve_constants.rb PREY_QUESTS; Normal = tier 1, Hard 5, Nightmare 8.
      prey: [
        { difficulty: 'Normal', tier: 1, questIds: [91124, 91110, 91100, 91105, 91115, 91114, 91113, 91121, 91107, 91117, 91101, 91095, 91102, 91106, 91111, 91116, 91098, 91099, 91122, 91123, 91103, 91097, 91112, 91096, 91118, 91109, 91119, 91108, 91120, 91104] },
        { difficulty: 'Hard', tier: 5, questIds: [91240, 91255, 91245, 91230, 91222, 91220, 91242, 91232, 91252, 91247, 91246, 91253, 91224, 91251, 91234, 91244, 91218, 91212, 91250, 91238, 91243, 91249, 91236, 91216, 91214, 91210, 91248, 91254, 91226, 91228] },
        { difficulty: 'Nightmare', tier: 8, questIds: [91241, 91256, 91261, 91269, 91259, 91233, 91231, 91221, 91265, 91225, 91260, 91258, 91264, 91219, 91235, 91237, 91223, 91239, 91213, 91268, 91266, 91211, 91267, 91227, 91263, 91217, 91257, 91215, 91229, 91262] },
      ],
      // game-rules.md §7 (wowaudit pve_constants.rb; Purging the Vaults from wowthing-again).
      worldQuests: [
        { name: 'Unity Against the Void', questIds: [93766, 93767, 93769, 93889, 93890, 93891, 93892, 93909, 93910, 93911, 93912, 93913, 94457] },
        { name: 'Abundance', questIds: [89507] },
        { name: "Saltheril's Soiree", questIds: [90573, 90574, 90575, 90576] },
        { name: 'Stormarion Assault', questIds: [94581] },
        { name: 'Legends of the Haranir', questIds: [89268], note: 'wowaudit notes this quest only shows that the activity was started.' },
        { name: 'Purging the Vaults', questIds: [95520] },
      ],
      // wowaudit EXPANSION_DUNGEONS (game-rules.md §8); Season 2's returning keystone dungeons have a Mythic
      // statistic only, and Altar of Fangs has no Heroic statistic.
      dungeonStatistics: [
        { dungeon: 'Den of Nalorakk', heroicId: 61651, mythicId: 61652 },
        { dungeon: "Magisters' Terrace", heroicId: 61216, mythicId: 61217 },
        { dungeon: 'Murder Row', heroicId: 61274, mythicId: 61275 },
        { dungeon: 'Windrunner Spire', heroicId: 41294, mythicId: 41295 },
        { dungeon: 'Maisara Caverns', heroicId: 61654, mythicId: 61655 },
        { dungeon: 'Nexus-Point Xenas', heroicId: 61657, mythicId: 61658 },
        { dungeon: 'The Blinding Vale', heroicId: 61660, mythicId: 61661 },
        { dungeon: 'Voidscar Arena', heroicId: 61512, mythicId: 61513 },
        { dungeon: 'Altar of Fangs', heroicId: null, mythicId: 62287 },
        { dungeon: "Kings' Rest", heroicId: null, mythicId: 12763 },
        { dungeon: 'Temple of Sethraliss', heroicId: null, mythicId: 12776 },
        { dungeon: 'Ruby Life Pools', heroicId: null, mythicId: 16085 },
      ],
      source: 'wowaudit/core e49d795 (pve_constants.rb, delve_data.rb, quest_data.rb); game-rules.md §7–§8',
    },
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

/** The raids of the shipped roster that were open in `period` (empty when the season has none). */
export function shippedRaids(season: SeasonVaultTable | undefined, period: number): RosterRaid[] {
  return (season?.roster ?? []).filter((raid) => raid.fromPeriod === undefined || period >= raid.fromPeriod)
}
