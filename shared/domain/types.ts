import type { GameSlotView } from './game-vault-types.ts'
import type { SlotReward } from './reward.ts'

/** Core vocabulary shared by the clients, the store, the sync engine and the UI. */

export const REGIONS = ['us', 'eu', 'kr', 'tw', 'cn'] as const
export type Region = (typeof REGIONS)[number]

/** Raid difficulties, lowest first: the array order is the ranking used everywhere. */
export const DIFFICULTIES = ['lfr', 'normal', 'heroic', 'mythic'] as const
export type Difficulty = (typeof DIFFICULTIES)[number]

/** A vault's three rows, in the game's order. */
export const VAULT_ROWS = ['raid', 'dungeons', 'world'] as const
export type VaultRow = (typeof VAULT_ROWS)[number]

/** The three public APIs the app reads. */
export const SOURCE_IDS = ['blizzard', 'warcraftlogs', 'raiderio'] as const
export type SourceId = (typeof SOURCE_IDS)[number]

/**
 * What proved a raid kill: a Blizzard `last_kill_timestamp`, a Warcraft Logs fight, or a rise of
 * Blizzard's lifetime `completed_count` against a snapshot taken earlier in the same week.
 */
export const RAID_EVIDENCE_KINDS = ['blizzard', 'warcraftlogs', 'snapshot'] as const
export type RaidEvidenceKind = (typeof RAID_EVIDENCE_KINDS)[number]

/** A tracked character; `realm` is the realm slug (see realm.ts). */
export interface CharacterRef {
  region: Region
  realm: string
  name: string
}

/** One piece of evidence that a boss died on a difficulty; `killedAt` is epoch ms, null when only a count proved it. */
export interface BossKill {
  bossKey: string
  bossName: string
  difficulty: Difficulty
  killedAt: number | null
  source: RaidEvidenceKind
}

/**
 * A completed dungeon. `level` uses the vault's scale: 0 = Heroic or Timewalking, 1 = Mythic 0,
 * 2 and up = the keystone level. Depleted (untimed) keys count at their level.
 */
export interface KeystoneRun {
  dungeon: string
  level: number
  completedAt: number
  timed: boolean | null
  sources: SourceId[]
  /** Absent for keystone runs; Heroic and Mythic 0 runs come from Blizzard's statistics. */
  kind?: 'heroic' | 'mythic0'
}

/** One of the three raid-row slots. */
export interface RaidVaultSlot {
  threshold: number
  progress: number
  unlocked: boolean
  difficulty: Difficulty | null
  /** The usual item level of the reward (kept for simple readers); `reward` has the whole story. */
  itemLevel: number | null
  reward: SlotReward | null
  /** The game's own view of this slot from an addon's save this week (game-save.ts); absent or null: none. */
  game?: GameSlotView | null
}

/** One of the three dungeon-row slots; `level` is on the vault scale of KeystoneRun. */
export interface DungeonVaultSlot {
  threshold: number
  progress: number
  unlocked: boolean
  level: number | null
  itemLevel: number | null
  reward: SlotReward | null
  /** The game's own view of this slot from an addon's save this week (game-save.ts); absent or null: none. */
  game?: GameSlotView | null
}

/** One of the three World-row slots; `tier` is the activity tier (delve tier 1–11) it rewards. */
export interface WorldVaultSlot {
  threshold: number
  progress: number
  unlocked: boolean
  tier: number | null
  itemLevel: number | null
  reward: SlotReward | null
  /** The game's own view of this slot from an addon's save this week (game-save.ts); absent or null: none. */
  game?: GameSlotView | null
}

/** Any kind of slot, for code that only needs the shared fields. */
export type VaultSlot = RaidVaultSlot | DungeonVaultSlot | WorldVaultSlot

/** What fills the World row: delves (by tier), Prey hunts and world activities (game-rules.md §7). */
export const WORLD_ACTIVITY_KINDS = ['delve', 'prey', 'world'] as const
export type WorldActivityKind = (typeof WORLD_ACTIVITY_KINDS)[number]

/**
 * Activities of one kind, name and tier done in a week. `sources`: 'snapshot' when a counter rose
 * against this week's baseline, 'blizzard' when a last-updated time inside the week proves at least one.
 */
export interface WorldActivity {
  kind: WorldActivityKind
  name: string
  tier: number
  count: number
  sources: RaidEvidenceKind[]
}

/** How a dungeon run was seen: a keystone (any source), or a Heroic / Mythic 0 run from Blizzard's statistics. */
export const RUN_KINDS = ['keystone', 'heroic', 'mythic0'] as const
export type RunKind = (typeof RUN_KINDS)[number]

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value)
}

/** One "what next" hint for a vault row (next-step.ts computes them). */
export interface NextStep {
  kind: 'unlock' | 'upgrade'
  /** 1–3. */
  slot: number
  /** How many more bosses, runs or activities it takes. */
  more: number
  text: string
  /** The same in a board cell's few words, naming the row: "1 boss → raid slot 3", "a +10 lifts dungeon slot 2 to 318". */
  brief: string
}

/** The cheapest step that unlocks the next slot, and the cheapest that raises an unlocked slot's reward. */
export interface RowSteps {
  unlock: NextStep | null
  upgrade: NextStep | null
}
