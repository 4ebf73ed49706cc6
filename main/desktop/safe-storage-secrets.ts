import { z } from 'zod'
import type { StoredCredentials } from '../config.ts'
import type { SecretStore } from '../ports.ts'

/** The part of Electron's safeStorage this needs, injected so it is testable without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only: 'basic_text' means no keyring, i.e. a fixed key (effectively plain text). */
  getSelectedStorageBackend?(): string
}

/** Where the encrypted blob lives (a settings row in the app). */
export interface BlobStore {
  read(): string | undefined
  write(base64: string | undefined): void
}

const credentials = z.object({ clientId: z.string(), clientSecret: z.string() })
const storedSchema = z.object({ blizzard: credentials.optional(), warcraftlogs: credentials.optional(), discordWebhook: z.string().max(500).optional(), raiderioAccessKey: z.string().max(200).optional() })

/**
 * API credentials (and the officer digest's webhook address) encrypted with Electron's safeStorage (OS keychain: Keychain, DPAPI, libsecret or
 * kwallet). A blob that cannot be decrypted (another OS user, a reset keyring) reads as "no saved
 * credentials" rather than failing start-up.
 */
export function createSafeStorageSecrets(safeStorage: SafeStorageLike, blob: BlobStore, platform: NodeJS.Platform = process.platform): SecretStore {
  return {
    availability() {
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable'
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'plaintext'
      return 'encrypted'
    },
    load(): StoredCredentials {
      const stored = blob.read()
      if (!stored || !safeStorage.isEncryptionAvailable()) return {}
      try {
        const parsed = storedSchema.safeParse(JSON.parse(safeStorage.decryptString(Buffer.from(stored, 'base64'))))
        return parsed.success ? parsed.data : {}
      } catch {
        return {}
      }
    },
    save(next) {
      const empty = !next.blizzard && !next.warcraftlogs && !next.discordWebhook && !next.raiderioAccessKey
      blob.write(empty ? undefined : safeStorage.encryptString(JSON.stringify(next)).toString('base64'))
    },
  }
}
