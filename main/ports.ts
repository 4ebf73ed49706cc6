import type { StoredCredentials } from './config.ts'

/** Interfaces the core needs from outside, so clients, store and shells stay independent of each other. */

/**
 * Port for conditional requests: the last `Last-Modified` of a resource and the value parsed from it.
 * On 304 the client returns the stored value without parsing anything. The store implements it; the
 * composition root wires it in (clients never import the store).
 */
export interface ResponseCache {
  get(key: string): CachedResponse | undefined
  set(key: string, entry: CachedResponse): void
}

export interface CachedResponse {
  lastModified: string
  value: unknown
}

/** Time and timers, injected so the scheduler can be tested with a controllable clock. */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Where the desktop app keeps API credentials: Electron's safeStorage in the app, memory in tests.
 * `plaintext` means the OS offers no secret store (Linux without a keyring: safeStorage falls back to
 * a fixed key), which the UI must say before anything is saved.
 */
export interface SecretStore {
  availability(): 'encrypted' | 'plaintext' | 'unavailable'
  load(): StoredCredentials
  save(credentials: StoredCredentials): void
}

/** An OAuth access token and when to stop using it (epoch ms). */
export interface StoredToken {
  token: string
  expiresAt: number
}

/**
 * Where access tokens outlive a process, so a CLI run with a known token skips the token round trip.
 * Tokens are secrets: the CLI keeps them in an owner-only file, never in the database.
 */
export interface TokenStore {
  get(key: string): StoredToken | undefined
  /** Stores a token, or forgets it (undefined) after the API rejected it. */
  set(key: string, token: StoredToken | undefined): void
}
