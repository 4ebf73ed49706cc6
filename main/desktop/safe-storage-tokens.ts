import type { TokenStore } from '../ports.ts'
import { createTokenCache, parseStoredTokens, type StoredTokens } from '../token-cache.ts'
import type { BlobStore, SafeStorageLike } from './safe-storage-secrets.ts'

/**
 * OAuth access tokens kept across app restarts, encrypted with Electron's safeStorage like the
 * credentials. Where the OS offers no real encryption (Linux without a keyring) they stay in memory
 * only: a token is a secret too, and fetching a new one costs a single request.
 */
export function createSafeStorageTokenStore(safeStorage: SafeStorageLike, blob: BlobStore, now: () => number = Date.now, platform: NodeJS.Platform = process.platform): TokenStore {
  const encrypted = () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
  let memory: StoredTokens = {}
  return createTokenCache(
    {
      read: () => {
        if (!encrypted()) return memory
        try {
          const stored = blob.read()
          return stored ? parseStoredTokens(safeStorage.decryptString(Buffer.from(stored, 'base64'))) : {}
        } catch {
          // A database it cannot read right now or a blob it cannot decrypt: fetch a new token.
          return {}
        }
      },
      write: (tokens) => {
        if (!encrypted()) {
          memory = tokens
          return
        }
        try {
          blob.write(Object.keys(tokens).length === 0 ? undefined : safeStorage.encryptString(JSON.stringify(tokens)).toString('base64'))
        } catch {
          // Only a cache: the next start fetches a token again.
        }
      },
    },
    now,
  )
}
