import { z } from 'zod'
import { characterLevel, durationMs, gameName, guildRank, keyLevel, killCount, rating, sourceId, sourceText } from '../bounds.ts'

export { BASE_EXPANSION_ID, mythicPlusStaticDataWire, raidingStaticDataWire, type MythicPlusStaticDataWire, type RaidingStaticDataWire } from './static-data-wire.ts'

/** Wire shapes of the Raider.IO public API v1 (api-contracts.md §2). */

/** One Mythic+ run (§2.2). `completed_at` is ISO 8601; 0 upgrades = over time, which still counts. */
export const runWire = z.object({
  dungeon: gameName(),
  short_name: gameName().optional(),
  mythic_level: keyLevel(),
  completed_at: sourceText().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'),
  clear_time_ms: durationMs().optional(),
  num_keystone_upgrades: z.number().int().min(0).max(3).optional(),
  keystone_run_id: sourceId().optional(),
  map_challenge_mode_id: sourceId().optional(),
})

/** `/api/v1/characters/profile` with the fields the app asks for. Weekly lists are [] when empty. */
export const characterProfileWire = z.object({
  name: gameName(),
  region: gameName(),
  realm: gameName(),
  class: gameName().optional(),
  active_spec_name: gameName().nullable().optional(),
  last_crawled_at: sourceText().nullable().optional(),
  profile_url: sourceText().optional(),
  // Asked with fields=guild: null for a guildless character [I]; the realm is a display name.
  guild: z.object({ name: gameName().min(1), realm: gameName() }).nullable().optional(),
  mythic_plus_weekly_highest_level_runs: z.array(runWire).default([]),
  mythic_plus_previous_weekly_highest_level_runs: z.array(runWire).default([]),
  mythic_plus_scores_by_season: z
    .array(z.object({ season: gameName(), scores: z.object({ all: rating() }).partial().optional(), segments: z.object({ all: z.object({ score: rating(), color: sourceText().optional() }).optional() }).optional() }))
    .default([]),
  raid_progression: z
    .record(
      gameName(),
      z.object({
        summary: sourceText(),
        total_bosses: killCount(),
        normal_bosses_killed: killCount(),
        heroic_bosses_killed: killCount(),
        mythic_bosses_killed: killCount(),
      }),
    )
    .default({}),
})
export type CharacterProfileWire = z.infer<typeof characterProfileWire>

const periodWire = z.object({ period: sourceId(), start: sourceText(), end: sourceText() })

/** `/api/v1/periods` (§2.3): previous/current/next per region, half-open [start, end). */
export const periodsWire = z.object({
  periods: z.array(
    z.object({
      region: gameName(),
      previous: periodWire.optional(),
      current: periodWire,
      next: periodWire.optional(),
    }),
  ),
})

/** `/api/v1/guilds/profile?…&fields=members` (game-rules.md §9): members with rank, no level. */
export const guildProfileWire = z.object({
  name: gameName(),
  realm: gameName(),
  members: z
    .array(
      z.object({
        rank: guildRank(),
        character: z.object({ name: gameName(), class: gameName().optional(), realm: gameName(), region: gameName().optional(), level: characterLevel().optional() }),
      }),
    )
    .default([]),
})
export type GuildProfileWire = z.infer<typeof guildProfileWire>

/** Raider.IO's error body: `{ statusCode, error, message }` (§2.6). */
export const errorWire = z.object({ statusCode: z.number().optional(), error: z.string().optional(), message: z.string() })
