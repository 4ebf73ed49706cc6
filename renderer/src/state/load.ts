import type { AppError, Result } from '../../../shared/result.ts'

/** Something fetched from main: not yet, here, or failed with a reason to show. */
export type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: AppError }

export const loading = { state: 'loading' } as const

export function fromResult<T>(result: Result<T>): Load<T> {
  return result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error }
}
