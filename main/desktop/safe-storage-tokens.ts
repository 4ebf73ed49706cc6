import { z } from 'zod'
import type { StoredToken, TokenStore } from '../ports.ts'
import type { BlobStore, SafeStorageLike } from './safe-storage-secrets.ts'

const tokensSchema = z.record(z.string(), z.object({ token: z.string(), expiresAt: z.number() }))

/**
 * OAuth access tokens kept across app restarts, encrypted with Electron's safeStorage like the
 * credentials. Where the OS offers no real encryption (Linux without a keyring) they stay in memory
 * only: a token is a secret too, and fetching a new one costs a single request. Expired ones are dropped.
 */
export function createSafeStorageTokenStore(safeStorage: SafeStorageLike, blob: BlobStore, now: () => number = Date.now, platform: NodeJS.Platform = process.platform): TokenStore {
  const encrypted = () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
  const memory = new Map<string, StoredToken>()
  const read = (): Record<string, StoredToken> => {
    if (!encrypted()) return Object.fromEntries(memory)
    const stored = blob.read()
    if (!stored) return {}
    try {
      const parsed = tokensSchema.safeParse(JSON.parse(safeStorage.decryptString(Buffer.from(stored, 'base64'))))
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }
  return {
    get: (key) => {
      const token = read()[key]
      return token && token.expiresAt > now() ? token : undefined
    },
    set: (key, token) => {
      const tokens = Object.fromEntries(Object.entries(read()).filter(([k, t]) => k !== key && t.expiresAt > now()))
      if (token) tokens[key] = token
      if (!encrypted()) {
        memory.clear()
        for (const [k, t] of Object.entries(tokens)) memory.set(k, t)
        return
      }
      try {
        blob.write(Object.keys(tokens).length === 0 ? undefined : safeStorage.encryptString(JSON.stringify(tokens)).toString('base64'))
      } catch {
        // Only a cache: the next start fetches a token again.
      }
    },
  }
}
