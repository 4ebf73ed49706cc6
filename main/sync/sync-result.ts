import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { SourceId } from '../../shared/domain/types.ts'
import type { WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { AppError } from '../../shared/result.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'

/** What happened to one source in a sync: fetched fine, failed, has no credentials, or was fresh enough to skip. */
export type SourceRunStatus = 'ok' | 'error' | 'not_configured' | 'skipped'

export interface SourceReport {
  status: SourceRunStatus
  /** Last successful fetch (epoch ms), this sync's or an earlier one. */
  syncedAt: number | null
  error: AppError | null
}

/** The outcome of syncing one character. */
export interface CharacterSyncResult {
  character: TrackedCharacter
  week: WeekWindow
  vault: WeeklyVault
  previousWeek: WeekWindow
  previousVault: WeeklyVault
  sources: Record<SourceId, SourceReport>
  syncedAt: number
  /** Things the player should know (e.g. the season's raid list is unknown). */
  warnings: string[]
  /** True when every source that answered said the character does not exist. */
  notFound: boolean
}
