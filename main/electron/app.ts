import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow } from 'electron'
import { databasePath } from '../data-dir.ts'
import { createIpcHandlers } from '../ipc-handlers.ts'
import { openStore, type Store } from '../store/db.ts'
import { StoreError } from '../store/store-error.ts'
import { registerIpc } from './ipc.ts'
import { createMainWindow } from './window.ts'

/** Entry of the desktop app: the thin Electron shell around the plain-Node core. */

const here = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const appEntryUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href

function migrationsFolder(): string {
  // Packaged: shipped as an extra resource; from a checkout: the source folder.
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : join(app.getAppPath(), 'main/store/migrations')
}

function openAppStore(): Store | StoreError {
  try {
    // VAULT_DATA_DIR is shared with the CLI, so both can use one database (and tests a temp one).
    const dataDir = process.env.VAULT_DATA_DIR ?? app.getPath('userData')
    return openStore(databasePath(dataDir), migrationsFolder())
  } catch (error) {
    if (error instanceof StoreError) return error
    return new StoreError('DB_UNREADABLE', error instanceof Error ? error.message : String(error))
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let store: Store | StoreError | undefined
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  void app.whenReady().then(() => {
    store = openAppStore()
    registerIpc(createIpcHandlers({ appVersion: app.getVersion(), store }), appEntryUrl)
    createMainWindow(preloadPath, appEntryUrl)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    if (store && !(store instanceof StoreError)) store.close()
  })
}
