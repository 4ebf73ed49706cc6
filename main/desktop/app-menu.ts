/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape, roles as strings):
 * the standard Edit and Window roles so copy, paste and shortcuts work, the app's own File entries,
 * and the developer entries (Reload, DevTools) only in development builds.
 */
export interface AppMenuItem {
  /** Lets tests (and Menu.getMenuItemById) find an entry. */
  id?: string
  label?: string
  role?: string
  type?: 'separator' | 'submenu' | 'normal'
  accelerator?: string
  click?: () => void
  submenu?: AppMenuItem[]
}

export interface AppMenuActions {
  syncAll(): void
  openLogsFolder(): void
  checkForUpdates(): void
}

export function appMenuTemplate(options: { platform: NodeJS.Platform; packaged: boolean; actions: AppMenuActions }): AppMenuItem[] {
  const { platform, packaged, actions } = options
  const mac = platform === 'darwin'
  const separator: AppMenuItem = { type: 'separator' }
  const file: AppMenuItem = {
    label: 'File',
    submenu: [
      { id: 'sync-all', label: 'Sync All Now', accelerator: 'F5', click: actions.syncAll },
      separator,
      { label: 'Open Logs Folder', click: actions.openLogsFolder },
      separator,
      // On macOS Quit lives in the app menu; Close hides the window to the tray like its close button.
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const view: AppMenuItem = {
    label: 'View',
    submenu: [
      ...(packaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  }
  const help: AppMenuItem = { role: 'help', submenu: [{ label: 'Check for Updates', click: actions.checkForUpdates }, ...(mac ? [] : [{ role: 'about' }])] }
  return [...(mac ? [{ role: 'appMenu' }] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help]
}
