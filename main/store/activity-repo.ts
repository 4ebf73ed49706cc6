import { asc, eq, sql } from 'drizzle-orm'
import * as z from 'zod/mini'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { Db } from './db.ts'
import { inCharacterWindow, preparedOnce, windowValues } from './prepared.ts'
import { activityObservations, activitySnapshots } from './schema.ts'

/** What one week's World row (and Heroic runs) is counted from: see sync/activity-evidence.ts. */
export interface ActivityBaseline {
  id: number
  capturedAt: number
  /** Quantities of the tracked statistics at the first read this week, or null before statistics answered. */
  statistics: Map<number, number> | null
  /** Tracked quests seen missing at any read this week, or null before quests answered. */
  absentQuests: Set<number> | null
  /** Nothing tracked had changed yet this week when the baseline was taken (null: not known yet): delves, dungeon runs, quests. */
  cleanStatistics: boolean | null
  cleanDungeons: boolean | null
  cleanQuests: boolean | null
}

export const ACTIVITY_KINDS = ['delve', 'prey', 'world', 'heroic', 'mythic0'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** One piece of activity evidence: how many of something happened in a week, and what proved it. */
export interface ActivityObservation {
  kind: ActivityKind
  name: string
  tier: number
  count: number
  source: 'blizzard' | 'snapshot'
  /** Best guess of when it happened (a statistic's last update), if known. */
  happenedAt: number | null
}

const quantities = z.record(z.string(), z.number())
const ids = z.array(z.number())

/** The week's baseline (the first one captured inside the week), if any. */
export function getActivityBaseline(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): ActivityBaseline | undefined {
  const query = preparedOnce(db, 'getActivityBaseline', () =>
    db
      .select()
      .from(activitySnapshots)
      .where(inCharacterWindow(activitySnapshots.characterId, activitySnapshots.capturedAt))
      .orderBy(asc(activitySnapshots.capturedAt), asc(activitySnapshots.id))
      .prepare(),
  )
  const row = query.get(windowValues(characterId, week))
  if (!row) return undefined
  const statistics = row.statisticsJson === null ? null : quantities.safeParse(parseJson(row.statisticsJson))
  const absent = row.absentQuestsJson === null ? null : ids.safeParse(parseJson(row.absentQuestsJson))
  return {
    id: row.id,
    capturedAt: row.capturedAt,
    statistics: statistics?.success ? new Map(Object.entries(statistics.data).map(([id, q]) => [Number(id), q])) : null,
    absentQuests: absent?.success ? new Set(absent.data) : null,
    cleanStatistics: row.cleanStatistics,
    cleanDungeons: row.cleanDungeons,
    cleanQuests: row.cleanQuests,
  }
}

/** JSON.parse that yields undefined for a damaged value (the schema then rejects it: no baseline, no guess). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Stores the baseline's new state: created at the first read of the week, completed or extended later. */
export function saveActivityBaseline(db: Db, characterId: number, weekStart: number, baseline: Omit<ActivityBaseline, 'id'> & { id?: number }): void {
  const values = {
    statisticsJson: baseline.statistics ? JSON.stringify(Object.fromEntries(baseline.statistics)) : null,
    absentQuestsJson: baseline.absentQuests ? JSON.stringify([...baseline.absentQuests].sort((a, b) => a - b)) : null,
    cleanStatistics: baseline.cleanStatistics,
    cleanDungeons: baseline.cleanDungeons,
    cleanQuests: baseline.cleanQuests,
  }
  if (baseline.id === undefined) db.insert(activitySnapshots).values({ characterId, weekStart, capturedAt: baseline.capturedAt, ...values }).run()
  else db.update(activitySnapshots).set(values).where(eq(activitySnapshots.id, baseline.id)).run()
}

/** Adds or refreshes activity evidence of a week; counts only ever grow (a smaller answer erases nothing). */
export function recordActivities(db: Db, characterId: number, weekStart: number, observations: readonly ActivityObservation[], at: number): void {
  for (const o of observations) {
    db.insert(activityObservations)
      .values({ characterId, weekStart, kind: o.kind, name: o.name, tier: o.tier, source: o.source, count: o.count, firstSeenAt: at, happenedAt: o.happenedAt })
      .onConflictDoUpdate({
        target: [activityObservations.characterId, activityObservations.weekStart, activityObservations.kind, activityObservations.name, activityObservations.source],
        set: {
          count: sql`max(${activityObservations.count}, excluded.count)`,
          happenedAt: sql`coalesce(max(${activityObservations.happenedAt}, excluded.happened_at), ${activityObservations.happenedAt}, excluded.happened_at)`,
        },
      })
      .run()
  }
}

/** The activity evidence of a week, found by when it was first seen. */
export function listActivities(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): ActivityObservation[] {
  const query = preparedOnce(db, 'listActivities', () =>
    db
      .select()
      .from(activityObservations)
      .where(inCharacterWindow(activityObservations.characterId, activityObservations.firstSeenAt))
      .orderBy(asc(activityObservations.kind), asc(activityObservations.name))
      .prepare(),
  )
  return query
    .all(windowValues(characterId, week))
    .map((row) => ({ kind: row.kind as ActivityKind, name: row.name, tier: row.tier, count: row.count, source: row.source as ActivityObservation['source'], happenedAt: row.happenedAt }))
}
