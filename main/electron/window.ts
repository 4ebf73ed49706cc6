import { BrowserWindow, shell } from 'electron'
import { isAllowedExternalUrl, isAppUrl, mainWindowOptions } from '../desktop/window-options.ts'

/** Creates the app window with navigation, new windows and permission requests locked down. */
export function createMainWindow(preloadPath: string, appEntryUrl: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  const { webContents } = window
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appEntryUrl)) event.preventDefault()
  })
  webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appEntryUrl)
  return window
}
