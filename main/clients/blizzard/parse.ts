import { bossKeyFromName } from '../../../shared/domain/merge.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'
import type { AchievementStatisticsWire, CharacterProfileWire, CompletedQuestsWire, KeystoneProfileWire, RaidEncountersWire } from './wire.ts'

/** One boss on one difficulty in Blizzard's lifetime progress: the raw material of raid evidence. */
export interface EncounterProgress {
  /** Journal expansion; 505 is the "Current Season" pseudo-expansion that lists this season's raids. */
  expansionId: number
  instanceId: number
  instanceName: string
  encounterId: number
  bossKey: string
  bossName: string
  difficulty: Difficulty
  /** Lifetime kills on this difficulty (not weekly). */
  completedCount: number
  /** Last kill, epoch ms, or null when Blizzard gave none. */
  lastKillAt: number | null
}

/** Blizzard's "Current Season" pseudo-expansion (api-contracts.md §1.4). */
const CURRENT_SEASON_EXPANSION_ID = 505

const DIFFICULTY_BY_TYPE: Record<string, Difficulty> = { LFR: 'lfr', NORMAL: 'normal', HEROIC: 'heroic', MYTHIC: 'mythic' }

/**
 * Flattens the encounters response. Legacy 10/25-man modes are dropped (never current-season), and
 * entries are de-duplicated by instance, boss and difficulty because since 11.x the current raids are
 * listed under a "Current Season" pseudo-expansion as well as their real one.
 */
export function parseRaidEncounters(wire: RaidEncountersWire): EncounterProgress[] {
  const byKey = new Map<string, EncounterProgress>()
  for (const expansion of wire.expansions) {
    for (const { instance, modes } of expansion.instances) {
      for (const mode of modes) {
        const difficulty = DIFFICULTY_BY_TYPE[mode.difficulty.type]
        if (!difficulty) continue
        for (const entry of mode.progress.encounters) {
          const key = `${instance.id}:${entry.encounter.id}:${difficulty}`
          const progress: EncounterProgress = {
            expansionId: expansion.expansion.id,
            instanceId: instance.id,
            instanceName: instance.name,
            encounterId: entry.encounter.id,
            bossKey: bossKeyFromName(entry.encounter.name),
            bossName: entry.encounter.name,
            difficulty,
            completedCount: entry.completed_count,
            lastKillAt: entry.last_kill_timestamp ?? null,
          }
          const seen = byKey.get(key)
          // Prefer the Current Season listing, so the roster fallback can recognise it.
          if (!seen || (progress.expansionId === CURRENT_SEASON_EXPANSION_ID && seen.expansionId !== CURRENT_SEASON_EXPANSION_ID)) byKey.set(key, progress)
        }
      }
    }
  }
  return [...byKey.values()]
}

/** A keystone run as Blizzard reports it (best runs of the current period, not every run). */
export interface BlizzardKeystoneRun {
  dungeon: string
  level: number
  completedAt: number
  timed: boolean | null
}

export interface KeystoneProfile {
  /** Null when Blizzard has no keystone profile for the character (404: never ran a keystone). */
  periodId: number | null
  runs: BlizzardKeystoneRun[]
  rating: number | null
}

/** The keystone profile of a character that never ran a keystone. */
export const NO_KEYSTONE_RUNS: KeystoneProfile = Object.freeze({ periodId: null, runs: [], rating: null }) as KeystoneProfile

export function parseKeystoneProfile(wire: KeystoneProfileWire): KeystoneProfile {
  return {
    periodId: wire.current_period.period.id,
    runs: (wire.current_period.best_runs ?? []).map((run) => ({
      dungeon: run.dungeon.name,
      level: run.keystone_level,
      completedAt: run.completed_timestamp,
      timed: run.is_completed_within_time ?? null,
    })),
    rating: wire.current_mythic_rating?.rating ?? null,
  }
}

export interface CharacterProfileSummary {
  name: string
  realmSlug: string
  realmName: string
  className: string | null
  specName: string | null
  itemLevel: number | null
  lastLoginAt: number | null
  /** The guild and its realm slug; null: the profile names none (api-contracts.md §1.6: missing when guildless [I]). */
  guild: { name: string; realm: string } | null
}

export function parseCharacterProfile(wire: CharacterProfileWire): CharacterProfileSummary {
  return {
    name: wire.name,
    realmSlug: wire.realm.slug,
    realmName: wire.realm.name,
    className: wire.character_class?.name ?? null,
    specName: wire.active_spec?.name ?? null,
    itemLevel: wire.equipped_item_level ?? wire.average_item_level ?? null,
    lastLoginAt: wire.last_login_timestamp ?? null,
    guild: wire.guild ? { name: wire.guild.name, realm: wire.guild.realm?.slug ?? wire.realm.slug } : null,
  }
}

/** One achievement statistic: a lifetime counter and when it last changed (epoch ms, null when not given). */
export interface StatisticValue {
  id: number
  /** The statistic's name as Blizzard sends it (the window shows it next to crest totals). */
  name?: string
  quantity: number
  lastUpdatedAt: number | null
}

/** Every statistic of the response, from all categories and sub-categories. */
export function parseAchievementStatistics(wire: AchievementStatisticsWire): StatisticValue[] {
  const found: StatisticValue[] = []
  const walk = (categories: readonly StatisticCategoryLike[]) => {
    for (const category of categories) {
      for (const s of category.statistics ?? []) found.push({ id: s.id, ...(s.name ? { name: s.name } : {}), quantity: s.quantity, lastUpdatedAt: s.last_updated_timestamp ?? null })
      walk(category.sub_categories ?? [])
    }
  }
  walk(wire.categories)
  return found
}

type StatisticCategoryLike = AchievementStatisticsWire['categories'][number]

/** The ids of the completed quests. */
export function parseCompletedQuests(wire: CompletedQuestsWire): number[] {
  return wire.quests.map((q) => q.id)
}
