import type { VaultApi } from '../../shared/ipc-api.ts'
import { err, type Result } from '../../shared/result.ts'

declare global {
  interface Window {
    vault?: VaultApi
  }
}

/** The only reader of `window.vault`. Outside the desktop app (no bridge) every call says so. */
export function bridge(): VaultApi {
  const api = window.vault
  if (api) return api
  const missing = <T,>(): Promise<Result<T>> =>
    Promise.resolve(err('INTERNAL', 'The desktop bridge is missing: open Vault Companion through the app.'))
  return { getAppInfo: missing, listCharacters: missing }
}
