import { BrowserWindow, shell } from 'electron'
import { isAllowedExternalUrl, isAppUrl, mainWindowOptions } from '../desktop/window-options.ts'

/** Creates the app window with navigation, new windows and permission requests locked down. */
export function createMainWindow(preloadPath: string, appEntryUrl: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath), icon: iconPath })
  const { webContents } = window
  // Electron security checklist: deny permissions, block navigation, no new windows.
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appEntryUrl)) event.preventDefault()
  })
  webContents.setWindowOpenHandler(({ url }) => {
    // Links to the credential pages open in the system browser; nothing opens inside the app.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appEntryUrl)
  return window
}
