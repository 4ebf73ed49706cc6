import type { Region } from './domain/types.ts'
import type { AppError, Result } from './result.ts'

/**
 * The zod-free half of the IPC contract: the API the preload exposes as `window.vault` and the channel
 * each method calls. The sandboxed preload can bundle nothing from npm, so it imports only this file;
 * the argument schemas live in ipc-contract.ts, which main uses to validate every call.
 */

/** What the app shows about itself and its database. */
export interface AppInfo {
  version: string
  database: { ok: true; path: string } | { ok: false; error: AppError }
}

/** A tracked character as the renderer lists it. */
export interface CharacterSummary {
  id: number
  region: Region
  realm: string
  name: string
}

/** `window.vault`: one method per channel. */
export interface VaultApi {
  getAppInfo(): Promise<Result<AppInfo>>
  listCharacters(): Promise<Result<CharacterSummary[]>>
}

/** Which channel each VaultApi method calls; the preload builds `window.vault` from this table. */
export const VAULT_API_CHANNELS = {
  getAppInfo: 'app:info',
  listCharacters: 'characters:list',
} as const satisfies { readonly [M in keyof VaultApi]: string }

export type InvokeChannel = (typeof VAULT_API_CHANNELS)[keyof VaultApi]

/** What each channel resolves to, derived from the API so the two cannot drift apart. */
export type ChannelResults = {
  [M in keyof VaultApi as (typeof VAULT_API_CHANNELS)[M]]: Awaited<ReturnType<VaultApi[M]>> extends Result<infer T> ? T : never
}
