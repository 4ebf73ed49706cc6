import { ERROR_HEADLINES } from '../../../shared/errors.ts'
import type { AppError } from '../../../shared/result.ts'

/** A player-facing error: a headline for its kind and the specific message. */
export function ErrorBanner({ error, onDismiss }: { error: AppError; onDismiss?: () => void }) {
  return (
    <div role="alert" className="error-banner">
      <div>
        <strong>{ERROR_HEADLINES[error.code]}</strong>
        <p>{error.message}</p>
      </div>
      {onDismiss && (
        <button type="button" className="ghost" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  )
}
