import { z } from 'zod'

/** Response shapes of the queries in queries.ts. */

export const rateLimitWire = z.object({ limitPerHour: z.number(), pointsSpentThisHour: z.number(), pointsResetIn: z.number() })

export const reportKillsWire = z.object({
  code: z.string(),
  startTime: z.number(),
  fights: z
    .array(
      z.object({
        id: z.number(),
        encounterID: z.number(),
        name: z.string(),
        difficulty: z.number().nullable(),
        kill: z.boolean().nullable(),
        startTime: z.number(),
        endTime: z.number(),
        friendlyPlayers: z.array(z.number().nullable()).nullable(),
      }),
    )
    .nullable(),
  masterData: z.object({ actors: z.array(z.object({ id: z.number().nullable(), name: z.string().nullable(), server: z.string().nullable() })).nullable() }).nullable(),
})
export type ReportKillsWire = z.infer<typeof reportKillsWire>

/** One page of a character's recent reports with their kills, and the parses on page 1 (CHARACTER_WEEK). */
export const characterWeekWire = z.object({
  rateLimitData: rateLimitWire.nullable().optional(),
  characterData: z.object({
    // null when the character is not on Warcraft Logs [I].
    character: z
      .object({
        id: z.number(),
        name: z.string(),
        hidden: z.boolean().nullable().optional(),
        normal: z.unknown().optional(),
        heroic: z.unknown().optional(),
        mythic: z.unknown().optional(),
        recentReports: z
          .object({
            current_page: z.number(),
            has_more_pages: z.boolean(),
            last_page: z.number(),
            data: z.array(reportKillsWire.extend({ endTime: z.number() }).nullable()).nullable(),
          })
          .nullable(),
      })
      .nullable(),
  }),
})
export type CharacterWeekWire = z.infer<typeof characterWeekWire>

/** The `zoneRankings` JSON scalar; its content is only typed by third-party code [I], so most is optional. */
export const zoneRankingsJson = z.object({
  rankings: z
    .array(
      z.object({
        encounter: z.object({ id: z.number(), name: z.string() }),
        rankPercent: z.number().nullable().optional(),
        totalKills: z.number().optional(),
      }),
    )
    .default([]),
})
