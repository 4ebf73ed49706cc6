import type { VaultApi } from '../../shared/ipc-api.ts'
import { err } from '../../shared/result.ts'

declare global {
  interface Window {
    vault?: VaultApi
  }
}

const MISSING = 'The desktop bridge is missing: open Vault Companion through the app.'

/** A stand-in for when the page runs outside the app: every call answers with a clear error. */
const missingBridge: VaultApi = new Proxy({} as VaultApi, {
  get: (_target, property) => (property === 'on' ? () => () => {} : () => Promise.resolve(err('INTERNAL', MISSING))),
})

/** The only reader of `window.vault` (the preload's contract); everything else goes through this. */
export function bridge(): VaultApi {
  return window.vault ?? missingBridge
}
