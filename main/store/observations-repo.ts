import { and, asc, eq, gte, lt, sql } from 'drizzle-orm'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { BossKill, Difficulty, KeystoneRun, RaidEvidenceKind, SourceId } from '../../shared/domain/types.ts'
import type { Db } from './db.ts'
import { inCharacterWindow, placeholder, preparedOnce, windowValues } from './prepared.ts'
import { encounterSnapshotEntries, encounterSnapshots, keystoneRunObservations, raidKillObservations } from './schema.ts'

/**
 * Per-source evidence, stored per character and week. Writes only add or refresh rows: evidence a
 * source stops reporting stays, so a deleted log cannot erase a kill another source proved.
 */

/** Adds or refreshes kill evidence of one week; a repeated observation keeps the latest kill time. */
export function recordRaidKills(db: Db, characterId: number, weekStart: number, kills: readonly BossKill[], observedAt: number): void {
  // Every sync writes kills: one row at a time through a query built once per connection (prepared.ts).
  const upsert = preparedOnce(db, 'recordRaidKill', () =>
    db
      .insert(raidKillObservations)
      .values({
        characterId: sql.placeholder('characterId'),
        weekStart: sql.placeholder('weekStart'),
        bossKey: sql.placeholder('bossKey'),
        bossName: sql.placeholder('bossName'),
        difficulty: sql.placeholder('difficulty'),
        source: sql.placeholder('source'),
        killedAt: sql.placeholder('killedAt'),
        observedAt: sql.placeholder('observedAt'),
      })
      .onConflictDoUpdate({
        target: [raidKillObservations.characterId, raidKillObservations.weekStart, raidKillObservations.bossKey, raidKillObservations.difficulty, raidKillObservations.source],
        set: {
          // SQLite's two-argument max() is NULL when either side is; coalesce keeps the known time.
          killedAt: sql`coalesce(max(${raidKillObservations.killedAt}, excluded.killed_at), ${raidKillObservations.killedAt}, excluded.killed_at)`,
          observedAt: sql`excluded.observed_at`,
        },
      })
      .prepare(),
  )
  for (const kill of kills) upsert.run({ characterId, weekStart, bossKey: kill.bossKey, bossName: kill.bossName, difficulty: kill.difficulty, source: kill.source, killedAt: kill.killedAt, observedAt })
}

/**
 * All kill evidence of a week, found by its own time (a count-proved kill by when it was seen), not by
 * the week it was filed under: a later change of week boundaries never hides stored evidence.
 */
export function listRaidKills(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): BossKill[] {
  const query = preparedOnce(db, 'listRaidKills', () => {
    const evidenceAt = sql`coalesce(${raidKillObservations.killedAt}, ${raidKillObservations.observedAt})`
    return db
      .select()
      .from(raidKillObservations)
      .where(inCharacterWindow(raidKillObservations.characterId, evidenceAt))
      .orderBy(asc(raidKillObservations.id))
      .prepare()
  })
  return query
    .all(windowValues(characterId, week))
    .map((row) => ({
      bossKey: row.bossKey,
      bossName: row.bossName,
      difficulty: row.difficulty as Difficulty,
      source: row.source as RaidEvidenceKind,
      killedAt: row.killedAt,
    }))
}

/** A dungeon run as one source reported it. */
export interface RunObservation {
  dungeon: string
  level: number
  completedAt: number
  timed: boolean | null
  source: SourceId
}

/** Adds runs of one week; a run one source already reported is not duplicated. */
export function recordKeystoneRuns(db: Db, characterId: number, weekStart: number, runs: readonly RunObservation[], observedAt: number): void {
  const upsert = preparedOnce(db, 'recordKeystoneRun', () =>
    db
      .insert(keystoneRunObservations)
      .values({
        characterId: sql.placeholder('characterId'),
        weekStart: sql.placeholder('weekStart'),
        dungeon: sql.placeholder('dungeon'),
        level: sql.placeholder('level'),
        completedAt: sql.placeholder('completedAt'),
        // Given as SQLite stores it: drizzle's boolean mapping turns a placeholder's null into false.
        timed: placeholder('timed'),
        source: sql.placeholder('source'),
        observedAt: sql.placeholder('observedAt'),
      })
      .onConflictDoUpdate({
        target: [keystoneRunObservations.characterId, keystoneRunObservations.source, keystoneRunObservations.dungeon, keystoneRunObservations.level, keystoneRunObservations.completedAt],
        set: { timed: sql`coalesce(excluded.timed, ${keystoneRunObservations.timed})`, observedAt: sql`excluded.observed_at` },
      })
      .prepare(),
  )
  for (const run of runs) upsert.run({ characterId, weekStart, dungeon: run.dungeon, level: run.level, completedAt: run.completedAt, timed: run.timed === null ? null : Number(run.timed), source: run.source, observedAt })
}

