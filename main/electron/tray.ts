import { Menu, Tray, nativeImage } from 'electron'
import { buildTrayMenu, trayTooltip, type TrayActions, type TrayState } from '../desktop/tray-menu.ts'

/** The system tray icon; `update` rebuilds its menu (Linux needs setContextMenu again after changes). */
export function createTray(iconPath: string, actions: TrayActions): { update(state: TrayState): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath))
  tray.setToolTip('Vault Companion')
  // "Sync all now" lives in the context menu: GNOME shows no click events without an extension.
  tray.on('click', actions.open)
  return {
    update(state) {
      tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(state, actions)))
      tray.setToolTip(trayTooltip(state))
    },
    destroy: () => tray.destroy(),
  }
}
