import type { ErrorCode } from '../../shared/errors.ts'

/** Why the database could not be used; the file is left as it was in every case. */
export type StoreErrorCode = Extract<ErrorCode, 'DB_CORRUPT' | 'DB_UNREADABLE' | 'DB_FROM_NEWER_VERSION'>

/** A database problem with a message a player can act on. */
export class StoreError extends Error {
  readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreError'
    this.code = code
  }
}
