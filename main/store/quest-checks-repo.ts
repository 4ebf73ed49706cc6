import { and, eq, sql } from 'drizzle-orm'
import * as z from 'zod/mini'
import { MAX_QUEST_ID, MAX_QUEST_NAME, MAX_TRACKED_QUESTS, type QuestCheck, type TrackedQuest } from '../../shared/domain/weekly-quests.ts'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
import { questChecks } from './schema.ts'
import { getSetting, setSetting } from './settings-repo.ts'

/** The player's tracked weekly quests: one app-wide list in the settings, in the order added. */
const TRACKED_QUESTS_KEY = 'trackedQuests'
const trackedQuestsSchema = z.array(z.object({ id: z.number().check(z.int(), z.gte(1), z.lte(MAX_QUEST_ID)), name: z.string().check(z.minLength(1), z.maxLength(MAX_QUEST_NAME)) })).check(z.maxLength(MAX_TRACKED_QUESTS))

export function listTrackedQuests(db: Db): TrackedQuest[] {
  return getSetting(db, TRACKED_QUESTS_KEY, trackedQuestsSchema, [])
}

/** Adds a checked quest (a tracked id gets the new name); false when the list is full. */
export function trackQuest(db: Db, quest: TrackedQuest, now: number): boolean {
  const quests = listTrackedQuests(db)
  const index = quests.findIndex((q) => q.id === quest.id)
  if (index >= 0) quests[index] = quest
  else if (quests.length >= MAX_TRACKED_QUESTS) return false
  else quests.push(quest)
  setSetting(db, TRACKED_QUESTS_KEY, quests, now)
  return true
}

/** Stops tracking a quest; false when it was not tracked. Its past checks stay (they cost little and come back if it is tracked again). */
export function untrackQuest(db: Db, id: number, now: number): boolean {
  const quests = listTrackedQuests(db)
  const kept = quests.filter((q) => q.id !== id)
  if (kept.length === quests.length) return false
  setSetting(db, TRACKED_QUESTS_KEY, kept, now)
  return true
}

/**
 * Records one read of the character's completed list for the tracked quests: whether each is in it,
 * whether it was ever missing this week, and when it first appeared after having been missing.
 */
export function recordQuestChecks(db: Db, characterId: number, weekStart: number, questIds: readonly number[], completed: ReadonlySet<number>, loginAt: number | null, at: number): void {
  for (const questId of questIds) {
    const where = and(eq(questChecks.characterId, characterId), eq(questChecks.weekStart, weekStart), eq(questChecks.questId, questId))
    const existing = db.select().from(questChecks).where(where).get()
    const present = completed.has(questId)
    if (!existing) {
      db.insert(questChecks).values({ characterId, weekStart, questId, present, seenMissing: !present, appearedAt: null, checkedAt: at, loginAt }).run()
    } else if (at >= existing.checkedAt) {
      const appearedAt = existing.appearedAt ?? (present && existing.seenMissing ? at : null)
      db.update(questChecks).set({ present, seenMissing: existing.seenMissing || !present, appearedAt, checkedAt: at, loginAt: loginAt ?? existing.loginAt }).where(where).run()
    }
  }
}

/** The week's checks of a character, by quest id. */
export function listQuestChecks(db: Db, characterId: number, weekStart: number): Map<number, QuestCheck> {
  const query = preparedOnce(db, 'listQuestChecks', () =>
    db.select().from(questChecks).where(and(eq(questChecks.characterId, sql.placeholder('characterId')), eq(questChecks.weekStart, sql.placeholder('weekStart')))).prepare(),
  )
  const rows = query.all({ characterId, weekStart })
  return new Map(rows.map((r) => [r.questId, { questId: r.questId, present: r.present, seenMissing: r.seenMissing, appearedAt: r.appearedAt, checkedAt: r.checkedAt, loginAt: r.loginAt }]))
}
