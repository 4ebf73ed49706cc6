import type { SourceId } from '../../shared/domain/types.ts'
import type { ErrorCode } from '../../shared/errors.ts'
import type { AppError } from '../../shared/result.ts'
import { redactCredentials } from '../../shared/redact.ts'
import { upstreamText } from './upstream-text.ts'

/** A message is a sentence or two of ours around a capped quote of the source's (upstream-text.ts). */
const MESSAGE_MAX = 1000

/** The error kinds a source client reports. */
export type SourceErrorCode = Extract<
  ErrorCode,
  'UNKNOWN_CHARACTER' | 'INVALID_INPUT' | 'NOT_CONFIGURED' | 'AUTH_FAILED' | 'BAD_CONFIG' | 'RATE_LIMITED' | 'UPSTREAM_ERROR' | 'TIMEOUT' | 'MALFORMED_RESPONSE'
>

/** A failure of one source, with a message a player can act on. */
export class SourceError extends Error {
  readonly source: SourceId
  readonly code: SourceErrorCode
  readonly status: number | undefined
  /** For RATE_LIMITED: how long the source asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined

  constructor(source: SourceId, code: SourceErrorCode, message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    // Messages are shown, logged and stored: a password inside a configured URL must never be in one,
    // and whatever slipped past the cap where a source's text entered is cut again before redaction.
    super(redactCredentials(upstreamText(message, MESSAGE_MAX)), { cause: options.cause })
    this.name = 'SourceError'
    this.source = source
    this.code = code
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
  }

  toAppError(): AppError {
    return { code: this.code, message: this.message }
  }
}