/** Every source's runs completed in a week, one KeystoneRun per observation (merge them with mergeKeystoneRuns). */
export function listKeystoneRuns(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): KeystoneRun[] {
  const query = preparedOnce(db, 'listKeystoneRuns', () =>
    db
      .select()
      .from(keystoneRunObservations)
      .where(inCharacterWindow(keystoneRunObservations.characterId, keystoneRunObservations.completedAt))
      .orderBy(asc(keystoneRunObservations.completedAt))
      .prepare(),
  )
  return query
    .all(windowValues(characterId, week))
    .map((row) => ({ dungeon: row.dungeon, level: row.level, completedAt: row.completedAt, timed: row.timed, sources: [row.source as SourceId] }))
}

/** One boss/difficulty counter of Blizzard's encounters response. */
export interface SnapshotEntry {
  bossKey: string
  bossName: string
  difficulty: Difficulty
  completedCount: number
  lastKillAt: number | null
}

/**
 * How long captures of Blizzard's kill counters are kept. Only the current week's first one is ever
 * read (the baseline kills are counted from); a few weeks more cover changes of week boundaries. Each
 * holds one row per boss and difficulty the character ever killed, so keeping them all grew the
 * database by tens of KB per character and week, and every full check of the file with it.
 */
export const ENCOUNTER_SNAPSHOT_HISTORY_MS = 35 * 24 * 60 * 60 * 1000

/** Stores a capture of Blizzard's lifetime kill counters and returns its id. */
export function recordEncounterSnapshot(db: Db, characterId: number, weekStart: number, capturedAt: number, entries: readonly SnapshotEntry[]): number {
  const { id } = db.insert(encounterSnapshots).values({ characterId, weekStart, capturedAt }).returning({ id: encounterSnapshots.id }).get()
  // Entries are one per boss and difficulty (evidence.ts); a repeated key in odd upstream data is skipped, never fatal.
  for (const chunk of chunks(entries)) db.insert(encounterSnapshotEntries).values(chunk.map((entry) => ({ snapshotId: id, ...entry }))).onConflictDoNothing().run()
  return id
}

/** Forgets the character's captures older than ENCOUNTER_SNAPSHOT_HISTORY_MS before `at` (their entries go with them). */
export function forgetOldEncounterSnapshots(db: Db, characterId: number, at: number): void {
  db.delete(encounterSnapshots)
    .where(and(eq(encounterSnapshots.characterId, characterId), lt(encounterSnapshots.capturedAt, at - ENCOUNTER_SNAPSHOT_HISTORY_MS)))
    .run()
}

/**
 * The earliest snapshot captured inside the given week, the baseline for count-based evidence.
 * Snapshots of earlier weeks are never returned: they would count last week's kills again.
 */
export function firstSnapshotOfWeek(db: Db, characterId: number, week: Pick<WeekWindow, 'start' | 'end'>): { capturedAt: number; entries: SnapshotEntry[] } | undefined {
  const snapshot = db
    .select()
    .from(encounterSnapshots)
    .where(and(eq(encounterSnapshots.characterId, characterId), gte(encounterSnapshots.capturedAt, week.start), lt(encounterSnapshots.capturedAt, week.end)))
    .orderBy(asc(encounterSnapshots.capturedAt), asc(encounterSnapshots.id))
    .get()
  if (!snapshot) return undefined
  const entries = db
    .select()
    .from(encounterSnapshotEntries)
    .where(eq(encounterSnapshotEntries.snapshotId, snapshot.id))
    .all()
    .map((e) => ({ bossKey: e.bossKey, bossName: e.bossName, difficulty: e.difficulty as Difficulty, completedCount: e.completedCount, lastKillAt: e.lastKillAt }))
  return { capturedAt: snapshot.capturedAt, entries }
}

/** One multi-row statement per chunk: far fewer statements than one per row, under SQLite's variable limit. */
function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const result: T[][] = []
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size))
  return result
}
