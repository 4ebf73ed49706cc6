import type { WeekSeason } from '../../shared/domain/live-season.ts'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { SourceId } from '../../shared/domain/types.ts'
import type { WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { AppError } from '../../shared/result.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import type { WeekTrust } from './week-vault.ts'
import type { WeekBoard } from './weekly-board.ts'

/** What happened to one source in a sync: fetched fine, failed, has no credentials, or was fresh enough to skip. */
export type SourceRunStatus = 'ok' | 'error' | 'not_configured' | 'skipped'

export interface SourceReport {
  status: SourceRunStatus
  /** Last successful fetch (epoch ms), this sync's or an earlier one. */
  syncedAt: number | null
  error: AppError | null
  /** As stored: the first failed read since the last success (absent in a sync's own report). */
  failingSince?: number | null
  /**
   * Blizzard only: the last success asked the profile summary alone, which named the same login as the
   * complete read made at this time, so the details are that read's (unchanged since, no logout since).
   */
  unchangedSince?: number | null
}

/** The outcome of syncing one character. */
export interface CharacterSyncResult {
  character: TrackedCharacter
  week: WeekWindow
  /** This week's season and the table its rewards came from. */
  season: WeekSeason
  vault: WeeklyVault
  /** How far each row of this week's vault can be trusted. */
  trust: WeekTrust
  /** This week's crests and tracked quests. */
  board: WeekBoard
  previousWeek: WeekWindow
  previousVault: WeeklyVault
  previousTrust: WeekTrust
  sources: Record<SourceId, SourceReport>
  syncedAt: number
  /** Things the player should know (e.g. the season's raid list is unknown). */
  warnings: string[]
  /** True when every source that answered said the character does not exist. */
  notFound: boolean
}

/** One character's sync in a run of several: its result, or why it could not finish (nothing was saved then). */
export type SyncOutcome = ({ ok: true; character: TrackedCharacter; result: CharacterSyncResult } | { ok: false; character: TrackedCharacter; message: string }) & {
  /** The player cancelled the run before this sync finished (what answered by then is saved). */
  cancelled?: true
}

/** Waits for one character's sync and never rejects: a thrown sync becomes a failed outcome with its reason. */
export async function settleSync(character: TrackedCharacter, sync: Promise<CharacterSyncResult>): Promise<SyncOutcome> {
  try {
    return { ok: true, character, result: await sync }
  } catch (error) {
    return { ok: false, character, message: error instanceof Error ? error.message : String(error) }
  }
}

/** True when the character's sync failed as a whole or any source reported an error (a cancelled one did not fail). */
export function outcomeFailed(outcome: SyncOutcome): boolean {
  if (outcome.cancelled) return false
  return !outcome.ok || Object.values(outcome.result.sources).some((s) => s.status === 'error')
}
