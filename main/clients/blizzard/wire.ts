import { z } from 'zod'
import { characterLevel, gameName, guildRank, instant, itemLevel, keyLevel, killCount, rating, sourceId, sourceText, statisticQuantity, durationMs } from '../bounds.ts'

/**
 * Wire shapes of the Blizzard WoW Profile API, validated at the edge. Only fields the app reads are
 * declared (zod drops the rest). Optional where api-contracts.md marks presence as inferred.
 */

const named = z.object({ name: gameName(), id: sourceId() })

/** `/profile/wow/character/{realm}/{name}/encounters/raids` (api-contracts.md §1.4). */
export const raidEncountersWire = z.object({
  character: z.object({ name: gameName(), realm: z.object({ slug: gameName() }) }).optional(),
  // A character that never raided may come without the list [I]; treat it as empty.
  expansions: z
    .array(
      z.object({
        expansion: named,
        instances: z.array(
          z.object({
            instance: named,
            modes: z.array(
              z.object({
                difficulty: z.object({ type: gameName() }),
                progress: z.object({
                  completed_count: killCount(),
                  total_count: killCount(),
                  encounters: z.array(
                    z.object({
                      encounter: named,
                      completed_count: killCount(),
                      last_kill_timestamp: instant().nullable().optional(),
                    }),
                  ),
                }),
              }),
            ),
          }),
        ),
      }),
    )
    .default([]),
})
export type RaidEncountersWire = z.infer<typeof raidEncountersWire>

const keystoneRun = z.object({
  completed_timestamp: instant(),
  duration: durationMs().optional(),
  keystone_level: keyLevel(),
  dungeon: named,
  // Depleted keys still count for the vault; the flag is informational [I].
  is_completed_within_time: z.boolean().optional(),
})

/** `/profile/wow/character/{realm}/{name}/mythic-keystone-profile` (§1.5). */
export const keystoneProfileWire = z.object({
  current_period: z.object({
    period: z.object({ id: sourceId() }),
    // Absent when the character has no run this period [I].
    best_runs: z.array(keystoneRun).optional(),
  }),
  current_mythic_rating: z.object({ rating: rating() }).optional(),
})
export type KeystoneProfileWire = z.infer<typeof keystoneProfileWire>

/** `/profile/wow/character/{realm}/{name}` (§1.6). */
export const characterProfileWire = z.object({
  name: gameName(),
  level: characterLevel().optional(),
  realm: z.object({ name: gameName(), slug: gameName() }),
  character_class: z.object({ name: gameName() }).optional(),
  // Missing for a fresh character [I].
  active_spec: z.object({ name: gameName() }).optional(),
  equipped_item_level: itemLevel().optional(),
  average_item_level: itemLevel().optional(),
  last_login_timestamp: instant().optional(),
  // Missing for a character without a guild [I]; the realm is the guild's (it can differ in a connected group).
  guild: z.object({ name: gameName().min(1), realm: z.object({ slug: gameName() }).optional() }).optional(),
})
export type CharacterProfileWire = z.infer<typeof characterProfileWire>

/** `/data/wow/mythic-keystone/period/{id}` (§1.5): `end` is start + 7 d − 1 ms. */
export const keystonePeriodWire = z.object({
  id: sourceId(),
  start_timestamp: instant(),
  end_timestamp: instant(),
})

/**
 * `/data/wow/mythic-keystone/season/index?namespace=dynamic-{region}`: every Mythic+ season's id and the
 * current one (shape documented by public API references [D]; not in the recordings). Blizzard's id is
 * Raider.IO's `blizzard_season_id`.
 */
export const keystoneSeasonIndexWire = z.object({
  seasons: z.array(z.object({ id: sourceId() })).max(1000).optional(),
  current_season: z.object({ id: z.number().int().nonnegative().max(100_000) }).optional(),
})

const statisticWire = z.object({
  id: sourceId(),
  name: sourceText().optional(),
  quantity: statisticQuantity(),
  last_updated_timestamp: instant().nullable().optional(),
})

interface StatisticCategoryWire {
  id?: number
  name?: string
  statistics?: z.infer<typeof statisticWire>[]
  sub_categories?: StatisticCategoryWire[]
}

const statisticCategoryWire: z.ZodType<StatisticCategoryWire> = z.object({
  id: sourceId().optional(),
  name: sourceText().optional(),
  statistics: z.array(statisticWire).optional(),
  get sub_categories() {
    return z.array(statisticCategoryWire).optional()
  },
})

/**
 * `/profile/wow/character/{realm}/{name}/achievements/statistics` (game-rules.md §7): categories of
 * counters, nested in sub-categories, each with a lifetime quantity and when it last changed.
 */
export const achievementStatisticsWire = z.object({ categories: z.array(statisticCategoryWire).default([]) })
export type AchievementStatisticsWire = z.infer<typeof achievementStatisticsWire>

/** `/profile/wow/character/{realm}/{name}/quests/completed` (game-rules.md §7): every quest the character completed. */
export const completedQuestsWire = z.object({ quests: z.array(z.object({ id: sourceId() })).default([]) })
export type CompletedQuestsWire = z.infer<typeof completedQuestsWire>

/** A character as the account profile and the guild roster list it (game-rules.md §9). */
const listedRealm = z.object({ slug: gameName(), name: gameName().optional(), id: sourceId().optional() })

/** `/profile/user/wow` with a user token (authorization-code flow, scope wow.profile; game-rules.md §9). */
export const accountProfileWire = z.object({
  // An account without World of Warcraft licences comes without the list [D].
  wow_accounts: z
    .array(
      z.object({
        id: sourceId(),
        characters: z
          .array(
            z.object({
              name: gameName(),
              id: sourceId().optional(),
              realm: listedRealm,
              playable_class: z.object({ id: sourceId(), name: gameName().optional() }).optional(),
              level: characterLevel().optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
})
export type AccountProfileWire = z.infer<typeof accountProfileWire>

/** `/data/wow/guild/{realmSlug}/{guildSlug}/roster` (client credentials; game-rules.md §9). */
export const guildRosterWire = z.object({
  guild: z.object({ name: gameName(), realm: listedRealm.optional() }),
  members: z
    .array(
      z.object({
        rank: guildRank(),
        character: z.object({ name: gameName(), realm: listedRealm, level: characterLevel().optional(), playable_class: z.object({ id: sourceId() }).optional() }),
      }),
    )
    .default([]),
})
export type GuildRosterWire = z.infer<typeof guildRosterWire>
