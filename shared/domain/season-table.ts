import * as z from 'zod/mini'
import { UPGRADE_TRACKS, type Reward, type RewardException, type UpgradeTrack } from './reward.ts'
import { DIFFICULTIES, type Difficulty } from './types.ts'
import { err, ok, type Result } from '../result.ts'

/**
 * One season's Great Vault table as data: thresholds, rewards with their upgrade track and rank, the
 * pre-season weeks, the World row's activity ids and a roster snapshot. Tables are JSON files (shipped
 * in shared/season-tables/, or dropped into the data folder by a player) checked by the schema below
 * when they are loaded, so a bad value is refused with the file and the field named instead of
 * silently turning into a wrong vault.
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
  /** False: no source states that its kills fill the raid row; they are counted, and the row says so (`note`). */
  countsConfirmed?: boolean
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

/**
 * The season's crests (the upgrade currency): the achievement statistic that counts each kind earned
 * this season, and the cap on what counts toward upgrades where a source states one (it rises by
 * `perWeek` every week from `fromPeriod`).
 */
/** A crest cap that rises by `perWeek` every week from `fromPeriod`, until a patch lifted it (`liftedFromPeriod`: no cap from that week on). */
export interface CrestCapRule {
  perWeek: number
  fromPeriod: number
  confirmed: boolean
  liftedFromPeriod?: number
}

export interface CrestSources {
  kinds: readonly { name: string; statisticId: number; cap: CrestCapRule | null }[]
  source: string
  /** What the player should know when reading the figures (e.g. sources that do not count toward the cap). */
  note?: string
}

export interface SeasonVaultTable {
  /** The season this table is for: Raider.IO's season slug (`season-mn-2`). A table applies to that season only. */
  id: string
  name: string
  /** Blizzard's Mythic+ season id (Raider.IO `blizzard_season_id`), when known. */
  blizzardSeasonId: number | null
  /** When the table's values were last checked (YYYY-MM-DD): a dropped-in table replaces the shipped one only when it is not older. */
  updated: string
  /**
   * The app's own calendar, used only while no source has said which season a week belongs to:
   * first and last weekly period (Blizzard's period ids, pre-season weeks included; lastPeriod null
   * while the season was live when the table was checked), and the last period the table's authors
   * vouch for (so a live season's table never applies by calendar to weeks nobody checked).
   */
  firstPeriod: number
  lastPeriod: number | null
  checkedThroughPeriod: number
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
  /** Item levels of each upgrade track's ranks, lowest first, where a source states them; ranks left out of a reward are read from here. */
  tracks?: Partial<Record<UpgradeTrack, readonly number[]>>
  /** Where its World row and Heroic runs are read from; undefined where not researched. */
  activities?: ActivitySources
  /** Where this season's crests are read from; undefined where not researched. */
  crests?: CrestSources
  /**
   * The season's raids as shipped with the app: used only while Raider.IO's static data has never been
   * fetched (Raider.IO stays the source of truth), and then with a warning. Empty when not researched.
   */
  roster: readonly RosterRaid[]
  /** Mythic+ rating achievements of the season (e.g. Keystone Myth at 3,600 from 12.1.5), when a source states them. */
  ratingAchievements?: readonly RatingAchievement[]
  /** Caveats about the World row's ids the player should read with the row (e.g. quest ids that may be incomplete). */
  worldNotes: readonly string[]
  source: string
  /** Which file the table came from (set when it is loaded): the window and `status` name the table in use. */
  loadedFrom?: TableOrigin
}

/** A Mythic+ rating the season rewards with an achievement, from the period it applies (a patch may change it). */
export interface RatingAchievement {
  name: string
  rating: number
  fromPeriod?: number
}

/** `shipped`: built into this version; `data-folder`: a newer table the player dropped into the data folder. */
export interface TableOrigin {
  kind: 'shipped' | 'data-folder'
  file: string
  /** Why a dropped-in table is used instead of the built-in one (README "Season tables"). */
  why?: string
}

// Bounds that fit the game: a value outside them is a typo, not a new season's rule.
const itemLevel = z.number().check(z.int(), z.gte(1), z.lte(2000))
const count = z.number().check(z.int(), z.gte(1), z.lte(50))
const period = z.number().check(z.int(), z.gte(1), z.lte(100_000))
const id = z.number().check(z.int(), z.gte(1), z.lte(10_000_000))
const text = z.string().check(z.minLength(1), z.maxLength(2000))
const thresholds = z.tuple([count, count, count]).check(z.refine((t) => t[0] <= t[1] && t[1] <= t[2], 'thresholds must not go down'))

const rewardSchema = z.object({
  itemLevel,
  track: z.nullable(z.enum(UPGRADE_TRACKS)),
  /** Absent: read from the track's ladder when the table has one, else unknown. */
  rank: z.optional(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(20)))),
  confirmed: z.boolean(),
  note: z.optional(text),
})
const exceptionSchema = z.extend(rewardSchema, { bosses: z.array(text).check(z.minLength(1)), label: z.optional(text) })
const raidRewardSchema = z.extend(rewardSchema, { exceptions: z.optional(z.array(exceptionSchema)) })
/** Steps in rising order of their key: a value's reward is the step with the highest key not above it. */
const rising = (key: 'minLevel' | 'minTier') =>
  z.refine((steps: unknown) => (steps as Record<string, number>[]).every((s, i, all) => i === 0 || (s[key] as number) > (all[i - 1]?.[key] as number)), `steps must be in rising ${key} order`)
const dungeonSteps = z.array(z.object({ minLevel: z.number().check(z.int(), z.gte(0), z.lte(40)), reward: rewardSchema })).check(z.minLength(1), rising('minLevel'))
const worldSteps = z.array(z.object({ minTier: z.number().check(z.int(), z.gte(1), z.lte(20)), reward: rewardSchema })).check(z.minLength(1), rising('minTier'))

const tableSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a season slug such as "season-mn-2"')),
  name: text,
  blizzardSeasonId: z.nullable(id),
  updated: z.iso.date(),
  firstPeriod: period,
  lastPeriod: z.nullable(period),
  checkedThroughPeriod: period,
  preseasonPeriods: z.array(period),
  raidThresholds: thresholds,
  dungeonThresholds: thresholds,
  raidRewards: z.object(Object.fromEntries(DIFFICULTIES.map((d) => [d, raidRewardSchema])) as Record<Difficulty, typeof raidRewardSchema>),
  dungeonRewards: dungeonSteps,
  maxRewardLevel: z.number().check(z.int(), z.gte(1), z.lte(40)),
  worldThresholds: thresholds,
  worldRewards: worldSteps,
  preseasonMaxWorldTier: z.number().check(z.int(), z.gte(1), z.lte(20)),
  tracks: z.optional(z.partialRecord(z.enum(UPGRADE_TRACKS), z.array(itemLevel).check(z.minLength(1), z.maxLength(20)))),
  activities: z.optional(
    z.object({
      delveTierStatistics: z.array(z.object({ tier: z.number().check(z.int(), z.gte(1), z.lte(20)), statisticId: id })),
      prey: z.array(z.object({ difficulty: z.enum(['Normal', 'Hard', 'Nightmare']), tier: z.number().check(z.int(), z.gte(1), z.lte(20)), questIds: z.array(id) })),
      worldQuests: z.array(z.object({ name: text, questIds: z.array(id), note: z.optional(text) })),
      dungeonStatistics: z.array(z.object({ dungeon: text, heroicId: z.nullable(id), mythicId: id })),
      source: text,
    }),
  ),
  crests: z.optional(
    z.object({
      kinds: z
        .array(
          z.object({
            name: z.string().check(z.minLength(1), z.maxLength(40)),
            statisticId: id,
            cap: z.nullable(
              z
                .object({ perWeek: z.number().check(z.int(), z.gte(1), z.lte(10_000)), fromPeriod: period, confirmed: z.boolean(), liftedFromPeriod: z.optional(period) })
                .check(z.refine((c) => c.liftedFromPeriod === undefined || c.liftedFromPeriod > c.fromPeriod, 'liftedFromPeriod must come after fromPeriod')),
            ),
          }),
        )
        .check(z.minLength(1), z.maxLength(10)),
      source: text,
      note: z.optional(text),
    }),
  ),
  roster: z.array(z.object({ name: text, bosses: z.array(text), fromPeriod: z.optional(period), note: z.optional(text), countsConfirmed: z.optional(z.boolean()) })),
  ratingAchievements: z.optional(z.array(z.object({ name: text, rating: z.number().check(z.int(), z.gte(1), z.lte(10_000)), fromPeriod: z.optional(period), note: z.optional(text) }))),
  worldNotes: z._default(z.array(text), []),
  source: text,
})

/** "raidRewards.mythic.itemLevel" from a zod issue path. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(the whole file)'
}

/**
 * Checks a season table read from `fileName` and fills ranks from the track ladders. The error names
 * the file and the first bad field, in words a player who edited the file can act on.
 */
export function parseSeasonTable(json: unknown, fileName: string): Result<SeasonVaultTable> {
  const parsed = tableSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? fieldPath(issue.path) : '(the whole file)'
    return err('INVALID_INPUT', `Season table ${fileName}: ${where}: ${issue?.message ?? 'not a season table'}.`)
  }
  const table = parsed.data
  if (table.lastPeriod !== null && table.lastPeriod < table.firstPeriod) return err('INVALID_INPUT', `Season table ${fileName}: lastPeriod: ends before firstPeriod.`)
  const ladder = (track: UpgradeTrack | null) => (track ? table.tracks?.[track] : undefined)
  const problems: string[] = []
  /** The reward as the vault uses it: rank from the ladder where the file leaves it out, the file's note dropped (it documents the value). */
  const ranked = <R extends z.infer<typeof rewardSchema>>({ note: _note, ...reward }: R, where: string): Omit<R, 'note'> & { rank: number | null } => {
    const steps = ladder(reward.track)
    const fromLadder = steps && steps.includes(reward.itemLevel) ? steps.indexOf(reward.itemLevel) + 1 : null
    if (reward.rank !== undefined && reward.rank !== null && fromLadder !== null && reward.rank !== fromLadder) {
      problems.push(`Season table ${fileName}: ${where}.rank: ${reward.track} ${reward.rank} contradicts the ${reward.track} ladder (${reward.itemLevel} is rank ${fromLadder}).`)
    }
    return { ...reward, rank: reward.rank ?? fromLadder }
  }
  const raidRewards = Object.fromEntries(
    DIFFICULTIES.map((d) => {
      const r = table.raidRewards[d]
      return [d, { ...ranked(r, `raidRewards.${d}`), ...(r.exceptions ? { exceptions: r.exceptions.map((e, i) => ranked(e, `raidRewards.${d}.exceptions[${i}]`)) } : {}) }]
    }),
  ) as Record<Difficulty, RaidReward>
  const result: SeasonVaultTable = {
    ...table,
    raidRewards,
    dungeonRewards: table.dungeonRewards.map((s, i) => ({ minLevel: s.minLevel, reward: ranked(s.reward, `dungeonRewards[${i}].reward`) })),
    worldRewards: table.worldRewards.map((s, i) => ({ minTier: s.minTier, reward: ranked(s.reward, `worldRewards[${i}].reward`) })),
  }
  return problems.length > 0 ? err('INVALID_INPUT', problems[0] as string) : ok(result)
}
