import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow} from 'electron';
import { app, Notification, powerMonitor, safeStorage } from 'electron'
import { readAppSettings } from '../app-settings.ts'
import { createCore, createCoreScheduler, type Core } from '../composition.ts'
import { rendererEntryUrl } from '../desktop/app-protocol.ts'
import { createSafeStorageSecrets } from '../desktop/safe-storage-secrets.ts'
import { createSafeStorageTokenStore } from '../desktop/safe-storage-tokens.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { unlockNotice } from '../desktop/unlock-notice.ts'
import { createIpcHandlers } from '../ipc-handlers.ts'
import { getCharacter, listCharacters } from '../store/characters-repo.ts'
import { deleteSetting, getSettingText, setSetting } from '../store/settings-repo.ts'
import { StoreError } from '../store/store-error.ts'
import type { Scheduler } from '../sync/scheduler.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { registerIpc, sendEvent } from './ipc.ts'
import { registerAppScheme, serveAppScheme } from './protocol.ts'
import { lockDownWebContents } from './security.ts'
import { createMainWindow } from './window.ts'
import { createTray } from './tray.ts'

/** Entry of the desktop app: the thin Electron shell around the plain-Node core. */

const here = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererRoot = join(here, '../renderer')
const appEntryUrl = rendererEntryUrl(app.isPackaged, process.env)

// Before ready: every renderer sandboxed, and app:// known as a secure standard scheme.
app.enableSandbox()
registerAppScheme()
const CREDENTIALS_KEY = 'credentials.encrypted'
const TOKENS_KEY = 'tokens.encrypted'

/** Files shipped next to the app: packaged as extra resources, else in the checkout. */
function resource(...parts: string[]): string {
  return app.isPackaged ? join(process.resourcesPath, ...parts) : join(app.getAppPath(), ...parts)
}

function openCore(): Core | StoreError {
  try {
    // VAULT_DATA_DIR is shared with the CLI, so both can use one database (and tests a temp one).
    const dataDir = process.env.VAULT_DATA_DIR ?? app.getPath('userData')
    // Tokens live in the database, encrypted; the store is only there once the core is.
    const opened: { core?: Core } = {}
    const tokenBlob = {
      read: () => (opened.core ? getSettingText(opened.core.store.db, TOKENS_KEY) : undefined),
      write: (value: string | undefined) => {
        if (!opened.core) return
        if (value === undefined) deleteSetting(opened.core.store.db, TOKENS_KEY)
        else setSetting(opened.core.store.db, TOKENS_KEY, value, Date.now())
      },
    }
    opened.core = createCore({ dataDir, env: process.env, migrationsFolder: app.isPackaged ? resource('migrations') : resource('main/store/migrations'), tokenStore: createSafeStorageTokenStore(safeStorage, tokenBlob) })
    return opened.core
  } catch (error) {
    if (error instanceof StoreError) return error
    return new StoreError('DB_UNREADABLE', error instanceof Error ? error.message : String(error))
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let window: BrowserWindow | undefined
  let core: Core | StoreError | undefined
  let scheduler: Scheduler | undefined
  let quitting = false
  const iconPath = resource(app.isPackaged ? 'icon.png' : 'build/icon.png')
  const trayIconPath = resource(app.isPackaged ? 'tray.png' : 'build/tray.png')

  const showWindow = (characterId: number | null = null) => {
    let fresh = false
    if (!window || window.isDestroyed()) {
      fresh = true
      window = createMainWindow(preloadPath, appEntryUrl, iconPath)
      window.on('close', (event) => {
        // Closing keeps the app and its hourly sync running in the tray, unless turned off or quitting.
        if (!quitting && core && !(core instanceof StoreError) && readAppSettings(core.store.db).closeToTray) {
          event.preventDefault()
          window?.hide()
        }
      })
    }
    if (characterId !== null) {
      const target = window
      if (fresh) target.webContents.once('did-finish-load', () => sendEvent(target, 'app:navigate', { characterId }))
      else sendEvent(target, 'app:navigate', { characterId })
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  app.on('second-instance', () => showWindow())

  void app.whenReady().then(() => {
    serveAppScheme(rendererRoot)
    lockDownWebContents(appEntryUrl)
    core = openCore()
    const blob = {
      read: () => (core instanceof StoreError || !core ? undefined : getSettingText(core.store.db, CREDENTIALS_KEY)),
      write: (value: string | undefined) => {
        if (!core || core instanceof StoreError) return
        if (value === undefined) deleteSetting(core.store.db, CREDENTIALS_KEY)
        else setSetting(core.store.db, CREDENTIALS_KEY, value, Date.now())
      },
    }
    const secrets = createSafeStorageSecrets(safeStorage, blob)

    if (!(core instanceof StoreError)) {
      const ready = core
      ready.setStoredCredentials(secrets.load())
      scheduler = createCoreScheduler(ready)
      const overviews = new Map<number, CharacterOverview>(listCharacters(ready.store.db).map((c) => [c.id, characterOverview(ready, c)]))
      const progress = { running: false, done: 0, total: 0 }
      const tray = createTray(trayIconPath, {
        syncAll: () => void scheduler?.runNow(),
        openCharacter: (id) => showWindow(id),
        open: () => showWindow(),
        quit: () => app.quit(),
      })
      // Character lines are rebuilt when data changes; progress ticks only relabel "Sync all".
      let trayCharacters: CharacterOverview[] = []
      const renderTray = () => {
        const synced = trayCharacters.map((c) => c.lastSyncedAt ?? 0)
        const newest = Math.max(0, ...synced)
        tray.update({ characters: trayCharacters, sync: progress, lastSyncAt: newest > 0 ? newest : null, now: Date.now() })
      }
      const reloadTray = () => {
        trayCharacters = listCharacters(ready.store.db).map((c) => characterOverview(ready, c))
        renderTray()
      }
      ready.events.on('run:progress', ({ done, total }) => {
        Object.assign(progress, { running: done < total, done, total })
        sendEvent(window, 'sync:progress', { ...progress })
        renderTray()
      })
      ready.events.on('character:finished', ({ characterId }) => {
        const character = getCharacter(ready.store.db, characterId)
        if (!character) return
        const after = characterOverview(ready, character)
        const notice = unlockNotice(overviews.get(characterId), after)
        overviews.set(characterId, after)
        if (notice && readAppSettings(ready.store.db).notifications && Notification.isSupported()) new Notification({ ...notice, icon: iconPath }).show()
      })
      ready.events.on('data:changed', ({ characterId }) => {
        sendEvent(window, 'data:changed', { characterId })
        reloadTray()
      })
      powerMonitor.on('resume', () => scheduler?.wake())
      reloadTray()
      scheduler.start()
    }

    registerIpc(createIpcHandlers({ appVersion: app.getVersion(), core, scheduler, secrets, env: process.env }), appEntryUrl)
    showWindow()
  })

  // With close-to-tray the app lives on without windows; Quit (tray or menu) ends it.
  app.on('window-all-closed', () => {
    if (core instanceof StoreError || !core || !readAppSettings(core.store.db).closeToTray) app.quit()
  })
  app.on('before-quit', (event) => {
    if (quitting) return
    quitting = true
    event.preventDefault()
    void (scheduler?.stop() ?? Promise.resolve()).finally(() => {
      if (core && !(core instanceof StoreError)) core.close()
      app.quit()
    })
  })
}
