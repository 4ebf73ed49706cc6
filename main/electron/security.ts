import { app, session, shell } from 'electron'
import { isAllowedExternalUrl, isAppDownloadUrl, isAppUrl } from '../desktop/window-options.ts'

/**
 * Rules for every WebContents the app ever creates, not just the main window (Electron security
 * checklist): no permission is granted or even reported as granted, no device access, no navigation
 * away from the app, no new windows (allow-listed links open in the system browser), no <webview>,
 * no download but the files the page makes itself (the team CSV), saved where the player says.
 */
export function lockDownWebContents(appEntryUrl: string): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.on('will-download', (event, item) => {
    if (!isAppDownloadUrl(item.getURL(), appEntryUrl)) return event.preventDefault()
    item.setSaveDialogOptions({ title: 'Save the team table', defaultPath: item.getFilename(), filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }] })
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appEntryUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appEntryUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
