import { eq, max, sql } from 'drizzle-orm'
import type { SourceId } from '../../shared/domain/types.ts'
import type { ErrorCode } from '../../shared/errors.ts'
import type { AppError } from '../../shared/result.ts'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
import { sourceSyncStatus } from './schema.ts'

/** How the last sync of one source went for one character. */
export interface SourceStatus {
  source: SourceId
  lastAttemptAt: number | null
  lastSuccessAt: number | null
  lastError: AppError | null
  /** First failed attempt since the last success, null while the source works. */
  failingSince: number | null
}

/** The outcome of one attempt to read a source. */
export type SourceOutcome = { at: number; ok: true } | { at: number; ok: false; error: AppError }

/** Records an attempt; a failure keeps the time of the last success so staleness stays visible. */
export function recordSourceOutcome(db: Db, characterId: number, source: SourceId, outcome: SourceOutcome): void {
  const update = outcome.ok
    ? { lastAttemptAt: outcome.at, lastSuccessAt: outcome.at, lastErrorCode: null, lastErrorMessage: null, failingSince: null }
    : { lastAttemptAt: outcome.at, lastErrorCode: outcome.error.code, lastErrorMessage: outcome.error.message }
  db.insert(sourceSyncStatus)
    .values({ characterId, source, ...update, failingSince: outcome.ok ? null : outcome.at })
    .onConflictDoUpdate({
      target: [sourceSyncStatus.characterId, sourceSyncStatus.source],
      // A failure keeps the time the trouble started; a success clears it.
      set: outcome.ok ? update : { ...update, failingSince: sql`coalesce(${sourceSyncStatus.failingSince}, ${outcome.at})` },
    })
    .run()
}

/** The status of every source that was ever attempted for the character. */
export function listSourceStatuses(db: Db, characterId: number): SourceStatus[] {
  const query = preparedOnce(db, 'listSourceStatuses', () => db.select().from(sourceSyncStatus).where(eq(sourceSyncStatus.characterId, sql.placeholder('characterId'))).prepare())
  return query.all({ characterId }).map(toStatus)
}

function toStatus(row: typeof sourceSyncStatus.$inferSelect): SourceStatus {
  return {
    source: row.source as SourceId,
    lastAttemptAt: row.lastAttemptAt,
    lastSuccessAt: row.lastSuccessAt,
    lastError: row.lastErrorCode ? { code: row.lastErrorCode as ErrorCode, message: row.lastErrorMessage ?? '' } : null,
    failingSince: row.failingSince,
  }
}

/** The latest attempt to sync any source of the character, if any. */
export function lastSyncAttempt(db: Db, characterId: number): number | undefined {
  const row = db.select({ at: max(sourceSyncStatus.lastAttemptAt) }).from(sourceSyncStatus).where(eq(sourceSyncStatus.characterId, characterId)).get()
  return row?.at ?? undefined
}
