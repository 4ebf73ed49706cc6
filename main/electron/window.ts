import { BrowserWindow } from 'electron'
import { createRendererRecovery, errorPageUrl, type GoneReason } from '../desktop/renderer-recovery.ts'
import type { TrustedSenders } from '../desktop/trusted-senders.ts'
import { isAppUrl, mainWindowOptions } from '../desktop/window-options.ts'
import type { Logger } from '../logging.ts'

/**
 * Creates the app window, trusted for IPC while it lives. A crashed page reloads once, then shows an
 * error page; a page that fails to load is shown as such, never left blank. Navigation, new windows
 * and permissions are locked down for every WebContents (security.ts).
 */
export function createMainWindow(options: { preloadPath: string; appEntryUrl: string; iconPath: string; senders: TrustedSenders; log: Logger; show: boolean }): BrowserWindow {
  const { appEntryUrl, senders, log } = options
  const window = new BrowserWindow({ ...mainWindowOptions(options.preloadPath), icon: options.iconPath })
  const contentsId = window.webContents.id
  senders.trust(contentsId)
  window.on('closed', () => senders.forget(contentsId))
  if (options.show) window.once('ready-to-show', () => window.show())

  const recovery = createRendererRecovery({
    reload: () => void window.loadURL(appEntryUrl),
    showError: (title, message) => void window.loadURL(errorPageUrl(title, message)),
    log,
    now: Date.now,
  })
  window.webContents.on('render-process-gone', (_event, details) => recovery.processGone(details.reason as GoneReason, details.exitCode))
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) recovery.loadFailed(url, code, description)
  })
  window.loadURL(appEntryUrl).catch((error: unknown) => log.error('window load rejected', { error: error instanceof Error ? error.message : String(error) }))
  return window
}

/** Shows the app's page again if the window is on the error page (opening it from the tray is a retry). */
export function ensureAppPage(window: BrowserWindow, appEntryUrl: string): void {
  if (!isAppUrl(window.webContents.getURL(), appEntryUrl)) void window.loadURL(appEntryUrl)
}
