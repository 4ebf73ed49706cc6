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
  if (outcome.ok) recordSuccess(db).run({ characterId, source, at: outcome.at })
  else recordFailure(db).run({ characterId, source, at: outcome.at, code: outcome.error.code, message: outcome.error.message })
}

// Every sync records up to three outcomes per character: built once per connection (prepared.ts).
// The row's new values come in once, as the insert's; a conflict takes them from `excluded`.
function recordSuccess(db: Db) {
  return preparedOnce(db, 'recordSuccess', () => {
    const at = sql.placeholder('at')
    return db
      .insert(sourceSyncStatus)
      .values({ characterId: sql.placeholder('characterId'), source: sql.placeholder('source'), lastAttemptAt: at, lastSuccessAt: at, lastErrorCode: null, lastErrorMessage: null, failingSince: null })
      .onConflictDoUpdate({
        target: [sourceSyncStatus.characterId, sourceSyncStatus.source],
        set: { lastAttemptAt: sql`excluded.last_attempt_at`, lastSuccessAt: sql`excluded.last_success_at`, lastErrorCode: null, lastErrorMessage: null, failingSince: null },
      })
      .prepare()
  })
}

function recordFailure(db: Db) {
  return preparedOnce(db, 'recordFailure', () => {
    const at = sql.placeholder('at')
    return db
      .insert(sourceSyncStatus)
      .values({ characterId: sql.placeholder('characterId'), source: sql.placeholder('source'), lastAttemptAt: at, lastErrorCode: sql.placeholder('code'), lastErrorMessage: sql.placeholder('message'), failingSince: at })
      .onConflictDoUpdate({
        target: [sourceSyncStatus.characterId, sourceSyncStatus.source],
        // A failure keeps the time the trouble started and the last success; a success clears the trouble.
        set: {
          lastAttemptAt: sql`excluded.last_attempt_at`,
          lastErrorCode: sql`excluded.last_error_code`,
          lastErrorMessage: sql`excluded.last_error_message`,
          failingSince: sql`coalesce(${sourceSyncStatus.failingSince}, excluded.failing_since)`,
        },
      })
      .prepare()
  })
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
