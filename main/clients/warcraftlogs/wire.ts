import { z } from 'zod'
import { gameName, instant, killCount, reportOffsetMs, sourceId } from '../bounds.ts'

/** Response shapes of the queries in queries.ts. */

// Points and seconds: bounded so a broken answer cannot make the scheduler wait for ever.
const points = () => z.number().nonnegative().max(1e9)
export const rateLimitWire = z.object({ limitPerHour: points(), pointsSpentThisHour: points(), pointsResetIn: z.number().nonnegative().max(24 * 3600) })

export const reportKillsWire = z.object({
  code: gameName(),
  startTime: instant(),
  fights: z
    .array(
      z.object({
        id: sourceId(),
        encounterID: sourceId(),
        name: gameName(),
        difficulty: z.number().int().min(0).max(1000).nullable(),
        kill: z.boolean().nullable(),
        startTime: reportOffsetMs(),
        endTime: reportOffsetMs(),
        friendlyPlayers: z.array(sourceId().nullable()).nullable(),
      }),
    )
    .nullable(),
  masterData: z.object({ actors: z.array(z.object({ id: sourceId().nullable(), name: gameName().nullable(), server: gameName().nullable() })).nullable() }).nullable(),
})
export type ReportKillsWire = z.infer<typeof reportKillsWire>

/** One page of a character's recent reports with their kills, and the parses on page 1 (CHARACTER_WEEK). */
export const characterWeekWire = z.object({
  rateLimitData: rateLimitWire.nullable().optional(),
  characterData: z.object({
    // null when the character is not on Warcraft Logs [I].
    character: z
      .object({
        id: sourceId(),
        name: gameName(),
        hidden: z.boolean().nullable().optional(),
        normal: z.unknown().optional(),
        heroic: z.unknown().optional(),
        mythic: z.unknown().optional(),
        recentReports: z
          .object({
            current_page: z.number().int().nonnegative().max(100_000),
            has_more_pages: z.boolean(),
            last_page: z.number().int().nonnegative().max(100_000),
            data: z.array(reportKillsWire.extend({ endTime: instant() }).nullable()).nullable(),
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
        encounter: z.object({ id: sourceId(), name: gameName() }),
        rankPercent: z.number().min(0).max(100).nullable().optional(),
        totalKills: killCount().optional(),
      }),
    )
    .default([]),
})
