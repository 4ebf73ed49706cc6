import type { ErrorCode } from './errors.ts'

/** An error as a value: survives the IPC bridge and JSON, unlike a thrown Error (Electron keeps only `message`). */
export interface AppError {
  code: ErrorCode
  message: string
}

/** Success or a typed error; every fallible boundary (IPC, validation, sync) returns one. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}
