import { join } from 'node:path'
import { app, safeStorage } from 'electron'
import { createCore, type Core } from '../composition.ts'
import { createSafeStorageSecrets } from '../desktop/safe-storage-secrets.ts'
import { createSafeStorageTokenStore } from '../desktop/safe-storage-tokens.ts'
import type { SecretStore } from '../ports.ts'
import { deleteSetting, getSettingText, setSetting } from '../store/settings-repo.ts'
import { StoreError } from '../store/store-error.ts'

const CREDENTIALS_KEY = 'credentials.encrypted'
const TOKENS_KEY = 'tokens.encrypted'

/** Files shipped next to the app: packaged as extra resources, else in the checkout. */
export function resource(...parts: string[]): string {
  return app.isPackaged ? join(process.resourcesPath, ...parts) : join(app.getAppPath(), ...parts)
}

/** A text setting of the open core (encrypted blobs); nothing while the database could not be opened. */
function settingBlob(core: () => Core | StoreError | undefined, key: string) {
  const ready = () => {
    const current = core()
    return current && !(current instanceof StoreError) ? current : undefined
  }
  return {
    read: () => {
      const current = ready()
      return current ? getSettingText(current.store.db, key) : undefined
    },
    write: (value: string | undefined) => {
      const current = ready()
      if (!current) return
      if (value === undefined) deleteSetting(current.store.db, key)
      else setSetting(current.store.db, key, value, Date.now())
    },
  }
}

/**
 * Opens the database and the core with the saved credentials, both encrypted with safeStorage in the
 * database (OAuth tokens too). A database that cannot be opened is returned as the StoreError the
 * window then shows; the app still starts.
 */
export function openDesktopCore(): { core: Core | StoreError; secrets: SecretStore } {
  const opened: { core?: Core | StoreError } = {}
  const secrets = createSafeStorageSecrets(safeStorage, settingBlob(() => opened.core, CREDENTIALS_KEY))
  try {
    // VAULT_DATA_DIR is shared with the CLI, so both can use one database (and tests a temp one).
    const dataDir = process.env.VAULT_DATA_DIR ?? app.getPath('userData')
    const migrationsFolder = app.isPackaged ? resource('migrations') : resource('main/store/migrations')
    const core = createCore({ dataDir, env: process.env, migrationsFolder, tokenStore: createSafeStorageTokenStore(safeStorage, settingBlob(() => opened.core, TOKENS_KEY)) })
    opened.core = core
    core.setStoredCredentials(secrets.load())
  } catch (error) {
    opened.core = error instanceof StoreError ? error : new StoreError('DB_UNREADABLE', error instanceof Error ? error.message : String(error))
  }
  return { core: opened.core, secrets }
}
