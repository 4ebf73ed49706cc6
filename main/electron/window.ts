import { BrowserWindow } from 'electron'
import { mainWindowOptions } from '../desktop/window-options.ts'

/** Creates the app window; navigation, new windows and permissions are locked down for every WebContents (security.ts). */
export function createMainWindow(preloadPath: string, appEntryUrl: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath), icon: iconPath })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appEntryUrl)
  return window
}
