import { z } from 'zod'
import type { CountedBoss } from './merge.ts'
import { UPGRADE_TRACKS } from './reward.ts'
import { DEFAULT_WORLD_THRESHOLDS, type SeasonVaultTable } from './seasons.ts'
import { DIFFICULTIES, RAID_EVIDENCE_KINDS, SOURCE_IDS, WORLD_ACTIVITY_KINDS, type KeystoneRun, type WorldActivity } from './types.ts'
import { dungeonVaultSlots, raidVaultSlots } from './vault.ts'
import { worldVaultSlots } from './world.ts'

const rewardFields = {
  itemLevel: z.number().int(),
  track: z.enum(UPGRADE_TRACKS).nullable(),
  rank: z.number().int().nullable(),
  confirmed: z.boolean(),
}
// Vaults stored before rewards carried a track have no `reward`: read them as "no details".
const slotRewardSchema = z
  .object({ ...rewardFields, exceptions: z.array(z.object({ ...rewardFields, bosses: z.array(z.string()), label: z.string().optional() })) })
  .nullable()
  .default(null)

// The fields every slot has; each row adds what its reward is measured in.
const slotFields = {
  threshold: z.number().int(),
  progress: z.number().int(),
  unlocked: z.boolean(),
  itemLevel: z.number().int().nullable(),
  reward: slotRewardSchema,
}
const raidSlotSchema = z.object({ ...slotFields, difficulty: z.enum(DIFFICULTIES).nullable() })
const dungeonSlotSchema = z.object({ ...slotFields, level: z.number().int().nullable() })
const worldSlotSchema = z.object({ ...slotFields, tier: z.number().int().nullable() })

const EMPTY_WORLD_SLOTS = DEFAULT_WORLD_THRESHOLDS.map((threshold) => ({ threshold, progress: 0, unlocked: false, tier: null, itemLevel: null, reward: null }))

/** One character's vault for one week: the counted evidence and the nine slots it unlocks. */
export const weeklyVaultSchema = z.object({
  seasonId: z.string().nullable(),
  raid: z.object({
    bosses: z.array(
      z.object({
        name: z.string(),
        difficulty: z.enum(DIFFICULTIES),
        sources: z.array(z.enum(RAID_EVIDENCE_KINDS)),
        lastKillAt: z.number().nullable(),
      }),
    ),
    slots: z.array(raidSlotSchema).length(3),
  }),
  dungeons: z.object({
    runs: z.array(
      z.object({
        dungeon: z.string(),
        level: z.number().int().nonnegative(),
        completedAt: z.number(),
        timed: z.boolean().nullable(),
        sources: z.array(z.enum(SOURCE_IDS)),
        kind: z.enum(['heroic', 'mythic0']).optional(),
      }),
    ),
    slots: z.array(dungeonSlotSchema).length(3),
  }),
  // Vaults stored before the World row existed read as an empty row.
  world: z
    .object({
      activities: z.array(z.object({ kind: z.enum(WORLD_ACTIVITY_KINDS), name: z.string(), tier: z.number().int(), count: z.number().int().positive(), sources: z.array(z.enum(RAID_EVIDENCE_KINDS)) })),
      slots: z.array(worldSlotSchema).length(3),
    })
    .default({ activities: [], slots: EMPTY_WORLD_SLOTS }),
})

export type WeeklyVault = z.infer<typeof weeklyVaultSchema>

/** Builds the week's vault from bosses already counted once (merge.ts), the week's merged runs and its World activities. */
export function buildWeeklyVault(
  bosses: readonly CountedBoss[],
  runs: readonly KeystoneRun[],
  season: SeasonVaultTable | undefined,
  activities: readonly WorldActivity[] = [],
  period = 0,
): WeeklyVault {
  return {
    seasonId: season?.id ?? null,
    raid: {
      bosses: bosses.map((b) => ({ name: b.bossName, difficulty: b.difficulty, sources: [...b.sources], lastKillAt: b.lastKillAt })),
      slots: raidVaultSlots(
        bosses.map((b) => b.difficulty),
        season,
      ),
    },
    dungeons: {
      runs: runs.map((r) => ({ dungeon: r.dungeon, level: r.level, completedAt: r.completedAt, timed: r.timed, sources: [...r.sources], ...(r.kind ? { kind: r.kind } : {}) })),
      slots: dungeonVaultSlots(
        runs.map((r) => r.level),
        season,
      ),
    },
    world: {
      activities: activities.map((a) => ({ ...a, sources: [...a.sources] })),
      slots: worldVaultSlots(activities, season, period),
    },
  }
}
