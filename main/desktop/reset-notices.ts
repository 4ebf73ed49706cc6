import { z } from 'zod'
import { regionWeeks } from '../../shared/domain/board.ts'
import { digestName, weekDigest, type DigestCharacter } from '../../shared/domain/digest.ts'
import { countOf, duration } from '../../shared/domain/labels.ts'
import type { Region } from '../../shared/domain/types.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { readAppSettings, updateAppSettings } from '../app-settings.ts'
import type { Db } from '../store/db.ts'
import { getSetting, setSetting } from '../store/settings-repo.ts'

/**
 * The two notifications around each region's weekly reset, decided in plain Node with the clock given:
 * - after the reset, "N vaults waiting: …" once the region's characters were read since the reset (or
 *   two hours after it, when the hourly sync has had its turn), so the count is not of stale guesses;
 * - `reminderHours` before the reset, the characters one boss, run or activity from a new or better slot.
 * Each at most once per region and week, across restarts (the sent keys are stored by the caller) and
 * however many windows are open (this runs once, in main). Nothing while notifications are off, and
 * nothing when there is nothing to say.
 */

export interface ResetNotice {
  /** `waiting:us:1091` or `reminder:us:1091`: the region and week it was for. */
  key: string
  kind: 'waiting' | 'reminder'
  region: Region
  title: string
  body: string
}

export interface NoticeSettings {
  notifications: boolean
  /** Hours before each reset for the reminder (2–48), or null: no reminder. */
  reminderHours: number | null
}

/** Past the reset by this much, the hourly sync has read everyone it could: say what is known. */
const SETTLE_AFTER_RESET_MS = 2 * 3_600_000
/** A notification names this many characters, then "and N more". */
const NAMED = 5

export function dueResetNotices(characters: readonly CharacterOverview[], settings: NoticeSettings, sent: ReadonlySet<string>, now: number): ResetNotice[] {
  if (!settings.notifications) return []
  const notices: ResetNotice[] = []
  for (const { region, week, characters: thisWeek } of regionWeeks(characters)) {
    const digest = weekDigest(thisWeek)

    const waitingKey = `waiting:${region}:${week.period}`
    const settled = now >= week.start + SETTLE_AFTER_RESET_MS || thisWeek.every((c) => c.lastSyncedAt !== null && c.lastSyncedAt >= week.start)
    if (!sent.has(waitingKey) && settled && now >= week.start && digest.waiting.length > 0) {
      const sure = digest.waiting.filter((w) => w.waiting === 'waiting').length
      notices.push({
        key: waitingKey,
        kind: 'waiting',
        region,
        title: `${countOf(digest.waiting.length, 'vault')} waiting (${region.toUpperCase()})`,
        body: `${names(digest.waiting)}. ${sure === digest.waiting.length ? 'Not logged in since the reset.' : 'From the last logins: some may have been opened already.'}`,
      })
    }

    const reminderKey = `reminder:${region}:${week.period}`
    const reminderFrom = settings.reminderHours === null ? Infinity : week.end - settings.reminderHours * 3_600_000
    if (!sent.has(reminderKey) && now >= reminderFrom && now < week.end && digest.oneStep.length > 0) {
      const characters = uniqueCharacters(digest.oneStep)
      notices.push({
        key: reminderKey,
        kind: 'reminder',
        region,
        title: `Reset in ${duration(week.end - now)} (${region.toUpperCase()}): ${countOf(characters.length, 'character')} one step from a slot`,
        body: digest.oneStep.slice(0, NAMED).map((s) => `${s.name}: ${s.step}`).join('; ') + (digest.oneStep.length > NAMED ? `; and ${digest.oneStep.length - NAMED} more` : ''),
      })
    }
  }
  return notices
}

function uniqueCharacters(entries: readonly DigestCharacter[]): DigestCharacter[] {
  const seen = new Map<string, DigestCharacter>()
  for (const e of entries) seen.set(digestName(e), e)
  return [...seen.values()]
}

function names(entries: readonly DigestCharacter[]): string {
  const shown = entries.slice(0, NAMED).map((e) => e.name).join(', ')
  return entries.length > NAMED ? `${shown} and ${entries.length - NAMED} more` : shown
}

/** The keys already notified, as stored: a bounded list (the newest last), so it cannot grow for ever. */
const sentNoticesSchema = z.array(z.string().max(64)).max(200)
const SENT_NOTICES_KEPT = 100
const SENT_KEY = 'notices.sent'

/**
 * Shows what is due now and records it first, in one transaction with the check, so a second check
 * (another timer tick, a restart) never shows it again. Returns what was shown.
 */
export function showDueResetNotices(db: Db, characters: readonly CharacterOverview[], now: number, show: (notice: ResetNotice) => void): ResetNotice[] {
  const due = db.transaction((tx) => {
    const sent = getSetting(tx, SENT_KEY, sentNoticesSchema, [])
    const notices = dueResetNotices(characters, readAppSettings(tx), new Set(sent), now)
    if (notices.length > 0) setSetting(tx, SENT_KEY, [...sent.filter((k) => !notices.some((n) => n.key === k)), ...notices.map((n) => n.key)].slice(-SENT_NOTICES_KEPT), now)
    return notices
  })
  for (const notice of due) show(notice)
  return due
}

/** Where a "vaults waiting" notification leads: the board showing only the vaults waiting (stored, so it holds for a window still loading). */
export function showOnlyWaitingVaults(db: Db, now: number): void {
  updateAppSettings(db, { board: { ...readAppSettings(db).board, waitingOnly: true } }, now)
}
