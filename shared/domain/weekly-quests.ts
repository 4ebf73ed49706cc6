import { hasControlOrBidi } from '../inert-text.ts'

/**
 * Weekly quests the player chose to track (issue "weekly board"): each character shows whether a quest
 * is done this week, from Blizzard's completed-quests list. No zod or season data, so the renderer can use it.
 *
 * The list is as of the character's last logout and weekly quests only leave it when the character
 * logs out after the reset (game-rules.md §5.7: judge by timestamps, never by "still in the list").
 * So a quest in the list counts as done this week only when it was seen appearing this week, or the
 * profile comes from a login after the reset; a quest in a list older than the reset is last week's.
 */

/** A quest the player tracks: Blizzard's quest id and the player's name for it. */
export interface TrackedQuest {
  id: number
  name: string
}

export const MAX_TRACKED_QUESTS = 50
export const MAX_QUEST_NAME = 60
/** Quest ids are positive integers; the game's are far below this. */
export const MAX_QUEST_ID = 10_000_000

/** A tracked quest as the week's reads of the completed list saw it (main/store/quest-checks-repo.ts). */
export interface QuestCheck {
  questId: number
  /** In the list at the latest read. */
  present: boolean
  /** Missing from the list at some read this week. */
  seenMissing: boolean
  /** When it first showed up after a read that did not have it. */
  appearedAt: number | null
  checkedAt: number
  /** The character's last login as known at that read (null: not known). */
  loginAt: number | null
}

export type QuestState = 'done' | 'not-done' | 'unknown'

export interface QuestStatus {
  id: number
  name: string
  state: QuestState
  /** Why, in the player's words (what proves it, and as of when). */
  reason: string
}

/**
 * The state of one tracked quest in a week, from the week's latest read of the list and the login that
 * list belongs to (a past week is judged by its own reads, not by today's login).
 */
export function questStatus(quest: TrackedQuest, check: QuestCheck | undefined, weekStart: number): QuestStatus {
  const status = (state: QuestState, reason: string): QuestStatus => ({ id: quest.id, name: quest.name, state, reason })
  if (!check) return status('unknown', "Not read this week yet: the next sync reads it from Blizzard's completed quests.")
  if (check.appearedAt !== null) return status('done', 'Done this week: it appeared in the completed list after a read this week that did not have it.')
  if (!check.present) return status('not-done', 'Not done this week, as of the last logout: not in the completed list.')
  const lastLoginAt = check.loginAt
  if (lastLoginAt !== null && lastLoginAt >= weekStart) return status('done', 'Done this week, as of the last logout: in the completed list of a login after the reset.')
  if (lastLoginAt !== null) return status('not-done', 'Not done this week, as of the last logout: no login since the reset, so the completed list still shows last week.')
  return status('unknown', 'In the completed list, but it may be last week’s: the last login is not known.')
}

/** Checks a quest the player wants to track; the message says what to fix. */
export function checkTrackedQuest(id: number, name: string): { ok: true; quest: TrackedQuest } | { ok: false; message: string } {
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_QUEST_ID) return { ok: false, message: `A quest id is a whole number from 1 to ${MAX_QUEST_ID.toLocaleString('en-US')} (Wowhead shows it in the quest's address), got ${id}.` }
  const trimmed = name.trim()
  if (trimmed.length === 0) return { ok: false, message: 'Give the quest a name, so the board can show it.' }
  if (trimmed.length > MAX_QUEST_NAME) return { ok: false, message: `A quest name has at most ${MAX_QUEST_NAME} characters.` }
  // A name is shown in the window, the terminal and spreadsheets: no control or bidi-override characters.
  if (hasControlOrBidi(trimmed)) return { ok: false, message: 'A quest name must not contain control characters.' }
  return { ok: true, quest: { id, name: trimmed } }
}

export const QUEST_STATE_LABELS: Record<QuestState, string> = { done: 'done', 'not-done': 'not done', unknown: 'unknown' }

/**
 * A character's tracked quests as one figure: "2/3", or "≥ 1/3" while any is unknown (the count is
 * then a lower bound). The window and `team` both say it this way.
 */
export function questTally(quests: readonly Pick<QuestStatus, 'state'>[]): { done: number; total: number; complete: boolean; text: string } {
  const done = quests.filter((q) => q.state === 'done').length
  const complete = !quests.some((q) => q.state === 'unknown')
  return { done, total: quests.length, complete, text: `${complete ? '' : '≥ '}${done}/${quests.length}` }
}
