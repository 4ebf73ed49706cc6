import { z } from 'zod'
import { characterLevel, durationMs, guildRank, keyLevel, killCount, rating, sourceId } from '../bounds.ts'

export { BASE_EXPANSION_ID, mythicPlusStaticDataWire, raidingStaticDataWire, type MythicPlusStaticDataWire, type RaidingStaticDataWire } from './static-data-wire.ts'

/** Wire shapes of the Raider.IO public API v1 (api-contracts.md §2). */

/** One Mythic+ run (§2.2). `completed_at` is ISO 8601; 0 upgrades = over time, which still counts. */
export const runWire = z.object({
  dungeon: z.string(),
  short_name: z.string().optional(),
  mythic_level: keyLevel(),
  completed_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'),
  clear_time_ms: durationMs().optional(),
  num_keystone_upgrades: z.number().int().min(0).max(3).optional(),
  keystone_run_id: sourceId().optional(),
  map_challenge_mode_id: sourceId().optional(),
})

/** `/api/v1/characters/profile` with the fields the app asks for. Weekly lists are [] when empty. */
export const characterProfileWire = z.object({
  name: z.string(),
  region: z.string(),
  realm: z.string(),
  class: z.string().optional(),
  active_spec_name: z.string().nullable().optional(),
  last_crawled_at: z.string().nullable().optional(),
  profile_url: z.string().optional(),
  // Asked with fields=guild: null for a guildless character [I]; the realm is a display name.
  guild: z.object({ name: z.string().min(1).max(100), realm: z.string().max(100) }).nullable().optional(),
  mythic_plus_weekly_highest_level_runs: z.array(runWire).default([]),
  mythic_plus_previous_weekly_highest_level_runs: z.array(runWire).default([]),
  mythic_plus_scores_by_season: z
    .array(z.object({ season: z.string(), scores: z.object({ all: rating() }).partial().optional(), segments: z.object({ all: z.object({ score: rating(), color: z.string().optional() }).optional() }).optional() }))
    .default([]),
  raid_progression: z
    .record(
      z.string(),
      z.object({
        summary: z.string(),
        total_bosses: killCount(),
        normal_bosses_killed: killCount(),
        heroic_bosses_killed: killCount(),
        mythic_bosses_killed: killCount(),
      }),
    )
    .default({}),
})
export type CharacterProfileWire = z.infer<typeof characterProfileWire>

const periodWire = z.object({ period: sourceId(), start: z.string(), end: z.string() })

/** `/api/v1/periods` (§2.3): previous/current/next per region, half-open [start, end). */
export const periodsWire = z.object({
  periods: z.array(
    z.object({
      region: z.string(),
      previous: periodWire.optional(),
      current: periodWire,
      next: periodWire.optional(),
    }),
  ),
})

/** `/api/v1/guilds/profile?…&fields=members` (game-rules.md §9): members with rank, no level. */
export const guildProfileWire = z.object({
  name: z.string(),
  realm: z.string(),
  members: z
    .array(
      z.object({
        rank: guildRank(),
        character: z.object({ name: z.string(), class: z.string().optional(), realm: z.string(), region: z.string().optional(), level: characterLevel().optional() }),
      }),
    )
    .default([]),
})
export type GuildProfileWire = z.infer<typeof guildProfileWire>

/** Raider.IO's error body: `{ statusCode, error, message }` (§2.6). */
export const errorWire = z.object({ statusCode: z.number().optional(), error: z.string().optional(), message: z.string() })
